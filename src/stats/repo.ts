/**
 * The statistics' SQL: each figure is one aggregate query (GROUP BY, percentiles) run in the
 * database over the organisation's appointments whose start falls in the period, found through
 * booking_org_start_idx (migration 010). Only columns that survive anonymisation are read:
 * times, office, service, state, meeting times, ratings and the survey comment (erased with the
 * rest of the booking's personal data, so old periods simply have fewer comments).
 */
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';

/** Which appointments a figure counts. */
export type Scope = {
  organisationId: string;
  officeId: string | null;
  serviceId: string | null;
  /** The period's instants [start, end), from periodBounds. */
  start: Date;
  end: Date;
  /** The zone whose calendar days the figures are counted in. */
  timeZone: string;
};

function scoped(db: Db, s: Scope) {
  let q = db
    .selectFrom('booking as b')
    .where('b.organisation_id', '=', s.organisationId)
    .where(sql<boolean>`lower(b.during) >= ${s.start}`)
    .where(sql<boolean>`lower(b.during) < ${s.end}`);
  if (s.officeId) q = q.where('b.office_id', '=', s.officeId);
  if (s.serviceId) q = q.where('b.service_id', '=', s.serviceId);
  return q;
}

/** Confirmed (not cancelled) appointments per local day of their start and service. */
export async function bookingsPerDayAndService(
  db: Db,
  s: Scope,
): Promise<{ day: string; serviceId: string; count: number }[]> {
  const day = sql<string>`(lower(b.during) AT TIME ZONE ${s.timeZone})::date::text`;
  const rows = await scoped(db, s)
    .where('b.state', '=', 'confirmed')
    .select([day.as('day'), 'b.service_id', sql<number>`count(*)::int`.as('n')])
    .groupBy([sql`1`, 'b.service_id'])
    .execute();
  return rows.map((r) => ({ day: r.day, serviceId: r.service_id, count: r.n }));
}

/** Count, median, 90th percentile (nearest rank, as figures.ts durationStats) and mean of durations in minutes. */
export type DurationRow = {
  count: number;
  median: number | null;
  p90: number | null;
  mean: number | null;
};

/** How the period's appointments ended (definitions: figures.ts AppointmentState), with the lobby waits and meeting lengths. */
export type MeetingFigures = {
  booked: number;
  done: number;
  noShows: number;
  cancelled: number;
  wait: DurationRow;
  length: DurationRow;
};

// percentile_cont(0.5) is the median with the two middle values averaged; percentile_disc(0.9)
// is the nearest-rank percentile: both as durationStats defines them. Ordered-set aggregates
// skip NULLs, so one pass over the period's bookings sums up both durations and the outcomes.
const summaryOf = (x: 'wait' | 'len') => sql<DurationRow>`json_build_object(
  'count', count(${sql.ref(x)})::int,
  'median', percentile_cont(0.5) WITHIN GROUP (ORDER BY ${sql.ref(x)}),
  'p90', percentile_disc(0.9) WITHIN GROUP (ORDER BY ${sql.ref(x)}),
  'mean', avg(${sql.ref(x)}))`;

/** Outcomes, minutes waited in the lobby (knocked_at → admitted_at) and meeting lengths (started_at → ended_at), in one query. */
export async function meetingFigures(db: Db, s: Scope): Promise<MeetingFigures> {
  const rows = scoped(db, s)
    .leftJoin('meeting as m', 'm.booking_id', 'b.id')
    // The citizen's first browser let in (a link opened in two browsers has two rows: count one).
    .leftJoin('meeting_participant as p', (join) =>
      join.on(
        'p.id',
        '=',
        sql<string>`(SELECT f.id FROM meeting_participant f WHERE f.booking_id = b.id AND f.role = 'citizen'
        ORDER BY f.admitted_at NULLS LAST, f.knocked_at LIMIT 1)`,
      ),
    )
    .select([
      'b.state',
      'm.no_show',
      'm.started_at',
      sql<
        number | null
      >`CASE WHEN p.admitted_at >= p.knocked_at THEN extract(epoch FROM p.admitted_at - p.knocked_at)::float8 / 60 END`.as(
        'wait',
      ),
      sql<
        number | null
      >`CASE WHEN m.ended_at >= m.started_at THEN extract(epoch FROM m.ended_at - m.started_at)::float8 / 60 END`.as(
        'len',
      ),
    ]);
  const row = await db
    .selectFrom(rows.as('t'))
    .select([
      sql<number>`count(*) FILTER (WHERE state = 'confirmed')::int`.as('booked'),
      sql<number>`count(*) FILTER (WHERE state = 'confirmed' AND no_show)::int`.as('no_shows'),
      sql<number>`count(*) FILTER (WHERE state = 'confirmed' AND NOT coalesce(no_show, false) AND started_at IS NOT NULL)::int`.as(
        'done',
      ),
      sql<number>`count(*) FILTER (WHERE state = 'cancelled')::int`.as('cancelled'),
      summaryOf('wait').as('wait'),
      summaryOf('len').as('length'),
    ])
    .executeTakeFirstOrThrow();
  return {
    booked: row.booked,
    done: row.done,
    noShows: row.no_shows,
    cancelled: row.cancelled,
    wait: durations(row.wait),
    length: durations(row.length),
  };
}

function durations(d: DurationRow): DurationRow {
  return { count: d.count, median: d.median, p90: d.p90, mean: d.mean };
}

/** How many gave each rating 1–5. */
export async function ratings(db: Db, s: Scope): Promise<{ rating: number; count: number }[]> {
  return scoped(db, s)
    .innerJoin('meeting_survey as v', 'v.booking_id', 'b.id')
    .select(['v.rating', sql<number>`count(*)::int`.as('count')])
    .groupBy('v.rating')
    .execute();
}

/** The newest survey comments with their date and service (never who wrote them). */
export async function comments(
  db: Db,
  s: Scope,
  limit: number,
): Promise<{ submittedAt: Date; serviceId: string; comment: string }[]> {
  const rows = await scoped(db, s)
    .innerJoin('meeting_survey as v', 'v.booking_id', 'b.id')
    .where(sql<boolean>`btrim(coalesce(v.comment, '')) <> ''`)
    .select(['v.submitted_at', 'b.service_id', 'v.comment'])
    .orderBy('v.submitted_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    submittedAt: r.submitted_at,
    serviceId: r.service_id,
    comment: r.comment ?? '',
  }));
}

/** Staff sign-ins per day of the organisation (days in its zone), from the anonymous counter. */
export async function signIns(
  db: Db,
  organisationId: string,
  from: string,
  to: string,
): Promise<{ day: string; succeeded: number; failed: number }[]> {
  const rows = await db
    .selectFrom('sign_in_daily')
    .select([sql<string>`day::text`.as('day'), 'succeeded', 'failed'])
    .where('organisation_id', '=', organisationId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
  return rows.map((r) => ({ day: r.day, succeeded: r.succeeded, failed: r.failed }));
}

/** Active staff accounts by role. */
export async function activeStaff(
  db: Db,
  organisationId: string,
): Promise<{ admins: number; officials: number }> {
  const rows = await db
    .selectFrom('staff')
    .select(['role', sql<number>`count(*)::int`.as('n')])
    .where('organisation_id', '=', organisationId)
    .where('active', '=', true)
    .groupBy('role')
    .execute();
  const of = (role: string) => rows.find((r) => r.role === role)?.n ?? 0;
  return { admins: of('admin'), officials: of('official') };
}

/** One row of the citizens' sign-in counter: a day, a provider and a level. */
export type CitizenSignInRow = {
  day: string;
  providerId: string;
  loa: 'low' | 'substantial' | 'high';
  signIns: number;
  newAccounts: number;
};

/**
 * Citizens' sign-ins and accounts registered per day (the organisation's zone), provider and
 * level, for sign-ins that started from this organisation's pages (migration 019). Rows of no
 * organisation (organisation_id NULL) are nobody's: no organisation's admins see them.
 */
export async function citizenSignIns(
  db: Db,
  organisationId: string,
  from: string,
  to: string,
): Promise<CitizenSignInRow[]> {
  const rows = await db
    .selectFrom('citizen_sign_ins')
    .select([sql<string>`day::text`.as('day'), 'provider_id', 'loa', 'sign_ins', 'new_accounts'])
    .where('organisation_id', '=', organisationId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
  return rows.map((r) => ({
    day: r.day,
    providerId: r.provider_id,
    loa: r.loa,
    signIns: r.sign_ins,
    newAccounts: r.new_accounts,
  }));
}
