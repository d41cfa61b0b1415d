/** What citizens' sign-in pages take from the query string and their forms. */
import { z } from 'zod';
import { queryFlag, typedText } from '../lib/query.ts';
import { isLoa, safeReturnPath, type Loa } from './domain.ts';

const slug = z
  .string()
  .regex(/^[a-z0-9-]{1,100}$/)
  .optional()
  .catch(undefined);

/**
 * Where a sign-in came from and goes back to: the level asked (`loa`), a local path to return
 * to (`return`: anything else is dropped, never followed) and the organisation (`o`, a slug).
 * Malformed parts are dropped rather than refused: the page is the same sign-in page.
 */
export const signInQuery = z.object({
  loa: z
    .unknown()
    .transform((v): Loa | undefined => (isLoa(v) ? v : undefined))
    .optional(),
  return: z
    .unknown()
    .transform((v) => safeReturnPath(v) ?? undefined)
    .optional(),
  o: slug,
  signed_out: queryFlag.optional(),
});
export type SignInQuery = z.infer<typeof signInQuery>;

/** The same three as hidden fields of the e-mail and code forms. */
export const carried = signInQuery.pick({ loa: true, return: true, o: true });
export type Carried = z.infer<typeof carried>;

/** The e-mail form: the address (checked), plus what it carries. */
export const emailForm = carried.extend({
  email: typedText,
});

export const emailAddress = z.string().trim().max(254).pipe(z.email());

/** The code form: six digits (spaces a phone's keyboard or a copy adds are dropped). */
export const codeForm = carried.extend({
  code: typedText.transform((v) => v.replace(/\s+/g, '')),
});
export const sixDigits = z.string().regex(/^\d{6}$/);

/** The admin's provider switches: each checked box sends `provider=<id>`. */
export const providersForm = z.object({
  provider: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});

/** The signed-out page: `provider=open` when the provider's own session may not have ended. */
export const signedOutQuery = z.object({
  provider: z.enum(['open']).optional().catch(undefined),
});

/** The admin page's notice flag after saving. */
export const savedQuery = z.object({ saved: queryFlag.optional() });

/** The query string of a carried sign-in (for redirects and links), without empty parts. */
export function carriedQuery(c: Carried): string {
  const params = new URLSearchParams();
  if (c.loa) params.set('loa', c.loa);
  if (c.return) params.set('return', c.return);
  if (c.o) params.set('o', c.o);
  const query = params.toString();
  return query ? `?${query}` : '';
}
