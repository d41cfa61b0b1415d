// ISO 20022 camt.053 bank-to-customer statements (001.02, as the Czech Banking Association's
// standard v2.3 profiles it, and 001.08, whose only differences we read are Sts/Cd and
// RltdPties/*/Pty). Entries that are not booked (Sts other than BOOK) are not statement lines.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { czechSymbols } from './camt-symbols.ts';
import {
  decimalToMinor,
  type LineDirection,
  type LineError,
  type ParseResult,
  type StatementLine,
} from './lines.ts';

/** What fast-xml-parser gives back: nested records, text as strings (parseTagValue is off). */
type Node = Record<string, unknown>;

const ARRAYS = new Set(['Stmt', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // The XML five and character references only: files with a DOCTYPE are refused before this.
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => ARRAYS.has(name),
});

const node = (v: unknown): Node => (typeof v === 'object' && v !== null ? (v as Node) : {});
const list = (v: unknown): Node[] =>
  Array.isArray(v) ? v.map(node) : v === undefined ? [] : [node(v)];
const texts = (v: unknown): (string | null)[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(text);
/** Text content of an element that may carry attributes (then the text is under '#text'). */
function text(v: unknown): string | null {
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'object' && v !== null && typeof (v as Node)['#text'] === 'string')
    return (v as Node)['#text'] as string;
  return null;
}
const at = (n: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((acc, key) => node(acc)[key], n);

/** Dt or DtTm → the calendar day as the bank wrote it (YYYY-MM-DD). */
function day(v: unknown): string | null {
  const raw = text(at(v, 'Dt')) ?? text(at(v, 'DtTm'));
  const m = raw === null ? null : /^(\d{4}-\d{2}-\d{2})/.exec(raw);
  return m === null ? null : m[1]!;
}

function accountOf(acct: unknown): string | null {
  return text(at(acct, 'Id', 'IBAN')) ?? text(at(acct, 'Id', 'Othr', 'Id'));
}

function directionOf(entry: Node): LineDirection | null {
  const ind = text(entry.CdtDbtInd);
  // RvslInd on a credit undoes a debit (money comes back), on a debit undoes a credit.
  const reversal = text(entry.RvslInd) === 'true';
  if (ind === 'CRDT') return reversal ? 'debit-reversal' : 'credit';
  if (ind === 'DBIT') return reversal ? 'credit-reversal' : 'debit';
  return null;
}

/** The counterparty: the debtor of a credit, the creditor of a debit (001.08 nests it in Pty). */
function counterparty(tx: Node, credit: boolean): { name: string | null; account: string | null } {
  const parties = node(tx.RltdPties);
  const who = node(parties[credit ? 'Dbtr' : 'Cdtr']);
  const name = text(who.Nm) ?? text(at(who, 'Pty', 'Nm'));
  return { name, account: accountOf(parties[credit ? 'DbtrAcct' : 'CdtrAcct']) };
}

function messageOf(entry: Node, tx: Node): string | null {
  const rmt = node(tx.RmtInf);
  const parts = [...texts(rmt.Ustrd), text(tx.AddtlTxInf), text(entry.AddtlNtryInf)].filter(
    (p): p is string => p !== null,
  );
  const joined = [...new Set(parts)].join(' ').replace(/\s+/g, ' ').trim();
  return joined === '' ? null : joined.slice(0, 500);
}

type Amount = { minor: number; currency: string };

function amountOf(v: unknown): Amount | null {
  const raw = text(v);
  const currency = typeof node(v)['@Ccy'] === 'string' ? (node(v)['@Ccy'] as string) : null;
  const minor = raw === null ? null : decimalToMinor(raw);
  if (minor === null || currency === null || !/^[A-Z]{3}$/.test(currency)) return null;
  return { minor, currency };
}

type EntryContext = { entry: Node; source: number; direction: LineDirection; bookedOn: string };

function lineOf(
  ctx: EntryContext,
  tx: Node,
  amount: Amount,
  reference: string | null,
): StatementLine {
  const refs = node(tx.Refs);
  const party = counterparty(tx, ctx.direction === 'credit' || ctx.direction === 'debit-reversal');
  const message = messageOf(ctx.entry, tx);
  const symbols = czechSymbols(
    [text(refs.EndToEndId), text(refs.InstrId), text(refs.PmtInfId)],
    [message, ...list(node(tx.RmtInf).Strd).map((s) => text(at(s, 'CdtrRefInf', 'Ref')))],
  );
  return {
    source: ctx.source,
    direction: ctx.direction,
    amountMinor: amount.minor,
    currency: amount.currency,
    bookedOn: ctx.bookedOn,
    valueDate: day(ctx.entry.ValDt),
    bankReference: reference,
    ...symbols,
    counterAccount: party.account,
    counterName: party.name === null ? null : party.name.slice(0, 140),
    message,
  };
}

/** One booked entry → its lines: one per TxDtls of a batch, else one for the entry. */
function entryLines(entry: Node, source: number): StatementLine[] | LineError {
  const amount = amountOf(entry.Amt);
  if (amount === null)
    return { line: source, problem: 'bad_amount', detail: text(entry.Amt) ?? '' };
  const direction = directionOf(entry);
  if (direction === null) return { line: source, problem: 'bad_posting_code' };
  const bookedOn = day(entry.BookgDt);
  if (bookedOn === null) return { line: source, problem: 'bad_date' };
  const ctx: EntryContext = { entry, source, direction, bookedOn };
  const ref = text(entry.AcctSvcrRef);
  const txs = list(entry.NtryDtls).flatMap((d) => list(d.TxDtls));
  if (txs.length <= 1) return [lineOf(ctx, txs[0] ?? {}, amount, ref)];
  const lines: StatementLine[] = [];
  for (const [i, tx] of txs.entries()) {
    const txAmount = amountOf(at(tx, 'AmtDtls', 'TxAmt', 'Amt')) ?? amountOf(tx.Amt);
    if (txAmount === null) return { line: source, problem: 'missing_field', detail: 'TxDtls/Amt' };
    // A transaction inside a batch is known by its own reference, or the entry's and its place.
    const txRef = text(at(tx, 'Refs', 'AcctSvcrRef')) ?? (ref === null ? null : `${ref}/${i + 1}`);
    lines.push(lineOf(ctx, tx, txAmount, txRef));
  }
  return lines;
}

function isBooked(entry: Node): boolean {
  return (text(entry.Sts) ?? text(at(entry, 'Sts', 'Cd'))) === 'BOOK';
}

/** Parses a camt.053 statement; a refused entry is reported by its ordinal in the file. */
export function parseCamt053(bytes: Uint8Array): ParseResult {
  const xml = new TextDecoder('utf-8').decode(bytes);
  // No bank's statement needs a DOCTYPE; refusing it rules out entity-expansion tricks.
  if (/<!DOCTYPE/i.test(xml)) return { ok: false, errors: [{ line: 0, problem: 'not_camt053' }] };
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    return {
      ok: false,
      errors: [{ line: valid.err.line, problem: 'not_xml', detail: valid.err.msg }],
    };
  const statements = list(at(parser.parse(xml), 'Document', 'BkToCstmrStmt', 'Stmt'));
  if (statements.length === 0) return { ok: false, errors: [{ line: 0, problem: 'not_camt053' }] };
  const account = accountOf(statements[0]!.Acct);
  if (account === null) return { ok: false, errors: [{ line: 0, problem: 'bad_account' }] };
  const errors: LineError[] = [];
  const lines: StatementLine[] = [];
  let source = 0;
  for (const stmt of statements) {
    if (accountOf(stmt.Acct) !== account) errors.push({ line: 0, problem: 'bad_account' });
    for (const entry of list(stmt.Ntry)) {
      source += 1;
      if (!isBooked(entry)) continue;
      const result = entryLines(entry, source);
      if (Array.isArray(result)) lines.push(...result);
      else errors.push(result);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const first = statements[0]!;
  const statementNumber = text(first.Id) ?? text(first.LglSeqNb);
  const statementDate = text(first.CreDtTm)?.slice(0, 10) ?? null;
  return {
    ok: true,
    statement: { format: 'camt053', account, statementNumber, statementDate, lines },
  };
}
