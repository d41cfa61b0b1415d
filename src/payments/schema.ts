// The fee register's staff forms and queries as posted (zod): strings, bounded, never trusted
// further than their shape; the service checks what they mean.
import { z } from 'zod';
import { DUE_FIELDS } from './views/obligation-form.ts';

const text = (max = 1000) => z.string().max(max).default('');

export const idParam = z.object({ id: z.uuid() });

/** The register's filter: unknown values read as no filter. */
export const listQuery = z.object({
  standing: z
    .enum(['paid', 'due', 'overdue', 'partly_paid', 'overpaid', 'cancelled'])
    .optional()
    .catch(undefined),
  fee: z.uuid().optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
});

/** A notice after a redirect: which change was made. */
export const doneQuery = z.object({
  done: z
    .enum(['created', 'cash', 'cancelled', 'type', 'rate', 'saved'])
    .optional()
    .catch(undefined),
});

export const obligationForm = z.object({
  feeType: text(100),
  payerName: text(),
  subject: text(),
  period: text(),
  amount: text(100),
  ...Object.fromEntries(Array.from({ length: DUE_FIELDS }, (_, i) => [`due${i + 1}`, text(100)])),
  birthNumber: text(100),
  email: text(),
}) as z.ZodType<Record<string, string> & { feeType: string }>;

export const cashForm = z.object({ amount: text(100), receivedOn: text(100) });

export const feeTypeForm = z.object({
  code: text(100),
  name_sl: text(),
  name_cs: text(),
  name_en: text(),
  basis: text(40),
  formSlug: text(200),
});

export const rateForm = z.object({
  effectiveFrom: text(100),
  amount: text(100),
  ordinance: text(),
});

export const settingsForm = z.object({
  payeeName: text(),
  payeeStreet: text(),
  payeeCity: text(),
  iban: text(100),
  bic: text(100),
  qrFormat: text(20),
  purposeCode: text(20),
  birthNumberLookup: z.string().max(5).optional(),
  legalBasis_sl: text(2000),
  legalBasis_cs: text(2000),
  legalBasis_en: text(2000),
});
