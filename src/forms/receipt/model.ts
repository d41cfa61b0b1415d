// The receipt's input: a plain description of one submission, already in the citizen's language.
// The form engine turns a submission into this; the receipt never reads a form definition, so a
// form's later versions cannot change what an old receipt says.
import { z } from 'zod';
import { LANGS } from '../../i18n/i18n.ts';

const text = z.string().trim().min(1).max(10_000);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** An address as written, with the RÚIAN address point when the citizen's register gave one. */
export const addressSchema = z.object({
  text: z.string().trim().min(1).max(500),
  /** ISO 3166-1 alpha-2. */
  country: z.string().regex(/^[A-Z]{2}$/),
  /** Czech RÚIAN kód adresního místa (ZoPDS `adresní_místo`). */
  ruianCode: z.number().int().min(1).max(999_999_999).optional(),
});

/** An answer's value, typed so that the receipt formats it as the citizen's language writes it. */
export const valueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text }),
  z.object({ kind: z.literal('date'), date: day }),
  z.object({ kind: z.literal('money'), minor: z.number().int(), currency: z.string().length(3) }),
  z.object({ kind: z.literal('number'), value: z.number() }),
  z.object({ kind: z.literal('yesno'), value: z.boolean() }),
  z.object({ kind: z.literal('list'), items: z.array(text).max(200) }),
  /** A file answer: the file itself is one of the receipt's attachments. */
  z.object({ kind: z.literal('file'), fileName: text, bytes: z.number().int().min(0) }),
  z.object({ kind: z.literal('empty') }),
]);

const rowSchema = z.object({ label: text, value: valueSchema });

/** A page or part of the form; a repeated group's items are its subsections ("Pes 1", "Pes 2"). */
export const sectionSchema = z.object({
  title: text,
  rows: z.array(rowSchema).max(500),
  subsections: z
    .array(z.object({ title: text, rows: z.array(rowSchema).max(500) }))
    .max(200)
    .default([]),
});

/** A code of the Czech register of rights and duties (RPP) with its name there. */
const rppEntry = (pattern: RegExp) => z.object({ code: z.string().regex(pattern), name: text });

export const receiptModelSchema = z.object({
  organisation: z.object({
    name: text,
    country: z.enum(['SI', 'CZ']),
    /** What ZoPDS needs of a Czech office: the recipient, and the system the form was filled in. */
    czech: z
      .object({
        ico: z.string().regex(/^[0-9]{8}$/),
        dataBox: z.string().min(1).max(20),
        seat: addressSchema,
        /** The ISVS (information system of public administration) registered in RPP. */
        isvs: z.object({ code: z.string().regex(/^\d{1,6}$/), name: text }),
      })
      .optional(),
  }),
  referenceNumber: z.string().trim().min(1).max(100),
  submittedAt: z.date(),
  /** The act was authorised by a fresh eID sign-in at `at`, by provider `provider` (decision 042). */
  actAuthorisation: z.object({ at: z.date(), provider: z.string().min(1).max(64) }).optional(),
  /** The office's IANA zone: times are printed as the office's clock showed them. */
  timeZone: z.string().min(1),
  lang: z.enum(LANGS),
  form: z.object({
    id: z.string().min(1).max(100),
    title: text,
    version: z.string().min(1).max(40),
    rpp: z
      .object({
        agenda: rppEntry(/^A\d{1,6}$/),
        service: rppEntry(/^S\d{1,6}$/),
        act: rppEntry(/^U\d{1,8}$/),
      })
      .optional(),
    /** The service is performed in delegated powers (přenesená působnost). */
    delegatedPowers: z.boolean().default(false),
  }),
  submitter: z.object({
    givenName: z.string().trim().min(1).max(200),
    familyName: z.string().trim().min(1).max(200),
    address: addressSchema,
    /** Absent when the citizen's eID gave none and the form asked for none. */
    email: z.email().optional(),
    /** What a Czech eID sign-in (NIA) gives; ZoPDS names a person by these. */
    czech: z.object({ dateOfBirth: day, dataBox: z.string().min(1).max(20).optional() }).optional(),
  }),
  sections: z.array(sectionSchema).max(200),
  attachments: z
    .array(
      z.object({
        /** What the file is, as the form's question calls it. */
        title: text,
        fileName: z.string().trim().min(1).max(255),
        mediaType: z.string().regex(/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/i),
        bytes: z.instanceof(Uint8Array),
      }),
    )
    .max(100),
  /** ZoPDS `způsob_provedení_úkonu` (a code list item); by default a signed-in eID (code 4). */
  actMethod: z.object({ code: z.string().min(1), name: text }).optional(),
  /** ZoPDS `doručit_osvědčení_do_datové_schránky`: the citizen asked for the certificate there. */
  certificateToDataBox: z.boolean().default(false),
});

/** One submission as its receipt shows it (see receiptModelSchema). */
export type ReceiptModel = z.input<typeof receiptModelSchema>;
export type ParsedReceipt = z.output<typeof receiptModelSchema>;
export type ReceiptValue = z.infer<typeof valueSchema>;
export type ReceiptSection = z.output<typeof sectionSchema>;
export type Address = z.infer<typeof addressSchema>;
