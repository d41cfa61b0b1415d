/**
 * CSV files (the statistics, the audit log), written to RFC 4180 (CRLF line ends, fields quoted when they
 * hold a delimiter, quote or line break, quotes doubled) and safe to open in a spreadsheet.
 *
 * Formula injection (OWASP "CSV Injection", ASVS 5.0 1.2.10): a text cell that starts with
 * = + - @, a tab, CR, LF or NUL could run as a formula when opened in Excel or LibreOffice, so
 * it gets a leading apostrophe and stays text. Numbers are passed as numbers and written as
 * plain digits, so a real -3 stays a number a spreadsheet can add up.
 */

/** A CSV field: text, a number, or nothing (an empty field). */
export type CsvCell = string | number | null | undefined;

export interface CsvOptions {
  /**
   * Field separator, `;` by default: Excel in Slovenian and Czech uses the comma as the decimal
   * separator and so expects `;` between fields; a `,` file opens there as one column per line.
   */
  delimiter?: ';' | ',' | '\t';
  /**
   * Decimal separator for numbers. Defaults to `,` with `;` (what sl/cs spreadsheets parse as a
   * number) and `.` otherwise (what en spreadsheets and programs parse).
   */
  decimal?: '.' | ',';
  /** Start with a UTF-8 byte order mark, default on: without it Excel reads č, š, ž, ř as cp1250 garbage. */
  bom?: boolean;
}

const BOM = '\uFEFF';
/** First characters that make a spreadsheet read a cell as a formula or strip it. */
const FORMULA_START = /^[=+\-@\t\r\n\0]/;

/** Writes records as CSV text (one string; send it as text/csv; charset=utf-8). */
export function toCsv(records: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ';';
  const decimal = options.decimal ?? (delimiter === ';' ? ',' : '.');
  const lines = records.map(
    (record) => record.map((cell) => field(cell, delimiter, decimal)).join(delimiter) + '\r\n',
  );
  return (options.bom === false ? '' : BOM) + lines.join('');
}

/**
 * The CSV of a table: a header row of column labels, then the raw values (no percent or unit
 * formatting, so the numbers stay computable). A column may carry more (how a page shows it).
 */
export function tableCsv<K extends string, C extends { key: K; label: string }>(
  columns: readonly C[],
  rows: readonly Readonly<Record<K, CsvCell>>[],
  options: CsvOptions = {},
): string {
  return toCsv(
    [columns.map((c) => c.label), ...rows.map((row) => columns.map((c) => row[c.key]))],
    options,
  );
}

function field(cell: CsvCell, delimiter: string, decimal: string): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new RangeError(`cannot write ${cell} to CSV`);
    // String(-0) is "0"; exponents ("1e-7") are still numbers to a spreadsheet.
    const text = String(cell).replace('.', decimal);
    return text.includes(delimiter) ? `"${text}"` : text;
  }
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  // Text is quoted on every separator we offer, not just the one in use, so a reader that
  // guesses the dialect still sees one field; and on a leading U+FEFF, which a reader would
  // take for a byte order mark and drop if it opened the file.
  return /^\uFEFF|[",;\t\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
