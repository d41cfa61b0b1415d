/** What the profile's forms take: the phone number, a new e-mail address and its code. */
import { z } from 'zod';
import { typedText } from '../lib/query.ts';

/** The column's limit (migration 019). */
const PHONE_MAX = 40;

/**
 * A phone number as people write it: an optional leading +, digits, and the spaces, brackets,
 * dots, slashes and hyphens they group them with ("+386 1 234 56 78", "(01) 234-5678"), 6 to 15
 * digits (ITU-T E.164 has at most 15). Runs of spaces become one. Empty: no phone (removed).
 */
export const phoneNumber = z
  .string()
  .transform((v) => v.trim().replace(/\s+/g, ' '))
  .refine((v) => v === '' || (v.length <= PHONE_MAX && /^\+?[0-9 ()./-]+$/.test(v)))
  .refine((v) => {
    const digits = v.replace(/\D/g, '').length;
    return v === '' || (digits >= 6 && digits <= 15);
  })
  .transform((v) => (v === '' ? null : v));

/**
 * The phone form: one number, or empty to remove it. A missing field or one sent twice is
 * refused, never read as "remove".
 */
export const phoneForm = z.object({ phone: phoneNumber });
/** What was typed in the phone form, to show again when it is refused. */
export const typedPhone = z.object({ phone: typedText });

/** The new address form (checked with `emailAddress`, schema.ts). */
export const newEmailForm = z.object({ email: typedText });

/** Which change the code page is for (the redirect after asking names it); malformed: none. */
export const emailCodeQuery = z.object({ change: z.uuid().catch('') });

/** The code form of an e-mail change: which change, and the six digits (spaces dropped). */
export const emailCodeForm = emailCodeQuery.extend({
  code: typedText.transform((v) => v.replace(/\s+/g, '')),
});

/** The notice /account shows after a change. */
export const savedNotice = z.object({
  saved: z
    .enum(['phone', 'phone_removed', 'email', 'way_added', 'way_removed'])
    .optional()
    .catch(undefined),
});
