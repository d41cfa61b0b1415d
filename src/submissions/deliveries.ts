// Delivering submissions to an office's systems by signed webhooks: queued with the submission,
// tried by the job runner, retried on the schedule of delivery.ts, and marked delivered only on
// a 2xx. Instances share the work: each attempt is claimed first (SKIP LOCKED), so two
// instances never post the same delivery at once.
import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../db/db.ts';
import type { Database } from '../db/tables.ts';
import type { Clock } from '../lib/clock.ts';
import { nextAttemptAt, postWebhook, ATTEMPT_TIMEOUT_MS, type Attempt } from './delivery.ts';

/** How many deliveries one run claims at a time. */
const BATCH = 10;
/**
 * An attempt claims its delivery for this long (longer than an attempt may take): should the
 * instance die mid-attempt, another takes it over after it. The receiver may then see the
 * message twice, with the same webhook-id, which is what that id is for.
 */
const CLAIM_MS = ATTEMPT_TIMEOUT_MS * 4;

/**
 * Queues a delivery of a new submission to each of its organisation's live webhooks, and by
 * e-mail when the organisation has an intake address, in the submission's transaction.
 */
export async function queueDeliveries(
  tx: Transaction<Database>,
  submission: { id: string; organisationId: string; intakeEmail: string | null },
  now: Date,
): Promise<void> {
  const hooks = await tx
    .selectFrom('submission_webhooks')
    .select(['id', 'url'])
    .where('organisation_id', '=', submission.organisationId)
    .where('disabled_at', 'is', null)
    .execute();
  const rows: Insertable<Database['submission_deliveries']>[] = hooks.map((h) => ({
    submission_id: submission.id,
    channel: 'webhook',
    webhook_id: h.id,
    target: h.url,
    next_attempt_at: now,
    created_at: now,
  }));
  if (submission.intakeEmail)
    rows.push({
      submission_id: submission.id,
      channel: 'email',
      target: submission.intakeEmail,
      next_attempt_at: now,
      created_at: now,
    });
  if (rows.length === 0) return;
  await tx.insertInto('submission_deliveries').values(rows).execute();
}

/** What a webhook posts: the Standard Webhooks envelope around the submission. */
export function deliveryPayload(s: {
  id: string;
  reference: string;
  formSlug: string;
  formVersion: number;
  language: string;
  submittedAt: Date;
  submitter: unknown;
  answers: unknown;
  receiptSha256: string | null;
}): string {
  return JSON.stringify({
    type: 'submission.received',
    timestamp: s.submittedAt.toISOString(),
    data: {
      id: s.id,
      reference: s.reference,
      form: { slug: s.formSlug, version: s.formVersion },
      language: s.language,
      submittedAt: s.submittedAt.toISOString(),
      submitter: s.submitter,
      answers: s.answers,
      receiptSha256: s.receiptSha256,
    },
  });
}

type Post = typeof postWebhook;

/**
 * Tries every delivery that is due, in batches, until none is left: returns how many were
 * delivered and how many attempts failed. `post` is postWebhook (the tests' receivers are real
 * servers on loopback).
 */
export async function deliverDue(deps: {
  db: Db;
  clock: Clock;
  /** Receivers on loopback, by http too: development and tests (WEBHOOK_ALLOW_LOOPBACK). */
  allowLoopback: boolean;
  post?: Post;
}): Promise<{ delivered: number; failed: number }> {
  const { db, clock, allowLoopback } = deps;
  const post = deps.post ?? postWebhook;
  const tally = { delivered: 0, failed: 0 };
  for (;;) {
    const now = clock.now();
    const claimed = await db.transaction().execute(async (tx) => {
      const due = await tx
        .selectFrom('submission_deliveries')
        .select('id')
        .where('channel', '=', 'webhook')
        .where('state', '=', 'queued')
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .limit(BATCH)
        .forUpdate()
        .skipLocked()
        .execute();
      if (due.length === 0) return [];
      await tx
        .updateTable('submission_deliveries')
        .set({ next_attempt_at: new Date(now.getTime() + CLAIM_MS) })
        .where(
          'id',
          'in',
          due.map((d) => d.id),
        )
        .execute();
      return tx
        .selectFrom('submission_deliveries as d')
        .leftJoin('submission_webhooks as w', 'w.id', 'd.webhook_id')
        .innerJoin('submissions as s', 's.id', 'd.submission_id')
        .innerJoin('forms as f', 'f.id', 's.form_id')
        .leftJoin('submission_receipts as r', 'r.submission_id', 's.id')
        .select([
          'd.id',
          'd.attempts',
          'w.url',
          'w.secret',
          'w.disabled_at as disabledAt',
          's.id as submissionId',
          's.reference',
          'f.slug as formSlug',
          's.form_version as formVersion',
          's.language',
          's.submitted_at as submittedAt',
          's.submitter',
          's.answers',
          'r.sha256 as receiptSha256',
        ])
        .where(
          'd.id',
          'in',
          due.map((d) => d.id),
        )
        .execute();
    });
    if (claimed.length === 0) return tally;
    for (const d of claimed) {
      const attemptAt = clock.now();
      // A receiver removed or disabled since the delivery was queued is not posted to: the
      // delivery fails at once, and an admin may retry it once the receiver is back.
      const result: Attempt =
        d.url === null || d.secret === null
          ? { delivered: false, status: null, reason: 'receiver removed' }
          : d.disabledAt
            ? { delivered: false, status: null, reason: 'receiver disabled' }
            : await post({
                url: d.url,
                secret: d.secret,
                id: `msg_${d.id}`,
                at: attemptAt,
                body: deliveryPayload({ ...d, id: d.submissionId }),
                allowLoopback,
              });
      const given = d.url === null || d.disabledAt !== null;
      const attempts = d.attempts + (given ? 0 : 1);
      if (result.delivered) {
        tally.delivered++;
        await db
          .updateTable('submission_deliveries')
          .set({
            state: 'delivered',
            attempts,
            next_attempt_at: null,
            delivered_at: attemptAt,
            last_status: result.status,
            last_error: null,
          })
          .where('id', '=', d.id)
          .execute();
      } else {
        tally.failed++;
        const next = given ? null : nextAttemptAt(attempts, attemptAt);
        await db
          .updateTable('submission_deliveries')
          .set({
            state: next ? 'queued' : 'failed',
            attempts,
            next_attempt_at: next,
            failed_at: next ? null : attemptAt,
            last_status: result.status,
            last_error: result.reason.slice(0, 500),
          })
          .where('id', '=', d.id)
          .execute();
      }
    }
  }
}
