import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/db.ts';
import type { Clock } from '../../lib/clock.ts';
import type { AuditService } from '../../audit/service.ts';
import type { EidProvider, OidcProvider } from '../../config/eid-providers.ts';
import {
  loaAtLeast,
  safeReturnPath,
  SIGNED_OUT_PATH,
  type LinkIntent,
  type Loa,
  type ProviderLogout,
  type VerifiedIdentity,
} from '../../citizens/service.ts';
import {
  authorizationUrl,
  endSessionUrl,
  identityFromClaims,
  OidcRefused,
  REQUEST_TTL_MS,
} from './domain.ts';
import { oidcClient, type OidcClient } from './client.ts';
import * as repo from '../repo.ts';
import type { ActIntent, ActProof } from '../act.ts';

/** What a verified callback hands the route: who signed in, and where they were going. */
export type OidcSignedIn = {
  identity: VerifiedIdentity;
  returnTo: string;
  organisationId: string | null;
  /** A sign-in that adds this provider to an account: the account and session it was for. */
  link: LinkIntent | null;
  /** A forced sign-in that authorises sending a draft (decision 042), and its proof. */
  act: { intent: ActIntent; proof: ActProof } | null;
};

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
const random = () => randomBytes(32).toString('base64url');

/**
 * NIA's sign-in by OpenID Connect (decision 031): the redirect to the provider with a state
 * and nonce kept in the database, the callback that takes them back once, exchanges the code
 * and verifies the encrypted id_token, and the end-session address for our sign-out.
 */
export function oidcSignIn(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  providers: readonly EidProvider[];
  publicUrl: URL;
}) {
  const { db, clock } = deps;
  const clients = new Map<string, { provider: OidcProvider; client: OidcClient }>();
  for (const p of deps.providers)
    if (p.protocol === 'oidc') clients.set(p.id, { provider: p, client: oidcClient(p) });

  const redirectUri = (id: string) =>
    new URL(`/auth/oidc/${encodeURIComponent(id)}/callback`, deps.publicUrl).href;

  return {
    /** The configured OIDC provider of this id, or undefined. */
    provider(id: string): OidcProvider | undefined {
      return clients.get(id)?.provider;
    },

    /**
     * Starts a sign-in: keeps a pending request (state, nonce, the level, the way back, the
     * organisation) bound to the browser, and returns the provider's authorisation address.
     * The level asked is the higher of the page's need and the provider's configured level.
     */
    async start(
      id: string,
      opts: {
        loa?: Loa | undefined;
        returnPath?: string | undefined;
        /** The organisation the sign-in started from (counted in its statistics), or null. */
        organisationId: string | null;
        browser: string;
        lang?: string;
        /** A sign-in that adds this provider to an account, in the session that asked. */
        link?: LinkIntent | undefined;
        /** A forced sign-in that authorises sending this draft (decision 042). */
        act?: ActIntent | undefined;
      },
    ): Promise<string> {
      const entry = clients.get(id);
      if (!entry) throw new OidcRefused('provider_error', `no OIDC provider ${id}`);
      const { provider, client } = entry;
      const loa = opts.loa && loaAtLeast(opts.loa, provider.loa) ? opts.loa : provider.loa;
      const discovery = await client.discovery();
      const now = clock.now();
      const state = random();
      const nonce = random();
      await repo.insertRequest(db, {
        id: state,
        providerId: id,
        kind: 'oidc_authn',
        nonce,
        loa,
        returnTo: safeReturnPath(opts.returnPath) ?? '/account',
        organisationId: opts.organisationId,
        browserHash: sha256(opts.browser),
        link: opts.link ?? null,
        act: opts.act ?? null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + REQUEST_TTL_MS),
      });
      return authorizationUrl(discovery.authorization_endpoint, {
        clientId: provider.clientId,
        redirectUri: redirectUri(id),
        state,
        nonce,
        loa,
        ...(opts.lang ? { lang: opts.lang } : {}),
        force: opts.act !== undefined,
      });
    },

    /**
     * Finishes a sign-in from the callback's parameters. The pending request is taken out
     * first (single use, even when what follows fails); then the browser, the provider's
     * answer, the code exchange and the id_token are checked. Throws OidcRefused, carrying
     * the organisation (when known) for the audit entry.
     */
    async finish(
      id: string,
      q: {
        state?: string | undefined;
        code?: string | undefined;
        error?: string | undefined;
        iss?: string | undefined;
        browser?: string | undefined;
        /** The act's browser cookie (ACT_BROWSER_COOKIE), which an act's sign-in is bound to. */
        actBrowser?: string | undefined;
      },
    ): Promise<OidcSignedIn> {
      const entry = clients.get(id);
      if (!entry) throw new OidcRefused('provider_error', `no OIDC provider ${id}`);
      const pending = q.state ? await repo.takeSignIn(db, id, 'oidc_authn', q.state) : null;
      const now = clock.now();
      if (!pending || pending.expiresAt <= now) throw new OidcRefused('unknown_state');
      try {
        const browser = pending.act ? q.actBrowser : q.browser;
        if (!browser || !sameHash(sha256(browser), pending.browserHash ?? ''))
          throw new OidcRefused('browser_mismatch');
        // RFC 9207: a provider that names itself in the redirect must be the one asked.
        if (q.iss !== undefined && q.iss !== entry.provider.issuer)
          throw new OidcRefused('issuer', `callback iss ${q.iss.slice(0, 100)}`);
        if (q.error)
          throw new OidcRefused(
            q.error === 'access_denied' ? 'cancelled' : 'provider_error',
            q.error.slice(0, 100),
          );
        if (!q.code) throw new OidcRefused('provider_error', 'no code');
        const idToken = await entry.client.exchange(q.code, redirectUri(id));
        const { claims, signedJwt } = await entry.client.verify(idToken, {
          nonce: pending.nonce ?? '',
          now,
        });
        const identity = identityFromClaims(id, claims, pending.loa);
        identity.logout = { idTokenHint: signedJwt };
        return {
          identity,
          returnTo: pending.returnTo,
          organisationId: pending.organisationId,
          link: pending.link,
          act: pending.act && {
            intent: pending.act,
            proof: actProof(id, claims, signedJwt, identity.loa, pending.createdAt),
          },
        };
      } catch (err) {
        if (err instanceof OidcRefused)
          throw Object.assign(err, {
            organisationId: pending.organisationId,
            ...(pending.act ? { act: { returnTo: pending.returnTo } } : {}),
          });
        throw err;
      }
    },

    /** Audits a refused sign-in (no account, no session was made). */
    async refused(id: string, err: OidcRefused & { organisationId?: string | null }) {
      await deps.audit.record(db, {
        organisationId: err.organisationId ?? null,
        actor: { system: 'eid' },
        action: 'eid.oidc_refused',
        objectType: 'eid_provider',
        objectId: id.slice(0, 64),
        detail: { reason: err.reason, detail: err.message.slice(0, 300) },
      });
    },

    /**
     * Where to send the browser after our sign-out so the provider's session ends too:
     * its front-channel end-session address with client_id and the id_token_hint, coming
     * back to the signed-out page; null when the session was not one of our OIDC providers'
     * or the provider has no end-session. Throws when its discovery cannot be read.
     */
    async endSessionLocation(logout: ProviderLogout): Promise<string | null> {
      const entry = clients.get(logout.providerId);
      if (!entry) return null;
      const discovery = await entry.client.discovery();
      if (!discovery.end_session_endpoint) return null;
      return endSessionUrl(discovery.end_session_endpoint, {
        clientId: entry.provider.clientId,
        idTokenHint: logout.logout.idTokenHint,
        postLogoutRedirectUri: new URL(SIGNED_OUT_PATH, deps.publicUrl).href,
      });
    },
  };
}

export type OidcSignIn = ReturnType<typeof oidcSignIn>;

/** The proof of an act's sign-in: auth_time (seconds) and the signed id_token's hash. */
function actProof(
  providerId: string,
  claims: Record<string, unknown>,
  signedJwt: string,
  loa: Loa,
  askedAt: Date,
): ActProof {
  const hash = createHash('sha256').update(signedJwt).digest('hex');
  const authTime = typeof claims.auth_time === 'number' ? claims.auth_time : null;
  const jti = typeof claims.jti === 'string' && claims.jti.length <= 200 ? claims.jti : null;
  return {
    method: 'fresh_eid_sign_in',
    providerId,
    protocol: 'oidc',
    authnInstant: authTime === null ? null : new Date(authTime * 1000),
    responseId: jti ? `jti:${jti}` : `sha256:${hash}`,
    loa,
    responseSha256: hash,
    askedAt,
  };
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
