import type { Db } from '../db/db.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import { staffActor } from '../audit/domain.ts';
import type { AuditService } from '../audit/service.ts';
import type { BookingLifecycle, BookingView } from '../booking/lifecycle.ts';
import { localParts } from '../lib/zoned-time.ts';
import type { Lang, Localized } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import type { MeetingService } from '../meeting/service.ts';
import type { TenantsService } from '../tenants/service.ts';
import {
  appointmentActions,
  NO_SHOW_GRACE_MINUTES,
  type AppointmentActions,
} from '../booking/domain.ts';
import type { IdentityDocument } from '../db/tables.ts';
import type { FolderService } from '../folder/service.ts';
import { bookingAudit } from './audit.ts';
import {
  agendaState,
  dayBounds,
  historyOf,
  waitedMinutes,
  weekBounds,
  type AgendaState,
  type MeetingFacts,
} from './domain.ts';

/** What the agenda shows: a day or a week, optionally one office's or one official's. */
export type AgendaQuery = { day?: string; week?: string; officeId?: string; officialId?: string };

export type AgendaItem = { booking: BookingView; state: AgendaState; actions: AppointmentActions };

/** The first instant a no-show may be recorded. */
const noShowFrom = (b: BookingView) => new Date(b.start.getTime() + NO_SHOW_GRACE_MINUTES * 60_000);

/** What may still happen to a booking now, from what its meeting recorded (booking/domain.ts). */
function actionsOf(b: BookingView, m: MeetingFacts, now: Date): AppointmentActions {
  return appointmentActions({ state: b.state, start: b.start, end: b.end, meeting: m }, now);
}

/** A knocker in the lobby panel. */
export type WaitingItem = {
  bookingId: string;
  participantId: string;
  role: 'citizen' | 'guest' | 'staff';
  name: string;
  start: Date;
  timeZone: string;
  official: string;
  service: Localized;
  fallback: Lang;
  minutes: number;
  /** Another browser on the same link is in the room, or was before (the official should look twice). */
  sameLink: 'in_room' | 'earlier' | null;
};

/**
 * The officials' working views: the agenda (a day or a week), an appointment's page with its
 * history, cancelling on the citizen's behalf, marking a no-show, and the lobby panel.
 * Officials see the offices they work at; admins see every office of their organisation
 * (decision 012). Another organisation's booking, or another office's for an official, is 404.
 */
export function agendaService(deps: {
  db: Db;
  clock: Clock;
  tenants: TenantsService;
  lifecycle: BookingLifecycle;
  meeting: MeetingService;
  audit: AuditService;
  folders: FolderService;
}) {
  const { tenants, lifecycle, meeting, clock } = deps;

  /** The offices a staff member's agenda covers. */
  async function scope(staff: StaffPrincipal) {
    const o = await tenants.staffOverview(staff);
    const offices = staff.role === 'admin' ? o.offices : o.myOffices;
    return { ...o, visible: offices };
  }

  /** A booking the staff member may see, with its state; 404 for anything else. */
  async function find(staff: StaffPrincipal, id: string) {
    const [booking, s] = await Promise.all([lifecycle.byId(id), scope(staff)]);
    if (
      !booking ||
      booking.target.organisation.id !== staff.organisationId ||
      !s.visible.some((o) => o.id === booking.target.office.id)
    ) {
      throw new AppError('not_found');
    }
    if (booking.state !== 'confirmed' && booking.state !== 'cancelled')
      throw new AppError('not_found', 'not an appointment (yet)');
    const [m] = await meeting.meetingsOf([id]);
    return {
      booking,
      state: agendaState(booking.state, m ?? null),
      meeting: m ?? null,
      actions: actionsOf(booking, m ?? null, clock.now()),
    };
  }

  /** When a no-show becomes possible, while it is not yet (the pages say from when); null otherwise. */
  function waitForNoShow(
    b: BookingView,
    state: AgendaState,
    actions: AppointmentActions,
  ): Date | null {
    const from = noShowFrom(b);
    return (state === 'not_arrived' || state === 'in_lobby') &&
      !actions.noShow &&
      b.state === 'confirmed' &&
      from > clock.now()
      ? from
      : null;
  }

  const audited = bookingAudit(deps.audit);

  return {
    /** The staff start page: where the staff member works and what they hold, and today's agenda. */
    async home(staff: StaffPrincipal) {
      const [overview, today] = await Promise.all([
        tenants.staffOverview(staff),
        this.agenda(staff, {}),
      ]);
      return { overview, today };
    },

    /** The agenda of a day (default today) or a week, with each appointment's state. */
    async agenda(staff: StaffPrincipal, q: AgendaQuery) {
      const s = await scope(staff);
      const offices = q.officeId ? s.visible.filter((o) => o.id === q.officeId) : s.visible;
      if (q.officeId && offices.length === 0) throw new AppError('not_found', 'no such office');
      // Admins may filter by any official of their organisation; an official sees every official of their offices.
      if (q.officialId && staff.role === 'admin' && !s.team.some((m) => m.id === q.officialId))
        throw new AppError('not_found', 'no such official');
      const timeZone = offices[0]?.timeZone ?? s.organisation.timeZone;
      const today = localParts(clock.now(), timeZone).date;
      const week = q.week ? weekBounds(q.week, timeZone) : null;
      const day = q.day ?? today;
      const { from, to } = week ?? dayBounds(day, timeZone);
      const bookings = await lifecycle.agendaAt(
        offices.map((o) => o.id),
        from,
        to,
        q.officialId ?? null,
      );
      const meetings = new Map(
        (await meeting.meetingsOf(bookings.map((b) => b.id))).map((m) => [m.bookingId, m]),
      );
      const now = clock.now();
      const appointments: AgendaItem[] = bookings.map((b) => {
        const m = meetings.get(b.id) ?? null;
        return { booking: b, state: agendaState(b.state, m), actions: actionsOf(b, m, now) };
      });
      return {
        organisation: s.organisation,
        offices: s.visible,
        officials: staff.role === 'admin' ? s.team : [],
        timeZone,
        today,
        day,
        week,
        appointments,
        filter: { officeId: q.officeId ?? '', officialId: q.officialId ?? '' },
      };
    },

    /** An appointment's page: details, history, minutes, chat and survey; every view is audited. */
    async appointment(staff: StaffPrincipal, id: string) {
      const { booking, state, actions } = await find(staff, id);
      const [history, record, events, folder] = await Promise.all([
        lifecycle.history(id),
        meeting.recordOf(id),
        meeting.eventsOf(id),
        deps.folders.summaryFor(id),
      ]);
      if (!history) throw new AppError('not_found');
      await audited(deps.db, staffActor(staff), 'appointment.viewed', booking);
      const checks = events.filter(
        (e) => e.kind === 'identity_checked' || e.kind === 'identity_withdrawn',
      );
      const lastNoShow = events.filter((e) => e.kind === 'no_show').at(-1);
      return {
        booking,
        state,
        actions,
        history: historyOf({
          ...history,
          participants: record.participants,
          meeting: record.meeting,
          meetingEvents: events,
        }),
        minutes: record.meeting?.minutes ?? '',
        chat: record.chat.filter((l) => l.kind !== 'folder'),
        survey: record.survey,
        /** The identity check as it stands now (the latest event), or the legacy column's bare fact. */
        identity:
          checks.at(-1) ??
          (record.meeting?.identityVerifiedAt
            ? {
                at: record.meeting.identityVerifiedAt,
                kind: 'identity_checked' as const,
                actorName: '',
                documentType: null,
              }
            : null),
        noShow: state === 'no_show' ? (lastNoShow ?? null) : null,
        /** When a no-show becomes possible, while it is not yet (the page says from when). */
        noShowFrom: waitForNoShow(booking, state, actions),
        folder,
      };
    },

    /** Cancels on the citizen's behalf with a reason (kept in booking_event, never in the audit entry). */
    async cancel(staff: StaffPrincipal, id: string, reason: string): Promise<void> {
      const { actions } = await find(staff, id);
      if (!actions.staffCancel)
        throw new AppError('no_longer_possible', 'the appointment has started or is over');
      const result = await lifecycle.cancelOnBehalf(
        id,
        { staffId: staff.id, name: staff.displayName },
        reason,
        (tx, v) => audited(tx, staffActor(staff), 'appointment.cancelled', v),
      );
      if (!result.ok)
        throw new AppError(result.reason === 'not_found' ? 'not_found' : 'conflict', result.reason);
      meeting.closeCancelled(id);
    },

    /** Throws not_found unless the staff member may work on this appointment: checked before any input. */
    async mayWorkOn(staff: StaffPrincipal, id: string): Promise<void> {
      await meeting.forStaff(staff, id);
    },

    /** The confirmation page of a no-show: the appointment, and whether (or from when) it can be recorded. */
    async noShowQuestion(staff: StaffPrincipal, id: string) {
      await meeting.forStaff(staff, id);
      const { booking, state, actions } = await find(staff, id);
      return { booking, actions, noShowFrom: waitForNoShow(booking, state, actions) };
    },

    /**
     * The citizen did not come: ends the meeting as a no-show, audited in the same transaction.
     * Only from NO_SHOW_GRACE_MINUTES after the start, judged under the booking's lock.
     */
    async markNoShow(staff: StaffPrincipal, id: string): Promise<void> {
      const entrant = await meeting.forStaff(staff, id);
      const { booking } = await find(staff, id);
      await meeting.markNoShow(entrant, staff.displayName, (tx) =>
        audited(tx, staffActor(staff), 'appointment.no_show', booking),
      );
    },

    /** Takes a no-show back in one step: the previous state returns, the history and the audit log keep both. */
    async undoNoShow(staff: StaffPrincipal, id: string): Promise<void> {
      const entrant = await meeting.forStaff(staff, id);
      const { booking } = await find(staff, id);
      await meeting.undoNoShow(entrant, staff.displayName, (tx) =>
        audited(tx, staffActor(staff), 'appointment.no_show_undone', booking),
      );
    },

    /** Records or corrects the identity check with its document type (null: it was not checked after all). */
    async checkIdentity(
      staff: StaffPrincipal,
      id: string,
      document: IdentityDocument | null,
    ): Promise<void> {
      const entrant = await meeting.forStaff(staff, id);
      const { booking } = await find(staff, id);
      const action = document ? 'appointment.identity_checked' : 'appointment.identity_withdrawn';
      await meeting.checkIdentity(entrant, staff.displayName, document, (tx) =>
        audited(tx, staffActor(staff), action, booking, document ? { document } : {}),
      );
    },

    /** Who waits in the lobbies of the staff member's offices, longest first, with how long. */
    async waiting(staff: StaffPrincipal): Promise<WaitingItem[]> {
      const [rows, o] = await Promise.all([meeting.waiting(staff), tenants.staffOverview(staff)]);
      const now = clock.now();
      const fb = o.organisation.defaultLanguage;
      return rows.map((r) => ({
        bookingId: r.bookingId,
        participantId: r.participantId,
        role: r.role,
        name: r.name,
        start: r.start,
        official: r.officialName,
        timeZone: o.offices.find((x) => x.id === r.officeId)?.timeZone ?? o.organisation.timeZone,
        service: o.services.find((x) => x.id === r.serviceId)?.name ?? {},
        fallback: fb,
        minutes: waitedMinutes(r.knockedAt, now),
        sameLink: r.sameLink,
      }));
    },
  };
}

export type AgendaService = ReturnType<typeof agendaService>;
