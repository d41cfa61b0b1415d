// The OpenID Connect client's I/O for one provider (decision 031): its configuration from the
// discovery address (NIA: …/fpsts/oidc/openid-configuration, not .well-known), the code
// exchanged at the token endpoint with client_id alone (NIA issues no secret), and the
// id_token: a JWE encrypted to our key around a JWS signed by the provider's key.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type * as Jose from 'jose';
import { z } from 'zod';
import type { OidcProvider } from '../../config/eid-providers.ts';
import { checkIdTokenClaims, OidcRefused, type Expected } from './domain.ts';

/** The id_token's encryption NIA uses; anything else is refused (no downgrade). */
const KEY_ALGS = ['RSA-OAEP'];
const CONTENT_ALGS = ['A256CBC-HS512'];
/** Signatures accepted on the inner JWT: asymmetric only (never `none`, never HMAC). */
const SIGNING_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384'];
const TIMEOUT_MS = 10_000;
/** The provider's configuration is read again after this long (keys rotate through jwks_uri). */
const DISCOVERY_TTL_MS = 3600_000;

const discoverySchema = z.object({
  issuer: z.string().min(1),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  end_session_endpoint: z.url().optional(),
});
export type Discovery = z.infer<typeof discoverySchema>;

const tokenSchema = z.object({ id_token: z.string().min(1) });

/** What the verified id_token says, and its inner signed JWT (the end-session's hint). */
export type VerifiedIdToken = { claims: Record<string, unknown>; signedJwt: string };

/**
 * jose (46 modules, ~0.12 MB of source) is imported at its first use, so an installation without
 * an OpenID Connect provider never loads it (decision 028).
 */
const jose = () => import('jose');

/** One configured OIDC provider's client: its discovery, keys, code exchange and id_token check. */
export function oidcClient(provider: OidcProvider) {
  let decryptionKey: KeyObject;
  try {
    decryptionKey = createPrivateKey(readFileSync(provider.encryptionKeyFile));
  } catch (err) {
    // The configuration checked the file looks like a PEM key; one that does not parse (an
    // encrypted key, a cut file) stops the start with one line, as other settings do.
    throw new Error(
      `EID_PROVIDERS_FILE: ${provider.id}: encryptionKeyFile ${provider.encryptionKeyFile}: ${(err as Error).message}`,
    );
  }
  const discoveryUrl =
    provider.discoveryUrl ??
    `${provider.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let cached: {
    at: number;
    discovery: Discovery;
    jwks: ReturnType<typeof Jose.createRemoteJWKSet>;
  } | null = null;

  async function configuration() {
    if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached;
    let json: unknown;
    try {
      const res = await fetch(discoveryUrl, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      json = await res.json();
    } catch (err) {
      throw new OidcRefused('unreachable', `discovery ${discoveryUrl}: ${(err as Error).message}`);
    }
    const parsed = discoverySchema.safeParse(json);
    if (!parsed.success) throw new OidcRefused('unreachable', `discovery: ${parsed.error.message}`);
    // The configuration must name the issuer we were told to trust, or nothing it signs is ours.
    if (parsed.data.issuer !== provider.issuer)
      throw new OidcRefused('issuer', `discovery names ${parsed.data.issuer}`);
    const { createRemoteJWKSet } = await jose();
    const jwks = createRemoteJWKSet(new URL(parsed.data.jwks_uri), { timeoutDuration: TIMEOUT_MS });
    cached = { at: Date.now(), discovery: parsed.data, jwks };
    return cached;
  }

  return {
    /** The provider's endpoints, read from its discovery address (cached for an hour). */
    async discovery(): Promise<Discovery> {
      return (await configuration()).discovery;
    },

    /** Exchanges the code for the id_token: client_id and the code, no secret (NIA gives none). */
    async exchange(code: string, redirectUri: string): Promise<string> {
      const { discovery } = await configuration();
      const body = new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: provider.clientId,
      });
      let res: Response;
      try {
        res = await fetch(discovery.token_endpoint, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (err) {
        throw new OidcRefused('unreachable', `token endpoint: ${(err as Error).message}`);
      }
      const json: unknown = await res.json().catch(() => null);
      const parsed = tokenSchema.safeParse(json);
      if (!res.ok || !parsed.success)
        throw new OidcRefused(
          'token_exchange',
          `HTTP ${res.status} ${JSON.stringify(json)?.slice(0, 200)}`,
        );
      return parsed.data.id_token;
    },

    /** Decrypts and verifies an id_token, then checks its claims (domain.ts). */
    async verify(idToken: string, expected: Omit<Expected, 'issuer' | 'clientId'>) {
      const { jwks } = await configuration();
      return verifyIdToken(idToken, {
        decryptionKey,
        keys: jwks,
        expected: { ...expected, issuer: provider.issuer, clientId: provider.clientId },
      });
    },
  };
}

export type OidcClient = ReturnType<typeof oidcClient>;

type KeySource = Parameters<typeof Jose.compactVerify>[1];

/**
 * The id_token's checks in order: it must be a JWE (five parts) with NIA's algorithms,
 * decrypt with our key, hold a JWS verified against the provider's keys, and carry the claims
 * expected. Throws OidcRefused naming the first check that failed.
 */
export async function verifyIdToken(
  idToken: string,
  opts: { decryptionKey: KeyObject; keys: KeySource; expected: Expected },
): Promise<VerifiedIdToken> {
  if (idToken.split('.').length !== 5) throw new OidcRefused('not_encrypted');
  const { compactDecrypt, compactVerify, decodeProtectedHeader } = await jose();
  let signedJwt: string;
  try {
    const { plaintext } = await compactDecrypt(idToken, opts.decryptionKey, {
      keyManagementAlgorithms: KEY_ALGS,
      contentEncryptionAlgorithms: CONTENT_ALGS,
    });
    signedJwt = new TextDecoder().decode(plaintext);
  } catch (err) {
    throw new OidcRefused('decryption', (err as Error).message);
  }
  if (signedJwt.split('.').length !== 3) throw new OidcRefused('signature', 'not a JWS inside');
  let claims: Record<string, unknown>;
  try {
    const header = decodeProtectedHeader(signedJwt);
    if (!header.alg || !SIGNING_ALGS.includes(header.alg)) throw new Error(`alg ${header.alg}`);
    const { payload } = await compactVerify(signedJwt, opts.keys, { algorithms: SIGNING_ALGS });
    claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
  } catch (err) {
    throw new OidcRefused('signature', (err as Error).message);
  }
  if (typeof claims !== 'object' || claims === null) throw new OidcRefused('signature', 'payload');
  checkIdTokenClaims(claims, opts.expected);
  return { claims, signedJwt };
}
