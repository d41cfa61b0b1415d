import { z } from 'zod';
import type { MessageKey } from '../i18n/i18n.ts';

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
export const dayParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
