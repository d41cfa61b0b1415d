// SQL of bank statements (decision 046). Every query names the organisation: a statement,
// payment or obligation of another one is never found, so the pages and the API 404 on it.
import type { Db } from '../../db/db.ts';
import type { OpenObligation } from './matching.ts';

/** Rows per INSERT or IN list: well under PostgreSQL's 65,535 parameters at 13 columns a row. */
const CHUNK = 1000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** When and by whom a file with this hash was imported into the organisation, if it was. */
export async function statementByHash(
  db: Db,
  organisationId: string,
  sha256: string,
): Promise<{ id: string; importedAt: Date } | undefined> {
  const row = await db
    .selectFrom('bank_statements')
    .select(['id', 'imported_at'])
    .where('organisation_id', '=', organisationId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row && { id: row.id, importedAt: row.imported_at };
}

/** The statement row of an import. */
export type NewStatement = {
  organisationId: string;
  format: 'abo' | 'camt053';
  account: string;
  statementNumber: string | null;
  statementDate: string | null;
  fileName: string;
  sha256: string;
  importedAt: Date;
  importedBy: string | null;
};

export async function insertStatement(db: Db, s: NewStatement): Promise<string> {
  const row = await db
    .insertInto('bank_statements')
    .values({
      organisation_id: s.organisationId,
      format: s.format,
      account: s.account.slice(0, 64),
      statement_number: s.statementNumber?.slice(0, 64) ?? null,
      statement_date: s.statementDate,
      file_name: s.fileName,
      sha256: s.sha256,
      imported_at: s.importedAt,
      imported_by: s.importedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A credit line to store, with its cross-file key. */
export type NewLine = {
  lineKey: string;
  bookedOn: string;
  amountMinor: number;
  currency: string;
  variableSymbol: string | null;
  constantSymbol: string | null;
  specificSymbol: string | null;
  counterAccount: string | null;
  counterName: string | null;
  message: string | null;
};

/**
 * Inserts the lines; a line whose key the organisation already has (an overlapping statement)
 * is skipped by the unique index. Returns the ids of the new ones by key.
 */
export async function insertLines(
  db: Db,
  organisationId: string,
  statementId: string,
  lines: readonly NewLine[],
): Promise<Map<string, string>> {
  const inserted = new Map<string, string>();
  for (const part of chunks(lines)) {
    const rows = await db
      .insertInto('statement_lines')
      .values(
        part.map((l) => ({
          organisation_id: organisationId,
          statement_id: statementId,
          line_key: l.lineKey,
          booked_on: l.bookedOn,
          amount_minor: l.amountMinor,
          currency: l.currency,
          variable_symbol: l.variableSymbol,
          constant_symbol: l.constantSymbol,
          specific_symbol: l.specificSymbol,
          counter_account: l.counterAccount?.slice(0, 64) ?? null,
          counter_name: l.counterName?.slice(0, 140) ?? null,
          message: l.message?.slice(0, 500) ?? null,
        })),
      )
      .onConflict((oc) => oc.columns(['organisation_id', 'line_key']).doNothing())
      .returning(['id', 'line_key'])
      .execute();
    for (const r of rows) inserted.set(r.line_key, r.id);
  }
  return inserted;
}

/**
 * The organisation's obligations with these variable symbols and what is still due of each:
 * the amount less every payment assigned to it (card, cash, bank). Cancelled ones are included
 * so that matching can say why a payment for one was not matched.
 */
export async function obligationsBySymbols(
  db: Db,
  organisationId: string,
  symbols: readonly string[],
): Promise<OpenObligation[]> {
  const out: OpenObligation[] = [];
  for (const part of chunks([...new Set(symbols)])) {
    const rows = await db
      .selectFrom('obligations as o')
      .leftJoin('payments as p', 'p.obligation_id', 'o.id')
      .select((eb) => [
        'o.id',
        'o.variable_symbol',
        'o.currency',
        'o.amount_minor',
        'o.cancelled_at',
        eb.fn.coalesce(eb.fn.sum<string | number>('p.amount_minor'), eb.val(0)).as('paid'),
      ])
      .where('o.organisation_id', '=', organisationId)
      .where('o.variable_symbol', 'in', part)
      .groupBy(['o.id', 'o.variable_symbol', 'o.currency', 'o.amount_minor', 'o.cancelled_at'])
      .execute();
    for (const r of rows)
      out.push({
        id: r.id,
        variableSymbol: r.variable_symbol,
        currency: r.currency,
        dueMinor: Number(r.amount_minor) - Number(r.paid),
        cancelled: r.cancelled_at !== null,
      });
  }
  return out;
}

/** A bank payment for a new credit line, with its obligation when it was matched. */
export type NewBankPayment = {
  statementLineId: string;
  obligationId: string | null;
  amountMinor: number;
  currency: string;
  receivedOn: string;
};

export async function insertBankPayments(
  db: Db,
  organisationId: string,
  payments: readonly NewBankPayment[],
  recorded: { at: Date; by: string | null },
): Promise<void> {
  for (const part of chunks(payments))
    await db
      .insertInto('payments')
      .values(
        part.map((p) => ({
          organisation_id: organisationId,
          obligation_id: p.obligationId,
          method: 'bank' as const,
          amount_minor: p.amountMinor,
          currency: p.currency,
          received_on: p.receivedOn,
          statement_line_id: p.statementLineId,
          recorded_at: recorded.at,
          recorded_by: recorded.by,
        })),
      )
      .execute();
}

/** An imported statement as the list shows it, with what became of its credit lines. */
export type StatementRow = {
  id: string;
  format: 'abo' | 'camt053';
  account: string;
  statementNumber: string | null;
  statementDate: string | null;
  fileName: string;
  importedAt: Date;
  importedBy: string | null;
  credits: number;
  matched: number;
};

/** The organisation's statements, newest import first. */
export async function listStatements(
  db: Db,
  organisationId: string,
  limit: number,
): Promise<StatementRow[]> {
  const rows = await db
    .selectFrom('bank_statements as s')
    .leftJoin('staff as st', 'st.id', 's.imported_by')
    .leftJoin('statement_lines as l', 'l.statement_id', 's.id')
    .leftJoin('payments as p', 'p.statement_line_id', 'l.id')
    .select((eb) => [
      's.id',
      's.format',
      's.account',
      's.statement_number',
      's.statement_date',
      's.file_name',
      's.imported_at',
      'st.display_name',
      eb.fn.count<string | number>('l.id').as('credits'),
      eb.fn.count<string | number>('p.obligation_id').as('matched'),
    ])
    .where('s.organisation_id', '=', organisationId)
    .groupBy(['s.id', 'st.display_name'])
    .orderBy('s.imported_at', 'desc')
    .orderBy('s.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    format: r.format,
    account: r.account,
    statementNumber: r.statement_number,
    statementDate: r.statement_date,
    fileName: r.file_name,
    importedAt: r.imported_at,
    importedBy: r.display_name,
    credits: Number(r.credits),
    matched: Number(r.matched),
  }));
}

/** A bank payment no obligation has been found for, with its statement line. */
export type UnmatchedRow = {
  id: string;
  amountMinor: number;
  currency: string;
  receivedOn: string;
  variableSymbol: string | null;
  constantSymbol: string | null;
  specificSymbol: string | null;
  counterAccount: string | null;
  counterName: string | null;
  message: string | null;
};

/** The organisation's unmatched bank payments, oldest first (the order staff work through them). */
export async function unmatchedPayments(
  db: Db,
  organisationId: string,
  limit: number,
): Promise<UnmatchedRow[]> {
  const rows = await db
    .selectFrom('payments as p')
    .innerJoin('statement_lines as l', 'l.id', 'p.statement_line_id')
    .select([
      'p.id',
      'p.amount_minor',
      'p.currency',
      'p.received_on',
      'l.variable_symbol',
      'l.constant_symbol',
      'l.specific_symbol',
      'l.counter_account',
      'l.counter_name',
      'l.message',
    ])
    .where('p.organisation_id', '=', organisationId)
    .where('p.obligation_id', 'is', null)
    .orderBy('p.received_on')
    .orderBy('p.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    amountMinor: Number(r.amount_minor),
    currency: r.currency,
    receivedOn: r.received_on,
    variableSymbol: r.variable_symbol,
    constantSymbol: r.constant_symbol,
    specificSymbol: r.specific_symbol,
    counterAccount: r.counter_account,
    counterName: r.counter_name,
    message: r.message,
  }));
}

/** A payment of the organisation, locked for the assignment (FOR UPDATE on PostgreSQL). */
export async function lockPayment(
  db: Db,
  organisationId: string,
  paymentId: string,
): Promise<
  { id: string; obligationId: string | null; amountMinor: number; currency: string } | undefined
> {
  const row = await db
    .selectFrom('payments')
    .select(['id', 'obligation_id', 'amount_minor', 'currency'])
    .where('id', '=', paymentId)
    .where('organisation_id', '=', organisationId)
    .forUpdate()
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      obligationId: row.obligation_id,
      amountMinor: Number(row.amount_minor),
      currency: row.currency,
    }
  );
}

/** An obligation of the organisation by id or by variable symbol. */
export async function findObligation(
  db: Db,
  organisationId: string,
  by: { id: string } | { variableSymbol: string },
): Promise<
  { id: string; variableSymbol: string; currency: string; cancelled: boolean } | undefined
> {
  let q = db
    .selectFrom('obligations')
    .select(['id', 'variable_symbol', 'currency', 'cancelled_at'])
    .where('organisation_id', '=', organisationId);
  q = 'id' in by ? q.where('id', '=', by.id) : q.where('variable_symbol', '=', by.variableSymbol);
  const row = await q.executeTakeFirst();
  return (
    row && {
      id: row.id,
      variableSymbol: row.variable_symbol,
      currency: row.currency,
      cancelled: row.cancelled_at !== null,
    }
  );
}

/** Sets the obligation of an unassigned payment; false when it had one already. */
export async function assign(
  db: Db,
  paymentId: string,
  obligationId: string,
  by: { at: Date; staffId: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('payments')
    .set({ obligation_id: obligationId, assigned_at: by.at, assigned_by: by.staffId })
    .where('id', '=', paymentId)
    .where('obligation_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The organisation's time zone. */
export async function timeZone(db: Db, organisationId: string): Promise<string> {
  const row = await db
    .selectFrom('organisation')
    .select('time_zone')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return row.time_zone;
}

/** The IBAN the organisation is paid into, when its payment settings exist. */
export async function settingsIban(db: Db, organisationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('payment_settings')
    .select('iban')
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row?.iban ?? null;
}
