/**
 * Obligations imported from the municipality's finance system as CSV (decision 043). The header
 * names the columns (IMPORT_COLUMNS, any order, any case); each row is checked as a typed
 * obligation, and the valid rows are stored in one transaction with one audit entry. A row
 * whose variable symbol the organisation already uses is refused, so the same file imported
 * twice adds nothing; every refused row is reported with its line and why.
 */
import type { Db } from '../db/db.ts';
import { staffActor } from '../audit/domain.ts';
import type { AuditService } from '../audit/service.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { decodeCsv, guessDelimiter, parseCsv, type CsvRecord } from '../lib/csv-read.ts';
import { AppError } from '../lib/errors.ts';
import { dayIn } from './domain.ts';
import { checkDraft, type CheckedObligation } from './obligation-input.ts';
import { storeObligation } from './obligation-store.ts';
import * as repo from './repo.ts';

/** The columns a file may have; the first five are required. */
export const IMPORT_COLUMNS = [
  'payer',
  'fee',
  'period',
  'amount',
  'due',
  'vs',
  'subject',
  'birth_number',
  'email',
] as const;
type Column = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: readonly Column[] = IMPORT_COLUMNS.slice(0, 5);
/** A file larger than this is refused before parsing: 20 000 rows of a finance export fit well. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** What an import did: each stored obligation and each refused row by its line. */
export type ImportReport = {
  encoding: 'utf-8' | 'windows-1250';
  imported: { line: number; variableSymbol: string }[];
  refused: { line: number; reasons: MessageKey[] }[];
};

/** A row by column; `shifted` when it has more or fewer fields than the header. */
type Row = { line: number; cells: Record<Column, string>; shifted: boolean };

/** The file's rows by column name; throws invalid_input when the header lacks a required column. */
export function readRows(text: string): Row[] {
  const records = parseCsv(text, guessDelimiter(text));
  const header = records[0]?.fields.map((h) => h.trim().toLowerCase()) ?? [];
  if (!REQUIRED.every((c) => header.includes(c)))
    throw new AppError('invalid_input', 'header', { file: 'fees.error.header' });
  return records.slice(1).map((r: CsvRecord) => {
    const cells = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, ''])) as Record<Column, string>;
    header.forEach((name, i) => {
      if ((IMPORT_COLUMNS as readonly string[]).includes(name))
        cells[name as Column] = r.fields[i] ?? '';
    });
    // A short or long row has shifted fields: refused whole, not read askew.
    return { line: r.line, cells, shifted: r.fields.length !== header.length };
  });
}

type Passed = { feeTypeId: string; value: CheckedObligation };
const keyOf = (p: Passed) =>
  repo.sameKey(
    p.feeTypeId,
    p.value.payerNameKey,
    p.value.period,
    p.value.instalments.reduce((s, i) => s + i.amountMinor, 0),
    p.value.instalments[p.value.instalments.length - 1]!.dueDate,
  );

/** The import's service: built once in services.ts. */
export function obligationImport(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  secret: string;
}) {
  const { db, clock, audit } = deps;

  /** Checks every row; what passes, with its fee type, and what does not, with why. */
  async function checkRows(tx: Db, organisationId: string, rows: Row[]) {
    const org = await repo.orgContext(tx, organisationId);
    const today = dayIn(clock.now(), org.timeZone);
    const types = new Map((await repo.listFeeTypes(tx, organisationId)).map((f) => [f.code, f]));
    const rates = await repo.listRates(tx, organisationId);
    const passed: { line: number; feeTypeId: string; value: CheckedObligation }[] = [];
    const refused: ImportReport['refused'] = [];
    for (const row of rows) {
      if (row.shifted) {
        refused.push({ line: row.line, reasons: ['fees.error.fields'] });
        continue;
      }
      const fee = types.get(row.cells.fee.trim().toLowerCase());
      const checked = checkDraft(
        {
          payerName: row.cells.payer,
          subject: row.cells.subject,
          period: row.cells.period,
          amount: row.cells.amount,
          dueDates: [row.cells.due],
          birthNumber: row.cells.birth_number,
          email: row.cells.email,
          variableSymbol: row.cells.vs,
        },
        {
          rates: fee ? rates.filter((r) => r.feeTypeId === fee.id) : null,
          today,
          secret: deps.secret,
        },
      );
      if (checked.ok) passed.push({ line: row.line, feeTypeId: fee!.id, value: checked.value });
      else {
        const reasons = Object.entries(checked.fields).map(([field, key]) =>
          field === 'feeType' ? ('fees.error.fee_code' as const) : key,
        );
        refused.push({ line: row.line, reasons });
      }
    }
    return { passed, refused };
  }

  /**
   * Refuses rows already in the register: a symbol in use or on an earlier row, and a row
   * without a symbol that matches an obligation of the same fee, payer, period, amount and due
   * date (so a file imported twice adds nothing, whether or not it carries symbols).
   */
  async function dropKnown(
    tx: Db,
    organisationId: string,
    checked: Awaited<ReturnType<typeof checkRows>>,
  ) {
    const given = checked.passed.flatMap((p) => p.value.variableSymbol ?? []);
    const inUse = await repo.symbolsInUse(tx, organisationId, given);
    const known = await repo.obligationKeys(
      tx,
      organisationId,
      [...new Set(checked.passed.map((p) => p.feeTypeId))],
      [...new Set(checked.passed.map((p) => p.value.period))],
    );
    const seen = new Set<string>();
    const keep: typeof checked.passed = [];
    const refuse = (line: number, reason: MessageKey) =>
      checked.refused.push({ line, reasons: [reason] });
    for (const p of checked.passed) {
      const vs = p.value.variableSymbol;
      const key = keyOf(p);
      if (vs && inUse.has(vs)) refuse(p.line, 'fees.error.symbol_taken');
      else if (vs && seen.has(vs)) refuse(p.line, 'fees.error.symbol_twice');
      else if (!vs && known.has(key)) refuse(p.line, 'fees.error.already_imported');
      else keep.push(p);
      if (vs) seen.add(vs);
      known.add(key);
    }
    return keep;
  }

  return {
    /** Imports a file's valid rows in one transaction; the report lists every refused row. */
    async run(actor: StaffPrincipal, bytes: Uint8Array, fileName: string): Promise<ImportReport> {
      if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
      const organisationId = actor.organisationId;
      if (bytes.length === 0 || bytes.length > IMPORT_MAX_BYTES)
        throw new AppError('invalid_input', 'file', { file: 'fees.error.file' });
      const { text, encoding } = decodeCsv(bytes);
      const rows = readRows(text);
      return db.transaction().execute(async (tx) => {
        const checked = await checkRows(tx, organisationId, rows);
        const keep = await dropKnown(tx, organisationId, checked);
        const imported: ImportReport['imported'] = [];
        for (const p of keep) {
          const stored = await storeObligation(
            { clock, audit },
            tx,
            organisationId,
            p.feeTypeId,
            p.value,
            {
              source: 'import',
              createdBy: actor.id,
              actor,
              audited: false,
            },
          );
          imported.push({ line: p.line, variableSymbol: stored.variableSymbol });
        }
        checked.refused.sort((a, b) => a.line - b.line);
        await audit.record(tx, {
          organisationId,
          actor: staffActor(actor),
          action: 'obligation.imported',
          objectType: 'obligation',
          objectId: organisationId,
          summary: `${fileName}: ${imported.length} / ${rows.length}`,
          detail: {
            encoding,
            imported: imported.length,
            refused: checked.refused.length,
            symbols: imported.map((i) => i.variableSymbol),
          },
        });
        return { encoding, imported, refused: checked.refused };
      });
    },
  };
}

export type ObligationImport = ReturnType<typeof obligationImport>;
