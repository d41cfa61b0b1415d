import { z } from 'zod';
import { LOAS } from '../citizens/service.ts';

/** `/auth/saml/{providerId}/…`: a provider id as the configuration allows it. */
export const providerParams = z.object({
  providerId: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
});

/**
 * The start of a sign-in: the level asked (default substantial), where to return, and the
 * organisation it started from by its slug, as the sign-in page passes it to every provider.
 */
export const loginQuery = z.object({
  loa: z.enum(LOAS).catch('substantial'),
  return: z.string().max(500).optional().catch(undefined),
  o: z.string().max(100).optional().catch(undefined),
});

/** The IdP's POST to the assertion consumer (SAML HTTP-POST binding). */
export const acsBody = z.object({
  SAMLResponse: z.string().min(1).max(400_000),
  RelayState: z.string().max(80).optional(),
});

/** The IdP's redirect to single logout: a LogoutRequest or the answer to ours. */
export const logoutQuery = z
  .object({
    SAMLRequest: z.string().max(20_000).optional(),
    SAMLResponse: z.string().max(20_000).optional(),
    RelayState: z.string().max(80).optional(),
    SigAlg: z.string().max(200).optional(),
    Signature: z.string().max(2000).optional(),
  })
  .refine((q) => (q.SAMLRequest === undefined) !== (q.SAMLResponse === undefined));
