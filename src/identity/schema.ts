import { z } from 'zod';
import type { MessageKey } from '../i18n/i18n.ts';

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
