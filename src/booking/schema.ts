import { z } from 'zod';
import type { MessageKey } from '../i18n/i18n.ts';
import { queryFlag, typedText } from '../lib/query.ts';

const key = (k: MessageKey) => k;

/** The contact form (and the body of createHold): messages are translation keys. */
export const contactForm = z.object({
  name: z.string().trim().min(2, key('book.error.name')).max(120, key('book.error.name')),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, key('book.error.email'))
    .pipe(z.email(key('book.error.email'))),
  phone: z
    .string()
    .trim()
    .max(30, key('book.error.phone'))
    .regex(/^$|^\+?[0-9][0-9 ()/-]{5,}$/, key('book.error.phone'))
    .optional()
    .transform((v) => v || null),
  notes: z
    .string()
    .trim()
    .max(1000, key('book.error.notes'))
    .optional()
    .transform((v) => v || null),
});
export type ContactForm = z.infer<typeof contactForm>;

export const codeForm = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, key('book.error.code_format')),
});

/**
 * A slot start as sent back by a page: an ISO instant within the years the calendar arithmetic
 * covers (the API refuses the same range: a start in the year 9999 made the nearest free times
 * overflow the date range, a 500 instead of a 400).
 */
export const instant = z.iso
  .datetime({ offset: true })
  .refine((s) => Date.parse(s) >= Date.UTC(1970, 0, 1) && Date.parse(s) < Date.UTC(9000, 0, 1))
  .transform((s) => new Date(s));

export const monthParam = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .optional()
  .catch(undefined);
/** A calendar day `YYYY-MM-DD` that exists (not 2026-12-99, which no date format can show). */
export const dayParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const noon = Date.parse(`${s}T12:00:00Z`);
    return !Number.isNaN(noon) && new Date(noon).toISOString().startsWith(s);
  })
  .optional()
  .catch(undefined);

/** A booking page's organisation, service and office, by slug. */
export const targetParams = z.object({
  org: z.string().max(80),
  service: z.string().max(80),
  office: z.string().max(80),
});
/** The office-choosing page of a service. */
export const serviceParams = z.object({ org: z.string(), service: z.string() });
/** A manage link's token (codes.ts linkToken: 32 bytes, base64url). */
export const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
export const holdParams = z.object({ hold: z.uuid() });

/** `?month=&day=` of a calendar link: a malformed value is ignored (today's month, no day). */
export const calendarQuery = z.object({ month: monthParam, day: dayParam });
/** The time a step is for, as `?start=` of a link or the hidden field of a form. */
export const startInput = z.object({ start: instant });
/** `?start=` of the move page: a time to confirm; without one (or with several) the calendar. */
export const moveQuery = z.object({
  start: z.preprocess((v) => (typeof v === 'string' ? v : undefined), instant.optional()),
});
/** `?resent=1` after "send the code again". */
export const holdQuery = z.object({ resent: queryFlag });
/** The manage page's notices after the step that led to it. */
export const manageQuery = z.object({
  confirmed: queryFlag,
  cancelled: queryFlag,
  moved: queryFlag,
});
/** What was typed into the contact form, kept when it comes back with errors. */
export const typedContact = z.object({
  name: typedText,
  email: typedText,
  phone: typedText,
  notes: typedText,
});
/** The code as typed, kept when the code page comes back with an error. */
export const typedCode = z.object({ code: typedText.transform((s) => s.slice(0, 6)) });
/** A closure, an absence or a service on the availability page. */
export const idParams = z.object({ id: z.uuid() });
/** `?saved=1` after a change on the availability page. */
export const savedQuery = z.object({ saved: queryFlag });
/** Only the confirmation page's "Yes" cancels. */
export const confirmForm = z.object({ confirm: z.literal('yes') });
