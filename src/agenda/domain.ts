/** The agenda's pure rules: an appointment's state, its history in order, and the days and weeks it is shown by. */
import { addDays } from '../lib/calendar.ts';
import { isoWeekday, startOfDay } from '../lib/zoned-time.ts';
import type { IdentityDocument } from '../db/tables.ts';
import { appointmentState } from '../meeting/domain.ts';

/** Where an appointment stands, as the agenda and its page show it. */
export type AgendaState =
  'not_arrived' | 'in_lobby' | 'in_progress' | 'done' | 'no_show' | 'cancelled';

/** What a booking's meeting has recorded so far (null: nobody has come yet). */
export type MeetingFacts = {
  startedAt: Date | null;
  endedAt: Date | null;
  noShow: boolean;
  citizenKnocking: boolean;
} | null;

/** A cancellation wins over whatever the meeting recorded; then no-show, ended, started, knocking. */
export function agendaState(bookingState: string, m: MeetingFacts): AgendaState {
  if (bookingState === 'cancelled') return 'cancelled';
  return m ? appointmentState(m) : 'not_arrived';
}

/** The meeting can still be entered (or the citizen marked absent) until it ends. */
export function isOpen(state: AgendaState): boolean {
  return state === 'not_arrived' || state === 'in_lobby' || state === 'in_progress';
}

/** A local day as the half-open interval [midnight, next midnight): 23 or 25 hours on DST days. */
export function dayBounds(day: string, timeZone: string): { from: Date; to: Date } {
  return { from: startOfDay(day, timeZone), to: startOfDay(addDays(day, 1), timeZone) };
}

/** The ISO week (Monday to Sunday) holding a day: its days, its bounds in the zone, and the Mondays before and after. */
export function weekBounds(
  day: string,
  timeZone: string,
): { days: string[]; from: Date; to: Date; previous: string; next: string } {
  const monday = addDays(day, 1 - isoWeekday(day));
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  return {
    days,
    from: startOfDay(monday, timeZone),
    to: startOfDay(addDays(monday, 7), timeZone),
    previous: addDays(monday, -7),
    next: addDays(monday, 7),
  };
}

/** Whole minutes someone has waited, never negative (clocks of instances differ a little). */
export function waitedMinutes(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
}

export type HistoryKind =
  | 'booked'
  | 'confirmed'
  | 'moved'
  | 'reminder_sent'
  | 'reminder_queued'
  | 'knocked'
  | 'admitted'
  | 'joined'
  | 'started'
  | 'ended'
  | 'no_show'
  | 'no_show_undone'
  | 'identity_checked'
  | 'identity_withdrawn'
  | 'cancelled';

/** One line of an appointment's history. `who` is a staff member's or participant's name; `role` whose line it is. */
export type HistoryItem = {
  at: Date;
  kind: HistoryKind;
  who?: string;
  role?: 'citizen' | 'guest' | 'staff';
  from?: Date;
  to?: Date;
  reason?: string;
  /** An identity check's document type. */
  document?: IdentityDocument;
};

/** Everything an appointment's history is made of, as stored in the booking and meeting tables. */
export type HistoryFacts = {
  createdAt: Date;
  confirmedAt: Date | null;
  events: {
    at: Date;
    kind: 'moved' | 'cancelled';
    actorRole: 'citizen' | 'staff';
    actorName: string | null;
    fromStart: Date | null;
    toStart: Date | null;
    reason: string | null;
  }[];
  reminders: { at: Date; sent: boolean }[];
  participants: {
    role: 'citizen' | 'guest' | 'staff';
    name: string;
    knockedAt: Date | null;
    admittedAt: Date | null;
  }[];
  meeting: {
    startedAt: Date | null;
    endedAt: Date | null;
    noShow: boolean;
    identityVerifiedAt: Date | null;
  } | null;
  /** No-shows and their undoing, identity checks and their corrections, by whom (meeting_event). */
  meetingEvents: {
    at: Date;
    kind: 'no_show' | 'no_show_undone' | 'identity_checked' | 'identity_withdrawn';
    actorName: string;
    documentType: IdentityDocument | null;
  }[];
  /** When cancelled without an event (before booking_event existed): the booking's cancelled_at. */
  cancelledAt: Date | null;
};

// Events at the same instant keep the order of a booking's life (a staff member is
// admitted when the meeting starts; confirmation can share a millisecond with booking).
const RANK: Record<HistoryKind, number> = {
  booked: 0,
  confirmed: 1,
  moved: 2,
  reminder_queued: 3,
  reminder_sent: 3,
  knocked: 4,
  joined: 5,
  admitted: 6,
  started: 7,
  identity_checked: 7,
  identity_withdrawn: 7,
  ended: 8,
  no_show: 8,
  no_show_undone: 8,
  cancelled: 9,
};

/** The history of an appointment, oldest first. */
export function historyOf(f: HistoryFacts): HistoryItem[] {
  const items: HistoryItem[] = [{ at: f.createdAt, kind: 'booked' }];
  if (f.confirmedAt) items.push({ at: f.confirmedAt, kind: 'confirmed' });
  for (const e of f.events) {
    const who =
      e.actorRole === 'staff'
        ? { who: e.actorName ?? '', role: 'staff' as const }
        : { role: 'citizen' as const };
    if (e.kind === 'moved')
      items.push({
        at: e.at,
        kind: 'moved',
        ...who,
        ...(e.fromStart ? { from: e.fromStart } : {}),
        ...(e.toStart ? { to: e.toStart } : {}),
      });
    else
      items.push({
        at: e.at,
        kind: 'cancelled',
        ...who,
        ...(e.reason ? { reason: e.reason } : {}),
      });
  }
  if (f.cancelledAt && !f.events.some((e) => e.kind === 'cancelled'))
    items.push({ at: f.cancelledAt, kind: 'cancelled' });
  for (const r of f.reminders)
    items.push({ at: r.at, kind: r.sent ? 'reminder_sent' : 'reminder_queued' });
  for (const p of f.participants) {
    if (p.knockedAt) items.push({ at: p.knockedAt, kind: 'knocked', who: p.name, role: p.role });
    // Staff go straight in: they join; citizens and guests are admitted from the lobby.
    if (p.admittedAt)
      items.push({
        at: p.admittedAt,
        kind: p.role === 'staff' ? 'joined' : 'admitted',
        who: p.name,
        role: p.role,
      });
  }
  const m = f.meeting;
  if (m?.startedAt) items.push({ at: m.startedAt, kind: 'started' });
  for (const e of f.meetingEvents)
    items.push({
      at: e.at,
      kind: e.kind,
      who: e.actorName,
      role: 'staff',
      ...(e.documentType ? { document: e.documentType } : {}),
    });
  // Rows from before meeting_event existed: the meeting row's own columns are the only record.
  const has = (kind: string) => f.meetingEvents.some((e) => e.kind === kind);
  if (m?.endedAt && !m.noShow) items.push({ at: m.endedAt, kind: 'ended' });
  if (m?.endedAt && m.noShow && !has('no_show')) items.push({ at: m.endedAt, kind: 'no_show' });
  if (m?.identityVerifiedAt && !has('identity_checked'))
    items.push({ at: m.identityVerifiedAt, kind: 'identity_checked' });
  return items
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        a.item.at.getTime() - b.item.at.getTime() ||
        RANK[a.item.kind] - RANK[b.item.kind] ||
        a.index - b.index,
    )
    .map((x) => x.item);
}
