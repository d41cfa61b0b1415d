import { randomBytes } from 'node:crypto';
import type { Db } from '../db/db.ts';
import { operatorActor, type AuditActor } from '../audit/domain.ts';
import type { AuditService } from '../audit/service.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import {
  normaliseEmail,
  sessionIsLive,
  SESSION_ABSOLUTE_MS,
  SESSION_TOUCH_MS,
} from '../identity/domain.ts';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../identity/password.ts';
import { hashToken, signInAttempts } from '../identity/service.ts';
import {
  attemptKey,
  PARTIAL_SESSION_MS,
  type OperatorPrincipal,
  type OperatorStage,
} from './domain.ts';
import { sealer } from './seal.ts';
import { base32Encode, checkTotp, newTotpSecret, otpauthUri, totpStep } from './totp.ts';
import * as repo from './repo.ts';

export type OperatorSession = { operator: OperatorPrincipal; stage: OperatorStage };

export type StepResult =
  | { ok: true; token: string; stage: OperatorStage }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'not_enrolled' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Operator accounts and console sessions. Sign-in is two steps: the password (the staff rules:
 * scrypt, the dummy hash for unknown addresses, five failures per address or twenty per IP in
 * 15 minutes), then a TOTP code; a wrong code counts as a failed sign-in too. An operator with
 * no second factor yet gets a session that opens only enrolment. Every step issues a new
 * token, so a token seen half-way is worth nothing afterwards.
 */
export function operatorService(deps: {
  db: Db;
  clock: Clock;
  sessionSecret: string;
  audit: AuditService;
}) {
  const { db, clock } = deps;
  const attempts = signInAttempts(db);
  const secrets = sealer(deps.sessionSecret, 'operator-totp');

  /** An attempt counted for the operator's key before it is checked (see signInAttempts). */
  async function begin(email: string, ip: string, now: Date) {
    return attempts.begin(attemptKey(email), ip, now);
  }

  async function newSession(
    operatorId: string,
    stage: OperatorStage,
    now: Date,
    previousToken?: string,
  ): Promise<string> {
    if (previousToken) await repo.deleteSession(db, hashToken(previousToken));
    const token = randomBytes(32).toString('base64url');
    const life = stage === 'full' ? SESSION_ABSOLUTE_MS : PARTIAL_SESSION_MS;
    await repo.insertSession(db, {
      tokenHash: hashToken(token),
      operatorId,
      stage,
      now,
      expiresAt: new Date(now.getTime() + life),
    });
    return token;
  }

  const audited = (
    operator: OperatorPrincipal,
    action: string,
    detail: Record<string, unknown> = {},
  ) =>
    deps.audit.record(db, {
      organisationId: null,
      actor: operatorActor(operator),
      action,
      objectType: 'operator',
      objectId: operator.id,
      summary: operator.email,
      detail,
    });

  /**
   * A failure, for a known operator, in the audit log (the throttle counted it when the attempt
   * began).
   */
  async function failed(
    ip: string,
    operator: OperatorPrincipal | null,
    step: 'password' | 'code' | 'enrolment' | 'not_enrolled',
  ) {
    if (operator) await audited({ ...operator, ip }, 'operator.sign_in_failed', { step });
  }

  /** A code checked against the operator's secret, used up when right (never accepted twice). */
  async function codeAccepted(
    operatorId: string,
    sealed: string | null,
    lastStep: string | null,
    code: string,
    now: Date,
  ): Promise<boolean> {
    const secret = sealed ? secrets.open(sealed) : null;
    if (!secret) return false;
    const check = checkTotp(secret, code, now, lastStep === null ? null : Number(lastStep));
    return check.ok && (await repo.advanceTotpStep(db, operatorId, check.step));
  }

  return {
    /** Creates an operator without a password (the CLI then sends the link); `conflict` when the address exists. */
    async create(email: string, actor: AuditActor): Promise<string> {
      const address = normaliseEmail(email);
      if (await repo.findOperatorByEmail(db, address))
        throw new AppError('conflict', 'an operator with this address exists');
      return db.transaction().execute(async (tx) => {
        const id = await repo.insertOperator(tx, address);
        await deps.audit.record(tx, {
          organisationId: null,
          actor,
          action: 'operator.created',
          objectType: 'operator',
          objectId: id,
          summary: address,
        });
        return id;
      });
    },

    /** An operator by address, for the CLI. */
    async find(email: string) {
      return repo.findOperatorByEmail(db, normaliseEmail(email));
    },

    /** Forgets an operator's password and second factor and ends their sessions; the CLI then sends a new link. */
    async reset(operatorId: string, actor: AuditActor): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const operator = await repo.findOperator(tx, operatorId);
        if (!operator) throw new AppError('not_found', 'no such operator');
        await repo.resetOperator(tx, operatorId);
        await deps.audit.record(tx, {
          organisationId: null,
          actor,
          action: 'operator.reset',
          objectType: 'operator',
          objectId: operatorId,
          summary: operator.email,
        });
      });
    },

    /** Step one: the password. Leads to the code step; an operator with no second factor yet is refused. */
    async signIn(input: {
      email: string;
      password: string;
      ip: string;
      previousToken?: string | undefined;
    }): Promise<StepResult> {
      const now = clock.now();
      const email = normaliseEmail(input.email);
      const attempt = await begin(email, input.ip, now);
      if (!attempt.allowed)
        return { ok: false, reason: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };
      const account = await repo.findOperatorByEmail(db, email);
      const matches = await verifyPassword(
        input.password,
        account?.password_hash ?? (await DUMMY_HASH_PROMISE),
      );
      if (!account || !account.active || !account.password_hash || !matches) {
        await failed(input.ip, account ? { id: account.id, email } : null, 'password');
        return { ok: false, reason: 'invalid' };
      }
      // The second factor is set up only from the set-password link's own session. A password
      // sign-in never leads to enrolment: whoever learnt the password before the owner finished
      // would enrol their own authenticator (the owner is told to ask for a new link).
      if (!account.totp_secret) {
        await failed(input.ip, { id: account.id, email }, 'not_enrolled');
        return { ok: false, reason: 'not_enrolled' };
      }
      // The right password is not a sign-in yet: the code step counts its own attempt.
      await attempt.uncounted();
      return {
        ok: true,
        stage: 'code',
        token: await newSession(account.id, 'code', now, input.previousToken),
      };
    },

    /** Step two: the code. A success is a full session under a new token, and clears the failures. */
    async verifyCode(token: string, code: string, ip: string): Promise<StepResult> {
      const now = clock.now();
      const session = await repo.findSession(db, hashToken(token));
      if (!session || session.stage !== 'code' || !sessionIsLive(session, now))
        return { ok: false, reason: 'invalid' };
      const attempt = await begin(session.email, ip, now);
      if (!attempt.allowed)
        return { ok: false, reason: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };
      const account = await repo.findOperator(db, session.id);
      if (
        !account?.active ||
        !(await codeAccepted(account.id, account.totp_secret, account.totp_last_step, code, now))
      ) {
        await failed(ip, { id: session.id, email: session.email }, 'code');
        return { ok: false, reason: 'invalid' };
      }
      await attempt.succeeded();
      await audited({ id: session.id, email: session.email, ip }, 'operator.signed_in');
      await repo.pruneSessions(db, now);
      return { ok: true, stage: 'full', token: await newSession(session.id, 'full', now, token) };
    },

    /** A session that opens only enrolment, right after the password was set through a link. */
    async enrolmentSession(operatorId: string): Promise<string> {
      return newSession(operatorId, 'enrol', clock.now());
    },

    /**
     * The secret offered at enrolment: made once per enrolment session and kept sealed in it,
     * so a reload shows the same one; null when the session is not an enrolment session.
     */
    async enrolmentSecret(
      token: string,
    ): Promise<{ secret: string; uri: string; email: string } | null> {
      const tokenHash = hashToken(token);
      const session = await repo.findSession(db, tokenHash);
      if (!session || session.stage !== 'enrol' || !sessionIsLive(session, clock.now()))
        return null;
      let secret = session.pendingSecret ? secrets.open(session.pendingSecret) : null;
      if (!secret) {
        secret = newTotpSecret();
        await repo.setPendingSecret(db, tokenHash, secrets.seal(secret));
      }
      const text = base32Encode(secret);
      return { secret: text, uri: otpauthUri(session.email, text), email: session.email };
    },

    /** Confirms enrolment with a code of the offered secret: the secret is kept and the session becomes full. */
    async confirmEnrolment(token: string, code: string, ip: string): Promise<StepResult> {
      const now = clock.now();
      const session = await repo.findSession(db, hashToken(token));
      if (
        !session ||
        session.stage !== 'enrol' ||
        !sessionIsLive(session, now) ||
        !session.pendingSecret
      )
        return { ok: false, reason: 'invalid' };
      const attempt = await begin(session.email, ip, now);
      if (!attempt.allowed)
        return { ok: false, reason: 'throttled', retryAfterSeconds: attempt.retryAfterSeconds };
      const secret = secrets.open(session.pendingSecret);
      const check = secret ? checkTotp(secret, code, now, null) : null;
      if (!check?.ok) {
        await failed(ip, { id: session.id, email: session.email }, 'enrolment');
        return { ok: false, reason: 'invalid' };
      }
      if (!(await repo.setTotpSecret(db, session.id, session.pendingSecret, check.step))) {
        // Enrolled meanwhile through another session: this one may not replace it.
        await repo.deleteSession(db, hashToken(token));
        await failed(ip, { id: session.id, email: session.email }, 'enrolment');
        return { ok: false, reason: 'invalid' };
      }
      await attempt.uncounted();
      await repo.endEnrolmentSessions(db, session.id);
      const operator = { id: session.id, email: session.email, ip };
      await audited(operator, 'operator.totp_enrolled');
      await audited(operator, 'operator.signed_in');
      return { ok: true, stage: 'full', token: await newSession(session.id, 'full', now, token) };
    },

    /** The operator and stage of a session token, or null when unknown, idle too long or expired. */
    async resolveSession(token: string): Promise<OperatorSession | null> {
      const now = clock.now();
      const tokenHash = hashToken(token);
      const row = await repo.findSession(db, tokenHash);
      if (!row || !row.active || !sessionIsLive(row, now)) return null;
      if (now.getTime() - row.lastSeenAt.getTime() > SESSION_TOUCH_MS)
        await repo.touchSession(db, tokenHash, now);
      return { operator: { id: row.id, email: row.email }, stage: row.stage };
    },

    async signOut(token: string, operator: OperatorPrincipal | null): Promise<void> {
      await repo.deleteSession(db, hashToken(token));
      if (operator) await audited(operator, 'operator.signed_out');
    },

    /** The current TOTP step, for tests and the CLI's own checks. */
    currentStep: () => totpStep(clock.now()),
  };
}

export type OperatorService = ReturnType<typeof operatorService>;
