/**
 * SQL that reads obligations: one with its instalments and payments, and the register's list
 * with its standing filter and sums. The standing filter follows standingFromSums (domain.ts)
 * comparison for comparison; a DB test checks the two agree.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../db/db.ts';
import type { Localized } from '../i18n/i18n.ts';
import type { Instalment, StandingName } from './domain.ts';

/** An obligation as staff and the payment pages see it. */
export type ObligationRow = {
  id: string;
  organisationId: string;
  feeTypeId: string;
  feeCode: string;
  feeName: Localized;
  variableSymbol: string;
  payerName: string;
  payerEmail: string | null;
  hasBirthNumber: boolean;
  citizenAccountId: string | null;
  subject: string | null;
  period: string;
  amountMinor: number;
  currency: string;
  dueDate: string;
  source: 'staff' | 'form' | 'import';
  submissionId: string | null;
  createdAt: Date;
  cancelledAt: Date | null;
};

function base(db: Db) {
  return db
    .selectFrom('obligations as o')
    .innerJoin('fee_types as f', 'f.id', 'o.fee_type_id')
    .select([
      'o.id',
      'o.organisation_id as organisationId',
      'o.fee_type_id as feeTypeId',
      'f.code as feeCode',
      'f.name as feeName',
      'o.variable_symbol as variableSymbol',
      'o.payer_name as payerName',
      'o.payer_email as payerEmail',
      sql<boolean>`o.birth_number_hmac IS NOT NULL`.as('hasBirthNumber'),
      'o.citizen_account_id as citizenAccountId',
      'o.subject',
      'o.period',
      'o.amount_minor as amountMinor',
      'o.currency',
      'o.due_date as dueDate',
      'o.source',
      'o.submission_id as submissionId',
      'o.created_at as createdAt',
      'o.cancelled_at as cancelledAt',
    ]);
}

type BaseRow = Omit<ObligationRow, 'amountMinor'> & { amountMinor: string | number };
const toRow = (r: BaseRow): ObligationRow => ({ ...r, amountMinor: Number(r.amountMinor) });

/** One obligation by id, within the organisation when one is named; `lock` holds it for the transaction. */
export async function findObligation(
  db: Db,
  id: string,
  organisationId?: string,
  lock = false,
): Promise<ObligationRow | undefined> {
  let q = base(db).where('o.id', '=', id);
  if (organisationId) q = q.where('o.organisation_id', '=', organisationId);
  const row = await (lock ? q.forUpdate('o') : q).executeTakeFirst();
  return row ? toRow(row) : undefined;
}

/** An obligation of the organisation by its variable symbol. */
export async function findBySymbol(
  db: Db,
  organisationId: string,
  variableSymbol: string,
): Promise<ObligationRow | undefined> {
  const row = await base(db)
    .where('o.organisation_id', '=', organisationId)
    .where('o.variable_symbol', '=', variableSymbol)
    .executeTakeFirst();
  return row ? toRow(row) : undefined;
}

/** An obligation's instalments in order. */
export async function instalmentsOf(db: Db, obligationId: string): Promise<Instalment[]> {
  const rows = await db
    .selectFrom('obligation_instalments')
    .select(['seq', 'due_date as dueDate', 'amount_minor as amountMinor'])
    .where('obligation_id', '=', obligationId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ ...r, amountMinor: Number(r.amountMinor) }));
}

/** A payment received for an obligation. */
export type PaymentRow = {
  id: string;
  method: 'bank' | 'card' | 'cash';
  amountMinor: number;
  currency: string;
  receivedOn: string;
  recordedAt: Date;
  recordedBy: string | null;
};

/** The payments assigned to an obligation, in the order received. */
export async function paymentsOf(db: Db, obligationId: string): Promise<PaymentRow[]> {
  const rows = await db
    .selectFrom('payments as p')
    .leftJoin('staff as s', 's.id', 'p.recorded_by')
    .select([
      'p.id',
      'p.method',
      'p.amount_minor as amountMinor',
      'p.currency',
      'p.received_on as receivedOn',
      'p.recorded_at as recordedAt',
      's.display_name as recordedBy',
    ])
    .where('p.obligation_id', '=', obligationId)
    .orderBy('p.received_on')
    .orderBy('p.recorded_at')
    .execute();
  return rows.map((r) => ({ ...r, amountMinor: Number(r.amountMinor) }));
}

/** Records a payment by staff (cash): the caller's transaction; returns its id. */
export async function insertCashPayment(
  db: Db,
  p: {
    organisationId: string;
    obligationId: string;
    amountMinor: number;
    currency: string;
    receivedOn: string;
    by: string;
    now: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('payments')
    .values({
      organisation_id: p.organisationId,
      obligation_id: p.obligationId,
      method: 'cash',
      amount_minor: p.amountMinor,
      currency: p.currency,
      received_on: p.receivedOn,
      recorded_at: p.now,
      recorded_by: p.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Marks an obligation cancelled; false when it already was. */
export async function cancelObligation(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .updateTable('obligations')
    .set({ cancelled_at: now })
    .where('id', '=', id)
    .where('cancelled_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length === 1;
}

/** What the register's list is filtered by. */
export type ObligationQuery = {
  organisationId: string;
  today: string;
  standing?: StandingName;
  feeTypeId?: string;
  /** A variable symbol (exact) or part of the folded payer name. */
  symbol?: string;
  nameKey?: string;
  limit: number;
};

/** A row of the list: the obligation with its paid and past-due sums. */
export type ListedObligation = ObligationRow & { paidMinor: number; pastDueMinor: number };

/** The sums of every obligation the filter matches (not only the page shown). */
export type ListTotals = {
  count: number;
  amountMinor: number;
  paidMinor: number;
  pastDueMinor: number;
  dueMinor: number;
  arrearsMinor: number;
};

function sums(db: Db, today: string) {
  return base(db).select((eb) => [
    eb
      .selectFrom('payments as pm')
      .select(sql<string>`coalesce(sum(pm.amount_minor), 0)`.as('s'))
      .whereRef('pm.obligation_id', '=', 'o.id')
      .as('paidMinor'),
    eb
      .selectFrom('obligation_instalments as i')
      .select(sql<string>`coalesce(sum(i.amount_minor), 0)`.as('s'))
      .whereRef('i.obligation_id', '=', 'o.id')
      .where('i.due_date', '<', today)
      .as('pastDueMinor'),
  ]);
}

/** The SQL form of standingFromSums' names, over the columns amount, paid and past_due of `x`. */
function standingIs(standing: StandingName): Expression<SqlBool> {
  const live = sql`x."cancelledAt" IS NULL`;
  const [a, p, d] = [sql`x."amountMinor"`, sql`x."paidMinor"`, sql`x."pastDueMinor"`];
  const rules: Record<StandingName, ReturnType<typeof sql>> = {
    cancelled: sql`x."cancelledAt" IS NOT NULL`,
    overpaid: sql`${live} AND ${p} > ${a}`,
    paid: sql`${live} AND ${p} = ${a}`,
    overdue: sql`${live} AND ${p} < ${a} AND ${p} < ${d}`,
    partly_paid: sql`${live} AND ${p} < ${a} AND ${p} >= ${d} AND ${p} > 0`,
    due: sql`${live} AND ${p} = 0 AND ${d} = 0`,
  };
  return rules[standing] as Expression<SqlBool>;
}

/** The register's list for a filter, newest first, with the sums of every match. */
export async function listObligations(
  db: Db,
  q: ObligationQuery,
): Promise<{ rows: ListedObligation[]; totals: ListTotals }> {
  let inner = sums(db, q.today).where('o.organisation_id', '=', q.organisationId);
  if (q.feeTypeId) inner = inner.where('o.fee_type_id', '=', q.feeTypeId);
  if (q.symbol || q.nameKey)
    inner = inner.where((eb) =>
      eb.or([
        ...(q.symbol ? [eb('o.variable_symbol', '=', q.symbol)] : []),
        ...(q.nameKey ? [eb('o.payer_name_key', 'like', `%${escapeLike(q.nameKey)}%`)] : []),
      ]),
    );
  let outer = db.selectFrom(inner.as('x')).selectAll('x');
  if (q.standing) outer = outer.where(standingIs(q.standing));
  const rows = (await outer
    .orderBy('x.createdAt', 'desc')
    .orderBy('x.variableSymbol', 'desc')
    .limit(q.limit)
    .execute()) as (BaseRow & { paidMinor: string | number; pastDueMinor: string | number })[];
  let totalsQ = db.selectFrom(inner.as('x')).select([
    sql<string>`count(*)`.as('count'),
    sql<string>`coalesce(sum(x."amountMinor"), 0)`.as('amountMinor'),
    sql<string>`coalesce(sum(x."paidMinor"), 0)`.as('paidMinor'),
    sql<string>`coalesce(sum(x."pastDueMinor"), 0)`.as('pastDueMinor'),
    sql<string>`coalesce(sum(greatest(x."amountMinor" - x."paidMinor", 0)), 0)`.as('dueMinor'),
    sql<string>`coalesce(sum(least(greatest(x."pastDueMinor" - x."paidMinor", 0),
      greatest(x."amountMinor" - x."paidMinor", 0))), 0)`.as('arrearsMinor'),
  ]);
  // Cancelled obligations owe nothing: they count in their own filter only.
  totalsQ = q.standing
    ? totalsQ.where(standingIs(q.standing))
    : totalsQ.where(sql<SqlBool>`x."cancelledAt" IS NULL`);
  const t = await totalsQ.executeTakeFirstOrThrow();
  return {
    rows: rows.map((r) => ({
      ...toRow(r),
      paidMinor: Number(r.paidMinor),
      pastDueMinor: Number(r.pastDueMinor),
    })),
    totals: {
      count: Number(t.count),
      amountMinor: Number(t.amountMinor),
      paidMinor: Number(t.paidMinor),
      pastDueMinor: Number(t.pastDueMinor),
      dueMinor: Number(t.dueMinor),
      arrearsMinor: Number(t.arrearsMinor),
    },
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
