import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { aboAccount, aboDate, parseAbo } from './abo.ts';
import { lineKeys, type ParseResult } from './lines.ts';
import { aboFile, aboHeader, aboItem, windows1250 } from './testing.ts';

function ok(result: ParseResult) {
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
  return result.statement;
}

test('a Windows-1250 statement with Czech names and extra text lines', () => {
  const bytes = aboFile([
    aboHeader({ name: 'Obec Řevnice' }),
    aboItem({
      amountMinor: 50000,
      vs: '0000123456',
      ks: '0308',
      bank: '0100',
      ss: '77',
      note: 'Jiří Dvořák',
    }),
    '078Poplatek za psa – Žofie, Růžová 5',
    '079druhá část zprávy',
    aboItem({ amountMinor: 1, code: '1', vs: '42', note: 'Úřad práce' }),
  ]);
  const s = ok(parseAbo(bytes));
  assert.equal(s.format, 'abo');
  assert.equal(s.account, '19-123457');
  assert.equal(s.statementDate, '2026-11-30');
  assert.equal(s.statementNumber, '001');
  const [credit, debit] = s.lines;
  assert.deepEqual(
    { ...credit, source: credit!.source },
    {
      source: 2,
      direction: 'credit',
      amountMinor: 50000,
      currency: 'CZK',
      bookedOn: '2026-11-30',
      valueDate: '2026-11-30',
      bankReference: null,
      variableSymbol: '123456',
      constantSymbol: '0308',
      specificSymbol: '77',
      counterAccount: '2000145399/0100',
      counterName: 'Jiří Dvořák',
      message: 'Poplatek za psa – Žofie, Růžová 5 druhá část zprávy',
    },
  );
  assert.equal(debit!.direction, 'debit');
  assert.equal(debit!.amountMinor, 1);
  assert.equal(debit!.counterName, 'Úřad práce');
});

test('LF line ends, lost trailing spaces and the 22-character name field are accepted', () => {
  const bytes = aboFile(
    [
      aboHeader({ name: 'Test Account Name', nameWidth: 22, date: '200825', number: 27 }),
      aboItem({ amountMinor: 110001, date: '210825' }).trimEnd(),
    ],
    '\n',
  );
  const s = ok(parseAbo(bytes));
  assert.equal(s.statementDate, '2025-08-20');
  assert.equal(s.statementNumber, '027');
  assert.equal(s.lines[0]!.amountMinor, 110001);
});

test('a DOS end-of-file mark after the last record is no record', () => {
  const bytes = aboFile([aboHeader({}), aboItem({ amountMinor: 5 })]);
  const s = ok(parseAbo(Uint8Array.from([...bytes, 0x1a])));
  assert.equal(s.lines.length, 1);
});

test('odd amounts: one haléř, the largest amount, leading zeros in the VS', () => {
  const s = ok(
    parseAbo(
      aboFile([
        aboHeader({}),
        aboItem({ amountMinor: 1 }),
        aboItem({ amountMinor: 9999999999, vs: '0000000007' }),
        aboItem({ amountMinor: '000000012345', vs: '0000000000' }),
      ]),
    ),
  );
  assert.deepEqual(
    s.lines.map((l) => [l.amountMinor, l.variableSymbol]),
    [
      [1, null],
      [9999999999, '7'],
      [12345, null],
    ],
  );
});

test('reversals keep their direction: 4 undoes a debit, 5 undoes a credit', () => {
  const s = ok(
    parseAbo(
      aboFile([
        aboHeader({}),
        aboItem({ amountMinor: 100, code: '4' }),
        aboItem({ amountMinor: 100, code: '5' }),
      ]),
    ),
  );
  assert.deepEqual(
    s.lines.map((l) => l.direction),
    ['debit-reversal', 'credit-reversal'],
  );
});

test('every bad line is reported with its number and nothing is returned', () => {
  const good = aboItem({ amountMinor: 100 });
  const result = parseAbo(
    aboFile([
      aboHeader({}),
      good,
      `${good.slice(0, 48)}00000000x100${good.slice(60)}`,
      `${good.slice(0, 60)}7${good.slice(61)}`,
      `${good.slice(0, 91)}310226${good.slice(97)}`,
      `${good}XYZ`,
      '099 something else',
    ]),
  );
  assert.equal(result.ok, false);
  assert.deepEqual(!result.ok && result.errors.map((e) => [e.line, e.problem]), [
    [3, 'bad_amount'],
    [4, 'bad_posting_code'],
    [5, 'bad_date'],
    [6, 'bad_length'],
    [7, 'unknown_record'],
  ]);
});

test('an item before any header, and an empty file, are refused', () => {
  const noHeader = parseAbo(aboFile([aboItem({ amountMinor: 1 })]));
  assert.deepEqual(!noHeader.ok && noHeader.errors, [{ line: 1, problem: 'no_header' }]);
  const empty = parseAbo(new Uint8Array());
  assert.deepEqual(!empty.ok && empty.errors, [{ line: 0, problem: 'no_header' }]);
});

test('identical lines in one file get different keys; the same line in another file the same key', () => {
  const a = aboItem({ amountMinor: 500, vs: '11' });
  const b = aboItem({ amountMinor: 700, vs: '12' });
  const first = lineKeys(ok(parseAbo(aboFile([aboHeader({}), a, a, b]))));
  assert.equal(new Set(first).size, 3);
  const overlap = lineKeys(ok(parseAbo(aboFile([aboHeader({ number: 2 }), a, a, b]))));
  assert.deepEqual(overlap, first);
  const other = lineKeys(ok(parseAbo(aboFile([aboHeader({ account: '555' }), a]))));
  assert.notEqual(other[0], first[0]);
});

test('a document number is the bank reference; zeros mean none', () => {
  const s = ok(
    parseAbo(aboFile([aboHeader({}), aboItem({ amountMinor: 1, document: '1865283798' })])),
  );
  assert.equal(s.lines[0]!.bankReference, '0001865283798');
});

test('aboDate reads DDMMYY and refuses days that do not exist', () => {
  assert.equal(aboDate('290224'), '2024-02-29');
  assert.equal(aboDate('290225'), null);
  assert.equal(aboDate('000000'), null);
  assert.equal(aboAccount('0000000000000000'), null);
  assert.equal(aboAccount('0000190000000123', '0800'), '19-123/0800');
});

test('property: any amount and symbol written is read back as written', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 999_999_999_999 }),
      fc.bigInt({ min: 0n, max: 9_999_999_999n }),
      fc.constantFrom('1', '2', '4', '5'),
      fc.string({ unit: fc.constantFrom(...'aářčďéěíňóřšťúůýžAŘŽ .-'), maxLength: 20 }),
      (amount, vs, code, note) => {
        const s = ok(
          parseAbo(
            aboFile([aboHeader({}), aboItem({ amountMinor: amount, vs: String(vs), code, note })]),
          ),
        );
        const line = s.lines[0]!;
        assert.equal(line.amountMinor, amount);
        assert.equal(line.variableSymbol, vs === 0n ? null : String(vs));
        assert.equal(line.counterName, note.trim() === '' ? null : note.trim());
      },
    ),
  );
});

test('windows1250 encodes the Czech letters as single bytes', () => {
  assert.deepEqual([...windows1250('řžů')], [0xf8, 0x9e, 0xf9]);
});
