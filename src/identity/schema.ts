import { z } from 'zod';
import type { MessageKey } from '../i18n/i18n.ts';
import { queryFlag } from '../lib/query.ts';

/** The sign-in form as posted; messages are translation keys. */
export const signInForm = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'identity.sign_in.email_required' satisfies MessageKey)
    .max(254, 'identity.sign_in.email_invalid' satisfies MessageKey)
    .pipe(z.email('identity.sign_in.email_invalid' satisfies MessageKey)),
  password: z
    .string()
    .min(1, 'identity.sign_in.password_required' satisfies MessageKey)
    .max(1024, 'identity.sign_in.password_required' satisfies MessageKey),
});

export type SignInForm = z.infer<typeof signInForm>;

/** The sign-in page's notices after signing out or setting a password. */
export const signInQuery = z.object({ signed_out: queryFlag, password_set: queryFlag });
/** The staff list's notices after a save or an invitation. */
export const staffListQuery = z.object({ saved: queryFlag, invited: queryFlag });
