/**
 * SQL of payment receipts (migration 038, decision 048): what a receipt says of a payment, the
 * stored PDFs, the payments still without one, and the lookup that ties a payment to whoever may
 * download its receipt.
 */
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import type { Lang, Localized } from '../i18n/i18n.ts';
import type { PaymentQrSettings } from './qr/payment-qr.ts';

/** Everything a payment's receipt and its e-mail say, read in one query. */
export type ReceiptFacts = {
  paymentId: string;
  organisationId: string;
  method: 'bank' | 'card' | 'cash';
  amountMinor: number;
  currency: string;
  receivedOn: string;
  recordedAt: Date;
  orgName: Localized;
  /** The organisation's e-mail sender (display name, reply address), when it set one. */
  senderName: string | null;
  replyTo: string | null;
  lang: Lang;
  timeZone: string;
  settings: PaymentQrSettings | null;
  obligationId: string;
  feeName: Localized;
  subject: string | null;
  period: string;
  variableSymbol: string;
  payerName: string;
  obligationMinor: number;
  dueDate: string;
  cancelled: boolean;
  /** Paid towards the obligation by this payment and those that came to it before. */
  paidMinor: number;
  /** Where the payer asked the receipt to go: the card payment's address, else the obligation's. */
  email: string | null;
};

// When a payment became the obligation's: recorded with it, or assigned to it later by staff.
// Ordering by this moment (then id) makes the "paid so far" of a receipt independent of when the
// receipt is made, so a receipt made late says what one made at once would have said.
const since = (alias: string) =>
  sql.raw(`(coalesce(${alias}.assigned_at, ${alias}.recorded_at), ${alias}.id)`);

/** The facts of one payment's receipt; undefined when there is no such payment or it has no obligation yet. */
export async function receiptFacts(db: Db, paymentId: string): Promise<ReceiptFacts | undefined> {
  const row = await db
    .selectFrom('payments as p')
    .innerJoin('obligations as o', 'o.id', 'p.obligation_id')
    .innerJoin('fee_types as f', 'f.id', 'o.fee_type_id')
    .innerJoin('organisation as g', 'g.id', 'p.organisation_id')
    .leftJoin('payment_settings as s', 's.organisation_id', 'p.organisation_id')
    .leftJoin('card_payments as c', 'c.id', 'p.card_payment_id')
    .leftJoin('submissions as sub', 'sub.id', 'o.submission_id')
    .select([
      'p.id as paymentId',
      'p.organisation_id as organisationId',
      'p.method',
      'p.amount_minor as amountMinor',
      'p.currency',
      'p.received_on as receivedOn',
      'p.recorded_at as recordedAt',
      'g.name as orgName',
      'g.mail_sender_name as senderName',
      'g.mail_reply_to as replyTo',
      // The language of the form that made the obligation, when one did; else the organisation's.
      sql<Lang>`coalesce(sub.language, g.default_language)`.as('lang'),
      'g.time_zone as timeZone',
      's.payee_name',
      's.payee_street',
      's.payee_city',
      's.iban',
      's.bic',
      's.qr_format',
      's.purpose_code',
      'o.id as obligationId',
      'f.name as feeName',
      'o.subject',
      'o.period',
      'o.variable_symbol as variableSymbol',
      'o.payer_name as payerName',
      'o.amount_minor as obligationMinor',
      'o.due_date as dueDate',
      sql<boolean>`o.cancelled_at IS NOT NULL`.as('cancelled'),
      sql<string>`(SELECT sum(q.amount_minor) FROM payments q
        WHERE q.obligation_id = p.obligation_id AND ${since('q')} <= ${since('p')})`.as(
        'paidMinor',
      ),
      sql<string | null>`coalesce(c.receipt_email, o.payer_email)`.as('email'),
    ])
    .where('p.id', '=', paymentId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { payee_name, payee_street, payee_city, iban, bic, qr_format, purpose_code, ...rest } = row;
  return {
    ...rest,
    amountMinor: Number(row.amountMinor),
    obligationMinor: Number(row.obligationMinor),
    paidMinor: Number(row.paidMinor),
    settings:
      payee_name && iban && qr_format && purpose_code
        ? { payee_name, payee_street, payee_city, iban, bic, qr_format, purpose_code }
        : null,
  };
}

/** A stored receipt's PDF and digest, or undefined. */
export async function findReceipt(
  db: Db,
  paymentId: string,
): Promise<{ pdf: Buffer; sha256: string } | undefined> {
  const row = await db
    .selectFrom('payment_receipts')
    .select(['pdf', 'sha256'])
    .where('payment_id', '=', paymentId)
    .executeTakeFirst();
  return row && { pdf: Buffer.from(row.pdf), sha256: row.sha256 };
}

/**
 * Stores a receipt unless one is there already (a concurrent issue of the same payment): true
 * when this call stored it. A concurrent insert waits for the other's transaction to end.
 */
export async function insertReceipt(
  db: Db,
  r: { paymentId: string; pdf: Buffer; sha256: string; now: Date },
): Promise<boolean> {
  const row = await db
    .insertInto('payment_receipts')
    .values({ payment_id: r.paymentId, pdf: r.pdf, sha256: r.sha256, created_at: r.now })
    .onConflict((oc) => oc.column('payment_id').doNothing())
    .returning('payment_id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Payments of an obligation without a receipt whose payer gave an address, oldest first: what
 * the receipts job works through, because their e-mail waits for the receipt. A payment nobody
 * is to be mailed about gets its receipt when it is first downloaded (the same bytes either way),
 * so a start never renders PDFs nobody asked for (and never loads pdfkit for them).
 */
export async function pendingReceipts(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('payments as p')
    .innerJoin('obligations as o', 'o.id', 'p.obligation_id')
    .leftJoin('card_payments as c', 'c.id', 'p.card_payment_id')
    .leftJoin('payment_receipts as r', 'r.payment_id', 'p.id')
    .select('p.id')
    .where('r.payment_id', 'is', null)
    .where(sql<boolean>`coalesce(c.receipt_email, o.payer_email) IS NOT NULL`)
    .orderBy('p.recorded_at')
    .orderBy('p.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Who may download a payment's receipt: the payment of one obligation, the obligation's or the organisation's. */
export type ReceiptOwner =
  | { obligationId: string; citizenAccountId: string }
  | { tokenHash: string; now: Date }
  | { organisationId: string };

/** Whether the payment exists and belongs to `owner`: the only authorisation of the downloads. */
export async function paymentOwnedBy(
  db: Db,
  paymentId: string,
  owner: ReceiptOwner,
): Promise<boolean> {
  let q = db
    .selectFrom('payments as p')
    .innerJoin('obligations as o', 'o.id', 'p.obligation_id')
    .select('p.id')
    .where('p.id', '=', paymentId);
  if ('citizenAccountId' in owner)
    q = q
      .where('o.id', '=', owner.obligationId)
      .where('o.citizen_account_id', '=', owner.citizenAccountId);
  else if ('tokenHash' in owner)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('payment_tokens as t')
          .select('t.token_hash')
          .whereRef('t.obligation_id', '=', 'o.id')
          .where('t.token_hash', '=', owner.tokenHash)
          .where('t.expires_at', '>', owner.now),
      ),
    );
  else q = q.where('p.organisation_id', '=', owner.organisationId);
  return (await q.executeTakeFirst()) !== undefined;
}
