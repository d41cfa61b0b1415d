// Changing the account's e-mail (issue 16, decision 032 addendum): a 6-digit code mailed to the
// new address under the sign-in code's rules (booking/codes.ts), bound to the account that
// asked. The right code sets the address as verified and, for an account that signs in by
// e-mail, moves that sign-in to the new address.
import { randomUUID } from 'node:crypto';
import type { AuditService } from '../audit/service.ts';
import type { Db } from '../db/db.ts';
import type { Lang } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { enqueueCodeMail } from './email-sign-in.ts';
import {
  afterWrongCode,
  codeMatches,
  CODE_TTL_MINUTES,
  hashCode,
  newCode,
} from '../booking/codes.ts';
import { normaliseEmail, signInThrottle, THROTTLE_WINDOW_MS } from '../identity/domain.ts';
import { codeDecision } from './domain.ts';
import * as repo from './profile-repo.ts';
import type { CitizensService } from './service.ts';

/**
 * Changes asked for in 15 minutes: five by one account (as the sign-in code per address), and
 * five to one address from all accounts together, so nobody can flood someone else's mailbox.
 */
const CHANGE_LIMITS = { perAccount: 5, perAddress: 5 };

export type EmailChangeRequest =
  | { ok: true; changeId: string }
  | { ok: false; reason: 'same' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export type EmailChangeCheck =
  | { ok: true; email: string }
  | { ok: false; reason: 'wrong' | 'locked' | 'expired' | 'gone' | 'taken' };

/** The code's HMAC is bound to the change and to its account: useless for any other. */
const codeKey = (accountId: string, changeId: string) => `email-change:${accountId}:${changeId}`;

const CITIZEN = { system: 'citizen' } as const;

/** The account's e-mail change by a code to the new address. */
export function emailChange(deps: {
  db: Db;
  clock: Clock;
  secret: string;
  audit: AuditService;
  citizens: Pick<CitizensService, 'account'>;
  wakeMail?: (() => void) | undefined;
}) {
  const { db, clock, secret, audit } = deps;

  return {
    /**
     * Mails a code to the new address. It answers the same whether or not the address is
     * another account's: that is told only to whoever shows they read the address (confirm).
     */
    async request(input: {
      accountId: string;
      email: string;
      ip: string;
      lang: Lang;
    }): Promise<EmailChangeRequest> {
      const now = clock.now();
      const email = normaliseEmail(input.email);
      const account = await deps.citizens.account(input.accountId);
      if (account?.email === email && account.emailVerified) return { ok: false, reason: 'same' };
      const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
      // The staff sign-in's throttle, with the account's requests in place of an address's and
      // the address's in place of an IP's.
      const throttle = signInThrottle(
        await repo.recentEmailChanges(db, 'account_id', input.accountId, since),
        await repo.recentEmailChanges(db, 'new_email', email, since),
        now,
        { perEmail: CHANGE_LIMITS.perAccount, perIp: CHANGE_LIMITS.perAddress },
      );
      if (!throttle.allowed)
        return { ok: false, reason: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };
      const id = randomUUID();
      const code = newCode();
      await db.transaction().execute(async (tx) => {
        await repo.insertEmailChange(tx, {
          id,
          accountId: input.accountId,
          email,
          codeHash: hashCode(secret, codeKey(input.accountId, id), code),
          ip: input.ip,
          now,
          expiresAt: new Date(now.getTime() + CODE_TTL_MINUTES * 60_000),
        });
        await enqueueCodeMail(tx, {
          id,
          to: email,
          lang: input.lang,
          subject: 'citizens.change_email.mail_subject',
          body: 'citizens.change_email.mail_body',
          code,
          now,
        });
      });
      deps.wakeMail?.();
      return { ok: true, changeId: id };
    },

    /** One of the account's changes still waiting for its code, or null (used, or not its own). */
    async pending(
      accountId: string,
      changeId: string,
    ): Promise<{ id: string; email: string } | null> {
      const row = await repo.unusedEmailChange(db, accountId, changeId);
      return row ? { id: row.id, email: row.email } : null;
    },

    /**
     * Checks the code of one of the account's own changes. Right: it is used up, the address
     * becomes the account's verified e-mail, and an account that signs in by e-mail code signs
     * in with the new address from now on; audited. An address that is already another
     * account's e-mail sign-in is refused ('taken') and nothing changes. Wrong: counted; the
     * fifth wrong try locks it.
     */
    async confirm(accountId: string, changeId: string, code: string): Promise<EmailChangeCheck> {
      const now = clock.now();
      return db.transaction().execute(async (tx): Promise<EmailChangeCheck> => {
        const row = await repo.emailChangeForCheck(tx, accountId, changeId);
        if (!row) return { ok: false, reason: 'gone' };
        const decision = codeDecision(row, now);
        if (decision !== 'check') return { ok: false, reason: decision };
        if (!codeMatches(secret, codeKey(accountId, row.id), code, row.codeHash)) {
          const wrong = afterWrongCode(row.attempts);
          await repo.recordWrongEmailCode(tx, row.id, wrong.attempts, wrong.lock ? now : null);
          return { ok: false, reason: wrong.lock ? 'locked' : 'wrong' };
        }
        await repo.markEmailChangeUsed(tx, row.id, now);
        // An eID account has no e-mail sign-in to move, and gets none: an address must not
        // become a way into an account an eID vouched for (decision 032 addendum).
        if ((await repo.emailIdentitiesOf(tx, accountId)).length > 0) {
          const owner = await repo.moveEmailIdentity(tx, accountId, row.email, now);
          if (owner !== accountId) return { ok: false, reason: 'taken' };
        }
        await repo.setVerifiedEmail(tx, accountId, row.email);
        await audit.record(tx, {
          organisationId: null,
          actor: CITIZEN,
          action: 'citizen_account.email_changed',
          objectType: 'citizen_account',
          objectId: accountId,
        });
        return { ok: true, email: row.email };
      });
    },
  };
}

export type EmailChange = ReturnType<typeof emailChange>;
