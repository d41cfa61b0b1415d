import type { Selectable } from 'kysely';
import type { Db } from '../db/db.ts';
import type { Database } from '../db/tables.ts';

/** A row of the outbox as read. */
export type OutboxRow = Selectable<Database['mail_outbox']>;

/** A message as queued; a second one with the same dedupe key is silently dropped. */
export type NewOutboxRow = {
  dedupeKey: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  ics: string | null;
  icsMethod: 'REQUEST' | 'CANCEL' | null;
  fromName: string | null;
  replyTo: string | null;
  attachments: readonly AttachmentRow[];
  now: Date;
};

/** A file sent with a message (migration 034). */
export type AttachmentRow = { filename: string; contentType: string; content: Uint8Array };

/**
 * Queues a message and its attachments (in the caller's transaction when it passes one); the
 * new row's id, or null when the dedupe key was queued before.
 */
export async function insertMail(db: Db, m: NewOutboxRow): Promise<string | null> {
  const row = await db
    .insertInto('mail_outbox')
    .values({
      dedupe_key: m.dedupeKey,
      to_address: m.to,
      subject: m.subject,
      text_body: m.text,
      html_body: m.html,
      ics: m.ics,
      ics_method: m.icsMethod,
      from_name: m.fromName,
      reply_to: m.replyTo,
      next_attempt_at: m.now,
      created_at: m.now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return null;
  if (m.attachments.length > 0)
    await db
      .insertInto('mail_attachments')
      .values(
        m.attachments.map((a, position) => ({
          mail_id: row.id,
          position,
          filename: a.filename,
          content_type: a.contentType,
          content: a.content,
        })),
      )
      .execute();
  return row.id;
}

/** The files of one message, in their order. */
export async function attachmentsOf(db: Db, mailId: string): Promise<AttachmentRow[]> {
  const rows = await db
    .selectFrom('mail_attachments')
    .select(['filename', 'content_type', 'content'])
    .where('mail_id', '=', mailId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    filename: r.filename,
    contentType: r.content_type,
    content: r.content,
  }));
}

/** The id of the message queued with a dedupe key, if any. */
export async function mailIdByKey(db: Db, key: string): Promise<string | null> {
  const row = await db
    .selectFrom('mail_outbox')
    .select('id')
    .where('dedupe_key', '=', key)
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Gives a failed message one more try now (an admin's "retry now"): the tries are set so that
 * a failure of this one leaves it failed again rather than starting the schedule anew.
 */
export async function retryFailed(
  db: Db,
  id: string,
  now: Date,
  attempts: number,
): Promise<boolean> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ state: 'pending', next_attempt_at: now, claimed_until: null, attempts })
    .where('id', '=', id)
    .where('state', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Claims up to `limit` due rows until `claimedUntil` and counts the try. SKIP
 * LOCKED lets workers on other connections claim other rows instead of waiting;
 * a row another worker claimed and committed fails the re-checked WHERE clause.
 */
export async function claimDue(
  db: Db,
  now: Date,
  claimedUntil: Date,
  limit: number,
  claimedBy: number | null = null,
): Promise<OutboxRow[]> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('mail_outbox')
      .select('id')
      .where('state', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .orderBy('next_attempt_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    return trx
      .updateTable('mail_outbox')
      .set((eb) => ({
        claimed_until: claimedUntil,
        claimed_by: claimedBy,
        attempts: eb('attempts', '+', 1),
      }))
      .where(
        'id',
        'in',
        due.map((r) => r.id),
      )
      .returningAll()
      .execute();
  });
}

/**
 * Records a send. It holds even if the claim lapsed meanwhile: the message did go out. Its
 * attachments go with it: a sent message is never sent again, and they may hold a citizen's
 * submission.
 */
export async function markSent(db: Db, id: string, now: Date, messageId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const sent = await tx
      .updateTable('mail_outbox')
      .set({
        state: 'sent',
        sent_at: now,
        message_id: messageId,
        claimed_until: null,
        last_error: null,
      })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    if (Number(sent.numUpdatedRows) === 1)
      await tx.deleteFrom('mail_attachments').where('mail_id', '=', id).execute();
  });
}

/**
 * Records a failed try, but only while this worker's claim (`claimedUntil`) is
 * still the row's, so a late failure cannot undo a newer claim or a send.
 */
export async function markFailed(
  db: Db,
  id: string,
  claimedUntil: Date,
  outcome: { state: 'failed' } | { state: 'pending'; nextAttemptAt: Date },
  error: string,
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({
      state: outcome.state,
      claimed_until: null,
      last_error: error,
      ...(outcome.state === 'pending' ? { next_attempt_at: outcome.nextAttemptAt } : {}),
    })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .where('claimed_until', '=', claimedUntil)
    .execute();
}

/** Gives back claimed rows that were not tried, uncounted, so any worker may claim them at once. */
export async function releaseClaims(db: Db, ids: string[], claimedUntil: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('mail_outbox')
    .set((eb) => ({ claimed_until: null, attempts: eb('attempts', '-', 1) }))
    .where('id', 'in', ids)
    .where('state', '=', 'pending')
    .where('claimed_until', '=', claimedUntil)
    .execute();
}

/** The worker instances other than `self` holding claims that have not lapsed. */
export async function otherClaimants(db: Db, self: number, now: Date): Promise<number[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select('claimed_by')
    .distinct()
    .where('state', '=', 'pending')
    .where('claimed_until', '>=', now)
    .where('claimed_by', 'is not', null)
    .where('claimed_by', '<>', self)
    .execute();
  return rows.map((r) => r.claimed_by!);
}

/**
 * Takes back the claims of a dead worker instance, so any worker may claim them at once.
 * The try stays counted: the dead worker may have sent before it died.
 */
export async function releaseClaimsOf(db: Db, claimant: number): Promise<number> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ claimed_until: null, claimed_by: null })
    .where('state', '=', 'pending')
    .where('claimed_by', '=', claimant)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The newest messages first. */
export async function recentMail(db: Db, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom('mail_outbox')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Messages by id, without their bodies. */
export async function findMails(
  db: Db,
  ids: readonly string[],
): Promise<
  Pick<OutboxRow, 'id' | 'state' | 'attempts' | 'next_attempt_at' | 'sent_at' | 'last_error'>[]
> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('mail_outbox')
    .select(['id', 'state', 'attempts', 'next_attempt_at', 'sent_at', 'last_error'])
    .where('id', 'in', ids)
    .execute();
}

export async function findMail(db: Db, id: string): Promise<OutboxRow | undefined> {
  return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Deletes messages of one kind (dedupe key prefix) queued before `before`, whatever their state. */
export async function deleteMailOfKind(db: Db, prefix: string, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('mail_outbox')
    .where('dedupe_key', 'like', `${prefix}:%`)
    .where('created_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The messages not yet sent nor given up: how many, and when the oldest was queued (one query). */
export async function pendingBacklog(db: Db): Promise<{ depth: number; oldest: Date | null }> {
  const row = await db
    .selectFrom('mail_outbox')
    .select((eb) => [eb.fn.countAll<string>().as('depth'), eb.fn.min('created_at').as('oldest')])
    .where('state', '=', 'pending')
    .executeTakeFirstOrThrow();
  return { depth: Number(row.depth), oldest: row.oldest };
}
