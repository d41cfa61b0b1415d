// Database fixtures of bank statements' tests and benchmark: a fee type and obligations with the
// variable symbols a test names, written directly (the fee register's own service is not needed
// to test matching), and the tables an import may change, for before/after comparisons.
import type { Db } from '../../db/db.ts';

/** An obligation a test asks for. */
export type ObligationSpec = {
  vs: string;
  amountMinor: number;
  currency?: string;
  cancelled?: boolean;
};

/** Creates a fee type and one obligation per spec in the organisation; ids by variable symbol. */
export async function seedObligations(
  db: Db,
  organisationId: string,
  specs: readonly ObligationSpec[],
  code = 'statements-test',
): Promise<Map<string, string>> {
  const now = new Date('2026-11-01T08:00:00Z');
  const feeType = await db
    .insertInto('fee_types')
    .values({
      organisation_id: organisationId,
      code,
      name: JSON.stringify({ cs: 'Poplatek ze psů', sl: 'Pristojbina', en: 'Dog fee' }),
      basis: 'object',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids = new Map<string, string>();
  for (let i = 0; i < specs.length; i += 1000) {
    const rows = await db
      .insertInto('obligations')
      .values(
        specs.slice(i, i + 1000).map((s) => ({
          organisation_id: organisationId,
          fee_type_id: feeType.id,
          variable_symbol: s.vs,
          payer_name: 'Jiří Dvořák',
          payer_name_key: 'jiri dvorak',
          period: '2026',
          amount_minor: s.amountMinor,
          currency: s.currency ?? 'CZK',
          due_date: '2026-12-31',
          source: 'staff' as const,
          created_at: now,
          cancelled_at: s.cancelled === true ? now : null,
        })),
      )
      .returning(['id', 'variable_symbol'])
      .execute();
    for (const r of rows) ids.set(r.variable_symbol, r.id);
  }
  return ids;
}

/** Every row an import or assignment may write, of one organisation, in a stable order. */
export async function statementTables(db: Db, organisationId: string) {
  const org = organisationId;
  return {
    bank_statements: await db
      .selectFrom('bank_statements')
      .selectAll()
      .where('organisation_id', '=', org)
      .orderBy('id')
      .execute(),
    statement_lines: await db
      .selectFrom('statement_lines')
      .selectAll()
      .where('organisation_id', '=', org)
      .orderBy('id')
      .execute(),
    payments: await db
      .selectFrom('payments')
      .selectAll()
      .where('organisation_id', '=', org)
      .orderBy('id')
      .execute(),
    audit: await db
      .selectFrom('audit_event')
      .select(['action', 'object_id'])
      .where('organisation_id', '=', organisationId)
      .where('action', 'like', 'bank_%')
      .orderBy('id')
      .execute(),
  };
}

/** An unmatched bank payment of the organisation, as an import leaves one; its id and payer name. */
export async function seedUnmatchedPayment(
  db: Db,
  organisationId: string,
  payer: string,
  now: Date,
): Promise<{ id: string; payer: string }> {
  const statement = await db
    .insertInto('bank_statements')
    .values({
      organisation_id: organisationId,
      format: 'abo',
      account: '19-123457',
      file_name: `${payer}.gpc`,
      sha256: 'f'.repeat(64),
      imported_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const line = await db
    .insertInto('statement_lines')
    .values({
      organisation_id: organisationId,
      statement_id: statement.id,
      line_key: `seed:${payer}`,
      booked_on: '2026-11-30',
      amount_minor: 4200,
      currency: 'CZK',
      variable_symbol: '31337',
      counter_name: payer,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const payment = await db
    .insertInto('payments')
    .values({
      organisation_id: organisationId,
      method: 'bank',
      amount_minor: 4200,
      currency: 'CZK',
      received_on: '2026-11-30',
      statement_line_id: line.id,
      recorded_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: payment.id, payer };
}

/** The statement tables of several organisations, for the authorisation sweep's snapshots. */
export async function statementRows(db: Db, organisationIds: string[]) {
  const rows = await Promise.all(organisationIds.map((id) => statementTables(db, id)));
  return {
    bank_statements: rows.flatMap((r) => r.bank_statements),
    statement_lines: rows.flatMap((r) => r.statement_lines),
    payments: rows.flatMap((r) => r.payments),
  };
}
