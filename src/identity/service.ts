import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/db.ts';
import type { Clock } from '../lib/clock.ts';
import {
  normaliseEmail,
  sessionIsLive,
  signInThrottle,
  SESSION_ABSOLUTE_MS,
  SESSION_TOUCH_MS,
  THROTTLE_WINDOW_MS,
  type StaffPrincipal,
} from './domain.ts';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './password.ts';
import * as repo from './repo.ts';

/** Sign-in attempts (email, address) are kept one day: long enough for throttling and investigation. */
const ATTEMPT_RETENTION_MS = 24 * 3600_000;

export type SignInResult =
  | { ok: true; token: string; staff: StaffPrincipal }
  | { ok: false; reason: 'invalid' }
  /** The right password, but the organisation is suspended (decision 023). */
  | { ok: false; reason: 'suspended' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/** What the database stores of a session token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** An attempt let through the throttle: counted as failed until its check says otherwise. */
export type Attempt = {
  allowed: true;
  /** The check passed: a success, which ends the key's run of failures. */
  succeeded(): Promise<void>;
  /** The check passed, but it is not a sign-in (a password re-entered to change it): not counted. */
  uncounted(): Promise<void>;
};

/**
 * The sign-in throttle over the attempts table. The operator console's sign-in uses it too
 * (decision 022), under its own `operator:` keys, so both count failures the same way.
 */
export function signInAttempts(db: Db) {
  return {
    /**
     * Counts an attempt for `key` from `ip` before it is checked. Under a lock on both, the recent
     * failures decide, and an allowed attempt is written at once as failed, so attempts racing it
     * count it. Decided first and written only after the password's slow check, twenty wrong
     * passwords sent at once were all checked against a limit of five.
     */
    async begin(
      key: string,
      ip: string,
      now: Date,
    ): Promise<Attempt | { allowed: false; retryAfterSeconds: number }> {
      const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
      const id = await db.transaction().execute(async (tx) => {
        await repo.lockAttempts(tx, key, ip);
        const decision = signInThrottle(
          await repo.recentEmailFailures(tx, key, since),
          await repo.recentIpFailures(tx, ip, since),
          now,
        );
        if (!decision.allowed) return decision;
        return repo.recordAttempt(tx, { email: key, ip, succeeded: false, at: now });
      });
      if (typeof id !== 'string') return id;
      return {
        allowed: true,
        succeeded: () => repo.settleAttempt(db, id, true),
        uncounted: () => repo.settleAttempt(db, id, null),
      };
    },
  };
}

/** Staff accounts, sign-in and sessions. */
export function identityService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const attempts = signInAttempts(db);
  return {
    /**
     * Checks email and password. A new session token is issued on success and the
     * previous session (if any) is ended, so a token planted before sign-in is useless.
     */
    async signIn(input: {
      email: string;
      password: string;
      ip: string;
      previousToken?: string | undefined;
    }): Promise<SignInResult> {
      const now = clock.now();
      const email = normaliseEmail(input.email);
      const attempt = await attempts.begin(email, input.ip, now);
      if (!attempt.allowed)
        return { ok: false, reason: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };

      const account = await repo.findStaffByEmail(db, email);
      // Verify against a dummy hash when the account is unknown: same work, same time.
      const matches = await verifyPassword(
        input.password,
        account?.passwordHash ?? (await DUMMY_HASH_PROMISE),
      );
      // An invited account without a password yet never signs in (its hash is the dummy's).
      const passwordRight = Boolean(account?.active && account.passwordHash && matches);
      // A suspended organisation's staff do not sign in (decision 023): counted as a failure.
      const succeeded = passwordRight && !account?.organisationSuspended;
      if (succeeded) await attempt.succeeded();
      if (account) await repo.countSignIn(db, account.organisationId, succeeded, now);
      if (!account || !passwordRight) return { ok: false, reason: 'invalid' };
      // Said only to someone who knows the password: a stranger learns nothing about the organisation.
      if (!succeeded) return { ok: false, reason: 'suspended' };

      if (input.previousToken) await repo.deleteSession(db, hashToken(input.previousToken));
      // Housekeeping rides on successful sign-ins (a few a day per person) until a job runner exists.
      await repo.pruneSignInData(db, now, new Date(now.getTime() - ATTEMPT_RETENTION_MS));
      const token = randomBytes(32).toString('base64url');
      await repo.insertSession(db, {
        tokenHash: hashToken(token),
        staffId: account.id,
        now,
        expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      });
      const { passwordHash: _h, active: _a, organisationSuspended: _s, ...staff } = account;
      return { ok: true, token, staff };
    },

    /** The staff member a session token belongs to, or null when it is unknown, idle too long or expired. */
    async resolveSession(token: string): Promise<StaffPrincipal | null> {
      const now = clock.now();
      const tokenHash = hashToken(token);
      const row = await repo.findSession(db, tokenHash);
      if (!row || !row.active || !sessionIsLive(row, now)) return null;
      if (now.getTime() - row.lastSeenAt.getTime() > SESSION_TOUCH_MS)
        await repo.touchSession(db, tokenHash, now);
      return {
        id: row.id,
        organisationId: row.organisationId,
        role: row.role,
        displayName: row.displayName,
        email: row.email,
      };
    },

    async signOut(token: string): Promise<void> {
      await repo.deleteSession(db, hashToken(token));
    },

    hashPassword,
  };
}

export type IdentityService = ReturnType<typeof identityService>;
