// Fixtures of the receipts' tests: a receipt's model, and in the database an organisation's
// payment settings, an obligation with the payer's e-mail, and payments of each method written
// directly, as the register, the card flow and the statements would write them.
import { createHash } from 'node:crypto';
import type { Db } from '../db/db.ts';
import type { PaymentReceiptModel } from './receipt.ts';
import { seedObligations } from './statements/testing-db.ts';

/** The payment id of `czechPaymentReceipt`. */
export const PAYMENT_RECEIPT_ID = '0b1e7a52-3c4d-4e5f-8a9b-0c1d2e3f4a5b';

/** A Czech card payment's receipt: the dog fee, 1 500 Kč, of which `paidMinor` is paid. */
export function czechPaymentReceipt(paidMinor = 150_000): PaymentReceiptModel {
  return {
    lang: 'cs',
    timeZone: 'Europe/Prague',
    organisation: { name: 'Město Kopřivnice', payee: 'Město Kopřivnice' },
    payment: {
      id: PAYMENT_RECEIPT_ID,
      amountMinor: 100_000,
      currency: 'CZK',
      receivedOn: '2026-12-02',
      method: 'card',
      recordedAt: new Date('2026-12-02T07:25:00Z'),
    },
    obligation: {
      feeName: 'Poplatek ze psů',
      subject: 'Pes Žeryk, kříženec',
      period: '2026',
      variableSymbol: '2026010042',
      payerName: 'Jiří Řehoř',
      amountMinor: 150_000,
      paidMinor,
    },
  };
}

/** A Czech IBAN that passes mod 97 (the Czech National Bank's example account). */
export const TEST_IBAN = 'CZ6508000000192000145399';

/** The organisation's id by slug, with QR Platba settings saved. */
export async function receiptOrganisation(db: Db, slug: string): Promise<string> {
  const org = await db
    .selectFrom('organisation')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('payment_settings')
    .values({
      organisation_id: org.id,
      payee_name: 'Město Kopřivnice',
      iban: TEST_IBAN,
      qr_format: 'spayd',
      updated_at: new Date('2026-11-01T08:00:00Z'),
    })
    .onConflict((oc) => oc.column('organisation_id').doNothing())
    .execute();
  return org.id;
}

/** One obligation of 1 500 CZK with the payer's e-mail (or none) and the citizen account, if given. */
export async function receiptObligation(
  db: Db,
  organisationId: string,
  o: { vs: string; email: string | null; accountId?: string },
): Promise<string> {
  const ids = await seedObligations(
    db,
    organisationId,
    [{ vs: o.vs, amountMinor: 150_000 }],
    `receipts-${o.vs}`,
  );
  const id = ids.get(o.vs)!;
  await db
    .updateTable('obligations')
    .set({ payer_email: o.email, citizen_account_id: o.accountId ?? null })
    .where('id', '=', id)
    .execute();
  return id;
}

/** A cash payment towards the obligation, in its currency, recorded at `at`. */
export async function cashPayment(
  db: Db,
  organisationId: string,
  obligationId: string,
  amountMinor: number,
  at: Date,
): Promise<string> {
  const { currency } = await db
    .selectFrom('obligations')
    .select('currency')
    .where('id', '=', obligationId)
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('payments')
    .values({
      organisation_id: organisationId,
      obligation_id: obligationId,
      method: 'cash',
      amount_minor: amountMinor,
      currency,
      received_on: at.toISOString().slice(0, 10),
      recorded_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A settled card payment whose payer gave `email` for the receipt. */
export async function cardPayment(
  db: Db,
  organisationId: string,
  obligationId: string,
  email: string,
  at: Date,
): Promise<string> {
  const card = await db
    .insertInto('card_payments')
    .values({
      organisation_id: organisationId,
      obligation_id: obligationId,
      gateway: 'gpwebpay',
      amount_minor: 50_000,
      currency: 'CZK',
      state: 'paid',
      receipt_email: email,
      started_at: at,
      settled_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('payments')
    .values({
      organisation_id: organisationId,
      obligation_id: obligationId,
      method: 'card',
      amount_minor: 50_000,
      currency: 'CZK',
      received_on: at.toISOString().slice(0, 10),
      card_payment_id: card.id,
      recorded_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An unmatched bank payment (a statement line no obligation matched). */
export async function unmatchedBankPayment(
  db: Db,
  organisationId: string,
  amountMinor: number,
  at: Date,
): Promise<string> {
  const statement = await db
    .insertInto('bank_statements')
    .values({
      organisation_id: organisationId,
      format: 'abo',
      account: '19-2000145399/0800',
      file_name: 'receipts.gpc',
      sha256: createHash('sha256').update(`receipts-${at.getTime()}`).digest('hex'),
      imported_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const line = await db
    .insertInto('statement_lines')
    .values({
      organisation_id: organisationId,
      statement_id: statement.id,
      line_key: `receipts-${at.getTime()}`,
      booked_on: at.toISOString().slice(0, 10),
      amount_minor: amountMinor,
      currency: 'CZK',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('payments')
    .values({
      organisation_id: organisationId,
      method: 'bank',
      amount_minor: amountMinor,
      currency: 'CZK',
      received_on: at.toISOString().slice(0, 10),
      statement_line_id: line.id,
      recorded_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The outbox's receipt e-mails of a payment, with their attachments' names and types. */
export async function receiptMails(db: Db, paymentId: string) {
  const mails = await db
    .selectFrom('mail_outbox')
    .select(['id', 'to_address', 'subject', 'text_body'])
    .where('dedupe_key', '=', `payment-receipt:${paymentId}`)
    .execute();
  return Promise.all(
    mails.map(async (m) => ({
      ...m,
      attachments: await db
        .selectFrom('mail_attachments')
        .select(['filename', 'content_type', 'content'])
        .where('mail_id', '=', m.id)
        .orderBy('position')
        .execute(),
    })),
  );
}
