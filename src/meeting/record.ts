// What a meeting keeps with its booking besides the live room: its end, a no-show and its
// undoing, and the identity check. Each change is judged by the booking's one rule
// (appointmentActions) under the lock of its rows, with the audit entry (`within`) in the
// same transaction; the room hears the outcome through the hub.
import { appointmentActions, type AppointmentActions } from '../booking/domain.ts';
import type { BookingLifecycle } from '../booking/lifecycle.ts';
import type { Db } from '../db/db.ts';
import type { IdentityDocument } from '../db/tables.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import type { MeetingHub } from './hub.ts';
import * as repo from './repo.ts';

/** Who records something about a meeting: a staff member, by the name they had then. */
export type Recorder = { staffId: string | null; name: string };
/** Work to do in the same transaction as a change (the audit entry). */
type Within = (tx: Db) => Promise<void>;

/** The end, no-shows and identity checks of meetings; `ended` hears each meeting that ends. */
export function meetingRecord(deps: {
  db: Db;
  clock: Clock;
  lifecycle: BookingLifecycle;
  hub: MeetingHub;
  ended(bookingId: string): void;
}) {
  const { db, clock, lifecycle, hub } = deps;

  /**
   * Changes a meeting's record under the lock of its booking and meeting rows, only when the
   * one rule (appointmentActions) allows `action` at this instant: a page or a room that
   * offered it earlier is judged when the change arrives. `within` adds the audit entry.
   */
  async function recordLocked(
    bookingId: string,
    action: keyof AppointmentActions,
    change: (tx: Db, now: Date) => Promise<void>,
    within?: Within,
  ): Promise<void> {
    await db.transaction().execute(async (tx) => {
      const facts = await repo.lockAppointment(tx, bookingId);
      if (!facts) throw new AppError('not_found');
      const now = clock.now();
      if (!appointmentActions(facts, now)[action])
        throw new AppError('conflict', `${action} is not possible now`);
      await change(tx, now);
      await within?.(tx);
    });
  }

  /** Ends the meeting once, for everyone in it (each citizen is sent to their own survey by the hub). */
  async function endMeeting(
    bookingId: string,
    staffId: string | null,
    within?: Within,
  ): Promise<void> {
    const ended = await db.transaction().execute(async (tx) => {
      await repo.ensureMeeting(tx, bookingId);
      const done = await repo.markEnded(tx, bookingId, staffId, clock.now(), false);
      if (done) await within?.(tx);
      return done;
    });
    if (ended) closeRoom(bookingId);
  }

  function closeRoom(bookingId: string): void {
    hub.toMeeting(bookingId, { everyone: true }, { type: 'ended', surveyUrl: null });
    deps.ended(bookingId);
  }

  /**
   * Records that the citizen did not come (NO_SHOW_GRACE_MINUTES after the start at the
   * earliest): the meeting ends, the event keeps who and when, and the citizen is told.
   */
  async function noShow(bookingId: string, by: Recorder, within?: Within): Promise<void> {
    await recordLocked(
      bookingId,
      'noShow',
      async (tx, now) => {
        await repo.markEnded(tx, bookingId, by.staffId, now, true);
        await repo.insertMeetingEvent(tx, bookingId, {
          at: now,
          kind: 'no_show',
          actorStaffId: by.staffId,
          actorName: by.name,
          documentType: null,
        });
        await lifecycle.queueNoShowMail(tx, bookingId, 'no_show', now);
      },
      within,
    );
    lifecycle.wakeMail();
    closeRoom(bookingId);
  }

  /** Records (or corrects, or with null withdraws) the identity check: a new event each time, the earlier ones stay. */
  async function checkIdentity(
    bookingId: string,
    by: Recorder,
    document: IdentityDocument | null,
    within?: Within,
  ): Promise<void> {
    await recordLocked(
      bookingId,
      'checkIdentity',
      async (tx, now) => {
        await repo.setIdentity(tx, bookingId, by.staffId, now, document);
        await repo.insertMeetingEvent(tx, bookingId, {
          at: now,
          kind: document ? 'identity_checked' : 'identity_withdrawn',
          actorStaffId: by.staffId,
          actorName: by.name,
          documentType: document,
        });
      },
      within,
    );
    hub.toMeeting(bookingId, { admitted: true }, { type: 'identity-verified', document });
  }

  /** Takes back a no-show recorded by mistake: the meeting is as before, the event and the citizen's e-mail say so. */
  async function undoNoShow(bookingId: string, by: Recorder, within?: Within): Promise<void> {
    await recordLocked(
      bookingId,
      'undoNoShow',
      async (tx, now) => {
        await repo.undoNoShow(tx, bookingId);
        await repo.insertMeetingEvent(tx, bookingId, {
          at: now,
          kind: 'no_show_undone',
          actorStaffId: by.staffId,
          actorName: by.name,
          documentType: null,
        });
        await lifecycle.queueNoShowMail(tx, bookingId, 'no_show_undone', now);
      },
      within,
    );
    lifecycle.wakeMail();
  }

  return { endMeeting, closeRoom, noShow, checkIdentity, undoNoShow };
}

export type MeetingRecord = ReturnType<typeof meetingRecord>;
