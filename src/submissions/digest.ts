// The daily digest of failed deliveries (decision 040): when it is due, as a pure rule.
import { localParts } from '../lib/zoned-time.ts';

/** A digest is sent from this local time on (07:00), before most offices open. */
export const DIGEST_FROM_MINUTES = 7 * 60;

/**
 * The organisation's local day a digest is due for at `now`, or null: from 07:00 in its zone,
 * once per local day (`lastDay`, 'YYYY-MM-DD', is the day of the last one sent). The day is
 * the zone's calendar day, so a day of 23 or 25 hours (daylight saving) has one digest too.
 */
export function digestDueDay(now: Date, timeZone: string, lastDay: string | null): string | null {
  const { date, minutes } = localParts(now, timeZone);
  if (minutes < DIGEST_FROM_MINUTES) return null;
  if (lastDay !== null && lastDay >= date) return null;
  return date;
}

/** At most this many failures are listed in one digest; the rest are counted. */
export const DIGEST_MAX_LINES = 50;
