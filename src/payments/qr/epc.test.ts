import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../../lib/errors.ts';
import { epcFields, epcPayload, parseEpc } from './epc.ts';

test('the derhuerst vector, with a valid purpose code and RF reference in place of its placeholders', () => {
  assert.equal(
    epcPayload({
      bic: 'BPOTBEB1',
      payeeName: 'Red Cross of Belgium',
      iban: 'BE72000000001616',
      amountMinor: 12_345,
      purposeCode: 'CHAR',
      text: 'foo bar',
    }),
    'BCD\n002\n1\nSCT\nBPOTBEB1\nRed Cross of Belgium\nBE72000000001616\nEUR123.45\nCHAR\n\nfoo bar',
  );
});

test('an RF reference goes to line 10 and leaves out the text; no BIC, no purpose', () => {
  const fields = epcFields({
    payeeName: 'Gemeinde Musterdorf',
    iban: 'AT61 1904 3002 3457 3201',
    amountMinor: 50,
    reference: 'rf18 5390 0754 7034',
    text: 'ignored',
  });
  assert.deepEqual(fields, [
    'BCD', '002', '1', 'SCT', '', 'Gemeinde Musterdorf', 'AT611904300234573201', 'EUR0.50', '',
    'RF18539007547034',
  ]); // prettier-ignore
  assert.deepEqual(parseEpc(fields.join('\n')).slice(9), ['RF18539007547034', '']);
});

test('refusals are invalid_input naming the field', () => {
  const base = { payeeName: 'Obec', iban: 'SK3112000000198742637541', amountMinor: 100 };
  const cases: [object, string][] = [
    [{ iban: 'SK3112000000198742637542' }, 'iban'],
    [{ amountMinor: 0 }, 'amount'],
    [{ amountMinor: 100_000_000_000 }, 'amount'],
    [{ bic: 'X' }, 'bic'],
    [{ purposeCode: 'other' }, 'purpose_code'],
    [{ reference: 'RF00123' }, 'reference'],
    [{ payeeName: '\n' }, 'payee_name'],
  ];
  for (const [change, field] of cases)
    assert.throws(
      () => epcPayload({ ...base, ...change }),
      (e: unknown) => e instanceof AppError && field in e.fields!,
      field,
    );
});

test('property: any name and text stay within the limits and parse back', () => {
  fc.assert(
    fc.property(
      fc.string({ minLength: 1, maxLength: 100 }),
      fc.string({ maxLength: 200 }),
      (name, text) => {
        fc.pre(name.trim() !== '' && /[^\s\p{Cc}\u2028\u2029]/u.test(name));
        const payload = epcPayload({
          payeeName: name,
          iban: 'DE89370400440532013000',
          amountMinor: 1,
          text,
        });
        const fields = parseEpc(payload);
        assert.ok([...fields[5]!].length <= 70 && [...fields[10]!].length <= 140);
        assert.ok(Buffer.byteLength(payload) <= 331);
        assert.equal(fields.length, 11);
      },
    ),
  );
});
