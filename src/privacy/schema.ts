import { z } from 'zod';
import type { MessageKey, Translate } from '../i18n/i18n.ts';
import type { FieldErrors } from '../views/form.ts';
import { queryFlag } from '../lib/query.ts';
import { normaliseEmail } from './export.ts';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from './retention.ts';

/** An optional text field: trimmed, and empty or left out means "not set" (null). */
const optional = (max: number, message: MessageKey) =>
  z.preprocess(
    (v) => v ?? '',
    z
      .string()
      .trim()
      .max(max, message)
      .transform((s) => (s === '' ? null : s)),
  );

/** The settings form on /staff/privacy; each issue's message is the i18n key for its field. */
export const settingsForm = z.object({
  retentionDays: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, 'privacy.error.retention')
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(MIN_RETENTION_DAYS, 'privacy.error.retention')
        .max(MAX_RETENTION_DAYS, 'privacy.error.retention'),
    ),
  dpoName: optional(200, 'privacy.error.dpo_name'),
  dpoEmail: z.preprocess(
    (v) => v ?? '',
    z
      .string()
      .trim()
      .toLowerCase()
      .max(254, 'privacy.error.dpo_email')
      .refine((s) => s === '' || z.email().safeParse(s).success, 'privacy.error.dpo_email')
      .transform((s) => (s === '' ? null : s)),
  ),
  postalAddress: optional(500, 'privacy.error.postal'),
});

/** A citizen's address typed by an admin: searched in the form the booking form stores (normaliseEmail). */
export const emailForm = z.object({
  email: z
    .string()
    .max(254)
    .transform((s, ctx) => {
      const email = normaliseEmail(s);
      if (email === null) {
        ctx.addIssue({ code: 'custom', message: 'privacy.error.email' });
        return z.NEVER;
      }
      return email;
    }),
});

/** The settings form's issues as translated messages, one per field, in the form's order. */
/** The privacy page's notices: `?saved=1`, or `?erased=n-m` (entries erased, bookings cancelled). */
export const privacyQuery = z.object({
  saved: queryFlag,
  erased: z
    .string()
    .regex(/^\d{1,9}-\d{1,9}$/)
    .transform((s) => {
      const [erased = '0', cancelled = '0'] = s.split('-');
      return { erased, cancelled };
    })
    .optional()
    .catch(undefined),
});

export function settingsErrors(error: z.ZodError, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const name of ['retentionDays', 'dpoName', 'dpoEmail', 'postalAddress'] as const) {
    const issue = error.issues.find((i) => i.path[0] === name);
    if (issue)
      errors[name] = t(
        issue.message.startsWith('privacy.') ? (issue.message as MessageKey) : fallback[name],
      );
  }
  return errors;
}

// A missing field (a hand-made request) gets the field's own message, not zod's English.
const fallback: Record<'retentionDays' | 'dpoName' | 'dpoEmail' | 'postalAddress', MessageKey> = {
  retentionDays: 'privacy.error.retention',
  dpoName: 'privacy.error.dpo_name',
  dpoEmail: 'privacy.error.dpo_email',
  postalAddress: 'privacy.error.postal',
};
