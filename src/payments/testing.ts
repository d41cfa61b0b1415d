// Test helpers of the fee register: a victim's fee type and obligation for the authorisation
// sweep, and the rows a swept request must not change.
import type { Db } from '../db/db.ts';
import { seedUnmatchedPayment, statementRows } from './statements/testing-db.ts';
import { cashPayment } from './testing-receipts.ts';

/**
 * A victim's payment objects for the authorisation sweep: a fee type, an obligation with a cash
 * payment, and an unmatched bank payment, all named by one payer (the sweep's marker).
 */
export async function seedPaymentObjects(db: Db, organisationId: string, now: Date, label: string) {
  const payer = `Victim Payer ${label}`;
  const admin = await db
    .selectFrom('staff')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'admin')
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  const fees = await seedFeeObjects(db, organisationId, admin.id, now, label);
  const bank = await seedUnmatchedPayment(db, organisationId, payer, now);
  // A part of the obligation paid in cash: a payment with a receipt to download.
  const payment = await cashPayment(db, organisationId, fees.ids.obligation, 10_000, now);
  return { ids: { ...fees.ids, bank_payment: bank.id, payment }, payer };
}

/** Every payments row of the organisations a swept request must not change. */
export async function paymentRows(db: Db, organisationIds: string[]) {
  return { ...(await statementRows(db, organisationIds)), ...(await feeRows(db, organisationIds)) };
}

/** A fee type with a rate, an obligation of it and a cash payment, in the organisation. */
export async function seedFeeObjects(
  db: Db,
  organisationId: string,
  adminId: string,
  now: Date,
  label: string,
): Promise<{ ids: { fee_type: string; obligation: string }; payer: string }> {
  const fee = await db
    .insertInto('fee_types')
    .values({
      organisation_id: organisationId,
      code: `victim-${label}`,
      name: JSON.stringify({ en: `Victim fee ${label}` }),
      basis: 'person',
      number: 90,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('fee_rates')
    .values({
      fee_type_id: fee.id,
      effective_from: '2026-01-01',
      amount_minor: 50_000,
      ordinance: 'Victim ordinance',
      created_at: now,
    })
    .execute();
  const payer = `Victim Payer ${label}`;
  const { currency } = await db
    .selectFrom('organisation')
    .select('currency')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  const obligation = await db
    .insertInto('obligations')
    .values({
      organisation_id: organisationId,
      fee_type_id: fee.id,
      variable_symbol: '2690000001',
      payer_name: payer,
      payer_name_key: payer.toLowerCase(),
      period: '2026',
      amount_minor: 50_000,
      currency,
      due_date: '2027-03-31',
      source: 'staff',
      created_at: now,
      created_by: adminId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('obligation_instalments')
    .values({ obligation_id: obligation.id, seq: 1, due_date: '2027-03-31', amount_minor: 50_000 })
    .execute();
  return { ids: { fee_type: fee.id, obligation: obligation.id }, payer };
}

/** The fee register's rows of the organisations, in a stable order (payments: statementRows). */
export async function feeRows(db: Db, organisationIds: string[]) {
  const types = await db
    .selectFrom('fee_types')
    .selectAll()
    .where('organisation_id', 'in', organisationIds)
    .orderBy('id')
    .execute();
  const obligations = await db
    .selectFrom('obligations')
    .selectAll()
    .where('organisation_id', 'in', organisationIds)
    .orderBy('id')
    .execute();
  return {
    fee_types: types,
    fee_rates: types.length
      ? await db
          .selectFrom('fee_rates')
          .selectAll()
          .where(
            'fee_type_id',
            'in',
            types.map((t) => t.id),
          )
          .orderBy('fee_type_id')
          .orderBy('effective_from')
          .execute()
      : [],
    obligations,
    payment_settings: await db
      .selectFrom('payment_settings')
      .selectAll()
      .where('organisation_id', 'in', organisationIds)
      .orderBy('organisation_id')
      .execute(),
  };
}
