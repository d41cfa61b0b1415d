// A booking's life after confirmation: the manage link's page, cancellation by the citizen or by
// staff on their behalf, the citizen's move to another time, its history and the agenda.
import type { Db } from '../db/db.ts';
import { retryOnConflict } from '../db/retry.ts';
import { appointmentActions, type AppointmentActions } from './domain.ts';
import type { LifecycleDeps } from './lifecycle.ts';
import { linkHash, type BookingView, type LifecycleMail } from './lifecycle-mail.ts';
import * as repo from './lifecycle-repo.ts';
import * as seats from './repo.ts';
import { localParts } from '../lib/zoned-time.ts';

/** The lifecycle's operations on a confirmed booking (bookingLifecycle spreads them into its own). */
export function appointmentChanges(deps: LifecycleDeps, mail: LifecycleMail) {
  const { db, clock } = deps;
  const { view, queueBookingMail } = mail;

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
      const row = await repo.findBookingByToken(db, 'manage_token_hash', linkHash(token));
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

    /** The booking a manage (or join) link points to, or null. */
    async byToken(kind: 'manage' | 'join', token: string): Promise<BookingView | null> {
      const row = await repo.findBookingByToken(
        db,
        kind === 'manage' ? 'manage_token_hash' : 'join_token_hash',
        linkHash(token),
      );
      return row ? view(row) : null;
    },

    /** Cancels through the manage link; the citizen gets METHOD:CANCEL with a higher SEQUENCE. */
    async cancelByToken(token: string) {
      const outcome = await db.transaction().execute(async (tx) => {
        const row = await repo.findBookingByToken(tx, 'manage_token_hash', linkHash(token), true);
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
      const current = await repo.findBookingByToken(db, 'manage_token_hash', linkHash(token));
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
          const row = await repo.findBookingByToken(tx, 'manage_token_hash', linkHash(token), true);
          if (!row) return undefined;
          // Judged again under the lock: the meeting may have started since the check above.
          if (!(await actionsOf(tx, row, true)).citizenMove) return 'not_active' as const;
          const now = clock.now();
          const staffIds = open.map((s) => s.officialId);
          await seats.lockOfficials(tx, staffIds);
          await seats.expireHolds(tx, staffIds, start, end, now);
          const seat = await seats.firstFreeSeat(
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
