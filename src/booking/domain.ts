import { addDays, isoWeekday, localParts, zonedInstant } from './time.ts';

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
  const slots: Slot[] = [];
  for (let day = input.from; day <= input.to && day <= lastDay; day = addDays(day, 1)) {
    if (input.closedDays.has(day)) continue;
    const weekday = isoWeekday(day);
    for (const window of input.hours) {
      if (window.weekday !== weekday) continue;
      for (let m = window.start; m + rules.slotMinutes <= window.end; m += rules.slotMinutes + rules.bufferMinutes) {
        const start = zonedInstant(day, m, timeZone);
        const end = zonedInstant(day, m + rules.slotMinutes, timeZone);
        if (!start || !end || start < earliest) continue;
        const mine = (x: { officialId: string }) => x.officialId === window.officialId;
        if (input.absences.some((a) => mine(a) && overlaps(a.start, a.end, start, end))) continue;
        const taken = input.busy.filter((b) => mine(b) && overlaps(b.start, b.end, start, end)).reduce((n, b) => n + b.seats, 0);
        const free = rules.capacity - taken;
        if (free > 0) slots.push({ officialId: window.officialId, start, end, free });
      }
    }
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime() || a.officialId.localeCompare(b.officialId));
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
 * Reminders (minutes before the start) due at `now`: a reminder is due from
 * start − m until the start, and only if the booking was confirmed before that
 * moment — no "24 hours before" reminder for a booking made an hour ahead.
 * Queuing is idempotent, so returning one again later is harmless.
 */
export function dueReminders(start: Date, confirmedAt: Date, minutesBefore: readonly number[], now: Date): number[] {
  if (now >= start) return [];
  return minutesBefore.filter((m) => {
    const at = start.getTime() - m * 60_000;
    return now.getTime() >= at && confirmedAt.getTime() < at;
  });
}
