import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../../lib/errors.ts';
import { parseSpayd, spaydCrc32, spaydPayload, spaydText } from './spayd.ts';

test('the CRC32 vector (Korma-Chameleon/spayd) and the official example with its CRC', () => {
  assert.equal(
    spaydPayload({ iban: 'CZ5855000000001265098001', amountMinor: 10_000, currency: 'CZK' }),
    'SPD*1.0*ACC:CZ5855000000001265098001*AM:100.00*CC:CZK*CRC32:AAD80227',
  );
  const official = spaydPayload({
    iban: 'CZ28 0600 0000 0001 6854 0115',
    amountMinor: 45_000,
    currency: 'CZK',
    message: 'Platba za zboží',
    variableSymbol: '1234567890',
  });
  // The ČBA example's pairs, with the CRC32 recomputed over them in key order.
  const withoutCrc =
    'SPD*1.0*ACC:CZ2806000000000168540115*AM:450.00*CC:CZK*MSG:PLATBA ZA ZBOZI*X-VS:1234567890';
  assert.equal(official.replace(/\*CRC32:[0-9A-F]{8}/, ''), withoutCrc);
  assert.equal(parseSpayd(official).crcValid, true);
});

test('all optional keys: BIC, due date, payee name, variable symbol without leading zeros', () => {
  const text = spaydPayload({
    iban: 'CZ7801000000000000000123',
    bic: 'kombczpp',
    amountMinor: 79_950,
    currency: 'CZK',
    dueDate: '2022-10-01',
    payeeName: 'Město Kopřivnice',
    variableSymbol: '0009562231077'.slice(3),
    message: 'Poplatek za psa *2026*',
  });
  const { pairs, crcValid } = parseSpayd(text);
  assert.equal(crcValid, true);
  assert.equal(pairs.get('ACC'), 'CZ7801000000000000000123+KOMBCZPP');
  assert.equal(pairs.get('AM'), '799.50');
  assert.equal(pairs.get('DT'), '20221001');
  assert.equal(pairs.get('RN'), 'MESTO KOPRIVNICE');
  assert.equal(pairs.get('X-VS'), '9562231077');
  assert.equal(pairs.get('MSG'), 'POPLATEK ZA PSA *2026*');
  assert.match(text, /MSG:POPLATEK ZA PSA %2A2026%2A\*/);
});

test('free text: ASCII capitals without diacritics, alphanumeric set, cut to the limits', () => {
  assert.equal(
    spaydText('Žluťoučký kůň – úpěl, „ďábelské“ ódy'),
    'ZLUTOUCKY KUN - UPEL DABELSKE ODY',
  );
  assert.equal(spaydText('a*b\nc'), 'A%2AB C');
  const long = parseSpayd(
    spaydPayload({
      iban: 'CZ7801000000000000000123',
      amountMinor: 1,
      currency: 'CZK',
      message: 'x'.repeat(58) + '**',
      payeeName: 'Obec '.repeat(10),
    }),
  );
  assert.equal(long.pairs.get('AM'), '0.01');
  assert.equal(long.pairs.get('MSG'), 'X'.repeat(58), 'a cut %2A is dropped whole');
  assert.ok(long.pairs.get('RN')!.length <= 35);
});

test('refusals are invalid_input naming the field', () => {
  const base = { iban: 'CZ7801000000000000000123', amountMinor: 100, currency: 'CZK' };
  const cases: [object, string][] = [
    [{ iban: 'CZ7801000000000000000124' }, 'iban'],
    [{ amountMinor: 0 }, 'amount'],
    [{ amountMinor: 1.5 }, 'amount'],
    [{ amountMinor: 100_000_000_000_00 }, 'amount'],
    [{ currency: 'USD' }, 'currency'],
    [{ variableSymbol: '12345678901' }, 'variable_symbol'],
    [{ dueDate: '2026-02-30' }, 'due_date'],
    [{ bic: 'NOTABIC' }, 'bic'],
  ];
  for (const [change, field] of cases)
    assert.throws(
      () => spaydPayload({ ...base, ...change }),
      (e: unknown) => e instanceof AppError && e.code === 'invalid_input' && field in e.fields!,
      field,
    );
});

test('property: whatever the message, the text parses back, its CRC holds, limits are kept', () => {
  fc.assert(
    fc.property(
      fc.string({ maxLength: 120 }),
      fc.integer({ min: 1, max: 999_999_999_999 }),
      fc.option(fc.integer({ min: 1, max: 9_999_999_999 })),
      (message, amountMinor, vs) => {
        const text = spaydPayload({
          iban: 'CZ6508000000192000145399',
          amountMinor,
          currency: 'CZK',
          message,
          variableSymbol: vs === null ? null : String(vs),
        });
        assert.match(text, /^[0-9A-Z $%*+\-./:]+$/, 'QR alphanumeric set only');
        const { pairs, crcValid } = parseSpayd(text);
        assert.equal(crcValid, true);
        assert.ok((text.match(/MSG:([^*]*)/)?.[1] ?? '').length <= 60);
        const am = pairs.get('AM')!;
        assert.equal(Number(am.replace('.', '')), amountMinor);
        if (vs !== null) assert.equal(pairs.get('X-VS'), String(vs));
      },
    ),
  );
});

test('the CRC covers every pair: changing one breaks it', () => {
  const text = spaydPayload({
    iban: 'CZ6508000000192000145399',
    amountMinor: 500,
    currency: 'CZK',
  });
  assert.equal(parseSpayd(text.replace('AM:5.00', 'AM:6.00')).crcValid, false);
  assert.equal(
    spaydCrc32(
      new Map([
        ['ACC', 'CZ5855000000001265098001'],
        ['AM', '100.00'],
        ['CC', 'CZK'],
      ]),
    ),
    'AAD80227',
  );
});
