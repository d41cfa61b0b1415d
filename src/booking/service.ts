import type { Db } from '../db/db.ts';
import { retryOnConflict } from '../db/retry.ts';
import type { Clock } from '../lib/clock.ts';
import type { Office, Organisation, Service } from '../tenants/domain.ts';
import {
  bookableTimes,
  generateSlots,
  unavailableReason,
  type Slot,
  type SlotInput,
} from './domain.ts';
import { calendarMonth, nearestTimes, nearestWindow, type CalendarMonth } from './calendar.ts';
import { publicHolidays } from './holidays.ts';
import * as repo from './repo.ts';
import { addDays } from '../lib/calendar.ts';
import { localParts, zonedInstant } from '../lib/zoned-time.ts';

/** Free times of one local day. */
export type FreeDay = { date: string; times: { start: Date; end: Date; free: number }[] };

/** Groups times (in order) by local day; the day is computed once per run of times sharing a UTC offset hour. */
function groupByDay(
  times: readonly { start: Date; end: Date; free: number }[],
  timeZone: string,
): FreeDay[] {
  const days: FreeDay[] = [];
  let current: FreeDay | undefined;
  let dayStart = 0;
  let dayEnd = 0;
  for (const t of times) {
    const ms = t.start.getTime();
    if (!current || ms < dayStart || ms >= dayEnd) {
      // One Intl call per day rather than per time: find this day's bounds once.
      const date = localParts(t.start, timeZone).date;
      dayStart = zonedInstant(date, 0, timeZone)?.getTime() ?? ms;
      dayEnd = zonedInstant(addDays(date, 1), 0, timeZone)?.getTime() ?? ms + 1;
      current = { date, times: [] };
      days.push(current);
    }
    current.times.push(t);
  }
  return days;
}

/** How long an unconfirmed hold keeps its seat. */
export const HOLD_MINUTES = 10;

/** What a booking is for, resolved by the tenants domain: with the officials who hold the service at the office. */
export type BookingTarget = {
  organisation: Organisation;
  office: Office;
  service: Service;
  officialIds: string[];
};

export type Contact = { name: string; email: string; phone: string | null; notes: string | null };

export type HoldResult =
  | { ok: true; holdId: string; staffId: string; start: Date; end: Date }
  | { ok: false; reason: 'taken' | 'limited' | 'not_bookable' };

/** Availability, holds and bookings. */
export function bookingService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  /** Free slots per official for a service at an office, for calendar days `from`..`to` in the office's zone. */
  // Availability shown to citizens is cached for a few seconds per service, office,
  // officials, rules and range: a month of slots is costly and asked for often.
  // Any write through this instance empties it; other instances' writes show within
  // CACHE_MS. Decisions (placing a hold, moving) always compute afresh, and the
  // database constraint has the last word anyway.
  const CACHE_MS = 5_000;
  const MAX_CACHED = 500;
  type Entry = { at: number; slots: Promise<Slot[]>; days?: Promise<FreeDay[]> };
  const cache = new Map<string, Entry>();

  function entry(target: BookingTarget, from: string, to: string): Entry {
    const s = target.service;
    const key = [
      s.id,
      target.office.id,
      target.officialIds.join(','),
      s.durationMinutes,
      s.bufferMinutes,
      s.capacity,
      s.minNoticeMinutes,
      s.horizonDays,
      from,
      to,
    ].join('|');
    const now = clock.now().getTime();
    const hit = cache.get(key);
    if (hit && now >= hit.at && now - hit.at < CACHE_MS) return hit;
    const fresh: Entry = { at: now, slots: slots(target, from, to) };
    fresh.slots.catch(() => cache.delete(key));
    cache.set(key, fresh);
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value ?? '');
    return fresh;
  }

  /** The times a citizen can choose, grouped by the office's calendar day (cached with the slots). */
  function freeDays(target: BookingTarget, from: string, to: string): Promise<FreeDay[]> {
    const e = entry(target, from, to);
    e.days ??= e.slots.then((all) => groupByDay(bookableTimes(all), target.office.timeZone));
    return e.days;
  }

  async function slots(target: BookingTarget, from: string, to: string): Promise<Slot[]> {
    return generateSlots(await slotInput(target, from, to));
  }

  /** What the free slots of days `from`..`to` are computed from, read now. */
  async function slotInput(target: BookingTarget, from: string, to: string): Promise<SlotInput> {
    const now = clock.now();
    const tz = target.office.timeZone;
    const officials = target.officialIds;
    const rangeStart = zonedInstant(from, 0, tz) ?? new Date(`${from}T00:00:00Z`);
    const rangeEnd = zonedInstant(addDays(to, 1), 0, tz) ?? new Date(`${addDays(to, 1)}T00:00:00Z`);
    const years = new Set([Number(from.slice(0, 4)), Number(to.slice(0, 4))]);
    const [hours, closures, away, taken] = await Promise.all([
      repo.officialHours(db, target.office.id, officials),
      repo.closedDays(db, target.organisation.id, target.office.id, from, to),
      repo.absences(db, officials, rangeStart, rangeEnd),
      repo.busy(db, officials, rangeStart, rangeEnd, now),
    ]);
    const closedDays = new Set([
      ...closures,
      ...[...years].flatMap((y) => publicHolidays(target.organisation.country, y)),
    ]);
    const { service } = target;
    return {
      from,
      to,
      timeZone: tz,
      hours,
      closedDays,
      absences: away,
      busy: taken,
      now,
      rules: {
        slotMinutes: service.durationMinutes,
        bufferMinutes: service.bufferMinutes,
        capacity: service.capacity,
        minNoticeMinutes: service.minNoticeMinutes,
        horizonDays: service.horizonDays,
      },
    };
  }

  /** Why `start` has no free seat: `taken` (it is a slot, all seats gone) or `not_bookable` (never a slot). */
  async function whyNotFree(target: BookingTarget, start: Date): Promise<'taken' | 'not_bookable'> {
    const day = localParts(start, target.office.timeZone).date;
    return unavailableReason(
      start,
      generateSlots({ ...(await slotInput(target, day, day)), busy: [] }),
    );
  }

  /** The booking calendar's month for what its link asked (domain.ts calendarMonth), with its free times. */
  async function calendar(
    target: BookingTarget,
    asked: { month?: string | undefined; day?: string | undefined },
  ): Promise<CalendarMonth & { days: FreeDay[] }> {
    const today = localParts(clock.now(), target.office.timeZone).date;
    const month = calendarMonth(today, target.service.horizonDays, asked);
    return { ...month, days: await freeDays(target, month.first, month.last) };
  }

  /** Free times nearest to `start`, looked for within a week either side, inside today..the horizon. */
  async function nearestFree(
    target: BookingTarget,
    start: Date,
    n: number,
  ): Promise<{ start: Date; end: Date; free: number }[]> {
    const today = localParts(clock.now(), target.office.timeZone).date;
    const asked = localParts(start, target.office.timeZone).date;
    const { from, to } = nearestWindow(today, target.service.horizonDays, asked);
    const days = await freeDays(target, from, to);
    return nearestTimes(
      days.flatMap((d) => d.times),
      start,
      n,
    );
  }

  /**
   * Every seat the officials' hours offered on the days `from`..`to`, booked or not: the same
   * rules as availability (hours, closures, public holidays, absences, slot length and buffer)
   * but with no bookings, no notice and no horizon, so past periods count too. For statistics.
   */
  async function offeredSlots(target: BookingTarget, from: string, to: string): Promise<Slot[]> {
    const tz = target.office.timeZone;
    const officials = target.officialIds;
    const rangeStart = zonedInstant(from, 0, tz) ?? new Date(`${from}T00:00:00Z`);
    const rangeEnd = zonedInstant(addDays(to, 1), 0, tz) ?? new Date(`${addDays(to, 1)}T00:00:00Z`);
    const years = Array.from(
      { length: Number(to.slice(0, 4)) - Number(from.slice(0, 4)) + 1 },
      (_, i) => Number(from.slice(0, 4)) + i,
    );
    const [hours, closures, away] = await Promise.all([
      repo.officialHours(db, target.office.id, officials),
      repo.closedDays(db, target.organisation.id, target.office.id, from, to),
      repo.absences(db, officials, rangeStart, rangeEnd),
    ]);
    const closedDays = new Set([
      ...closures,
      ...years.flatMap((y) => publicHolidays(target.organisation.country, y)),
    ]);
    const { service } = target;
    const days = Math.round((rangeEnd.getTime() - rangeStart.getTime()) / 86_400_000) + 1;
    return generateSlots({
      from,
      to,
      timeZone: tz,
      hours,
      closedDays,
      absences: away,
      busy: [],
      now: rangeStart,
      rules: {
        slotMinutes: service.durationMinutes,
        bufferMinutes: service.bufferMinutes,
        capacity: service.capacity,
        minNoticeMinutes: 0,
        horizonDays: days,
      },
    });
  }

  return {
    /** Free slots for display (cached for a few seconds). */
    slots: (target: BookingTarget, from: string, to: string) => entry(target, from, to).slots,
    freeDays,
    /** Free slots computed now, for decisions. */
    freshSlots: slots,
    offeredSlots,
    whyNotFree,
    nearestFree,
    calendar,
    /** Forgets cached availability: call after any change to bookings, hours, closures or absences. */
    invalidate: () => cache.clear(),

    /**
     * Places a hold on a free seat at `start`. The seat is chosen from the
     * officials free then, but only the database's exclusion constraint decides:
     * a lost race is retried a few times, then answered as `taken`.
     */
    async placeHold(
      target: BookingTarget,
      start: Date,
      contact: Contact,
      /** Runs in the hold's transaction (store the code, queue its email): all or nothing. */
      afterInsert?: (tx: Db, holdId: string, now: Date) => Promise<void>,
      /** Runs first in the hold's transaction (a limit per address): false refuses the hold as `limited`. */
      admit?: (tx: Db, now: Date) => Promise<boolean>,
    ): Promise<HoldResult> {
      const day = localParts(start, target.office.timeZone).date;
      const open = (await slots(target, day, day)).filter(
        (s) => s.start.getTime() === start.getTime(),
      );
      const first = open[0];
      if (!first) return { ok: false, reason: await whyNotFree(target, start) };
      const end = first.end;
      const candidates = open
        .sort((a, b) => b.free - a.free)
        .map((s) => ({ staffId: s.officialId, capacity: target.service.capacity }));
      const staffIds = candidates.map((c) => c.staffId);
      const result = await retryOnConflict(() =>
        db.transaction().execute(async (tx) => {
          if (admit && !(await admit(tx, clock.now()))) return 'limited' as const;
          await repo.lockOfficials(tx, staffIds);
          const now = clock.now();
          await repo.expireHolds(tx, staffIds, start, end, now);
          const seat = await repo.firstFreeSeat(tx, candidates, start, end);
          if (!seat) return undefined;
          const holdId = await repo.insertHold(tx, {
            organisationId: target.organisation.id,
            officeId: target.office.id,
            serviceId: target.service.id,
            staffId: seat.staffId,
            seat: seat.seat,
            start,
            end,
            holdExpiresAt: new Date(now.getTime() + HOLD_MINUTES * 60_000),
            contact,
            now,
          });
          await afterInsert?.(tx, holdId, now);
          return { holdId, staffId: seat.staffId };
        }),
      );
      if (!result.ok || !result.value) return { ok: false, reason: 'taken' };
      if (result.value === 'limited') return { ok: false, reason: 'limited' };
      cache.clear();
      return { ok: true, ...result.value, start, end };
    },

    /** Confirms a live hold; false when it expired or is no longer held. */
    async confirm(holdId: string): Promise<boolean> {
      const ok = await repo.confirmHold(db, holdId, clock.now());
      cache.clear();
      return ok;
    },

    /** Cancels a hold or booking, freeing its seat. */
    async cancel(bookingId: string): Promise<boolean> {
      const ok = await repo.cancelBooking(db, bookingId, clock.now());
      cache.clear();
      return ok;
    },
  };
}

export type BookingService = ReturnType<typeof bookingService>;
