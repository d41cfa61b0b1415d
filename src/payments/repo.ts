/**
 * SQL of the fee register (migrations 038–039): fee types and their rates, obligations with
 * their instalments and payments, and the payment settings. Every query names the organisation;
 * money comes back as numbers of minor units (pg returns bigint as a string).
 */
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import type { Localized } from '../i18n/i18n.ts';
import type { Instalment } from './domain.ts';

/** What the register needs to know of the organisation. */
export type OrgContext = { slug: string; country: 'SI' | 'CZ'; timeZone: string; currency: string };

/** The organisation's zone, currency and country. */
export async function orgContext(db: Db, organisationId: string): Promise<OrgContext> {
  return db
    .selectFrom('organisation')
    .select(['slug', 'country', 'time_zone as timeZone', 'currency'])
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
}

export type FeeTypeRow = {
  id: string;
  code: string;
  name: Localized;
  basis: 'person' | 'household' | 'object';
  number: number | null;
  formSlug: string | null;
  createdAt: Date;
};

const FEE_TYPE = [
  'fee_types.id',
  'fee_types.code',
  'fee_types.name',
  'fee_types.basis',
  'fee_types.number',
  'fee_types.form_slug as formSlug',
  'fee_types.created_at as createdAt',
] as const;

/** The organisation's fee types by number, then code. */
export async function listFeeTypes(db: Db, organisationId: string): Promise<FeeTypeRow[]> {
  return db
    .selectFrom('fee_types')
    .select(FEE_TYPE)
    .where('organisation_id', '=', organisationId)
    .orderBy('number')
    .orderBy('code')
    .execute();
}

/** One fee type of the organisation by id, code or form slug; `lock` holds its row for the transaction (symbol allocation). */
export async function findFeeType(
  db: Db,
  organisationId: string,
  by: { id: string } | { code: string } | { formSlug: string },
  lock = false,
): Promise<FeeTypeRow | undefined> {
  let q = db.selectFrom('fee_types').select(FEE_TYPE).where('organisation_id', '=', organisationId);
  if ('id' in by) q = q.where('id', '=', by.id);
  else if ('code' in by) q = q.where('code', '=', by.code);
  else q = q.where('form_slug', '=', by.formSlug);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

/** The next free fee type number of the organisation (1 for the first). */
export async function nextFeeNumber(db: Db, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('fee_types')
    .select((eb) => eb.fn.max('number').as('top'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(row?.top ?? 0) + 1;
}

/** Stores a fee type; returns its id. */
export async function insertFeeType(
  db: Db,
  f: Omit<FeeTypeRow, 'id' | 'createdAt'> & { organisationId: string; now: Date },
): Promise<string> {
  const row = await db
    .insertInto('fee_types')
    .values({
      organisation_id: f.organisationId,
      code: f.code,
      name: JSON.stringify(f.name),
      basis: f.basis,
      number: f.number,
      form_slug: f.formSlug,
      created_at: f.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type RateRow = {
  feeTypeId: string;
  effectiveFrom: string;
  amountMinor: number;
  ordinance: string;
  createdAt: Date;
};

/** The rate versions of the organisation's fee types (of one, when given), oldest first. */
export async function listRates(
  db: Db,
  organisationId: string,
  feeTypeId?: string,
): Promise<RateRow[]> {
  let q = db
    .selectFrom('fee_rates')
    .innerJoin('fee_types', 'fee_types.id', 'fee_rates.fee_type_id')
    .select([
      'fee_rates.fee_type_id as feeTypeId',
      'fee_rates.effective_from as effectiveFrom',
      'fee_rates.amount_minor as amountMinor',
      'fee_rates.ordinance',
      'fee_rates.created_at as createdAt',
    ])
    .where('fee_types.organisation_id', '=', organisationId);
  if (feeTypeId) q = q.where('fee_rates.fee_type_id', '=', feeTypeId);
  const rows = await q.orderBy('fee_rates.effective_from').execute();
  return rows.map((r) => ({ ...r, amountMinor: Number(r.amountMinor) }));
}

/** Adds a rate version; false when the fee type already has one from that day (rates are never changed). */
export async function insertRate(
  db: Db,
  r: Omit<RateRow, 'createdAt'> & { now: Date },
): Promise<boolean> {
  const rows = await db
    .insertInto('fee_rates')
    .values({
      fee_type_id: r.feeTypeId,
      effective_from: r.effectiveFrom,
      amount_minor: r.amountMinor,
      ordinance: r.ordinance,
      created_at: r.now,
    })
    .onConflict((oc) => oc.columns(['fee_type_id', 'effective_from']).doNothing())
    .returning('fee_type_id')
    .execute();
  return rows.length === 1;
}

/** The highest variable symbol in use between `low` and `high` (ten-digit symbols), or null. */
export async function highestSymbol(
  db: Db,
  organisationId: string,
  range: { low: number; high: number },
): Promise<number | null> {
  // Ten-digit symbols of one range compare as text exactly as numbers.
  const row = await db
    .selectFrom('obligations')
    .select((eb) => eb.fn.max('variable_symbol').as('top'))
    .where('organisation_id', '=', organisationId)
    .where(sql<number>`length(variable_symbol)`, '=', 10)
    .where('variable_symbol', '>=', String(range.low))
    .where('variable_symbol', '<=', String(range.high))
    .executeTakeFirst();
  return row?.top ? Number(row.top) : null;
}

/** Which of `symbols` the organisation already uses. */
export async function symbolsInUse(
  db: Db,
  organisationId: string,
  symbols: readonly string[],
): Promise<Set<string>> {
  if (symbols.length === 0) return new Set();
  const rows = await db
    .selectFrom('obligations')
    .select('variable_symbol')
    .where('organisation_id', '=', organisationId)
    .where('variable_symbol', 'in', symbols)
    .execute();
  return new Set(rows.map((r) => r.variable_symbol));
}

/** A new obligation as the service has checked it. */
export type NewObligation = {
  organisationId: string;
  feeTypeId: string;
  variableSymbol: string;
  payerName: string;
  payerNameKey: string;
  birthNumberHmac: string | null;
  payerEmail: string | null;
  citizenAccountId: string | null;
  subject: string | null;
  period: string;
  currency: string;
  source: 'staff' | 'form' | 'import';
  submissionId: string | null;
  createdBy: string | null;
  instalments: readonly Instalment[];
  now: Date;
};

/** Stores an obligation and its instalments (the caller's transaction); returns its id. */
export async function insertObligation(db: Db, o: NewObligation): Promise<string> {
  const amount = o.instalments.reduce((s, i) => s + i.amountMinor, 0);
  const row = await db
    .insertInto('obligations')
    .values({
      organisation_id: o.organisationId,
      fee_type_id: o.feeTypeId,
      variable_symbol: o.variableSymbol,
      payer_name: o.payerName,
      payer_name_key: o.payerNameKey,
      birth_number_hmac: o.birthNumberHmac,
      payer_email: o.payerEmail,
      citizen_account_id: o.citizenAccountId,
      subject: o.subject,
      period: o.period,
      amount_minor: amount,
      currency: o.currency,
      due_date: o.instalments[o.instalments.length - 1]!.dueDate,
      source: o.source,
      submission_id: o.submissionId,
      created_at: o.now,
      created_by: o.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('obligation_instalments')
    .values(
      o.instalments.map((i) => ({
        obligation_id: row.id,
        seq: i.seq,
        due_date: i.dueDate,
        amount_minor: i.amountMinor,
      })),
    )
    .execute();
  return row.id;
}

/** The organisation's payment settings (who is paid and how the QR code reads). */
export type PaymentSettings = {
  payeeName: string;
  payeeStreet: string | null;
  payeeCity: string | null;
  iban: string;
  bic: string | null;
  qrFormat: 'spayd' | 'upn' | 'epc';
  purposeCode: string;
  birthNumberLookup: boolean;
  birthNumberLegalBasis: Localized | null;
  updatedAt: Date;
};

/** The organisation's payment settings, or undefined before an admin saved them. */
export async function findSettings(
  db: Db,
  organisationId: string,
): Promise<PaymentSettings | undefined> {
  return db
    .selectFrom('payment_settings')
    .select([
      'payee_name as payeeName',
      'payee_street as payeeStreet',
      'payee_city as payeeCity',
      'iban',
      'bic',
      'qr_format as qrFormat',
      'purpose_code as purposeCode',
      'birth_number_lookup as birthNumberLookup',
      'birth_number_legal_basis as birthNumberLegalBasis',
      'updated_at as updatedAt',
    ])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

/** Writes the organisation's payment settings (insert or replace). */
export async function saveSettings(
  db: Db,
  organisationId: string,
  s: Omit<PaymentSettings, 'updatedAt'>,
  now: Date,
): Promise<void> {
  const values = {
    payee_name: s.payeeName,
    payee_street: s.payeeStreet,
    payee_city: s.payeeCity,
    iban: s.iban,
    bic: s.bic,
    qr_format: s.qrFormat,
    purpose_code: s.purposeCode,
    birth_number_lookup: s.birthNumberLookup,
    birth_number_legal_basis: s.birthNumberLegalBasis
      ? JSON.stringify(s.birthNumberLegalBasis)
      : null,
    updated_at: now,
  };
  await db
    .insertInto('payment_settings')
    .values({ organisation_id: organisationId, ...values })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
    .execute();
}

/**
 * What identifies an obligation without a variable symbol in an import: its fee type, payer
 * (folded), period, amount and due date, joined as one string; those of the organisation's
 * obligations for the given fee types and periods.
 */
export async function obligationKeys(
  db: Db,
  organisationId: string,
  feeTypeIds: readonly string[],
  periods: readonly string[],
): Promise<Set<string>> {
  if (!feeTypeIds.length || !periods.length) return new Set();
  const rows = await db
    .selectFrom('obligations')
    .select(['fee_type_id', 'payer_name_key', 'period', 'amount_minor', 'due_date'])
    .where('organisation_id', '=', organisationId)
    .where('fee_type_id', 'in', feeTypeIds)
    .where('period', 'in', periods)
    .where('cancelled_at', 'is', null)
    .execute();
  return new Set(
    rows.map((r) =>
      sameKey(r.fee_type_id, r.payer_name_key, r.period, Number(r.amount_minor), r.due_date),
    ),
  );
}

/** The key obligationKeys builds, for a row to compare with. */
export const sameKey = (
  feeTypeId: string,
  nameKey: string,
  period: string,
  amountMinor: number,
  dueDate: string,
): string => JSON.stringify([feeTypeId, nameKey, period, amountMinor, dueDate]);
