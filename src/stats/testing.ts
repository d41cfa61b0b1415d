/** Seeding for the statistics' tests and benchmark: appointments with known outcomes, straight into the tables. */
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import { rangeLiteral } from '../booking/repo.ts';

/** Where seeded appointments go. */
export type Place = {
  organisationId: string;
  officeId: string;
  serviceId: string;
  staffId: string;
};

/** One appointment and how it went; minutes are after its start. */
export type Seeded = {
  start: Date;
  minutes?: number;
  state?: 'confirmed' | 'cancelled';
  /** The citizen knocked `knock` minutes after the start and waited `wait` minutes. */
  wait?: number;
  /** The meeting lasted this long (it started when the citizen was admitted). */
  length?: number;
  noShow?: boolean;
  rating?: number;
  comment?: string;
};

/** A small organisation of its own (one office, two services, one official working Mon–Fri 08:00–12:00, one admin). */
export async function seedOrganisation(
  db: Db,
  slug: string,
  opts: { timeZone?: string; passwordHash?: string } = {},
) {
  const organisation = await db
    .insertInto('organisation')
    .values({
      slug,
      country: 'SI',
      default_language: 'sl',
      time_zone: opts.timeZone ?? 'Europe/Ljubljana',
      currency: 'EUR',
      name: JSON.stringify({ sl: `Org ${slug}`, en: `Org ${slug}` }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const office = await db
    .insertInto('office')
    .values({
      organisation_id: organisation.id,
      slug: 'main',
      name: JSON.stringify({ sl: 'Glavna', en: 'Main office' }),
      street: 'Trg 1',
      postcode: '1000',
      city: 'Ljubljana',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const service = async (s: string, name: string, minutes: number) => {
    const row = await db
      .insertInto('service')
      .values({
        organisation_id: organisation.id,
        slug: s,
        name: JSON.stringify({ sl: name, en: name }),
        duration_minutes: minutes,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('service_office')
      .values({ service_id: row.id, office_id: office.id })
      .execute();
    return row.id;
  };
  const passports = await service('passports', 'Passports', 30);
  const permits = await service('permits', 'Permits', 60);
  const staff = async (role: 'admin' | 'official') =>
    (
      await db
        .insertInto('staff')
        .values({
          organisation_id: organisation.id,
          email: `${role}@${slug}.example`,
          display_name: `${role} ${slug}`,
          role,
          password_hash: opts.passwordHash ?? 'x',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const official = await staff('official');
  const admin = await staff('admin');
  await db
    .insertInto('staff_office')
    .values([
      { staff_id: official, office_id: office.id },
      { staff_id: admin, office_id: office.id },
    ])
    .execute();
  await db
    .insertInto('service_official')
    .values([
      { service_id: passports, staff_id: official },
      { service_id: permits, staff_id: official },
    ])
    .execute();
  await db
    .insertInto('official_hours')
    .values(
      [1, 2, 3, 4, 5].map((weekday) => ({
        staff_id: official,
        office_id: office.id,
        weekday,
        starts: '08:00',
        ends: '12:00',
      })),
    )
    .execute();
  return {
    organisationId: organisation.id,
    officeId: office.id,
    passports,
    permits,
    official,
    admin,
  };
}

/** Inserts appointments with their meeting, lobby and survey rows; returns their ids in order. */
export async function seedAppointments(
  db: Db,
  place: Place,
  list: readonly Seeded[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, a] of list.entries()) {
    const end = new Date(a.start.getTime() + (a.minutes ?? 30) * 60_000);
    const state = a.state ?? 'confirmed';
    const booking = await db
      .insertInto('booking')
      .values({
        organisation_id: place.organisationId,
        office_id: place.officeId,
        service_id: place.serviceId,
        staff_id: place.staffId,
        // Seats keep overlapping seeded appointments apart under the exclusion constraint.
        during: rangeLiteral(a.start, end),
        seat: i + 1,
        state,
        hold_expires_at: null,
        citizen_name: 'Seeded Citizen',
        citizen_email: `seeded${i}@example.invalid`,
        created_at: new Date(a.start.getTime() - 86_400_000),
        confirmed_at: new Date(a.start.getTime() - 86_400_000),
        cancelled_at: state === 'cancelled' ? a.start : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(booking.id);
    const admitted = a.wait === undefined ? null : new Date(a.start.getTime() + a.wait * 60_000);
    if (a.wait !== undefined || a.length !== undefined || a.noShow) {
      await db
        .insertInto('meeting')
        .values({
          booking_id: booking.id,
          no_show: a.noShow ?? false,
          started_at: a.length === undefined ? null : (admitted ?? a.start),
          ended_at:
            a.length === undefined
              ? null
              : new Date((admitted ?? a.start).getTime() + a.length * 60_000),
          ended_by: null,
          identity_verified_at: null,
          identity_verified_by: null,
          minutes_updated_at: null,
        })
        .execute();
    }
    if (admitted) {
      await db
        .insertInto('meeting_participant')
        .values({
          booking_id: booking.id,
          role: 'citizen',
          staff_id: null,
          guest_id: null,
          display_name: 'Seeded',
          state: 'left',
          knocked_at: a.start,
          admitted_at: admitted,
          left_at: null,
          deny_message: null,
        })
        .execute();
    }
    if (a.rating !== undefined) {
      await db
        .insertInto('meeting_survey')
        .values({
          booking_id: booking.id,
          rating: a.rating,
          comment: a.comment ?? null,
          submitted_at: end,
        })
        .execute();
    }
  }
  return ids;
}

/** Many appointments at once (the benchmark's year): one INSERT … SELECT per table. */
export async function seedBulk(db: Db, place: Place, starts: readonly Date[]): Promise<void> {
  for (let i = 0; i < starts.length; i += 2000) {
    const chunk = starts.slice(i, i + 2000);
    const rows = chunk.map((start, j) => ({
      organisation_id: place.organisationId,
      office_id: place.officeId,
      service_id: place.serviceId,
      staff_id: place.staffId,
      during: rangeLiteral(start, new Date(start.getTime() + 30 * 60_000)),
      seat: ((i + j) % 30000) + 1,
      state: 'confirmed' as const,
      hold_expires_at: null,
      citizen_name: 'Bench',
      citizen_email: `bench${i + j}@example.invalid`,
      created_at: start,
      confirmed_at: start,
      cancelled_at: null,
    }));
    const ids = await db
      .insertInto('booking')
      .values(rows)
      .returning(['id', sql<Date>`lower(during)`.as('start')])
      .execute();
    await db
      .insertInto('meeting')
      .values(
        ids.map((b, j) => ({
          booking_id: b.id,
          no_show: j % 10 === 0,
          started_at: new Date(b.start.getTime() + (j % 7) * 60_000),
          ended_at: new Date(b.start.getTime() + (20 + (j % 15)) * 60_000),
          ended_by: null,
          identity_verified_at: null,
          identity_verified_by: null,
          minutes_updated_at: null,
        })),
      )
      .execute();
    await db
      .insertInto('meeting_participant')
      .values(
        ids.map((b, j) => ({
          booking_id: b.id,
          role: 'citizen' as const,
          staff_id: null,
          guest_id: null,
          display_name: 'Bench',
          state: 'left' as const,
          knocked_at: b.start,
          admitted_at: new Date(b.start.getTime() + (j % 7) * 60_000),
          left_at: null,
          deny_message: null,
        })),
      )
      .execute();
    await db
      .insertInto('meeting_survey')
      .values(
        ids
          .filter((_, j) => j % 3 === 0)
          .map((b, j) => ({
            booking_id: b.id,
            rating: (j % 5) + 1,
            comment: j % 4 === 0 ? 'Fine' : null,
            submitted_at: b.start,
          })),
      )
      .execute();
  }
}

/** A fee type of the organisation with obligations, their instalments and payments (cash). */
export async function seedFee(
  db: Db,
  organisationId: string,
  code: string,
  obligations: {
    vs: string;
    instalments: [string, number][];
    paid: number[];
    cancelled?: boolean;
  }[],
): Promise<string> {
  const now = new Date('2026-01-05T10:00:00Z');
  const { id: feeTypeId } = await db
    .insertInto('fee_types')
    .values({
      organisation_id: organisationId,
      code,
      name: JSON.stringify({ en: code }),
      basis: 'object',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const o of obligations) {
    const amount = o.instalments.reduce((s, [, a]) => s + a, 0);
    const { id } = await db
      .insertInto('obligations')
      .values({
        organisation_id: organisationId,
        fee_type_id: feeTypeId,
        variable_symbol: o.vs,
        payer_name: 'Payer',
        payer_name_key: 'payer',
        period: '2026',
        amount_minor: amount,
        currency: 'EUR',
        due_date: o.instalments.at(-1)![0],
        source: 'staff',
        created_at: now,
        cancelled_at: o.cancelled ? now : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('obligation_instalments')
      .values(
        o.instalments.map(([due_date, amount_minor], i) => ({
          obligation_id: id,
          seq: i + 1,
          due_date,
          amount_minor,
        })),
      )
      .execute();
    for (const amount_minor of o.paid)
      await db
        .insertInto('payments')
        .values({
          organisation_id: organisationId,
          obligation_id: id,
          method: 'cash',
          amount_minor,
          currency: 'EUR',
          received_on: '2026-03-01',
          recorded_at: now,
        })
        .execute();
  }
  return feeTypeId;
}
