import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { si12FromVariableSymbol } from '../qr/references.ts';
import { czechSymbols } from './camt-symbols.ts';
import { parseCamt053 } from './camt053.ts';
import { decimalToMinor, lineKeys, type ParseResult } from './lines.ts';
import { camtEntry, camtFile, camtTx } from './testing.ts';

function ok(result: ParseResult) {
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
  return result.statement;
}

test('entries: amounts, direction, symbols from the references, the debtor and the message', () => {
  const s = ok(
    parseCamt053(
      camtFile([
        camtEntry({
          amount: '500.00',
          ref: 'B1',
          details: camtTx({
            endToEnd: 'VS0000123456',
            instr: 'KS0308',
            pmtInf: 'SS77',
            name: 'Růžena Šťastná',
            message: 'poplatek za psa',
          }),
        }),
        camtEntry({
          amount: '0.01',
          ref: 'B2',
          details: camtTx({ message: 'Platba /VS/42/SS/7/KS/0558' }),
        }),
        camtEntry({ amount: '99999999.99', ref: 'B3', credit: false, details: camtTx({}) }),
        camtEntry({ amount: '10', ref: 'B4', status: 'PDNG' }),
      ]),
    ),
  );
  assert.equal(s.format, 'camt053');
  assert.equal(s.account, 'CZ6508000000192000145399');
  assert.equal(s.statementNumber, '2026-235');
  assert.equal(s.statementDate, '2026-12-01');
  assert.equal(s.lines.length, 3, 'the pending entry is not a statement line');
  const [a, b, c] = s.lines;
  assert.deepEqual(
    [
      a!.amountMinor,
      a!.variableSymbol,
      a!.constantSymbol,
      a!.specificSymbol,
      a!.counterName,
      a!.message,
      a!.bankReference,
    ],
    [50000, '123456', '0308', '77', 'Růžena Šťastná', 'poplatek za psa', 'B1'],
  );
  assert.equal(a!.counterAccount, 'CZ6508000000192000145399');
  assert.deepEqual(
    [b!.amountMinor, b!.variableSymbol, b!.specificSymbol, b!.constantSymbol],
    [1, '42', '7', '0558'],
  );
  assert.deepEqual([c!.amountMinor, c!.direction], [9999999999, 'debit']);
});

test('a batch entry becomes one line per TxDtls with its own amount and reference', () => {
  const s = ok(
    parseCamt053(
      camtFile([
        camtEntry({
          amount: '1500.00',
          ref: 'BATCH9',
          details:
            camtTx({ amount: '1000.00', endToEnd: 'VS11' }) +
            camtTx({ amount: '500.00', endToEnd: 'VS12', ref: 'T2' }),
        }),
      ]),
    ),
  );
  assert.deepEqual(
    s.lines.map((l) => [l.amountMinor, l.variableSymbol, l.bankReference, l.source]),
    [
      [100000, '11', 'BATCH9/1', 1],
      [50000, '12', 'T2', 1],
    ],
  );
});

test('camt.053.001.08: Sts/Cd and the debtor under Pty', () => {
  const s = ok(
    parseCamt053(
      camtFile(
        [
          camtEntry({
            amount: '250.50',
            v08: true,
            details: camtTx({ v08: true, name: 'Žaneta Bílá', endToEnd: 'VS9' }),
          }),
        ],
        '08',
      ),
    ),
  );
  assert.deepEqual(
    [s.lines[0]!.amountMinor, s.lines[0]!.counterName, s.lines[0]!.variableSymbol],
    [25050, 'Žaneta Bílá', '9'],
  );
});

test('reversal indicators turn into reversals, not credits', () => {
  const entry = camtEntry({ amount: '5.00', details: camtTx({}) }).replace(
    '</CdtDbtInd>',
    '</CdtDbtInd><RvslInd>true</RvslInd>',
  );
  assert.equal(ok(parseCamt053(camtFile([entry]))).lines[0]!.direction, 'debit-reversal');
});

test('bad entries are reported by their ordinal; malformed XML and DOCTYPEs are refused', () => {
  const bad = parseCamt053(
    camtFile([
      camtEntry({ amount: '1.00' }),
      camtEntry({ amount: '1.005' }),
      camtEntry({ amount: '2', date: 'yesterday' }),
    ]),
  );
  assert.deepEqual(!bad.ok && bad.errors.map((e) => [e.line, e.problem]), [
    [2, 'bad_amount'],
    [3, 'bad_date'],
  ]);
  const broken = parseCamt053(new TextEncoder().encode('<Document><BkToCstmrStmt>'));
  assert.equal(!broken.ok && broken.errors[0]!.problem, 'not_xml');
  const doctype = parseCamt053(
    new TextEncoder().encode('<!DOCTYPE x [<!ENTITY a "b">]><Document/>'),
  );
  assert.equal(!doctype.ok && doctype.errors[0]!.problem, 'not_camt053');
  const other = parseCamt053(new TextEncoder().encode('<Document><Other/></Document>'));
  assert.equal(!other.ok && other.errors[0]!.problem, 'not_camt053');
});

test('two identical entries without a reference both count; with references the keys follow them', () => {
  const same = camtEntry({ amount: '100.00', details: camtTx({ endToEnd: 'VS5' }) });
  const keys = lineKeys(ok(parseCamt053(camtFile([same, same]))));
  assert.equal(new Set(keys).size, 2);
  const again = lineKeys(
    ok(parseCamt053(camtFile([same, same, camtEntry({ amount: '1', ref: 'Z' })]))),
  );
  assert.deepEqual(again.slice(0, 2), keys);
});

test('czechSymbols: prefixed references win over the message; a bare number is not a VS', () => {
  assert.deepEqual(czechSymbols(['VS 0042', null, null], ['/VS/99/KS/0308']), {
    variableSymbol: '42',
    constantSymbol: '0308',
    specificSymbol: null,
  });
  assert.equal(czechSymbols(['123456', null, null], [null]).variableSymbol, null);
  assert.equal(czechSymbols([null], ['/VS/12345678901']).variableSymbol, null, 'eleven digits');
});

test('a Slovenian creditor reference SI12 + symbol + check digit gives the symbol, a bad check digit none', () => {
  const ref = si12FromVariableSymbol('2601000001');
  assert.equal(czechSymbols([null, null, null], [null, ref]).variableSymbol, '2601000001');
  assert.equal(czechSymbols([null], [`SI12 ${ref.slice(4)}`]).variableSymbol, '2601000001');
  const wrong = ref.slice(0, -1) + String((Number(ref.slice(-1)) + 1) % 10);
  assert.equal(czechSymbols([null], [wrong]).variableSymbol, null);
  assert.equal(czechSymbols(['VS7'], [ref]).variableSymbol, '7', 'a VS reference comes first');
});

test('decimalToMinor: exact, no floats, refuses fractions of a haléř', () => {
  assert.equal(decimalToMinor('0.1'), 10);
  assert.equal(decimalToMinor('12.340'), 1234);
  assert.equal(decimalToMinor('12.345'), null);
  assert.equal(decimalToMinor('-1.00'), null);
  assert.equal(decimalToMinor('1e3'), null);
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (n) => {
      const text = `${n / 100n}.${String(n % 100n).padStart(2, '0')}`;
      assert.equal(decimalToMinor(text), Number(n));
    }),
  );
});
