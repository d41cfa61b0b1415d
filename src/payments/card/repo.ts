// SQL of card payments: the obligation a payment is for (with what has been paid), the card
// payment rows, and their settling — which writes the payment in the same transaction.
import { sql } from 'kysely';
import type { Db } from '../../db/db.ts';
import type { Lang, Localized } from '../../i18n/i18n.ts';
import type { CardPaymentState } from './domain.ts';

/** An obligation as a card payment needs it. */
export type PayableObligation = {
  id: string;
  organisationId: string;
  organisationSlug: string;
  organisationName: Localized;
  timeZone: string;
  defaultLanguage: Lang;
  feeName: Localized;
  variableSymbol: string;
  period: string;
  amountMinor: number;
  paidMinor: number;
  currency: string;
  citizenAccountId: string | null;
  cancelled: boolean;
};

function obligations(db: Db) {
  return db
    .selectFrom('obligations as o')
    .innerJoin('organisation as org', 'org.id', 'o.organisation_id')
    .innerJoin('fee_types as f', 'f.id', 'o.fee_type_id')
    .select((eb) => [
      'o.id',
      'o.organisation_id',
      'org.slug',
      'org.name as org_name',
      'org.time_zone',
      'org.default_language',
      'f.name as fee_name',
      'o.variable_symbol',
      'o.period',
      'o.amount_minor',
      'o.currency',
      'o.citizen_account_id',
      'o.cancelled_at',
      eb
        .selectFrom('payments as p')
        .whereRef('p.obligation_id', '=', 'o.id')
        .select(sql<string>`coalesce(sum(p.amount_minor), 0)`.as('paid'))
        .as('paid'),
    ]);
}

type ObligationRow = Awaited<ReturnType<ReturnType<typeof obligations>['executeTakeFirst']>>;

function payable(r: ObligationRow): PayableObligation | null {
  if (!r) return null;
  return {
    id: r.id,
    organisationId: r.organisation_id,
    organisationSlug: r.slug,
    organisationName: r.org_name,
    timeZone: r.time_zone,
    defaultLanguage: r.default_language,
    feeName: r.fee_name,
    variableSymbol: r.variable_symbol,
    period: r.period,
    amountMinor: Number(r.amount_minor),
    paidMinor: Number(r.paid ?? 0),
    currency: r.currency,
    citizenAccountId: r.citizen_account_id,
    cancelled: r.cancelled_at !== null,
  };
}

/** The obligation a live payment token (its SHA-256) is for, in an organisation, and its e-mail. */
export async function obligationByToken(
  db: Db,
  organisationSlug: string,
  tokenHash: string,
  now: Date,
): Promise<{ obligation: PayableObligation; receiptEmail: string | null } | null> {
  const token = await db
    .selectFrom('payment_tokens')
    .select(['obligation_id', 'receipt_email'])
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!token) return null;
  const o = payable(
    await obligations(db)
      .where('o.id', '=', token.obligation_id)
      .where('org.slug', '=', organisationSlug)
      .executeTakeFirst(),
  );
  return o ? { obligation: o, receiptEmail: token.receipt_email } : null;
}

/** An obligation of an organisation by id. */
export async function obligationById(
  db: Db,
  organisationSlug: string,
  id: string,
): Promise<PayableObligation | null> {
  return payable(
    await obligations(db)
      .where('o.id', '=', id)
      .where('org.slug', '=', organisationSlug)
      .executeTakeFirst(),
  );
}

/** A card payment as read. */
export type CardPaymentRow = {
  id: string;
  organisationId: string;
  obligationId: string;
  orderNumber: string;
  amountMinor: number;
  currency: string;
  state: CardPaymentState;
  receiptEmail: string | null;
  startedAt: Date;
  settledAt: Date | null;
  gatewayAnswer: Record<string, string> | null;
};

const cardColumns = [
  'id',
  'organisation_id',
  'obligation_id',
  'order_number',
  'amount_minor',
  'currency',
  'state',
  'receipt_email',
  'started_at',
  'settled_at',
  'gateway_answer',
] as const;

type CardRow = {
  id: string;
  organisation_id: string;
  obligation_id: string;
  order_number: string | number;
  amount_minor: string | number;
  currency: string;
  state: CardPaymentState;
  receipt_email: string | null;
  started_at: Date;
  settled_at: Date | null;
  gateway_answer: unknown;
};

function cardPayment(r: CardRow): CardPaymentRow {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    obligationId: r.obligation_id,
    orderNumber: String(r.order_number),
    amountMinor: Number(r.amount_minor),
    currency: r.currency,
    state: r.state,
    receiptEmail: r.receipt_email,
    startedAt: r.started_at,
    settledAt: r.settled_at,
    gatewayAnswer: (r.gateway_answer as Record<string, string> | null) ?? null,
  };
}

/** Records a started card payment; its order number comes from the sequence. */
export async function insertCardPayment(
  db: Db,
  p: {
    organisationId: string;
    obligationId: string;
    amountMinor: number;
    currency: string;
    receiptEmail: string | null;
    citizenAccountId: string | null;
    now: Date;
  },
): Promise<CardPaymentRow> {
  const row = await db
    .insertInto('card_payments')
    .values({
      organisation_id: p.organisationId,
      obligation_id: p.obligationId,
      gateway: 'gpwebpay',
      amount_minor: p.amountMinor,
      currency: p.currency,
      state: 'started',
      receipt_email: p.receiptEmail,
      citizen_account_id: p.citizenAccountId,
      started_at: p.now,
    })
    .returning(cardColumns)
    .executeTakeFirstOrThrow();
  return cardPayment(row);
}

/** A card payment by id. */
export async function cardPaymentById(db: Db, id: string): Promise<CardPaymentRow | null> {
  const r = await db
    .selectFrom('card_payments')
    .select(cardColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? cardPayment(r) : null;
}

/** A card payment of an organisation (by slug) by the gateway's order number. */
export async function cardPaymentBySlugAndOrder(
  db: Db,
  organisationSlug: string,
  orderNumber: string,
): Promise<CardPaymentRow | null> {
  const r = await db
    .selectFrom('card_payments as c')
    .innerJoin('organisation as org', 'org.id', 'c.organisation_id')
    .select(cardColumns.map((c) => `c.${c}` as const))
    .where('org.slug', '=', organisationSlug)
    .where('c.order_number', '=', orderNumber)
    .executeTakeFirst();
  return r ? cardPayment(r) : null;
}

/** Started payments begun before `before`, oldest first, with their organisation's slug. */
export async function startedBefore(
  db: Db,
  before: Date,
  limit: number,
): Promise<{ id: string; organisationSlug: string }[]> {
  return db
    .selectFrom('card_payments as c')
    .innerJoin('organisation as org', 'org.id', 'c.organisation_id')
    .select(['c.id', 'org.slug as organisationSlug'])
    .where('c.state', '=', 'started')
    .where('c.started_at', '<', before)
    .orderBy('c.started_at')
    .limit(limit)
    .execute();
}

/**
 * Moves a payment out of 'started' (locking its row; null when it is no longer started — another
 * return or the job settled it first) and, when paid, records the payment. In the caller's
 * transaction, with the audit entry.
 */
export async function settleCardPayment(
  tx: Db,
  s: {
    id: string;
    state: Exclude<CardPaymentState, 'started'>;
    answer: Record<string, string>;
    now: Date;
    receivedOn: string;
  },
): Promise<{ payment: CardPaymentRow; paymentId: string | null } | null> {
  const locked = await tx
    .selectFrom('card_payments')
    .select(cardColumns)
    .where('id', '=', s.id)
    .where('state', '=', 'started')
    .forUpdate()
    .executeTakeFirst();
  if (!locked) return null;
  const row = await tx
    .updateTable('card_payments')
    .set({ state: s.state, settled_at: s.now, gateway_answer: JSON.stringify(s.answer) })
    .where('id', '=', s.id)
    .returning(cardColumns)
    .executeTakeFirstOrThrow();
  const payment = cardPayment(row);
  if (s.state !== 'paid') return { payment, paymentId: null };
  const inserted = await tx
    .insertInto('payments')
    .values({
      organisation_id: payment.organisationId,
      obligation_id: payment.obligationId,
      method: 'card',
      amount_minor: payment.amountMinor,
      currency: payment.currency,
      received_on: s.receivedOn,
      card_payment_id: payment.id,
      recorded_at: s.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { payment, paymentId: inserted.id };
}

/** A citizen account's verified e-mail address, where its receipts go (null: none). */
export async function verifiedEmailOf(db: Db, accountId: string): Promise<string | null> {
  const r = await db
    .selectFrom('citizen_accounts')
    .select(['email', 'email_verified'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  return r?.email_verified ? (r.email?.toLowerCase() ?? null) : null;
}
