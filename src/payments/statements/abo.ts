// Czech ABO/GPC statements (standards.md §4): Windows-1250 text, fixed-width 128-character
// records, CRLF or LF. 074 is the statement header, 075 a transaction, 076/078/079 extra text of
// the transaction before them. Amounts are integer haléře; dates DDMMYY.
import {
  normaliseSymbol,
  normaliseNumericSymbol,
  type LineDirection,
  type LineError,
  type LineProblem,
  type ParseResult,
  type StatementLine,
} from './lines.ts';

const RECORD = 128;

/**
 * Posting codes. 1 and 2 are the same at every bank. Reversals differ: the GPC of KB, Fio and
 * Česká spořitelna use 4 = reversal of a debit, 5 = reversal of a credit; ČSOB's ABO uses 3 and 4.
 * We read 3 and 4 as debit reversals and 5 as a credit reversal; no reversal becomes a payment
 * (each is reported for staff), so reading a bank's 4 the other way moves no money.
 */
const POSTING: Record<string, LineDirection> = {
  '1': 'debit',
  '2': 'credit',
  '3': 'debit-reversal',
  '4': 'debit-reversal',
  '5': 'credit-reversal',
};

type Field = { at: number; width: number };
const f = (at: number, width: number): Field => ({ at, width });

/** 075 item layout (abo.md): start offset and width of each field. */
const ITEM = {
  account: f(3, 16),
  counterAccount: f(19, 16),
  documentNumber: f(35, 13),
  amount: f(48, 12),
  postingCode: f(60, 1),
  variableSymbol: f(61, 10),
  constantField: f(71, 10),
  specificSymbol: f(81, 10),
  valueDate: f(91, 6),
  note: f(97, 20),
  dueDate: f(122, 6),
};

const cut = (line: string, field: Field): string => line.slice(field.at, field.at + field.width);

/** DDMMYY → YYYY-MM-DD (20YY), null for a day that does not exist; 000000 means "none". */
export function aboDate(text: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (m === null) return null;
  const iso = `20${m[3]}-${m[2]}-${m[1]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** A 16-digit ABO account (prefix 6 + number 10, standard format) as "prefix-number" text. */
export function aboAccount(digits: string, bankCode?: string): string | null {
  if (!/^\d{16}$/.test(digits) || /^0+$/.test(digits)) return null;
  const prefix = digits.slice(0, 6).replace(/^0+/, '');
  const number = digits.slice(6).replace(/^0+/, '');
  const bank = bankCode !== undefined && /^\d{4}$/.test(bankCode) && bankCode !== '0000';
  return `${prefix === '' ? '' : `${prefix}-`}${number}${bank ? `/${bankCode}` : ''}`;
}

type Header = { account: string; statementNumber: string; statementDate: string };

/**
 * The 074 header. The name field is 20 characters by the format; some exporters write 22 (the
 * Spoje-NET sample), so the balances are looked for right after 20 or 22 characters.
 */
function parseHeader(line: string, n: number): Header | LineError {
  const account = aboAccount(line.slice(3, 19));
  if (account === null) return { line: n, problem: 'bad_account' };
  const balances = /^(\d{6})(\d{14}[+-]){4}(\d{3})(\d{6})/;
  const m = balances.exec(line.slice(39)) ?? balances.exec(line.slice(41));
  if (m === null) return { line: n, problem: 'bad_length', detail: '074' };
  const statementDate = aboDate(m[4]!);
  if (statementDate === null) return { line: n, problem: 'bad_date', detail: m[4] };
  return { account, statementNumber: m[3]!, statementDate };
}

function problem(line: number, p: LineProblem, detail?: string): LineError {
  return detail === undefined ? { line, problem: p } : { line, problem: p, detail };
}

/** One 075 item, or the first thing wrong with it. */
function parseItem(line: string, n: number, currency: string): StatementLine | LineError {
  if (line.length !== RECORD) return problem(n, 'bad_length', String(line.length));
  const amount = cut(line, ITEM.amount);
  if (!/^\d{12}$/.test(amount)) return problem(n, 'bad_amount', amount);
  const direction = POSTING[cut(line, ITEM.postingCode)];
  if (direction === undefined) return problem(n, 'bad_posting_code', cut(line, ITEM.postingCode));
  const valueRaw = cut(line, ITEM.valueDate);
  const valueDate = aboDate(valueRaw);
  if (valueDate === null) return problem(n, 'bad_date', valueRaw);
  const symbols = [ITEM.variableSymbol, ITEM.constantField, ITEM.specificSymbol].map((x) =>
    cut(line, x),
  );
  const badSymbol = symbols.find((s) => !/^[0-9 ]{10}$/.test(s));
  if (badSymbol !== undefined) return problem(n, 'bad_symbol', badSymbol);
  // KS field: "00", the counter-account's bank code (4), the constant symbol (4).
  const ksField = symbols[1]!.replace(/ /g, '0');
  const documentNumber = cut(line, ITEM.documentNumber).trim();
  const note = cut(line, ITEM.note).trim();
  return {
    source: n,
    direction,
    amountMinor: Number(amount),
    currency,
    // GPC has no separate booking date per item; the value date is the day it was booked.
    bookedOn: valueDate,
    valueDate,
    bankReference: documentNumber === '' || /^0+$/.test(documentNumber) ? null : documentNumber,
    variableSymbol: normaliseNumericSymbol(symbols[0]!.trim()),
    constantSymbol: normaliseSymbol(ksField.slice(6)),
    specificSymbol: normaliseNumericSymbol(symbols[2]!.trim()),
    counterAccount: aboAccount(cut(line, ITEM.counterAccount), ksField.slice(2, 6)),
    counterName: note === '' ? null : note,
    message: null,
  };
}

/** Extra text (076/078/079) appended to the message of the item before it. */
function attachText(item: StatementLine, line: string): void {
  const text = line.slice(3).replace(/\s+/g, ' ').trim();
  if (text === '') return;
  const message = item.message === null ? text : `${item.message} ${text}`;
  item.message = message.slice(0, 500);
}

/** Splits the bytes into lines: Windows-1250 (every byte is a character), CRLF or LF. */
export function aboRecords(bytes: Uint8Array): string[] {
  let text = new TextDecoder('windows-1250').decode(bytes);
  // Some exporters still end the file with a DOS end-of-file mark (Ctrl-Z).
  while (text.trimEnd().endsWith('\u001a')) text = text.trimEnd().slice(0, -1);
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

type AboState = { header: Header | null; lines: StatementLine[]; errors: LineError[] };
/** The item that extra text lines belong to; null after a refused item or a header. */
type Last = { item: StatementLine | null };

function readRecord(state: AboState, last: Last, line: string, n: number, currency: string): void {
  const type = line.slice(0, 3);
  if (type === '074') {
    last.item = null;
    const h = parseHeader(line, n);
    if ('problem' in h) state.errors.push(h);
    else if (state.header !== null && state.header.account !== h.account)
      state.errors.push(problem(n, 'bad_account', h.account));
    else state.header ??= h;
  } else if (type === '075') {
    const item = state.header === null ? problem(n, 'no_header') : parseItem(line, n, currency);
    last.item = 'problem' in item ? null : item;
    if ('problem' in item) state.errors.push(item);
    else state.lines.push(item);
  } else if (type === '076' || type === '078' || type === '079') {
    if (last.item !== null) attachText(last.item, line);
    else if (state.lines.length === 0) state.errors.push(problem(n, 'orphan_text'));
  } else state.errors.push(problem(n, 'unknown_record', type));
}

/** Parses an ABO/GPC statement; every bad line is reported with its number, else nothing is. */
export function parseAbo(bytes: Uint8Array, currency = 'CZK'): ParseResult {
  const state: AboState = { header: null, lines: [], errors: [] };
  const last: Last = { item: null };
  aboRecords(bytes).forEach((raw, i) => {
    // Trailing spaces are often lost in transit; the fields are fixed, so pad them back.
    if (raw.trim() !== '')
      readRecord(state, last, raw.trimEnd().padEnd(RECORD, ' '), i + 1, currency);
  });
  const { header, lines, errors } = state;
  if (header === null && errors.length === 0) errors.push(problem(0, 'no_header'));
  if (errors.length > 0 || header === null) return { ok: false, errors };
  const { account, statementNumber, statementDate } = header;
  return { ok: true, statement: { format: 'abo', account, statementNumber, statementDate, lines } };
}
