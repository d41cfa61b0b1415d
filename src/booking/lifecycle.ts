import { createHash } from 'node:crypto';
import type { Db } from '../db/db.ts';
import { retryOnConflict } from '../db/retry.ts';
import { localize, type Lang } from '../i18n/i18n.ts';
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
import { appointmentActions, dueReminders, type AppointmentActions } from './domain.ts';
import { bookingEmail, codeEmail, type BookingFacts } from './emails.ts';
import { buildInvite } from './ics.ts';
import * as repo from './repo.ts';
import type { BookingService, BookingTarget, Contact } from './service.ts';
import { localParts } from '../lib/zoned-time.ts';

/** Holds per email and per address within an hour: enough for people, too few to harvest slots. */
export const HOLDS_PER_EMAIL_PER_HOUR = 5;
export const HOLDS_PER_IP_PER_HOUR = 20;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export type BookingView = {
  id: string;
  state: repo.BookingRow['state'];
  start: Date;
  end: Date;
  past: boolean;
  target: BookingTarget & { officialName: string | null };
  name: string;
  email: string;
  phone: string | null;
  notes: string | null;
  language: Lang;
  icsSequence: number;
  joinUrl: string;
  manageUrl: string;
};

/**
 * The life of a booking after its hold: the emailed code, confirmation, and the
 * manage link's cancel and move. Every email is queued in the same transaction as
 * the change it announces.
 */
export function bookingLifecycle(deps: {
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
}) {
  const { db, clock, secret } = deps;
  const url = (path: string) => new URL(path, deps.publicUrl).href;
  const links = (id: string) => ({
    join: url(`/j/${linkToken(secret, 'join', id)}`),
    manage: url(`/m/${linkToken(secret, 'manage', id)}`),
  });

  async function view(row: repo.BookingRow): Promise<BookingView> {
    const target = await deps.tenants.bookingTargetById(
      row.organisationId,
      row.officeId,
      row.serviceId,
      row.staffId,
    );
    const l = links(row.id);
    return {
      id: row.id,
      state: row.state,
      start: row.start,
      end: row.end,
      past: row.end <= clock.now(),
      target,
      name: row.name,
      email: row.email,
      phone: row.phone,
      notes: row.notes,
      language: row.language,
      icsSequence: row.icsSequence,
      joinUrl: l.join,
      manageUrl: l.manage,
    };
  }

  function facts(v: BookingView): BookingFacts {
    const fb = v.target.organisation.defaultLanguage;
    const o = v.target.office;
    return {
      service: localize(v.target.service.name, v.language, fb),
      office: localize(o.name, v.language, fb),
      address: `${o.street}, ${o.postcode} ${o.city}`,
      official: v.target.officialName,
      start: v.start,
      end: v.end,
      timeZone: o.timeZone,
    };
  }

  /**
   * The calendar invitation of a booking: UID from its id, the office as organizer, the citizen
   * as attendee. Every booking made here is a video appointment (the pages and the API book
   * only services held by video), so it takes place at its join link: LOCATION and URL carry
   * it, which calendars show as the way in; the manage link and the office's address are in
   * the description (the email's text).
   */
  function inviteFor(
    v: BookingView,
    method: 'REQUEST' | 'CANCEL',
    sequence: number,
    description: string,
  ): string {
    const f = facts(v);
    const org = v.target.organisation;
    return buildInvite({
      method,
      uid: `${v.id}@okence`,
      sequence,
      start: v.start,
      end: v.end,
      stamp: clock.now(),
      summary: `${f.service} — ${f.office}`,
      description,
      location: v.joinUrl,
      url: v.joinUrl,
      organizer: {
        name: localize(org.name, v.language, org.defaultLanguage),
        email: v.target.office.email ?? org.email ?? 'no-reply@okence.invalid',
      },
      attendee: { name: v.name, email: v.email },
    });
  }

  /** Queues the email for a booking event, with its invitation (REQUEST, or CANCEL). */
  async function queueBookingMail(
    tx: Db,
    kind: 'confirmed' | 'cancelled' | 'moved',
    v: BookingView,
    sequence: number,
    reason?: string,
  ): Promise<void> {
    const f = facts(v);
    const mail = bookingEmail(
      kind,
      v.language,
      f,
      { join: v.joinUrl, manage: v.manageUrl },
      reason,
    );
    const method = kind === 'cancelled' ? 'CANCEL' : 'REQUEST';
    const ics = inviteFor(v, method, sequence, mail.text);
    await enqueueMail(
      tx,
      {
        dedupeKey: `booking:${v.id}:${kind}:${sequence}`,
        to: v.email,
        subject: mail.subject,
        text: mail.text,
        ics: { method, content: ics },
        sender: v.target.organisation.mailSender,
      },
      clock.now(),
    );
  }

  /**
   * What may still happen to a booking now (booking/domain.ts appointmentActions). Inside a
   * transaction that has locked the booking row, `lock` also locks its meeting row, so the
   * answer holds until the change commits: a page rendered earlier is judged at submit time.
   */
  async function actionsOf(
    tx: Db,
    row: repo.BookingRow,
    lock = false,
  ): Promise<AppointmentActions> {
    const meeting = await repo.meetingRecord(tx, row.id, lock);
    return appointmentActions(
      { state: row.state, start: row.start, end: row.end, meeting },
      clock.now(),
    );
  }

  /**
   * Cancels a booking row locked by the caller's transaction, by the citizen (manage link) or by
   * staff with a reason: the state, the history event and the email with `METHOD:CANCEL` and a
   * higher SEQUENCE. Only what appointmentActions allows the actor: history stays history.
   */
  async function cancelLocked(
    tx: Db,
    row: repo.BookingRow,
    actor: 'citizen' | { staffId: string; name: string },
    reason?: string,
  ) {
    const now = clock.now();
    const may = await actionsOf(tx, row, true);
    if (!(actor === 'citizen' ? may.citizenCancel : may.staffCancel))
      return { ok: false as const, reason: 'not_active' as const };
    await repo.markCancelled(tx, row.id, now);
    await repo.insertBookingEvent(tx, {
      bookingId: row.id,
      at: now,
      kind: 'cancelled',
      actor,
      ...(reason === undefined ? {} : { reason }),
    });
    const v = await view({ ...row, state: 'cancelled' });
    await queueBookingMail(tx, 'cancelled', v, row.icsSequence + 1, reason);
    return { ok: true as const, booking: v };
  }

  /** After a cancellation commits: the time is free for citizens at once, the mail goes, the folder closes. */
  function cancelled(bookingId: string): void {
    deps.booking.invalidate();
    deps.wakeMail?.();
    deps.onChanged?.(bookingId, 'cancelled');
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
      /** `replaces`: this browser's earlier hold; if it holds the same time, it is given up first. */
      ctx: { lang: Lang; ip: string; replaces?: string | null },
    ) {
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
      if (result.ok) deps.wakeMail?.();
      return result;
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
          await repo.markConfirmed(tx, holdId, now, {
            manageHash: sha256(linkToken(secret, 'manage', holdId)),
            joinHash: sha256(linkToken(secret, 'join', holdId)),
          });
          const v = await view({ ...row, state: 'confirmed', holdExpiresAt: null });
          await queueBookingMail(tx, 'confirmed', v, row.icsSequence);
          return { ok: true as const, booking: v };
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
    invite(v: BookingView): string {
      const kind = v.state === 'cancelled' ? 'cancelled' : 'confirmed';
      const text = bookingEmail(kind, v.language, facts(v), {
        join: v.joinUrl,
        manage: v.manageUrl,
      }).text;
      return inviteFor(v, kind === 'cancelled' ? 'CANCEL' : 'REQUEST', v.icsSequence, text);
    },

    /** A booking by id (staff pages authorise before calling), or null. */
    async byId(id: string): Promise<BookingView | null> {
      const row = await repo.findBooking(db, id);
      return row ? view(row) : null;
    },

    /**
     * The manage link's page: the booking, what the citizen may still do with it, and how its
     * meeting ended (a no-show or a meeting that took place is history, shown as such).
     */
    async manage(token: string) {
      const row = await repo.findBookingByToken(db, 'manage_token_hash', sha256(token));
      if (!row) return null;
      const meeting = await repo.meetingRecord(db, row.id);
      const actions = appointmentActions(
        { state: row.state, start: row.start, end: row.end, meeting },
        clock.now(),
      );
      const outcome =
        row.state !== 'confirmed' || !meeting
          ? null
          : meeting.noShow && meeting.endedAt
            ? ('no_show' as const)
            : meeting.endedAt
              ? ('done' as const)
              : meeting.startedAt
                ? ('in_progress' as const)
                : null;
      return { booking: await view(row), actions, outcome };
    },

    /**
     * Tells the citizen, in the caller's transaction, that the office recorded them as not
     * attending, or took that back (decision: a record about a person is not made behind their
     * back; the e-mail names the office's contact for a mistake). Each event has its own mail.
     */
    async queueNoShowMail(
      tx: Db,
      bookingId: string,
      kind: 'no_show' | 'no_show_undone',
      at: Date,
    ): Promise<void> {
      const row = await repo.findBooking(tx, bookingId);
      if (!row) return;
      const v = await view(row);
      const o = v.target.office;
      const contact = [
        o.email ?? v.target.organisation.email,
        o.phone ?? v.target.organisation.phone,
      ]
        .filter(Boolean)
        .join(', ');
      const mail = bookingEmail(
        kind,
        v.language,
        facts(v),
        { join: v.joinUrl, manage: v.manageUrl },
        undefined,
        contact || null,
      );
      await enqueueMail(
        tx,
        {
          dedupeKey: `booking:${v.id}:${kind}:${at.getTime()}`,
          to: v.email,
          subject: mail.subject,
          text: mail.text,
          sender: v.target.organisation.mailSender,
        },
        clock.now(),
      );
    },

    /** Tells the mail worker that a transaction which has committed queued mail. */
    wakeMail(): void {
      deps.wakeMail?.();
    },

    /** The booking a manage (or join) link points to, or null. */
    async byToken(kind: 'manage' | 'join', token: string): Promise<BookingView | null> {
      const row = await repo.findBookingByToken(
        db,
        kind === 'manage' ? 'manage_token_hash' : 'join_token_hash',
        sha256(token),
      );
      return row ? view(row) : null;
    },

    /** Cancels through the manage link; the citizen gets METHOD:CANCEL with a higher SEQUENCE. */
    async cancelByToken(token: string) {
      const outcome = await db.transaction().execute(async (tx) => {
        const row = await repo.findBookingByToken(tx, 'manage_token_hash', sha256(token), true);
        if (!row) return { ok: false as const, reason: 'not_found' as const };
        return cancelLocked(tx, row, 'citizen');
      });
      if (outcome.ok) cancelled(outcome.booking.id);
      return outcome;
    },

    /**
     * Cancels on the citizen's behalf (staff pages authorise before calling): the same
     * cancellation as the manage link's, with the staff member and their reason recorded
     * in booking_event and the reason in the citizen's email. `within` runs in the same
     * transaction (the caller's audit entry). Only a confirmed booking not yet over.
     */
    async cancelOnBehalf(
      id: string,
      by: { staffId: string; name: string },
      reason: string,
      within: (tx: Db, v: BookingView) => Promise<void>,
    ) {
      const outcome = await db.transaction().execute(async (tx) => {
        const row = await repo.findBooking(tx, id, true);
        if (!row) return { ok: false as const, reason: 'not_found' as const };
        const result = await cancelLocked(tx, row, by, reason);
        if (result.ok) await within(tx, result.booking);
        return result;
      });
      if (outcome.ok) cancelled(outcome.booking.id);
      return outcome;
    },

    /** What a booking's history needs from the booking domain: its times, moves and cancellations, and reminders. */
    async history(id: string) {
      const [times, events, reminders] = await Promise.all([
        repo.bookingTimes(db, id),
        repo.bookingEvents(db, id),
        repo.reminders(db, id),
      ]);
      return times ? { ...times, events, reminders } : null;
    },

    /** Confirmed and cancelled bookings at these offices starting in [from, to), optionally of one official: the agenda. */
    async agendaAt(
      officeIds: readonly string[],
      from: Date,
      to: Date,
      staffId: string | null = null,
    ): Promise<BookingView[]> {
      return Promise.all((await repo.agendaAt(db, officeIds, from, to, staffId)).map(view));
    },

    /** Moves a booking to another free time; it keeps its UID and links, its SEQUENCE rises. */
    async rescheduleByToken(token: string, start: Date) {
      const current = await repo.findBookingByToken(db, 'manage_token_hash', sha256(token));
      if (!current) return { ok: false as const, reason: 'not_found' as const };
      if (!(await actionsOf(db, current)).citizenMove)
        return { ok: false as const, reason: 'not_active' as const };
      const target = await deps.tenants.bookingTargetById(
        current.organisationId,
        current.officeId,
        current.serviceId,
        current.staffId,
      );
      const day = localParts(start, target.office.timeZone).date;
      const open = (await deps.booking.freshSlots(target, day, day)).filter(
        (s) => s.start.getTime() === start.getTime(),
      );
      if (open.length === 0) {
        const reason = await deps.booking.whyNotFree(target, start);
        return reason === 'taken'
          ? { ok: false as const, reason }
          : { ok: false as const, reason, target };
      }
      const end = open[0]!.end;
      const result = await retryOnConflict(() =>
        db.transaction().execute(async (tx) => {
          const row = await repo.findBookingByToken(tx, 'manage_token_hash', sha256(token), true);
          if (!row) return undefined;
          // Judged again under the lock: the meeting may have started since the check above.
          if (!(await actionsOf(tx, row, true)).citizenMove) return 'not_active' as const;
          const now = clock.now();
          const staffIds = open.map((s) => s.officialId);
          await repo.lockOfficials(tx, staffIds);
          await repo.expireHolds(tx, staffIds, start, end, now);
          const seat = await repo.firstFreeSeat(
            tx,
            open.map((s) => ({ staffId: s.officialId, capacity: target.service.capacity })),
            start,
            end,
            row.id,
          );
          if (!seat) return undefined;
          await repo.moveBooking(tx, row.id, { ...seat, start, end });
          await repo.insertBookingEvent(tx, {
            bookingId: row.id,
            at: now,
            kind: 'moved',
            actor: 'citizen',
            from: { start: row.start, end: row.end },
            to: { start, end },
          });
          const moved = await repo.findBooking(tx, row.id);
          if (!moved) return undefined;
          const v = await view(moved);
          await queueBookingMail(tx, 'moved', v, moved.icsSequence);
          return v;
        }),
      );
      const moved = result.ok ? result.value : undefined;
      if (moved === 'not_active') return { ok: false as const, reason: 'not_active' as const };
      if (!moved) return { ok: false as const, reason: 'taken' as const };
      deps.booking.invalidate();
      deps.wakeMail?.();
      deps.onChanged?.(moved.id, 'moved');
      return { ok: true as const, booking: moved };
    },
  };
}

export type BookingLifecycle = ReturnType<typeof bookingLifecycle>;
