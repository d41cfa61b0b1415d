// SQL of the delivery settings and states an organisation's admins see (decision 040). Every
// query names the organisation: a row of another one is never found, so the pages 404 on it.
import type { Db } from '../db/db.ts';

/** A receiver as the settings page lists it (never its secret). */
export type WebhookRow = { id: string; url: string; createdAt: Date; disabledAt: Date | null };

/** One delivery as the states page shows it. */
export type DeliveryRow = {
  id: string;
  submissionId: string;
  reference: string;
  submittedAt: Date;
  channel: 'webhook' | 'email';
  target: string | null;
  webhookId: string | null;
  state: 'queued' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  failedAt: Date | null;
  lastError: string | null;
  mailId: string | null;
  createdAt: Date;
};

export type DeliveryFilter = 'all' | 'queued' | 'delivered' | 'failed';

export async function organisationSettings(
  db: Db,
  organisationId: string,
): Promise<{ intakeEmail: string | null; timeZone: string }> {
  const row = await db
    .selectFrom('organisation')
    .select(['intake_email', 'time_zone'])
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return { intakeEmail: row.intake_email, timeZone: row.time_zone };
}

export async function setIntakeEmail(
  db: Db,
  organisationId: string,
  email: string | null,
): Promise<void> {
  await db
    .updateTable('organisation')
    .set({ intake_email: email })
    .where('id', '=', organisationId)
    .execute();
}

export async function listWebhooks(db: Db, organisationId: string): Promise<WebhookRow[]> {
  return db
    .selectFrom('submission_webhooks')
    .select(['id', 'url', 'created_at as createdAt', 'disabled_at as disabledAt'])
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** One receiver of the organisation, with its secret (for a test event), or undefined. */
export async function findWebhook(
  db: Db,
  organisationId: string,
  id: string,
): Promise<(WebhookRow & { secret: string }) | undefined> {
  return db
    .selectFrom('submission_webhooks')
    .select(['id', 'url', 'secret', 'created_at as createdAt', 'disabled_at as disabledAt'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertWebhook(
  db: Db,
  w: { organisationId: string; url: string; secret: string; now: Date },
): Promise<string> {
  const row = await db
    .insertInto('submission_webhooks')
    .values({ organisation_id: w.organisationId, url: w.url, secret: w.secret, created_at: w.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Disables (a time) or enables (null) a receiver; false when it already was. */
export async function setWebhookDisabled(
  db: Db,
  organisationId: string,
  id: string,
  disabledAt: Date | null,
): Promise<boolean> {
  const result = await db
    .updateTable('submission_webhooks')
    .set({ disabled_at: disabledAt })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('disabled_at', disabledAt ? 'is' : 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Removes a receiver; its deliveries stay, without it (migration 034). */
export async function deleteWebhook(db: Db, organisationId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('submission_webhooks')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

function deliveries(db: Db, organisationId: string) {
  return db
    .selectFrom('submission_deliveries as d')
    .innerJoin('submissions as s', 's.id', 'd.submission_id')
    .select([
      'd.id',
      's.id as submissionId',
      's.reference',
      's.submitted_at as submittedAt',
      'd.channel',
      'd.target',
      'd.webhook_id as webhookId',
      'd.state',
      'd.attempts',
      'd.next_attempt_at as nextAttemptAt',
      'd.delivered_at as deliveredAt',
      'd.failed_at as failedAt',
      'd.last_error as lastError',
      'd.mail_id as mailId',
      'd.created_at as createdAt',
    ])
    .where('s.organisation_id', '=', organisationId);
}

/**
 * A page of the organisation's deliveries, newest first, before the delivery `before` (the
 * cursor: its created_at and id).
 */
export async function listDeliveries(
  db: Db,
  q: {
    organisationId: string;
    filter: DeliveryFilter;
    /** Only this submission's deliveries (a link from the submission's own page). */
    submissionId?: string;
    before?: string;
    limit: number;
  },
): Promise<DeliveryRow[]> {
  let query = deliveries(db, q.organisationId);
  if (q.filter !== 'all') query = query.where('d.state', '=', q.filter);
  if (q.submissionId) query = query.where('s.id', '=', q.submissionId);
  if (q.before) {
    const cursor = await db
      .selectFrom('submission_deliveries')
      .select(['created_at', 'id'])
      .where('id', '=', q.before)
      .executeTakeFirst();
    if (cursor)
      query = query.where((eb) =>
        eb.or([
          eb('d.created_at', '<', cursor.created_at),
          eb.and([eb('d.created_at', '=', cursor.created_at), eb('d.id', '<', cursor.id)]),
        ]),
      );
  }
  return query.orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').limit(q.limit).execute();
}

export async function findDelivery(
  db: Db,
  organisationId: string,
  id: string,
): Promise<DeliveryRow | undefined> {
  return deliveries(db, organisationId).where('d.id', '=', id).executeTakeFirst();
}

/** Queues a failed delivery again, due now; false when it was not failed (any more). */
export async function requeue(db: Db, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('submission_deliveries')
    .set({ state: 'queued', next_attempt_at: now, failed_at: null })
    .where('id', '=', id)
    .where('state', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deliveries of an organisation that failed in [since, until), oldest first. */
export async function failedBetween(
  db: Db,
  organisationId: string,
  since: Date,
  until: Date,
): Promise<DeliveryRow[]> {
  return deliveries(db, organisationId)
    .where('d.state', '=', 'failed')
    .where('d.failed_at', '>=', since)
    .where('d.failed_at', '<', until)
    .orderBy('d.failed_at')
    .orderBy('d.id')
    .execute();
}

/** The deliveries still queued (webhooks and e-mail): how many, and when the oldest was queued (one query). */
export async function queuedBacklog(db: Db): Promise<{ depth: number; oldest: Date | null }> {
  const row = await db
    .selectFrom('submission_deliveries')
    .select((eb) => [eb.fn.countAll<string>().as('depth'), eb.fn.min('created_at').as('oldest')])
    .where('state', '=', 'queued')
    .executeTakeFirstOrThrow();
  return { depth: Number(row.depth), oldest: row.oldest };
}
