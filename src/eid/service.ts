import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AuditService } from '../audit/service.ts';
import type { SamlProvider as SamlConfigEntry } from '../config/eid-providers.ts';
import type { LinkIntent } from '../citizens/service.ts';
import type { Db } from '../db/db.ts';
import type { Clock } from '../lib/clock.ts';
import { EIDAS_ATTRIBUTES, EIDAS_CONTEXTS, safeReturn, type Loa, type Refusal } from './domain.ts';
import { parseIdpMetadata } from './metadata.ts';
import * as repo from './repo.ts';
import { SamlRefusal } from './domain.ts';
import type { SamlProvider } from './saml.ts';
import type { ActIntent, ActProof } from './act.ts';

export { SamlRefusal } from './domain.ts';
// Act authorisation's public part (decision 042): the browser's cookie and the fresh sign-in.
export { ACT_BROWSER_COOKIE, freshSignInAuthoriser } from './act.ts';

/**
 * The SAML engine (node-saml with xml-crypto and xml-encryption: ~20 MB of RSS once loaded),
 * imported at its first use, so that an installation without a SAML provider never loads it
 * (decision 028, as PGlite and nodemailer).
 */
const engine = () => import('./saml.ts');
export type { Refusal } from './domain.ts';

/** How long a browser may take at the IdP between our redirect and its answer. */
export const REQUEST_TTL_MS = 15 * 60_000;

/** Builds the engine's provider from a configured entry and the IdP's metadata. */
export function samlProviderFrom(
  entry: SamlConfigEntry,
  publicUrl: URL,
  metadataXml: string,
): SamlProvider {
  const base = `${publicUrl.origin}/auth/saml/${entry.id}`;
  const attributes = { ...EIDAS_ATTRIBUTES, ...entry.attributes };
  return {
    id: entry.id,
    idp: parseIdpMetadata(metadataXml),
    spEntityId: entry.spEntityId ?? `${base}/metadata`,
    acsUrl: `${base}/acs`,
    logoutUrl: `${base}/logout`,
    spPrivateKey: readFileSync(entry.spPrivateKeyFile, 'utf8'),
    spCertificate: readFileSync(entry.spCertificateFile, 'utf8'),
    spType: entry.spType,
    requestedAttributes: Object.values(attributes),
    attributes,
    contexts: { ...EIDAS_CONTEXTS, ...entry.authnContexts },
    wantAssertionsSigned: entry.wantAssertionsSigned,
    requireEncryptedAssertion: entry.requireEncryptedAssertion,
    clockSkewMs: entry.clockSkewSeconds * 1000,
  };
}

/**
 * The configured SAML providers by id. Those with an idpMetadataFile are built now, so a bad
 * file stops the start with one line; an idpMetadataUrl is read at first use (and again after
 * a failure), since the IdP may be unreachable while Okence starts.
 */
export function samlProviders(
  entries: readonly { protocol: string }[],
  publicUrl: URL,
): (id: string) => Promise<SamlProvider | null> {
  const saml = entries.filter((e): e is SamlConfigEntry => e.protocol === 'saml');
  const ready = new Map<string, Promise<SamlProvider>>();
  for (const e of saml) {
    if (!e.idpMetadataFile) continue;
    try {
      ready.set(
        e.id,
        Promise.resolve(samlProviderFrom(e, publicUrl, readFileSync(e.idpMetadataFile, 'utf8'))),
      );
    } catch (err) {
      throw new Error(`EID_PROVIDERS_FILE: ${e.id}: ${(err as Error).message}`, { cause: err });
    }
  }
  return async (id) => {
    const entry = saml.find((e) => e.id === id);
    if (!entry) return null;
    let p = ready.get(id);
    if (!p) {
      p = fetch(entry.idpMetadataUrl!, { signal: AbortSignal.timeout(10_000) })
        .then((res) => res.text())
        .then((xml) => samlProviderFrom(entry, publicUrl, xml));
      ready.set(id, p);
      p.catch(() => ready.delete(id));
    }
    return p;
  };
}

/** A refused answer, for the page and the log: the reason and where to start again. */
export type RefusedAnswer = { reason: Refusal; again: string };

/**
 * SAML sign-in for citizens (decision 030): the SP metadata, the start of a sign-in, the
 * assertion consumer and single logout. `providers` resolves a provider id (lazily: an IdP's
 * metadata URL is read at first use). Every refusal is audited and creates nothing.
 */
export function eidService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  providers: (id: string) => Promise<SamlProvider | null>;
}) {
  const { db, clock, audit } = deps;

  async function provider(id: string): Promise<SamlProvider | null> {
    return deps.providers(id);
  }

  async function refuse(
    p: SamlProvider,
    reason: Refusal,
    organisationId: string | null,
    detail: string,
    error?: SamlRefusal,
  ): Promise<never> {
    await audit.record(db, {
      organisationId,
      actor: { system: 'eid' },
      action: 'citizen_sign_in.refused',
      objectType: 'eid_provider',
      objectId: null,
      summary: p.id,
      detail: { provider: p.id, reason, detail: detail.slice(0, 200) },
    });
    throw error ?? new SamlRefusal(reason, detail);
  }

  return {
    provider,

    /** Our SP metadata for registration with the IdP. */
    metadata: async (p: SamlProvider) => (await engine()).spMetadata(p),

    /** Starts a sign-in: remembers the request, returns the IdP's address with a signed AuthnRequest. */
    async startSignIn(
      p: SamlProvider,
      opts: {
        loa: Loa;
        returnTo?: string | undefined;
        organisationId?: string | undefined;
        /**
         * A sign-in that adds this provider to an account, in the session that asked, bound to
         * the browser by the link's cookie (`browser`: its value; decision 029 addendum).
         */
        link?: { intent: LinkIntent; browser: string } | undefined;
        /**
         * A forced sign-in that authorises sending a draft (decision 042), bound to the
         * browser by the act's cookie (`browser`: its value).
         */
        act?: { intent: ActIntent; browser: string } | undefined;
      },
    ): Promise<string> {
      const now = clock.now();
      // SAML IDs are NCNames: they must not start with a digit.
      const id = `_${randomBytes(20).toString('hex')}`;
      await repo.insertRequest(db, {
        id,
        providerId: p.id,
        kind: 'saml_authn',
        loa: opts.loa,
        returnTo: safeReturn(opts.returnTo),
        organisationId: opts.organisationId ?? null,
        link: opts.link?.intent ?? null,
        act: opts.act?.intent ?? null,
        browserHash: sha256OrNull(opts.act?.browser ?? opts.link?.browser),
        createdAt: now,
        expiresAt: new Date(now.getTime() + REQUEST_TTL_MS),
      });
      return (await engine()).authnRequestUrl(p, {
        id,
        loa: opts.loa,
        relayState: '',
        forceAuthn: opts.act !== undefined,
      });
    },

    /**
     * The assertion consumer: verifies the answer, then remembers its ids (response, assertion,
     * request) in one statement that refuses any seen before, on any instance. Throws SamlRefusal.
     * `browsers`: the act's and the link's browser cookies this POST carried.
     */
    async consume(
      p: SamlProvider,
      samlResponse: string,
      browsers: { act?: string | undefined; link?: string | undefined } = {},
    ) {
      const { act: actBrowser, link: linkBrowser } = browsers;
      const now = clock.now();
      const inResponseTo = inResponseToOf(samlResponse);
      const pending = inResponseTo
        ? await repo.findSignIn(db, p.id, 'saml_authn', inResponseTo, now)
        : null;
      if (!pending) return refuse(p, 'request', null, 'no pending request for InResponseTo');
      // An act's answer counts only in the browser that asked for it (its cookie's hash).
      if (pending.act && !sameHash(sha256(actBrowser ?? ''), pending.browserHash ?? ''))
        return refuse(p, 'request', null, 'act answered in another browser');
      let accepted;
      try {
        accepted = await (
          await engine()
        ).verifyResponse(p, samlResponse, { requestId: pending.id, loa: pending.loa }, now);
      } catch (err) {
        if (!(err instanceof SamlRefusal)) throw err;
        // The act's page says what happened to the draft (nothing: it is kept).
        if (pending.act) Object.assign(err, { act: { returnTo: pending.returnTo } });
        return refuse(p, err.reason, pending.organisationId, err.message, err);
      }
      const ids = [
        `response:${accepted.responseId}`,
        `assertion:${accepted.assertionId}`,
        `request:${pending.id}`,
      ];
      const validUntil = new Date(
        Math.max(accepted.validUntil.getTime(), now.getTime() + REQUEST_TTL_MS),
      );
      if (!(await repo.markUsed(db, p.id, ids, validUntil)))
        return refuse(p, 'replay', pending.organisationId, 'seen before');
      const act: ActProof | null = pending.act && {
        method: 'fresh_eid_sign_in',
        providerId: p.id,
        protocol: 'saml',
        authnInstant: accepted.authnInstant,
        responseId: accepted.responseId,
        loa: accepted.identity.loa,
        responseSha256: accepted.signedSha256,
        askedAt: pending.createdAt,
      };
      return {
        identity: accepted.identity,
        returnTo: pending.returnTo,
        organisationId: pending.organisationId ?? undefined,
        // A link's answer came from the browser that started it when the link's cookie matches:
        // then it stands for the session that started it (whose cookie this POST cannot carry);
        // otherwise for none, and the link is refused (ways.link).
        link: pending.link && {
          intent: pending.link,
          sessionHash: sameHash(sha256(linkBrowser ?? ''), pending.browserHash ?? '')
            ? pending.link.sessionHash
            : null,
        },
        act: pending.act && act ? { intent: pending.act, proof: act } : null,
      };
    },

    /**
     * The IdP's single logout address, with a signed LogoutRequest, for a session that ended
     * here (null: the IdP has no single logout). The request is remembered, so that only the
     * IdP's answer to it counts as the IdP's session having ended (`logoutAnswered`).
     */
    async logoutUrl(p: SamlProvider, logout: Record<string, string>): Promise<string | null> {
      const now = clock.now();
      const id = `_${randomBytes(20).toString('hex')}`;
      const url = await (await engine()).logoutRequestUrl(p, logout, '', id);
      if (!url) return null;
      await repo.insertRequest(db, {
        id,
        providerId: p.id,
        kind: 'saml_logout',
        loa: null,
        returnTo: null,
        organisationId: null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + REQUEST_TTL_MS),
      });
      return url;
    },

    /**
     * The IdP's LogoutResponse at our single logout endpoint: true when it answers a
     * LogoutRequest of ours still pending (taken: single use), false when it answers none.
     * Throws SamlRefusal when it is not the IdP's signed answer of success.
     */
    async logoutAnswered(
      p: SamlProvider,
      query: Record<string, string>,
      rawQuery: string,
    ): Promise<boolean> {
      const { inResponseTo } = await (await engine()).logoutResponse(p, query, rawQuery);
      const pending = await repo.takeRequest(db, p.id, 'saml_logout', inResponseTo);
      return pending !== null && pending.expires_at > clock.now();
    },

    /** An IdP-initiated LogoutRequest: verified, then whom to sign out and the reply address. */
    idpLogout: async (p: SamlProvider, query: Record<string, string>, rawQuery: string) =>
      (await engine()).idpLogout(p, query, rawQuery),

    /** Deletes expired requests and replay entries (a background job). */
    prune: () => repo.prune(db, clock.now()),
  };
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
const sha256OrNull = (value: string | undefined) => (value === undefined ? null : sha256(value));

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The Response's InResponseTo, read before verification only to find the pending request. */
function inResponseToOf(samlResponse: string): string | null {
  const xml = Buffer.from(samlResponse, 'base64').toString('utf8').slice(0, 4000);
  const m = /<(?:\w+:)?Response\b[^>]*\sInResponseTo="([^"]{1,128})"/.exec(xml);
  return m?.[1] ?? null;
}

export type EidService = ReturnType<typeof eidService>;
