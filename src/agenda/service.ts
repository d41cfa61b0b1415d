import type { Db } from '../db/db.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import { staffActor, type AuditActor } from '../audit/domain.ts';
import type { AuditService } from '../audit/service.ts';
import type { BookingLifecycle, BookingView } from '../booking/lifecycle.ts';
import { localParts } from '../booking/time.ts';
import { localize, type Lang, type Localized } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import type { MeetingService } from '../meeting/service.ts';
import type { TenantsService } from '../tenants/service.ts';
import { agendaState, dayBounds, historyOf, mayCancel, waitedMinutes, weekBounds, type AgendaState } from './domain.ts';

/** What the agenda shows: a day or a week, optionally one office's or one official's. */
export type AgendaQuery = { day?: string; week?: string; officeId?: string; officialId?: string };

export type AgendaItem = { booking: BookingView; state: AgendaState; cancellable: boolean };

/** A knocker in the lobby panel. */
export type WaitingItem = { bookingId: string; participantId: string; role: 'citizen' | 'guest' | 'staff'; name: string; start: Date; timeZone: string; official: string; service: Localized; fallback: Lang; minutes: number };

/**
 * The officials' working views: the agenda (a day or a week), an appointment's page with its
 * history, cancelling on the citizen's behalf, marking a no-show, and the lobby panel.
 * Officials see the offices they work at; admins see every office of their organisation
 * (decision 012). Another organisation's booking, or another office's for an official, is 404.
 */
export function agendaService(deps: { db: Db; clock: Clock; tenants: TenantsService; lifecycle: BookingLifecycle; meeting: MeetingService; audit: AuditService }) {
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
    if (!booking || booking.target.organisation.id !== staff.organisationId || !s.visible.some((o) => o.id === booking.target.office.id)) {
      throw new AppError('not_found');
    }
    if (booking.state !== 'confirmed' && booking.state !== 'cancelled') throw new AppError('not_found', 'not an appointment (yet)');
    const [m] = await meeting.meetingsOf([id]);
    return { booking, state: agendaState(booking.state, m ?? null) };
  }

  const serviceName = (b: BookingView) => localize(b.target.service.name, b.target.organisation.defaultLanguage, b.target.organisation.defaultLanguage);
  /** One audit entry about a booking, named by its service and office (never by the citizen). */
  const audited = (tx: Db, actor: AuditActor, action: string, b: BookingView, detail: Record<string, unknown> = {}) =>
    deps.audit.record(tx, {
      organisationId: b.target.organisation.id, actor, action, objectType: 'booking', objectId: b.id,
      summary: `${serviceName(b)} · ${b.target.office.slug}`,
      detail: { start: b.start.toISOString(), officeId: b.target.office.id, serviceId: b.target.service.id, ...detail },
    });

  // Ending a meeting or marking a no-show from inside the room is audited like the page's button.
  meeting.hooks.auditEnd = async (bookingId, who, noShow) => {
    const b = await lifecycle.byId(bookingId);
    return async (tx) => {
      // The room's socket does not keep the address it came from.
      if (b) await audited(tx, { staffId: who.id, name: who.name, ip: null }, noShow ? 'appointment.no_show' : 'meeting.ended', b);
    };
  };

  return {
    /** The agenda of a day (default today) or a week, with each appointment's state. */
    async agenda(staff: StaffPrincipal, q: AgendaQuery) {
      const s = await scope(staff);
      const offices = q.officeId ? s.visible.filter((o) => o.id === q.officeId) : s.visible;
      if (q.officeId && offices.length === 0) throw new AppError('not_found', 'no such office');
      // Admins may filter by any official of their organisation; an official sees every official of their offices.
      if (q.officialId && staff.role === 'admin' && !s.team.some((m) => m.id === q.officialId)) throw new AppError('not_found', 'no such official');
      const timeZone = offices[0]?.timeZone ?? s.organisation.timeZone;
      const today = localParts(clock.now(), timeZone).date;
      const week = q.week ? weekBounds(q.week, timeZone) : null;
      const day = q.day ?? today;
      const { from, to } = week ?? dayBounds(day, timeZone);
      const bookings = await lifecycle.agendaAt(offices.map((o) => o.id), from, to, q.officialId ?? null);
      const meetings = new Map((await meeting.meetingsOf(bookings.map((b) => b.id))).map((m) => [m.bookingId, m]));
      const now = clock.now();
      const appointments: AgendaItem[] = bookings.map((b) => {
        const state = agendaState(b.state, meetings.get(b.id) ?? null);
        return { booking: b, state, cancellable: mayCancel(state, b.end, now) };
      });
      return {
        organisation: s.organisation, offices: s.visible, officials: staff.role === 'admin' ? s.team : [],
        timeZone, today, day, week, appointments, filter: { officeId: q.officeId ?? '', officialId: q.officialId ?? '' },
      };
    },

    /** An appointment's page: details, history, minutes, chat and survey; every view is audited. */
    async appointment(staff: StaffPrincipal, id: string) {
      const { booking, state } = await find(staff, id);
      const [history, record] = await Promise.all([lifecycle.history(id), meeting.recordOf(id)]);
      if (!history) throw new AppError('not_found');
      await audited(deps.db, staffActor(staff), 'appointment.viewed', booking);
      return {
        booking, state, cancellable: mayCancel(state, booking.end, clock.now()),
        history: historyOf({ ...history, participants: record.participants, meeting: record.meeting }),
        minutes: record.meeting?.minutes ?? '', chat: record.chat.filter((l) => l.kind !== 'folder'), survey: record.survey,
      };
    },

    /** Cancels on the citizen's behalf with a reason (kept in booking_event, never in the audit entry). */
    async cancel(staff: StaffPrincipal, id: string, reason: string): Promise<void> {
      const { booking, state } = await find(staff, id);
      if (!mayCancel(state, booking.end, clock.now())) throw new AppError('conflict', 'the appointment is over');
      const result = await lifecycle.cancelOnBehalf(id, { staffId: staff.id, name: staff.displayName }, reason, (tx, v) => audited(tx, staffActor(staff), 'appointment.cancelled', v));
      if (!result.ok) throw new AppError(result.reason === 'not_found' ? 'not_found' : 'conflict', result.reason);
      meeting.closeCancelled(id);
    },

    /** The citizen did not come: ends the meeting as a no-show, audited in the same transaction. */
    async markNoShow(staff: StaffPrincipal, id: string): Promise<void> {
      const entrant = await meeting.forStaff(staff, id);
      const { booking, state } = await find(staff, id);
      if (state === 'cancelled') throw new AppError('conflict', 'cancelled');
      await meeting.markNoShow(entrant, (tx) => audited(tx, staffActor(staff), 'appointment.no_show', booking));
    },

    /** Who waits in the lobbies of the staff member's offices, longest first, with how long. */
    async waiting(staff: StaffPrincipal): Promise<WaitingItem[]> {
      const [rows, o] = await Promise.all([meeting.waiting(staff), tenants.staffOverview(staff)]);
      const now = clock.now();
      const fb = o.organisation.defaultLanguage;
      return rows.map((r) => ({
        bookingId: r.bookingId, participantId: r.participantId, role: r.role, name: r.name, start: r.start, official: r.officialName,
        timeZone: o.offices.find((x) => x.id === r.officeId)?.timeZone ?? o.organisation.timeZone,
        service: o.services.find((x) => x.id === r.serviceId)?.name ?? {}, fallback: fb,
        minutes: waitedMinutes(r.knockedAt, now),
      }));
    },
  };
}

export type AgendaService = ReturnType<typeof agendaService>;
