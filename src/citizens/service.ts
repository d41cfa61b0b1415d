import { randomBytes } from 'node:crypto';
import type { Db } from '../db/db.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { hashToken } from '../identity/service.ts';
import { forgetMail } from '../mail/service.ts';
import {
  CITIZEN_ABSOLUTE_MS,
  CITIZEN_TOUCH_MS,
  citizenSessionState,
  cleanIdentity,
  displayName,
  identityProblem,
  type Loa,
  type VerifiedIdentity,
} from './domain.ts';
import * as repo from './repo.ts';

export type { Loa, VerifiedIdentity } from './domain.ts';
export type { LinkIntent, LinkRefusal } from './ways-domain.ts';
export type { SignInWays, LinkResult } from './ways.ts';
export {
  loaAtLeast,
  safeReturnPath,
  signInLocation,
  LOAS,
  isLoa,
  EMAIL_PROVIDER,
  SIGNED_OUT_PATH,
} from './domain.ts';

/** E-mail codes (an address, an IP) are kept a day past their expiry, for the rate limits. */
const PRUNE_CODES_AFTER_MS = 24 * 3600_000;

/** Who a citizen session belongs to, as every citizen page sees them. */
export type CitizenPrincipal = {
  accountId: string;
  loa: Loa;
  providerId: string;
  displayName: string;
  /** When the session began (sign-in); a step-up begins a new one. */
  signedInAt: Date;
};

/** What signing out hands back: the provider whose session to end too, and what its logout needs. */
export type ProviderLogout = { providerId: string; logout: Record<string, string> };

/**
 * Where to send the browser so the provider's own session ends too (SAML single logout, OIDC
 * end-session), given by the eID code through the composition root: null when the session had
 * none (the e-mail code); throws when it had one that cannot be ended from here.
 */
export type ProviderLogoutStep = (ended: ProviderLogout) => Promise<string | null>;

export type SignInOptions = {
  /** The organisation whose page the sign-in started from: counted in its statistics. */
  organisationId?: string | undefined;
  ip: string;
  /** The session cookie the browser had: ended, so a token planted before sign-in is useless. */
  previousToken?: string | undefined;
};

/** Citizen accounts and sessions: what the eID protocols and the e-mail sign-in call (decision 029). */
export function citizensService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  /** The account of an identity, created (with the identity) at its first sign-in. */
  async function accountFor(identity: VerifiedIdentity, now: Date) {
    const known = await repo.accountForIdentity(db, identity.providerId, identity.personIdentifier);
    if (known) return { accountId: known, created: false };
    return db.transaction().execute(async (tx) => {
      const fresh = await repo.insertAccount(tx, identity, now);
      const owner = await repo.linkIdentity(tx, identity, fresh, now);
      // Another sign-in of the same person won the race: use its account, drop ours.
      if (owner !== fresh) await repo.deleteAccountRow(tx, fresh);
      return { accountId: owner, created: owner === fresh };
    });
  }

  return {
    /**
     * Signs in a verified identity: creates the account at the first sign-in (keyed on the
     * provider's person identifier), refreshes what the eID says, counts the sign-in for the
     * statistics and starts a new session (ending the browser's previous one). The caller sets
     * the cookie with the token (http/citizen-session.ts `startCitizenSession`).
     */
    async signIn(identity: VerifiedIdentity, opts: SignInOptions): Promise<{ token: string }> {
      const problem = identityProblem(identity);
      if (problem) throw new AppError('invalid_input', `unusable identity: ${problem}`);
      const clean = cleanIdentity(identity);
      const now = clock.now();
      const { accountId, created } = await accountFor(clean, now);
      if (!created) await repo.refreshAtSignIn(db, accountId, clean, now);
      if (!(await repo.accountIsLive(db, accountId))) throw new AppError('forbidden');
      await repo.countSignIn(db, {
        organisationId: opts.organisationId ?? null,
        providerId: clean.providerId,
        loa: clean.loa,
        newAccount: created,
        at: now,
      });
      if (opts.previousToken) await repo.deleteSession(db, hashToken(opts.previousToken));
      const token = randomBytes(32).toString('base64url');
      await repo.insertSession(db, {
        tokenHash: hashToken(token),
        accountId,
        loa: clean.loa,
        providerId: clean.providerId,
        logout: clean.logout ?? {},
        now,
        expiresAt: new Date(now.getTime() + CITIZEN_ABSOLUTE_MS),
      });
      return { token };
    },

    /**
     * The organisation a sign-in started from, by the slug that every provider's login route
     * takes as `o` (the sign-in page passes it on): its statistics count the sign-in. Null
     * without one, or for a slug that names none: the sign-in goes on, counted for no
     * organisation.
     */
    async signInOrganisation(slug: string | undefined): Promise<string | null> {
      return slug ? repo.organisationIdBySlug(db, slug) : null;
    },

    /** The citizen a session token belongs to, or null when it is unknown, idle too long or expired. */
    async resolveSession(token: string): Promise<CitizenPrincipal | null> {
      const now = clock.now();
      const tokenHash = hashToken(token);
      const row = await repo.findSession(db, tokenHash);
      if (!row || citizenSessionState(row, now) !== 'live') return null;
      if (now.getTime() - row.lastSeenAt.getTime() > CITIZEN_TOUCH_MS)
        await repo.touchSession(db, tokenHash, now);
      return {
        accountId: row.accountId,
        loa: row.loa,
        providerId: row.providerId,
        displayName: displayName(row),
        signedInAt: row.createdAt,
      };
    },

    /** Ends a session; returns what the provider's own logout needs, or null (no such session). */
    async signOut(token: string): Promise<ProviderLogout | null> {
      const row = await repo.deleteSession(db, hashToken(token));
      return row ? { providerId: row.providerId, logout: row.logout } : null;
    },

    /** Removes ended sessions, and e-mail codes and their mail a day old (a background job, services.ts). */
    async prune(): Promise<void> {
      const now = clock.now();
      const dayAgo = new Date(now.getTime() - PRUNE_CODES_AFTER_MS);
      await repo.pruneSessions(db, now, dayAgo);
      await forgetMail(db, 'citizen-code', dayAgo);
    },

    /** The account as the account page shows it, or null when deleted. */
    account(accountId: string) {
      return repo.findAccount(db, accountId);
    },

    /** The account a provider's person signs in to, or null (an act's "same person", decision 042). */
    async accountOfIdentity(providerId: string, personIdentifier: string): Promise<string | null> {
      return (await repo.accountForIdentity(db, providerId, personIdentifier)) ?? null;
    },
  };
}

export type CitizensService = ReturnType<typeof citizensService>;
export type CitizenAccount = NonNullable<Awaited<ReturnType<CitizensService['account']>>>;
