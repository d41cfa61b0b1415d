import type { Db } from '../db/db.ts';
import { retryOnConflict } from '../db/retry.ts';
import type { Lang } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { enqueueMail } from '../mail/service.ts';
import type { TenantsService } from '../tenants/service.ts';
import {
  afterWrongCode,
  CODE_TTL_MINUTES,
  codeMatches,
  confirmDecision,
  hashCode,
  holdCookie,
  holdFromCookie,
  linkToken,
  MAX_CODE_ATTEMPTS,
  newCode,
  resendDecision,
} from './codes.ts';
import { dueReminders } from './domain.ts';
import { bookingEmail, codeEmail } from './emails.ts';
import * as repo from './lifecycle-repo.ts';
import { linkHold } from './account-repo.ts';
import type { BookingService, BookingTarget, Contact } from './service.ts';
import { appointmentChanges } from './lifecycle-changes.ts';
import { lifecycleMail, linkHash } from './lifecycle-mail.ts';

export type { BookingView } from './lifecycle-mail.ts';

/** The signed-in citizen booking: their account, and the e-mail it has verified (or null). */
export type SignedInBooker = { accountId: string; verifiedEmail: string | null };

/** Holds per email and per address within an hour: enough for people, too few to harvest slots. */
export const HOLDS_PER_EMAIL_PER_HOUR = 5;
export const HOLDS_PER_IP_PER_HOUR = 20;

/** What the lifecycle is built from. */
export type LifecycleDeps = {
  db: Db;
  clock: Clock;
  secret: string;
  publicUrl: URL;
  booking: BookingService;
  tenants: TenantsService;
  /** Tells the mail worker there is something to send (after the transaction commits). */
  wakeMail?: () => void;
  /** Told after a booking is cancelled or moved (the meeting folder closes with the time it belonged to). */
  onChanged?: (bookingId: string, change: 'cancelled' | 'moved') => void;
};

/**
 * The life of a booking after its hold: the emailed code, confirmation and reminders here; the
 * manage link's cancel and move in lifecycle-changes.ts; the mails in lifecycle-mail.ts. Every
 * email is queued in the same transaction as the change it announces.
 */
export function bookingLifecycle(deps: LifecycleDeps) {
  const { db, clock, secret } = deps;
  const mail = lifecycleMail(deps);
  const { view, facts, queueBookingMail } = mail;

  /** Confirms a held row locked by the caller: the links, and the confirmation mail. */
  async function confirmRow(tx: Db, row: repo.BookingRow, now: Date) {
    await repo.markConfirmed(tx, row.id, now, {
      manageHash: linkHash(linkToken(secret, 'manage', row.id)),
      joinHash: linkHash(linkToken(secret, 'join', row.id)),
    });
    const v = await view({ ...row, state: 'confirmed', holdExpiresAt: null });
    await queueBookingMail(tx, 'confirmed', v, row.icsSequence);
    return v;
  }

  /**
   * A hold just placed by a signed-in citizen for the address their account has verified: the
   * code would prove what the sign-in already proved, so it is confirmed at once (level low).
   */
  async function confirmTrusted(holdId: string) {
    const booking = await db.transaction().execute(async (tx) => {
      const row = await repo.findBooking(tx, holdId, true);
      return row?.state === 'held' ? confirmRow(tx, row, clock.now()) : null;
    });
    deps.booking.invalidate();
    return booking;
  }

  return {
    /**
     * Reserves a time and emails a code. Answers the same way for any email
     * address; limits per email and per address keep bots from harvesting slots.
     */
    async createHold(
      target: BookingTarget,
      start: Date,
      contact: Contact,
      /**
       * `replaces`: this browser's earlier hold; if it holds the same time, it is given up first.
       * `account`: the signed-in citizen's; the booking is theirs, and when `contact.email` is
       * the address the account has verified, no code is mailed: it is confirmed at once.
       */
      ctx: { lang: Lang; ip: string; replaces?: string | null; account?: SignedInBooker | null },
    ) {
      const trusted = ctx.account?.verifiedEmail === contact.email;
      // The browser back button from the code page to this form: without this, the citizen's
      // own abandoned hold would take the seat they ask for again (or a second one).
      if (ctx.replaces) {
        const at = { start, officeId: target.office.id, serviceId: target.service.id };
        if (await repo.releaseHold(db, ctx.replaces, clock.now(), at)) deps.booking.invalidate();
      }
      // Counted and inserted in one transaction, serialised per address and per email.
      const withinLimits = async (tx: Db, now: Date) => {
        const hourAgo = new Date(now.getTime() - 3600_000);
        await repo.lockLimitKeys(tx, [`hold-ip:${ctx.ip}`, `hold-email:${contact.email}`]);
        return (
          (await repo.countHoldsSince(tx, 'citizen_email', contact.email, hourAgo)) <
            HOLDS_PER_EMAIL_PER_HOUR &&
          (await repo.countHoldsSince(tx, 'client_ip', ctx.ip, hourAgo)) < HOLDS_PER_IP_PER_HOUR
        );
      };
      const storeCode = async (tx: Db, holdId: string, now: Date) => {
        if (ctx.account) await linkHold(tx, holdId, ctx.account.accountId);
        if (trusted) return;
        const code = newCode();
        await repo.setCode(tx, holdId, hashCode(secret, holdId, code), now, {
          resend: false,
          language: ctx.lang,
          ip: ctx.ip,
        });
        const mail = codeEmail(ctx.lang, code, CODE_TTL_MINUTES);
        await enqueueMail(
          tx,
          {
            dedupeKey: `code:${holdId}:0`,
            to: contact.email,
            subject: mail.subject,
            text: mail.text,
            sender: target.organisation.mailSender,
          },
          now,
        );
      };
      const result = await deps.booking.placeHold(target, start, contact, storeCode, withinLimits);
      if (!result.ok) return result;
      const confirmed = trusted ? await confirmTrusted(result.holdId) : null;
      deps.wakeMail?.();
      return { ...result, confirmed };
    },

    /** "Send the code again": a new code (the old one stops working), at most three times, 30 s apart. */
    async resendCode(holdId: string) {
      const outcome = await db.transaction().execute(async (tx) => {
        const row = await repo.findBooking(tx, holdId, true);
        if (!row) return { ok: false as const, reason: 'not_found' as const };
        const now = clock.now();
        const decision = resendDecision(
          {
            state: row.state,
            holdExpiresAt: row.holdExpiresAt,
            codeAttempts: row.codeAttempts,
            resends: row.codeResends,
            codeSentAt: row.codeSentAt,
          },
          now,
        );
        if (!decision.allowed)
          return {
            ok: false as const,
            reason: decision.reason,
            retryAfterSeconds: decision.retryAfterSeconds,
          };
        const code = newCode();
        await repo.setCode(tx, holdId, hashCode(secret, holdId, code), now, { resend: true });
        const mail = codeEmail(row.language, code, CODE_TTL_MINUTES);
        const { organisation } = await deps.tenants.bookingTargetById(
          row.organisationId,
          row.officeId,
          row.serviceId,
          row.staffId,
        );
        await enqueueMail(
          tx,
          {
            dedupeKey: `code:${holdId}:${row.codeResends + 1}`,
            to: row.email,
            subject: mail.subject,
            text: mail.text,
            sender: organisation.mailSender,
          },
          now,
        );
        return { ok: true as const };
      });
      if (outcome.ok) deps.wakeMail?.();
      return outcome;
    },

    /**
     * Checks the code; the right one confirms the booking and queues the confirmation with its
     * invitation. Only that first confirmation answers with the booking and its links.
     */
    async confirmWithCode(holdId: string, code: string) {
      const outcome = await retryOnConflict(() =>
        db.transaction().execute(async (tx) => {
          const row = await repo.findBooking(tx, holdId, true);
          if (!row) return { ok: false as const, reason: 'gone' as const };
          const now = clock.now();
          const decision = confirmDecision(
            {
              state: row.state,
              holdExpiresAt: row.holdExpiresAt,
              codeAttempts: row.codeAttempts,
              resends: row.codeResends,
              codeSentAt: row.codeSentAt,
            },
            now,
          );
          const checked = decision === 'check' || decision === 'check_confirmed';
          if (!checked) return { ok: false as const, reason: decision };
          if (!codeMatches(secret, holdId, code.trim(), row.codeHash)) {
            const next = afterWrongCode(row.codeAttempts, decision === 'check_confirmed');
            await repo.recordWrongCode(tx, holdId, next.attempts, next.cancel);
            const reason = next.lock ? ('locked' as const) : ('wrong_code' as const);
            return { ok: false as const, reason, attemptsLeft: MAX_CODE_ATTEMPTS - next.attempts };
          }
          // The right code again (a double submit): the links went by email, never in this answer.
          if (decision === 'check_confirmed') {
            return { ok: false as const, reason: 'already_confirmed' as const };
          }
          return { ok: true as const, booking: await confirmRow(tx, row, now) };
        }),
      );
      if (!outcome.ok) return { ok: false as const, reason: 'gone' as const };
      // A confirmation or a lock (which frees the seat) changes what is free.
      deps.booking.invalidate();
      if (outcome.value.ok) deps.wakeMail?.();
      return outcome.value;
    },

    /**
     * Queues the reminders that are due (default 24 h and 1 h before; per
     * organisation). Safe to run often and on every instance: each reminder has a
     * dedupe key per booking, lead time and SEQUENCE, so a moved booking is
     * reminded again for its new time and no reminder goes out twice.
     */
    async queueDueReminders(): Promise<number> {
      const now = clock.now();
      const upcoming = await repo.upcomingForReminders(db, now, 7 * 24 * 60);
      let queued = 0;
      for (const b of upcoming) {
        const due = dueReminders(b.start, b.confirmedAt, b.minutes, now);
        if (due.length === 0) continue;
        const row = await repo.findBooking(db, b.id);
        if (!row || row.state !== 'confirmed') continue;
        const v = await view(row);
        const mail = bookingEmail('reminder', v.language, facts(v), {
          join: v.joinUrl,
          manage: v.manageUrl,
        });
        for (const m of due) {
          await enqueueMail(
            db,
            {
              dedupeKey: `reminder:${b.id}:${m}:${b.sequence}`,
              to: v.email,
              subject: mail.subject,
              text: mail.text,
              sender: v.target.organisation.mailSender,
            },
            now,
          );
          queued++;
        }
      }
      if (queued) deps.wakeMail?.();
      return queued;
    },

    /** A hold for the code page: whether it can still be confirmed, and what it is for. */
    async hold(holdId: string) {
      const row = await repo.findBooking(db, holdId);
      if (!row) return null;
      const target = await deps.tenants.bookingTargetById(
        row.organisationId,
        row.officeId,
        row.serviceId,
        row.staffId,
      );
      const live =
        row.state === 'held' && row.holdExpiresAt !== null && row.holdExpiresAt > clock.now();
      return { id: row.id, state: row.state, live, start: row.start, email: row.email, target };
    },

    /** The cookie value that marks this browser as the one that placed the hold. */
    holdCookie: (holdId: string) => holdCookie(secret, holdId),
    /** The hold a browser's cookie names, or null (none, or not made with our secret). */
    holdFromCookie: (value: string | undefined) => holdFromCookie(secret, value),

    /** "Wrong address? Change it": gives up a live hold so its time is free again at once. */
    async releaseHold(holdId: string): Promise<boolean> {
      const released = await repo.releaseHold(db, holdId, clock.now());
      if (released) deps.booking.invalidate();
      return released;
    },

    /**
     * What was typed for a hold, to fill the contact form again for the browser that placed it
     * (the caller checks its cookie): while the hold is held, or for an hour after it was given
     * up or ran out. Never for a confirmed, cancelled or locked one.
     */
    async typed(holdId: string) {
      const row = await repo.findBooking(db, holdId);
      if (!row || (row.state !== 'held' && row.state !== 'expired') || !row.holdExpiresAt)
        return null;
      if (row.holdExpiresAt.getTime() < clock.now().getTime() - 3600_000) return null;
      return {
        organisationId: row.organisationId,
        name: row.name,
        email: row.email,
        phone: row.phone ?? '',
        notes: row.notes ?? '',
      };
    },

    /** The current invitation of a booking (REQUEST, or CANCEL once cancelled), for download. */
    invite: mail.invite,
    /** Tells the citizen that the office recorded them as not attending, or took that back. */
    queueNoShowMail: mail.queueNoShowMail,

    /** Tells the mail worker that a transaction which has committed queued mail. */
    wakeMail(): void {
      deps.wakeMail?.();
    },

    ...appointmentChanges(deps, mail),
  };
}

export type BookingLifecycle = ReturnType<typeof bookingLifecycle>;
