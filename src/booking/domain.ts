import { addDays } from '../lib/calendar.ts';
import { isoWeekday, localParts, offsetMinutes, zonedInstant } from '../lib/zoned-time.ts';

/** An official's weekly working window at an office, in local minutes after midnight. */
export type WeeklyHours = { officialId: string; weekday: number; start: number; end: number };

/** How a service is booked. */
export type BookingRules = {
  slotMinutes: number;
  /** Gap kept free after each appointment before the next one starts. */
  bufferMinutes: number;
  /** Seats per slot: 1 for an individual appointment, more for a group. */
  capacity: number;
  /** The earliest bookable start is this long after now. */
  minNoticeMinutes: number;
  /** The last bookable day is this many days after today (office time). */
  horizonDays: number;
};

/** Something that takes seats in an interval: a booking or a live hold. */
export type Busy = { officialId: string; start: Date; end: Date; seats: number };

/** An interval an official is away (leave, training). */
export type Absence = { officialId: string; start: Date; end: Date };

/** A bookable interval `[start, end)` with one official and the seats still free. */
export type Slot = { officialId: string; start: Date; end: Date; free: number };

export type SlotInput = {
  /** First and last calendar day to list, in the office's zone. */
  from: string;
  to: string;
  timeZone: string;
  hours: readonly WeeklyHours[];
  rules: BookingRules;
  /** Days the office is closed: public holidays and its own closures (YYYY-MM-DD). */
  closedDays: ReadonlySet<string>;
  absences: readonly Absence[];
  busy: readonly Busy[];
  now: Date;
};

function overlaps(aStart: Date, aEnd: Date, bStart: Date, bEnd: Date): boolean {
  // Half-open intervals: [a, b) and [b, c) do not overlap.
  return aStart < bEnd && bStart < aEnd;
}

/**
 * Every slot with a free seat between `from` and `to`. Slots start at the
 * beginning of each working window and follow each other every slot + buffer
 * minutes while the slot still ends inside the window. Local times are turned
 * into instants per day, so slots stay at 08:00 local across DST changes; a slot
 * whose local start or end does not exist that night is skipped.
 */
export function generateSlots(input: SlotInput): Slot[] {
  const { rules, timeZone } = input;
  const earliest = new Date(input.now.getTime() + rules.minNoticeMinutes * 60_000);
  const lastDay = addDays(localParts(input.now, timeZone).date, rules.horizonDays);
  const busyOf = groupByOfficial(input.busy);
  const awayOf = groupByOfficial(input.absences);
  const slots: Slot[] = [];
  for (let day = input.from; day <= input.to && day <= lastDay; day = addDays(day, 1)) {
    if (input.closedDays.has(day)) continue;
    const weekday = isoWeekday(day);
    const at = localClock(day, timeZone);
    for (const window of input.hours) {
      if (window.weekday !== weekday) continue;
      const busy = busyOf.get(window.officialId) ?? [];
      const away = awayOf.get(window.officialId) ?? [];
      const seatsTaken = seatCounter(busy);
      for (
        let m = window.start;
        m + rules.slotMinutes <= window.end;
        m += rules.slotMinutes + rules.bufferMinutes
      ) {
        const start = at(m);
        const end = at(m + rules.slotMinutes);
        if (!start || !end || start < earliest) continue;
        if (away.some((a) => overlaps(a.start, a.end, start, end))) continue;
        const free = rules.capacity - seatsTaken(start.getTime(), end.getTime());
        if (free > 0) slots.push({ officialId: window.officialId, start, end, free });
      }
    }
  }
  // Plain comparison for the tie-break: locale collation is slow and ids need no language.
  return slots.sort(
    (a, b) =>
      a.start.getTime() - b.start.getTime() ||
      (a.officialId < b.officialId ? -1 : a.officialId > b.officialId ? 1 : 0),
  );
}

/**
 * Seats taken in [start, end) by an official's busy intervals. Intervals are
 * sorted by start; a binary search skips everything that ended long before, so a
 * month of slots against a month of bookings stays fast.
 */
function seatCounter(busy: readonly Busy[]): (start: number, end: number) => number {
  const sorted = busy
    .map((b) => ({ s: b.start.getTime(), e: b.end.getTime(), seats: b.seats }))
    .sort((a, b) => a.s - b.s);
  const longest = sorted.reduce((m, b) => Math.max(m, b.e - b.s), 0);
  return (start, end) => {
    // First interval that could still overlap: it starts at most `longest` before `start`.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.s < start - longest) lo = mid + 1;
      else hi = mid;
    }
    let taken = 0;
    for (let i = lo; i < sorted.length && sorted[i]!.s < end; i++)
      if (sorted[i]!.e > start) taken += sorted[i]!.seats;
    return taken;
  };
}

function groupByOfficial<T extends { officialId: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(item.officialId);
    if (list) list.push(item);
    else map.set(item.officialId, [item]);
  }
  return map;
}

/**
 * Local minutes of one day → instants. On the ~363 days a year whose UTC offset is
 * the same at both ends this is arithmetic; on a DST change day each time goes
 * through zonedInstant (which also finds the times that do not exist).
 */
function localClock(day: string, timeZone: string): (minutes: number) => Date | null {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(y, mo - 1, d);
  const startOffset = offsetMinutes(new Date(midnightUtc - 12 * 3600_000), timeZone);
  const endOffset = offsetMinutes(new Date(midnightUtc + 36 * 3600_000), timeZone);
  if (startOffset !== endOffset) return (minutes) => zonedInstant(day, minutes, timeZone);
  return (minutes) => new Date(midnightUtc + (minutes - startOffset) * 60_000);
}

/** The times a citizen can choose: slots of all officials merged by start, with their free seats summed. */
export function bookableTimes(slots: readonly Slot[]): { start: Date; end: Date; free: number }[] {
  const byStart = new Map<number, { start: Date; end: Date; free: number }>();
  for (const s of slots) {
    const t = byStart.get(s.start.getTime());
    if (t) t.free += s.free;
    else byStart.set(s.start.getTime(), { start: s.start, end: s.end, free: s.free });
  }
  return [...byStart.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
}

/**
 * Why a start is not free, given the slots the rules offer that day with no bookings counted:
 * `taken` when it is one of them (its seats went, a moment ago or since the page was shown),
 * `not_bookable` when the rules never offer it (off the grid, outside the hours, a closed day,
 * an absence, inside the notice period or past the horizon): trying again cannot help.
 */
export function unavailableReason(start: Date, offered: readonly Slot[]): 'taken' | 'not_bookable' {
  return offered.some((s) => s.start.getTime() === start.getTime()) ? 'taken' : 'not_bookable';
}

/**
 * Reminders (minutes before the start) due at `now`: a reminder is due from
 * start − m until the start, and only if the booking was confirmed before that
 * moment — no "24 hours before" reminder for a booking made an hour ahead.
 * Queuing is idempotent, so returning one again later is harmless.
 */
export function dueReminders(
  start: Date,
  confirmedAt: Date,
  minutesBefore: readonly number[],
  now: Date,
): number[] {
  if (now >= start) return [];
  return minutesBefore.filter((m) => {
    const at = start.getTime() - m * 60_000;
    return now.getTime() >= at && confirmedAt.getTime() < at;
  });
}

/**
 * How long after the start an official must wait before recording that the citizen did not
 * come: people are late, and a no-show ends the meeting and kills the join link.
 */
export const NO_SHOW_GRACE_MINUTES = 10;

/** What a booking's meeting has recorded (null: no meeting row yet, nobody has come). */
export type MeetingRecord = {
  startedAt: Date | null;
  endedAt: Date | null;
  noShow: boolean;
} | null;

/** The facts every "may this still happen?" question depends on. */
export type AppointmentFacts = { state: string; start: Date; end: Date; meeting: MeetingRecord };

/** What may still happen to an appointment at one instant. */
export type AppointmentActions = {
  /** The citizen (manage link, HTML or API) may cancel or move it. */
  citizenCancel: boolean;
  citizenMove: boolean;
  /** Staff may cancel it on the citizen's behalf. */
  staffCancel: boolean;
  /** Staff may record that the citizen did not come. */
  noShow: boolean;
  /** Staff may take back a no-show recorded by mistake. */
  undoNoShow: boolean;
  /** Staff may record (or correct) the identity check. */
  checkIdentity: boolean;
  /** Staff may end the meeting as having taken place, and still write its minutes. */
  end: boolean;
};

/**
 * The one rule for what may still happen to an appointment at `now`. An appointment that has
 * started, ended (done or no-show) or whose time has passed is history: the citizen can no
 * longer cancel or move it (the manage page, its POST routes and the API all ask this).
 * - citizen cancel/move: confirmed, nothing recorded by the meeting, and before the start;
 * - staff cancel: confirmed, the meeting neither started nor ended, before the end (the office
 *   calls off a time nobody was served in; a held or missed meeting is never turned into
 *   "cancelled");
 * - no-show: confirmed, nobody admitted, not ended, and at least NO_SHOW_GRACE_MINUTES after
 *   the start; undone while it is the record;
 * - identity check: the meeting took place (a citizen was admitted) and is not a no-show;
 * - end and minutes: the meeting started and has not ended.
 */
export function appointmentActions(f: AppointmentFacts, now: Date): AppointmentActions {
  const live = f.state === 'confirmed';
  const started = Boolean(f.meeting?.startedAt);
  const ended = Boolean(f.meeting?.endedAt);
  const noShowRecorded = live && ended && f.meeting?.noShow === true;
  const untouched = live && !started && !ended;
  const beforeStart = now < f.start;
  const graceOver = now.getTime() >= f.start.getTime() + NO_SHOW_GRACE_MINUTES * 60_000;
  return {
    citizenCancel: untouched && beforeStart,
    citizenMove: untouched && beforeStart,
    staffCancel: untouched && now < f.end,
    noShow: untouched && graceOver,
    undoNoShow: noShowRecorded,
    checkIdentity: live && started && !noShowRecorded,
    end: live && started && !ended,
  };
}

/**
 * An e-mail address as the code page shows it to anyone but the browser that typed it:
 * "j***@example.org". The domain stays whole (the part most often mistyped, and not personal);
 * the local part keeps its first character.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}
