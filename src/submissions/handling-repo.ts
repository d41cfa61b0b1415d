// SQL of a submission's handling (decision 041): its state, its append-only history, the links
// to its thread, and the reads of the staff pages, the account and the pull API.
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import type { Position } from './cursor.ts';
import type { SubmissionState } from './states.ts';

export type EventRow = {
  id: string;
  kind: 'state' | 'answer';
  fromState: SubmissionState | null;
  toState: SubmissionState;
  actorKind: 'staff' | 'citizen' | 'system';
  actorName: string | null;
  message: string | null;
  at: Date;
};

export type NewEvent = Omit<EventRow, 'id'> & { submissionId: string; actorStaffId: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Whether a string can be a submission's id (anything else is not found, not a SQL error). */
export const isId = (id: string): boolean => UUID.test(id);

/** The submission, locked for a change; null when it is not there. */
export async function lockForChange(tx: Db, id: string) {
  return tx
    .selectFrom('submissions')
    .select([
      'id',
      'organisation_id',
      'citizen_account_id',
      'state',
      'reference',
      'language',
      'submitter',
    ])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Appends one entry to the history and moves the submission to its state. */
export async function appendEvent(tx: Db, e: NewEvent): Promise<void> {
  await tx
    .insertInto('submission_events')
    .values({
      submission_id: e.submissionId,
      kind: e.kind,
      from_state: e.fromState,
      to_state: e.toState,
      actor_kind: e.actorKind,
      actor_staff_id: e.actorStaffId,
      actor_name: e.actorName,
      message: e.message,
      at: e.at,
    })
    .execute();
  if (e.fromState !== e.toState)
    await tx
      .updateTable('submissions')
      .set({ state: e.toState })
      .where('id', '=', e.submissionId)
      .execute();
}

/** A submission's history, oldest first. */
export async function events(db: Db, submissionId: string): Promise<EventRow[]> {
  return db
    .selectFrom('submission_events')
    .select([
      'id',
      'kind',
      'from_state as fromState',
      'to_state as toState',
      'actor_kind as actorKind',
      'actor_name as actorName',
      'message',
      'at',
    ])
    .where('submission_id', '=', submissionId)
    .orderBy('id')
    .execute();
}

/** A submission with its form and receipt's hash, within one organisation (or any, for a link). */
export async function submissionOf(db: Db, id: string, organisationId?: string) {
  if (!isId(id)) return undefined;
  let q = db
    .selectFrom('submissions as s')
    .innerJoin('forms as f', 'f.id', 's.form_id')
    .innerJoin('form_versions as v', (j) =>
      j.onRef('v.form_id', '=', 's.form_id').onRef('v.version', '=', 's.form_version'),
    )
    .leftJoin('submission_receipts as r', 'r.submission_id', 's.id')
    .select([
      's.id',
      's.organisation_id as organisationId',
      's.citizen_account_id as accountId',
      's.reference',
      's.language',
      's.state',
      's.submitter',
      's.answers',
      's.submitted_at as submittedAt',
      's.form_id as formId',
      's.form_version as formVersion',
      'f.slug as formSlug',
      'v.definition',
      'r.sha256 as receiptSha256',
    ])
    .where('s.id', '=', id);
  if (organisationId) q = q.where('s.organisation_id', '=', organisationId);
  return q.executeTakeFirst();
}

/** Stores a link's token hash for a submission's thread. */
export async function insertLink(tx: Db, tokenHash: string, submissionId: string, now: Date) {
  await tx
    .insertInto('submission_thread_links')
    .values({ token_hash: tokenHash, submission_id: submissionId, created_at: now })
    .execute();
}

/** The submission a thread link's token hash opens, if any. */
export async function submissionOfLink(db: Db, tokenHash: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('submission_thread_links')
    .select('submission_id')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row?.submission_id;
}

export type ListFilter = { state?: SubmissionState; formId?: string };

/** A page of an organisation's submissions for the staff list, newest first, and their count. */
export async function staffPage(
  db: Db,
  organisationId: string,
  filter: ListFilter & { offset: number; limit: number },
) {
  let q = db.selectFrom('submissions as s').where('s.organisation_id', '=', organisationId);
  if (filter.state) q = q.where('s.state', '=', filter.state);
  if (filter.formId) q = q.where('s.form_id', '=', filter.formId);
  const [rows, count] = await Promise.all([
    q
      .innerJoin('form_versions as v', (j) =>
        j.onRef('v.form_id', '=', 's.form_id').onRef('v.version', '=', 's.form_version'),
      )
      .select([
        's.id',
        's.reference',
        's.state',
        's.submitter',
        's.submitted_at as submittedAt',
        'v.definition',
      ])
      .orderBy('s.submitted_at', 'desc')
      .orderBy('s.id', 'desc')
      .offset(filter.offset)
      .limit(filter.limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/**
 * The forms an organisation has submissions of, for the list's filter: each with the definition
 * of its newest version that was sent, whose title the filter shows.
 */
export async function formsWithSubmissions(db: Db, organisationId: string) {
  return db
    .selectFrom('submissions as s')
    .innerJoin('form_versions as v', (j) =>
      j.onRef('v.form_id', '=', 's.form_id').onRef('v.version', '=', 's.form_version'),
    )
    .distinctOn('s.form_id')
    .select(['s.form_id as id', 'v.definition'])
    .where('s.organisation_id', '=', organisationId)
    .orderBy('s.form_id')
    .orderBy('s.form_version', 'desc')
    .execute();
}

/** A citizen's own submissions, newest first. */
export async function ofAccount(db: Db, accountId: string) {
  return db
    .selectFrom('submissions as s')
    .innerJoin('form_versions as v', (j) =>
      j.onRef('v.form_id', '=', 's.form_id').onRef('v.version', '=', 's.form_version'),
    )
    .innerJoin('organisation as o', 'o.id', 's.organisation_id')
    .select([
      's.id',
      's.reference',
      's.state',
      's.submitted_at as submittedAt',
      'v.definition',
      'o.name as organisationName',
      'o.time_zone as timeZone',
    ])
    .where('s.citizen_account_id', '=', accountId)
    .orderBy('s.submitted_at', 'desc')
    .limit(200)
    .execute();
}

export type PullFilter = {
  after: Position | null;
  since?: Date;
  state?: SubmissionState;
  formSlug?: string;
  limit: number;
};

/**
 * A page of the pull API in its stable order: rows after the cursor, stored by a transaction
 * older than every one still running (so none can still appear before the cursor later).
 */
export async function pullPage(db: Db, organisationId: string, f: PullFilter) {
  let q = db
    .selectFrom('submissions as s')
    .innerJoin('forms as fm', 'fm.id', 's.form_id')
    .select([
      's.id',
      's.reference',
      's.state',
      's.submitted_at as submittedAt',
      's.form_version as formVersion',
      'fm.slug as formSlug',
      sql<string>`s.stored_xact::text`.as('xact'),
    ])
    .where('s.organisation_id', '=', organisationId)
    .where(sql<boolean>`s.stored_xact < pg_snapshot_xmin(pg_current_snapshot())::text::bigint`);
  if (f.after) {
    const { xact, id } = f.after;
    q = q.where(sql<boolean>`(s.stored_xact, s.id) > (${xact}::bigint, ${id}::uuid)`);
  }
  if (f.since) q = q.where('s.submitted_at', '>=', f.since);
  if (f.state) q = q.where('s.state', '=', f.state);
  if (f.formSlug) q = q.where('fm.slug', '=', f.formSlug);
  return q.orderBy('s.stored_xact').orderBy('s.id').limit(f.limit).execute();
}

/** The organisation's time zone, which its pages show times in. */
export async function timeZoneOf(db: Db, organisationId: string): Promise<string> {
  const row = await db
    .selectFrom('organisation')
    .select('time_zone')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return row.time_zone;
}

/** Everything of an account's submissions, for the account's export. */
export async function exportOfAccount(db: Db, accountId: string) {
  const rows = await db
    .selectFrom('submissions as s')
    .innerJoin('forms as f', 'f.id', 's.form_id')
    .select([
      's.id',
      's.reference',
      'f.slug as form',
      's.form_version as formVersion',
      's.state',
      's.submitted_at as submittedAt',
      's.submitter',
      's.answers',
    ])
    .where('s.citizen_account_id', '=', accountId)
    .orderBy('s.submitted_at')
    .execute();
  return Promise.all(rows.map(async (r) => ({ ...r, history: await events(db, r.id) })));
}

/** Lets go of an account: its submissions stay, as the office's records, without it. */
export async function releaseAccount(db: Db, accountId: string): Promise<number> {
  const r = await db
    .updateTable('submissions')
    .set({ citizen_account_id: null })
    .where('citizen_account_id', '=', accountId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** How many times the citizen has answered in the thread. */
export async function answerCount(db: Db, submissionId: string): Promise<number> {
  const row = await db
    .selectFrom('submission_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('submission_id', '=', submissionId)
    .where('kind', '=', 'answer')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
