// Delivery of a submission by e-mail to the office's intake address (decision 040). The
// delivery row is queued in the submission's transaction (deliveries.ts); the job hands it to
// the outbox once, with the receipt made after that commit, in one transaction with the row's
// mail id, so a crash anywhere loses no mail and sends none twice. The row then follows its
// outbox message: delivered when the SMTP server accepted it, never when it was queued.
import type { Db } from '../db/db.ts';
import { translator, type Lang } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { enqueueMail, mailStates } from '../mail/service.ts';
import { dateFormat } from '../views/dates.ts';
import { nextAttemptAt } from './delivery.ts';

/** A stored submission as the office's mail names it, with its receipt. */
export type DeliveryDocument = {
  pdf: Buffer;
  reference: string;
  formTitle: string;
  organisation: string;
  officeLang: Lang;
  timeZone: string;
  submittedAt: Date;
};

/** How many deliveries one run hands over (each makes a receipt, which takes a while). */
const BATCH = 10;

/** The receipt's file name: the reference with what a file name cannot hold replaced. */
export function receiptFileName(reference: string): string {
  return `${reference.replace(/[^A-Za-z0-9._-]+/g, '-')}.pdf`;
}

/** The intake mail: the reference and form in its subject, the receipt attached. */
function intakeMail(doc: DeliveryDocument, to: string, deliveryId: string) {
  const t = translator(doc.officeLang);
  const submittedAt = dateFormat(doc.officeLang, doc.timeZone, 'short').format(doc.submittedAt);
  const params = { reference: doc.reference, form: doc.formTitle, submittedAt };
  return {
    // One message per delivery, however often the job runs.
    dedupeKey: `submission-delivery:${deliveryId}`,
    to,
    subject: t('delivery.mail.subject', params),
    text: t('delivery.mail.text', params),
    sender: { name: doc.organisation || null, replyTo: null },
    attachments: [
      {
        filename: receiptFileName(doc.reference),
        contentType: 'application/pdf',
        content: doc.pdf,
      },
    ],
  };
}

/**
 * Hands due e-mail deliveries to the outbox: the receipt made (or read) outside any
 * transaction, then the message and the delivery's mail id in one. Another instance handing
 * the same delivery over meanwhile is seen by the re-checked row, and the outbox's dedupe key
 * would drop a second message anyway. Returns how many were handed over.
 */
export async function handOverEmails(deps: {
  db: Db;
  clock: Clock;
  document: (submissionId: string) => Promise<DeliveryDocument>;
}): Promise<number> {
  const { db, clock } = deps;
  const due = await db
    .selectFrom('submission_deliveries')
    .select(['id', 'submission_id', 'target'])
    .where('channel', '=', 'email')
    .where('state', '=', 'queued')
    .where('mail_id', 'is', null)
    .where('next_attempt_at', '<=', clock.now())
    .orderBy('next_attempt_at')
    .limit(BATCH)
    .execute();
  let handed = 0;
  for (const d of due) {
    let doc: DeliveryDocument;
    try {
      doc = await deps.document(d.submission_id);
    } catch (err) {
      // One receipt that cannot be made must not hold up the others behind it: this delivery
      // waits its turn on the webhooks' schedule, with the reason for staff, and fails at last.
      await postpone(db, d.id, clock.now(), err);
      continue;
    }
    const done = await db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('submission_deliveries')
        .select('id')
        .where('id', '=', d.id)
        .where('mail_id', 'is', null)
        .where('state', '=', 'queued')
        .forUpdate()
        .executeTakeFirst();
      if (!row || !d.target) return false;
      const now = clock.now();
      const mailId = await enqueueMail(tx, intakeMail(doc, d.target, d.id), now);
      await tx
        .updateTable('submission_deliveries')
        .set({ mail_id: mailId, next_attempt_at: now })
        .where('id', '=', d.id)
        .execute();
      return true;
    });
    if (done) handed++;
  }
  return handed;
}

/** Counts a failed hand-over as an attempt: retried on the schedule of delivery.ts, then failed. */
async function postpone(db: Db, id: string, now: Date, err: unknown): Promise<void> {
  const row = await db
    .selectFrom('submission_deliveries')
    .select('attempts')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const attempts = row.attempts + 1;
  const next = nextAttemptAt(attempts, now);
  const reason = `receipt not made: ${err instanceof Error ? err.message : String(err)}`;
  await db
    .updateTable('submission_deliveries')
    .set({
      attempts,
      state: next ? 'queued' : 'failed',
      next_attempt_at: next,
      failed_at: next ? null : now,
      last_error: reason.slice(0, 500),
    })
    .where('id', '=', id)
    .where('state', '=', 'queued')
    .where('mail_id', 'is', null)
    .execute();
}

/**
 * Brings each handed-over e-mail delivery to its message's state: delivered (when the SMTP
 * server took it), failed with the outbox's last error once the outbox gave up, else still
 * queued with the outbox's tries and next try.
 */
export async function followEmails(deps: { db: Db; clock: Clock }): Promise<void> {
  const { db, clock } = deps;
  const open = await db
    .selectFrom('submission_deliveries')
    .select(['id', 'mail_id', 'attempts', 'next_attempt_at', 'last_error'])
    .where('channel', '=', 'email')
    .where('state', '=', 'queued')
    .where('mail_id', 'is not', null)
    .execute();
  // One query for the messages, and a write only where one moved: during an SMTP outage
  // thousands may wait, and this runs every few seconds.
  const mails = await mailStates(
    db,
    open.map((d) => d.mail_id!),
  );
  for (const d of open) {
    const mail = mails.get(d.mail_id!);
    if (!mail) continue;
    const unchanged =
      mail.state === 'pending' &&
      mail.attempts === d.attempts &&
      mail.nextAttemptAt.getTime() === d.next_attempt_at?.getTime() &&
      (mail.lastError?.slice(0, 500) ?? null) === d.last_error;
    if (unchanged) continue;
    const error = mail.lastError?.slice(0, 500) ?? null;
    const update = db
      .updateTable('submission_deliveries')
      .where('id', '=', d.id)
      .where('state', '=', 'queued')
      .where('mail_id', '=', d.mail_id);
    if (mail.state === 'sent')
      await update
        .set({
          state: 'delivered',
          attempts: mail.attempts,
          delivered_at: mail.sentAt ?? clock.now(),
          next_attempt_at: null,
          last_error: null,
        })
        .execute();
    else if (mail.state === 'failed')
      await update
        .set({
          state: 'failed',
          attempts: mail.attempts,
          next_attempt_at: null,
          failed_at: clock.now(),
          last_error: error,
        })
        .execute();
    else
      await update
        .set({ attempts: mail.attempts, next_attempt_at: mail.nextAttemptAt, last_error: error })
        .execute();
  }
}
