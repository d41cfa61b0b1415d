/**
 * Reading CSV files that people export from spreadsheets and finance systems (the fee register's
 * import): the bytes decoded as UTF-8, or as Windows-1250 when they are not valid UTF-8 (what
 * Czech and Slovenian Excel and older systems write), then parsed to RFC 4180 — quoted fields,
 * doubled quotes, line breaks inside quotes, CRLF or LF — with `;` or `,` between fields, as the
 * header line shows.
 */

/** The text of a CSV file's bytes: UTF-8 (its BOM dropped) when valid, else Windows-1250. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1250' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1250').decode(bytes), encoding: 'windows-1250' };
  }
}

/** One record with the line of the file it starts on (1 for the first). */
export type CsvRecord = { line: number; fields: string[] };

/** The delimiter of a file: whichever of `;` and `,` its first line has more of outside quotes. */
export function guessDelimiter(text: string): ';' | ',' {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const unquoted = first.replace(/"[^"]*"/g, '');
  const count = (c: string) => unquoted.split(c).length - 1;
  return count(',') > count(';') ? ',' : ';';
}

/** Parses CSV text into records; blank lines are skipped. A quote left open runs to the end. */
export function parseCsv(text: string, delimiter: ';' | ',' | '\t'): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let dirty = false;
  const endRecord = () => {
    fields.push(field);
    if (dirty || fields.length > 1 || field !== '') records.push({ line: start, fields });
    fields = [];
    field = '';
    dirty = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
      dirty = true;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
      dirty = true;
    } else if (c === '\r' && text[i + 1] === '\n') continue;
    else if (c === '\n' || c === '\r') {
      endRecord();
      start = ++line;
    } else field += c;
  }
  if (field !== '' || fields.length || dirty) endRecord();
  return records;
}
