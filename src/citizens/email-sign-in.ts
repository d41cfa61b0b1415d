import { randomUUID } from 'node:crypto';
import type { Db } from '../db/db.ts';
import { translator, type Lang, type MessageKey } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { enqueueMail } from '../mail/service.ts';
import {
  afterWrongCode,
  codeMatches,
  CODE_TTL_MINUTES,
  hashCode,
  newCode,
} from '../booking/codes.ts';
import { normaliseEmail, signInThrottle, THROTTLE_WINDOW_MS } from '../identity/domain.ts';
import { codeDecision, EMAIL_PROVIDER, type VerifiedIdentity } from './domain.ts';
import * as repo from './repo.ts';

/**
 * Codes asked for in 15 minutes: five per address (as staff sign-in failures), and a hundred per
 * IP, since many citizens share one address behind a mobile carrier's or an office's NAT.
 */
const CODE_REQUEST_LIMITS = { perEmail: 5, perIp: 100 };

export type CodeRequest =
  { ok: true; challengeId: string } | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export type CodeCheck =
  | { ok: true; identity: VerifiedIdentity; organisationId: string | null }
  | { ok: false; reason: 'wrong' | 'locked' | 'expired' | 'gone' };

/**
 * Queues the mail that carries a citizen's code (sign-in, e-mail change, a way added), in the
 * transaction that stored the code. Every kind goes under the `citizen-code:` dedupe prefix, so
 * the sign-in codes' pruning forgets its mail a day later.
 */
export async function enqueueCodeMail(
  tx: Db,
  m: {
    id: string;
    to: string;
    lang: Lang;
    subject: MessageKey;
    body: MessageKey;
    code: string;
    now: Date;
  },
): Promise<void> {
  const t = translator(m.lang);
  const body = t(m.body, { code: m.code, minutes: CODE_TTL_MINUTES });
  await enqueueMail(
    tx,
    {
      dedupeKey: `citizen-code:${m.id}`,
      to: m.to,
      subject: t(m.subject),
      text: `${body}\n\n-- \n${t('citizens.mail.footer')}\n`,
    },
    m.now,
  );
}

/**
 * The e-mail sign-in (level low): a 6-digit code mailed to the address, under the booking
 * code's rules (booking/codes.ts): CSPRNG, stored as an HMAC bound to the request, ten minutes,
 * one use, locked at the fifth wrong try. Every address gets a code, whether an account exists
 * or not, so the answer never tells who has one; the account is made when the code is right.
 * Asking is limited with the staff sign-in's throttle (CODE_REQUEST_LIMITS).
 */
export function emailSignIn(deps: {
  db: Db;
  clock: Clock;
  secret: string;
  wakeMail?: (() => void) | undefined;
}) {
  const { db, clock, secret } = deps;
  return {
    /** Mails a code to `email`; the caller keeps the challenge id in the browser (a signed cookie). */
    async requestCode(input: {
      email: string;
      organisationId: string | null;
      ip: string;
      lang: Lang;
    }): Promise<CodeRequest> {
      const now = clock.now();
      const email = normaliseEmail(input.email);
      const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
      const throttle = signInThrottle(
        await repo.recentCodeRequests(db, 'email', email, since),
        await repo.recentCodeRequests(db, 'ip', input.ip, since),
        now,
        CODE_REQUEST_LIMITS,
      );
      if (!throttle.allowed)
        return { ok: false, reason: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };
      const id = randomUUID();
      const code = newCode();
      await db.transaction().execute(async (tx) => {
        await repo.insertCode(tx, {
          id,
          email,
          codeHash: hashCode(secret, `citizen:${id}`, code),
          organisationId: input.organisationId,
          ip: input.ip,
          now,
          expiresAt: new Date(now.getTime() + CODE_TTL_MINUTES * 60_000),
        });
        await enqueueCodeMail(tx, {
          id,
          to: email,
          lang: input.lang,
          subject: 'citizens.mail.subject',
          body: 'citizens.mail.body',
          code,
          now,
        });
      });
      deps.wakeMail?.();
      return { ok: true, challengeId: id };
    },

    /** The address a pending code went to, for the code page; null when there is no such request. */
    async pending(challengeId: string): Promise<{ email: string } | null> {
      const row = await repo.codeSummary(db, challengeId);
      return row ? { email: row.email } : null;
    },

    /**
     * Checks a code. Right: it is used up and the identity to sign in comes back (the caller
     * starts the session). Wrong: counted; the fifth wrong try locks it.
     */
    async checkCode(challengeId: string, code: string): Promise<CodeCheck> {
      const now = clock.now();
      return db.transaction().execute(async (tx): Promise<CodeCheck> => {
        const row = await repo.codeForCheck(tx, challengeId);
        if (!row) return { ok: false, reason: 'gone' };
        const decision = codeDecision(row, now);
        if (decision !== 'check') return { ok: false, reason: decision };
        if (codeMatches(secret, `citizen:${row.id}`, code, row.codeHash)) {
          await repo.markCodeUsed(tx, row.id, now);
          const identity: VerifiedIdentity = {
            providerId: EMAIL_PROVIDER,
            personIdentifier: row.email,
            loa: 'low',
            email: row.email,
          };
          return { ok: true, identity, organisationId: row.organisationId };
        }
        const wrong = afterWrongCode(row.attempts);
        await repo.recordWrongCode(tx, row.id, wrong.attempts, wrong.lock ? now : null);
        return { ok: false, reason: wrong.lock ? 'locked' : 'wrong' };
      });
    },
  };
}

export type EmailSignIn = ReturnType<typeof emailSignIn>;
