import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { tableCsv, toCsv, type CsvCell, type CsvOptions } from './csv.ts';

/** A strict RFC 4180 reader, for tests only: it refuses anything the writer must not produce. */
function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else value += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`);
        value += text[i++];
      }
    }
    record.push(value);
    if (text[i] === delimiter) {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
      if (i === text.length) return records;
    } else {
      throw new Error(`expected a delimiter or CRLF at ${i}, found ${JSON.stringify(text[i])}`);
    }
  }
}

test('the default dialect: BOM, semicolons, decimal commas, CRLF', () => {
  assert.equal(
    toCsv([
      ['Dan', 'Rezervacije', 'Delež'],
      ['2026-05-04', 12, 0.25],
    ]),
    '\uFEFFDan;Rezervacije;Delež\r\n2026-05-04;12;0,25\r\n',
  );
});

test('a comma dialect without a BOM uses decimal points', () => {
  assert.equal(toCsv([['a', 1.5, -2]], { delimiter: ',', bom: false }), 'a,1.5,-2\r\n');
  assert.equal(
    toCsv([[1.5]], { delimiter: ',', decimal: ',', bom: false }),
    '"1,5"\r\n',
    'a decimal comma in a comma file is quoted',
  );
  assert.equal(toCsv([['a', 'b c', 2.5]], { delimiter: '\t', bom: false }), 'a\tb c\t2.5\r\n');
});

test('fields with separators, quotes or line breaks are quoted and quotes doubled', () => {
  const out = toCsv([['a;b', 'a,b', 'say "hi"', 'line\r\nbreak', 'lf\nonly', 'plain']], {
    bom: false,
  });
  assert.equal(out, '"a;b";"a,b";"say ""hi""";"line\r\nbreak";"lf\nonly";plain\r\n');
});

test('nothing is an empty field; NaN and Infinity are refused, not written as text', () => {
  assert.equal(toCsv([[null, undefined, '', 0]], { bom: false }), ';;;0\r\n');
  assert.equal(toCsv([[-0]], { bom: false }), '0\r\n');
  assert.throws(() => toCsv([[Number.NaN]]), RangeError);
  assert.throws(() => toCsv([[Number.POSITIVE_INFINITY]]), RangeError);
});

test('formula injection: text that a spreadsheet would run gets a leading apostrophe', () => {
  const attacks = [
    '=HYPERLINK("http://evil","x")',
    "=cmd|' /C calc'!A0",
    '+1+1',
    '-2+3',
    '@SUM(A1:A2)',
    '\t=1',
    '\r=1',
    '\n=1',
    '\0=1',
  ];
  const [record] = parseCsv(toCsv([attacks], { bom: false }), ';');
  assert.deepEqual(
    record,
    attacks.map((a) => `'${a}`),
  );
  assert.equal(toCsv([['=1+1']], { bom: false }), "'=1+1\r\n");
});

test('real numbers, negative ones included, stay numbers; only text is defused', () => {
  assert.equal(toCsv([[-3, -0.5, '-3']], { bom: false }), "-3;-0,5;'-3\r\n");
  assert.equal(
    toCsv([['a-b', 'x=1', 'e@mail']], { bom: false }),
    'a-b;x=1;e@mail\r\n',
    'only the first character matters',
  );
});

test('a table becomes a header row of labels and its raw values', () => {
  const csv = tableCsv(
    [
      { key: 'service', label: 'Služba' },
      { key: 'rate', label: 'Nedostavení se', numeric: true, format: { style: 'percent' } },
    ],
    [
      { service: 'Ověřování', rate: 0.125 },
      { service: '=evil()', rate: null },
    ],
  );
  assert.equal(csv, "\uFEFFSlužba;Nedostavení se\r\nOvěřování;0,125\r\n'=evil();\r\n");
});

const tricky = fc.constantFrom(
  ';',
  ',',
  '"',
  '\r',
  '\n',
  '\t',
  '=',
  '+',
  '-',
  '@',
  '\0',
  "'",
  ' ',
  'a',
  '1',
  '.',
  'č',
  'ř',
  'ž',
  '€',
  '😀',
  '\uFEFF',
);
const cellArb: fc.Arbitrary<CsvCell> = fc.oneof(
  fc.string({ unit: tricky, maxLength: 12 }),
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constant(null),
);
const optionsArb: fc.Arbitrary<CsvOptions> = fc.record(
  {
    delimiter: fc.constantFrom(';' as const, ',' as const, '\t' as const),
    decimal: fc.constantFrom('.' as const, ',' as const),
    bom: fc.boolean(),
  },
  { requiredKeys: [] },
);

test('reading our own output back gives the same cells (property)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(cellArb, { minLength: 1, maxLength: 6 }), { maxLength: 8 }),
      optionsArb,
      (records, options) => {
        const delimiter = options.delimiter ?? ';';
        const decimal = options.decimal ?? (delimiter === ';' ? ',' : '.');
        const text = toCsv(records, options);
        const bom = options.bom !== false;
        assert.equal(text.startsWith('\uFEFF'), bom);
        const parsed = records.length === 0 ? [] : parseCsv(bom ? text.slice(1) : text, delimiter);
        assert.equal(parsed.length, records.length);
        records.forEach((record, r) => {
          assert.equal(parsed[r]?.length, record.length);
          record.forEach((cell, c) => {
            const got = parsed[r]?.[c] ?? '';
            if (cell === null || cell === undefined) assert.equal(got, '');
            else if (typeof cell === 'number')
              assert.equal(Number(got.replace(decimal, '.')), cell === 0 ? 0 : cell);
            else if (/^[=+\-@\t\r\n\0]/.test(cell)) assert.equal(got, `'${cell}`);
            else assert.equal(got, cell);
          });
        });
      },
    ),
    { numRuns: 1000 },
  );
});

test('no text cell ever reaches a spreadsheet starting with a formula character (property)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.string({ unit: tricky, maxLength: 8 }), { minLength: 1, maxLength: 5 }),
      (cells) => {
        const [record] = parseCsv(toCsv([cells], { bom: false }), ';');
        return (record ?? []).every((f) => !/^[=+\-@\t\r\n\0]/.test(f));
      },
    ),
    { numRuns: 1000 },
  );
});
