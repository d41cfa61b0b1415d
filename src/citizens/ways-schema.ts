/** What the ways-to-sign-in pages take: a way's id, an address to add and its code, a refusal. */
import { z } from 'zod';
import { typedText } from '../lib/query.ts';

/** `/account/ways/{wayId}/…`: a way's id; anything else names no way (not found). */
export const wayParams = z.object({ wayId: z.uuid() });

/** The address form (checked with `emailAddress`, schema.ts). */
export const wayEmailForm = z.object({ email: typedText });

/** Which pending code the code page is for (the redirect after asking names it); malformed: none. */
export const wayCodeQuery = z.object({ pending: z.uuid().catch('') });

/** The code form: which pending code, and the six digits (spaces dropped). */
export const wayCodeForm = wayCodeQuery.extend({
  code: typedText.transform((v) => v.replace(/\s+/g, '')),
});

/** Why a link was refused, as the eID routes send the browser to its page. */
export const refusedQuery = z.object({
  reason: z.enum(['owned', 'session', 'provider_taken']).catch('session'),
});
