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
  now: Date;
};

export async function insertMail(db: Db, m: NewOutboxRow): Promise<void> {
  await db
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
    .execute();
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

/** Records a send. It holds even if the claim lapsed meanwhile: the message did go out. */
export async function markSent(db: Db, id: string, now: Date, messageId: string): Promise<void> {
  await db
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
    .execute();
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
