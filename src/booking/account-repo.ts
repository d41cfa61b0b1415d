// SQL of the personal account's appointments (migration 021): which bookings belong to an
// account, which ones made with its verified e-mail it may claim, and the claim itself.
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import type { Localized } from '../i18n/i18n.ts';

/** A booking as the account page lists it (names of what it was for, in every language). */
export type AccountBookingRow = {
  id: string;
  organisationId: string;
  state: 'confirmed' | 'cancelled';
  start: Date;
  end: Date;
  organisation: Localized;
  office: Localized;
  service: Localized;
  timeZone: string;
  email: string;
  createdAt: Date;
  cancelledAt: Date | null;
};

/** Most bookings an account page lists (and claims at once): a person's appointments, not a log. */
export const ACCOUNT_BOOKINGS_MAX = 200;

function listed(db: Db) {
  return db
    .selectFrom('booking as b')
    .innerJoin('organisation as o', 'o.id', 'b.organisation_id')
    .innerJoin('office as f', 'f.id', 'b.office_id')
    .innerJoin('service as s', 's.id', 'b.service_id')
    .select([
      'b.id',
      'b.organisation_id as organisationId',
      sql<'confirmed' | 'cancelled'>`b.state`.as('state'),
      sql<Date>`lower(b.during)`.as('start'),
      sql<Date>`upper(b.during)`.as('end'),
      'o.name as organisation',
      'f.name as office',
      's.name as service',
      sql<string>`coalesce(f.time_zone, o.time_zone)`.as('timeZone'),
      'b.citizen_email as email',
      'b.created_at as createdAt',
      'b.cancelled_at as cancelledAt',
    ])
    .where('b.state', 'in', ['confirmed', 'cancelled'])
    .orderBy(sql`lower(b.during)`, 'desc')
    .limit(ACCOUNT_BOOKINGS_MAX);
}

/** The account's own bookings, latest time first. */
export async function accountBookings(db: Db, accountId: string): Promise<AccountBookingRow[]> {
  return await listed(db).where('b.citizen_account_id', '=', accountId).execute();
}

/** Confirmed bookings made with `email` that no account holds yet: the account may claim them. */
export async function claimableBookings(db: Db, email: string): Promise<AccountBookingRow[]> {
  return await listed(db)
    .where('b.citizen_account_id', 'is', null)
    .where('b.state', '=', 'confirmed')
    .where(sql<string>`lower(b.citizen_email)`, '=', email.toLowerCase())
    .execute();
}

/**
 * Links the bookings of `ids` that are still unclaimed, confirmed and made with `email` to the
 * account; any other id (another person's, already claimed) is left alone. The claimed come back.
 */
export async function claimBookings(
  db: Db,
  accountId: string,
  email: string,
  ids: readonly string[],
): Promise<{ id: string; organisationId: string }[]> {
  if (ids.length === 0) return [];
  return db
    .updateTable('booking')
    .set({ citizen_account_id: accountId })
    .where('id', 'in', ids)
    .where('citizen_account_id', 'is', null)
    .where('state', '=', 'confirmed')
    .where(sql<string>`lower(citizen_email)`, '=', email.toLowerCase())
    .returning(['id', 'organisation_id as organisationId'])
    .execute();
}

/** Marks a fresh hold as the account's (it was placed while signed in). */
export async function linkHold(db: Db, holdId: string, accountId: string): Promise<void> {
  await db
    .updateTable('booking')
    .set({ citizen_account_id: accountId })
    .where('id', '=', holdId)
    .execute();
}

/** The account's confirmed bookings that have not started yet (cancelled before a deletion). */
export async function bookingsAhead(db: Db, accountId: string, now: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('booking')
    .select('id')
    .where('citizen_account_id', '=', accountId)
    .where('state', '=', 'confirmed')
    .where(sql<boolean>`lower(during) > ${now}`)
    .execute();
  return rows.map((r) => r.id);
}

/** Unlinks every booking from a deleted account: the offices keep them under their own retention. */
export async function unlinkAll(db: Db, accountId: string): Promise<number> {
  const rows = await db
    .updateTable('booking')
    .set({ citizen_account_id: null })
    .where('citizen_account_id', '=', accountId)
    .returning('id')
    .execute();
  return rows.length;
}
