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

/**
 * The sign-in throttle over the attempts table. The operator console's sign-in uses it too
 * (decision 022), under its own `operator:` keys, so both count failures the same way.
 */
export function signInAttempts(db: Db) {
  return {
    /** Whether a sign-in for `key` from `ip` may be tried at `now`, from the recent failures. */
    async throttle(key: string, ip: string, now: Date) {
      const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
      return signInThrottle(
        await repo.recentEmailFailures(db, key, since),
        await repo.recentIpFailures(db, ip, since),
        now,
      );
    },
    /** Records one attempt, failed or not (a success ends the key's run of failures). */
    record(attempt: { email: string; ip: string; succeeded: boolean; at: Date }): Promise<void> {
      return repo.recordAttempt(db, attempt);
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
      const decision = await attempts.throttle(email, input.ip, now);
      if (!decision.allowed)
        return { ok: false, reason: 'throttled', retryAfterSeconds: decision.retryAfterSeconds };

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
      await attempts.record({ email, ip: input.ip, succeeded, at: now });
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
