// An account's ways to sign in (issue 16, decision 029 addendum): the list on /account, another
// provider added by an explicit step while signed in (an eID's answer, or an address proved by
// a mailed code), and a way removed (never the last). Every change and refusal is audited.
import { randomUUID } from 'node:crypto';
import type { AuditService } from '../audit/service.ts';
import type { Db } from '../db/db.ts';
import type { Lang } from '../i18n/i18n.ts';
import { hashToken } from '../identity/service.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { enqueueCodeMail } from './email-sign-in.ts';
import {
  afterWrongCode,
  codeMatches,
  CODE_TTL_MINUTES,
  hashCode,
  newCode,
} from '../booking/codes.ts';
import { normaliseEmail, signInThrottle, THROTTLE_WINDOW_MS } from '../identity/domain.ts';
import { accountActionLoa } from './account.ts';
import {
  citizenSessionState,
  cleanIdentity,
  codeDecision,
  EMAIL_PROVIDER,
  identityProblem,
  loaAtLeast,
  signInLocation,
  type Loa,
  type VerifiedIdentity,
} from './domain.ts';
import type { EidProviderSettings, OfferedProvider } from './providers.ts';
import * as repo from './repo.ts';
import * as waysRepo from './ways-repo.ts';
import {
  addableProviders,
  eidDataAfterRemoval,
  levelAfterLink,
  linkDecision,
  removable,
  type LinkIntent,
  type LinkRefusal,
} from './ways-domain.ts';

/** Codes to add an address asked in 15 minutes: five by one account, five to one address. */
const LINK_CODE_LIMITS = { perAccount: 5, perAddress: 5 };

/** A provider the account may add: an eID (its protocol starts it) or the e-mail code. */
export type AddableWay = { id: string; protocol: 'saml' | 'oidc' | 'email'; loa: Loa };

export type LinkResult = { ok: true; already: boolean } | { ok: false; reason: LinkRefusal };

export type EmailLinkRequest =
  { ok: true; codeId: string } | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export type EmailLinkCheck =
  LinkResult | { ok: false; reason: 'wrong' | 'locked' | 'expired' | 'gone' };

const CITIZEN = { system: 'citizen' } as const;

/** The code's HMAC is bound to its account and its id: useless as a sign-in code or elsewhere. */
const codeKey = (accountId: string, id: string) => `citizen-link:${accountId}:${id}`;

/** The ways to sign in of citizen accounts. */
export function signInWays(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  providers: EidProviderSettings;
  secret: string;
  wakeMail?: (() => void) | undefined;
}) {
  const { db, clock, audit, providers, secret } = deps;
  const isEid = (providerId: string) => providerId !== EMAIL_PROVIDER;

  const record = (tx: Db, action: string, accountId: string, detail: Record<string, string>) =>
    audit.record(tx, {
      organisationId: null,
      actor: CITIZEN,
      action,
      objectType: 'citizen_account',
      objectId: accountId,
      detail,
    });

  /** Every provider offered to a citizen (on for at least one organisation), and the e-mail code. */
  async function offered(): Promise<AddableWay[]> {
    const eids = await providers.offered(null);
    const email: AddableWay = { id: EMAIL_PROVIDER, protocol: 'email', loa: 'low' };
    return [...eids.map((p: OfferedProvider): AddableWay => ({ ...p })), email];
  }

  /**
   * Attaches a verified identity to the account of a link, in the session that started it
   * (linkDecision); otherwise nothing changes and the refusal is audited. The account is
   * locked, so a removal or a second link at once is decided after this one.
   */
  async function attach(
    tx: Db,
    intent: LinkIntent,
    identity: VerifiedIdentity,
    tokenHash: string | null,
  ): Promise<LinkResult> {
    const now = clock.now();
    const live = await waysRepo.lockAccount(tx, intent.accountId);
    const row = tokenHash ? await repo.findSession(tx, tokenHash) : undefined;
    const session =
      live && row && tokenHash && citizenSessionState(row, now) === 'live'
        ? { tokenHash, accountId: row.accountId, loa: row.loa }
        : null;
    const decision = linkDecision({
      intent,
      session,
      owner: await repo.accountForIdentity(tx, identity.providerId, identity.personIdentifier),
      ways: await waysRepo.waysOf(tx, intent.accountId),
      providerId: identity.providerId,
    });
    if (!decision.ok) {
      await record(tx, 'citizen_account.way_refused', intent.accountId, {
        provider: identity.providerId,
        reason: decision.reason,
      });
      return decision;
    }
    if (!decision.already) {
      // The identity was nobody's a moment ago; a first sign-in with it at this very moment
      // may still win the insert, and then it is that account's.
      const owner = await repo.linkIdentity(tx, identity, intent.accountId, now);
      if (owner !== intent.accountId) {
        await record(tx, 'citizen_account.way_refused', intent.accountId, {
          provider: identity.providerId,
          reason: 'owned',
        });
        return { ok: false, reason: 'owned' };
      }
      await record(tx, 'citizen_account.way_added', intent.accountId, {
        provider: identity.providerId,
      });
    }
    // As a sign-in with it would: its last use, and what the eID says now.
    await repo.refreshAtSignIn(tx, intent.accountId, identity, now);
    await waysRepo.setSessionLoa(tx, tokenHash!, levelAfterLink(session!.loa, identity.loa));
    return decision;
  }

  return {
    /** The account's ways, and the providers it may add (offered to citizens, not yet had). */
    async overview(accountId: string) {
      const ways = await waysRepo.waysOf(db, accountId);
      return {
        ways: ways.map((w) => ({ ...w, removable: removable(ways, w.id) })),
        addable: addableProviders(await offered(), ways),
      };
    },

    /** One of the account's ways (for the removal's confirmation); another account's: not found. */
    async way(accountId: string, wayId: string) {
      const ways = await waysRepo.waysOf(db, accountId);
      const way = ways.find((w) => w.id === wayId);
      if (!way) throw new AppError('not_found', 'no such way to sign in');
      const rest = ways.filter((w) => w.id !== wayId);
      return {
        ...way,
        removable: removable(ways, wayId),
        erasesEidData: isEid(way.providerId) && eidDataAfterRemoval(rest, isEid) === 'erase',
      };
    },

    /**
     * What a sign-in that adds `providerId` to the signed-in account is started with: the
     * account and the session (its token's hash), and the level to ask the provider for. The
     * session must be at the level the account's changes need (a step-up otherwise), and the
     * provider one the account may add.
     */
    async linkIntent(
      citizen: { accountId: string; loa: Loa },
      token: string,
      providerId: string,
    ): Promise<LinkIntent & { loa: Loa }> {
      const account = await repo.findAccount(db, citizen.accountId);
      if (!account) throw new AppError('unauthenticated', 'account deleted');
      if (!loaAtLeast(citizen.loa, accountActionLoa(account)))
        throw new AppError('unauthenticated', 'citizen', undefined, {
          signIn: signInLocation(accountActionLoa(account), '/account'),
        });
      const ways = await waysRepo.waysOf(db, citizen.accountId);
      const provider = addableProviders(await offered(), ways).find((p) => p.id === providerId);
      if (!provider || provider.protocol === 'email')
        throw new AppError('not_found', 'not a provider this account may add');
      return { accountId: citizen.accountId, sessionHash: hashToken(token), loa: provider.loa };
    },

    /**
     * Attaches an eID's verified answer to a link (see linkDecision). `sessionHash`: the hash of
     * the session the answering browser is shown to hold (its session cookie's, or the link's
     * own when its browser cookie matched), null when none.
     */
    async link(
      intent: LinkIntent,
      identity: VerifiedIdentity,
      sessionHash: string | null,
    ): Promise<LinkResult> {
      const problem = identityProblem(identity);
      if (problem) throw new AppError('invalid_input', `unusable identity: ${problem}`);
      const clean = cleanIdentity(identity);
      return db.transaction().execute((tx) => attach(tx, intent, clean, sessionHash));
    },

    /**
     * Mails a code to an address the account wants to sign in with, bound to the account and
     * the session. It answers the same whether or not the address is another account's: that is
     * told only to whoever shows they read it (confirmEmail).
     */
    async requestEmail(input: {
      accountId: string;
      token: string;
      email: string;
      ip: string;
      lang: Lang;
    }): Promise<EmailLinkRequest> {
      const ways = await waysRepo.waysOf(db, input.accountId);
      if (ways.some((w) => w.providerId === EMAIL_PROVIDER))
        throw new AppError('not_found', 'the account has an e-mail way already');
      const now = clock.now();
      const email = normaliseEmail(input.email);
      const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
      // The staff sign-in's throttle, with the account's requests in place of an address's and
      // the address's (sign-in codes too) in place of an IP's.
      const throttle = signInThrottle(
        await waysRepo.recentLinkCodes(db, input.accountId, since),
        await repo.recentCodeRequests(db, 'email', email, since),
        now,
        { perEmail: LINK_CODE_LIMITS.perAccount, perIp: LINK_CODE_LIMITS.perAddress },
      );
      if (!throttle.allowed)
        return { ok: false, reason: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };
      const id = randomUUID();
      const code = newCode();
      await db.transaction().execute(async (tx) => {
        await repo.insertCode(tx, {
          id,
          email,
          codeHash: hashCode(secret, codeKey(input.accountId, id), code),
          organisationId: null,
          ip: input.ip,
          now,
          expiresAt: new Date(now.getTime() + CODE_TTL_MINUTES * 60_000),
          link: { accountId: input.accountId, sessionHash: hashToken(input.token) },
        });
        await enqueueCodeMail(tx, {
          id,
          to: email,
          lang: input.lang,
          subject: 'citizens.ways.mail_subject',
          body: 'citizens.ways.mail_body',
          code,
          now,
        });
      });
      deps.wakeMail?.();
      return { ok: true, codeId: id };
    },

    /** One of the account's codes still waiting, for its page; null (used, or not its own). */
    async pendingEmail(accountId: string, codeId: string) {
      return (await waysRepo.unusedLinkCode(db, accountId, codeId)) ?? null;
    },

    /**
     * Checks the code of one of the account's own address links. Right: used up, and the
     * address is attached as the e-mail way (see linkDecision: in the session that asked, an
     * address that is no other account's). Wrong: counted; the fifth wrong try locks it.
     */
    async confirmEmail(
      accountId: string,
      token: string,
      codeId: string,
      code: string,
    ): Promise<EmailLinkCheck> {
      const now = clock.now();
      return db.transaction().execute(async (tx): Promise<EmailLinkCheck> => {
        const row = await waysRepo.linkCodeForCheck(tx, accountId, codeId);
        if (!row?.sessionHash) return { ok: false, reason: 'gone' };
        const decision = codeDecision(row, now);
        if (decision !== 'check') return { ok: false, reason: decision };
        if (!codeMatches(secret, codeKey(accountId, row.id), code, row.codeHash)) {
          const wrong = afterWrongCode(row.attempts);
          await repo.recordWrongCode(tx, row.id, wrong.attempts, wrong.lock ? now : null);
          return { ok: false, reason: wrong.lock ? 'locked' : 'wrong' };
        }
        await repo.markCodeUsed(tx, row.id, now);
        const identity = cleanIdentity({
          providerId: EMAIL_PROVIDER,
          personIdentifier: row.email,
          loa: 'low',
          email: row.email,
        });
        const intent = { accountId, sessionHash: row.sessionHash };
        return attach(tx, intent, identity, hashToken(token));
      });
    },

    /**
     * Removes one of the account's ways, never the last (false: it was the last, nothing
     * changed). When only the e-mail code remains, the eID's data goes with the last eID.
     * Audited. Another account's way is not found.
     */
    async remove(accountId: string, wayId: string): Promise<boolean> {
      return db.transaction().execute(async (tx) => {
        if (!(await waysRepo.lockAccount(tx, accountId)))
          throw new AppError('unauthenticated', 'account deleted');
        const ways = await waysRepo.waysOf(tx, accountId);
        const way = ways.find((w) => w.id === wayId);
        if (!way) throw new AppError('not_found', 'no such way to sign in');
        if (!removable(ways, wayId)) return false;
        await waysRepo.deleteWay(tx, accountId, wayId);
        const rest = ways.filter((w) => w.id !== wayId);
        if (eidDataAfterRemoval(rest, isEid) === 'erase')
          await waysRepo.eraseEidData(tx, accountId);
        await record(tx, 'citizen_account.way_removed', accountId, { provider: way.providerId });
        return true;
      });
    },
  };
}

export type SignInWays = ReturnType<typeof signInWays>;
