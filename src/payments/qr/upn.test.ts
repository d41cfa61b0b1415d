import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../../lib/errors.ts';
import { si12FromVariableSymbol } from './references.ts';
import { parseUpn, upnBytes, upnControlSum, upnFields, upnPayload, type UpnInput } from './upn.ts';
import { MATJAZ } from './testing.ts';

test('the matjaz vector: twenty fields in order, control sum 205, every field ended by LF', () => {
  const fields = upnFields(MATJAZ);
  assert.deepEqual(fields, [
    'UPNQR', '', '', '', '',
    'JANEZ NOVAK', 'Ljubljanska cesta 1', '1000 MARIBOR',
    '00000008588', '', '', 'COST', 'Plač. razdelilnika št. 9990029934988', '20.02.2021',
    'SI56029220020148350', 'SI129990029934988',
    'SPL d.d.', 'Frankopanska ul. 18a', '1000 LJUBLJANA',
    '205',
  ]); // prettier-ignore
  const text = upnPayload(MATJAZ);
  assert.equal(text, fields.join('\n') + '\n');
  assert.deepEqual(parseUpn(text), { fields, controlSumValid: true });
});

test("the standard's own example (as zint reproduces it) has control sum 188", () => {
  const fields = ['UPNQR', '', '', '', '', 'Janez Novak', 'Dunajska 1', '1000 Ljubljana',
    '00000008105', '', '', 'RENT', 'Plačilo najemnine 10/2016', '15.11.2016',
    'SI56051008010486080', 'RF45SBO2010', 'Novo podjetje d.o.o.', 'Lepa cesta 15',
    '3698 Loški Potok']; // prettier-ignore
  assert.equal(upnControlSum(fields), '188');
});

test('bytes are ISO-8859-2: č, š and ž are one byte each', () => {
  const bytes = upnBytes(upnPayload(MATJAZ));
  assert.equal(bytes.length, [...upnPayload(MATJAZ)].length);
  assert.ok(bytes.includes(0xe8) && bytes.includes(0xb9));
});

test('free text is transliterated and shortened; an RF reference is accepted', () => {
  const fields = upnFields({
    ...MATJAZ,
    purpose: 'Komunalni prispevek „Hiša 5“ – 2026\nzadnji obrok '.repeat(2),
    payee: { name: 'Občina Šentjernej, Trg Gorjancev 5, 8310 Šentjernej', city: null },
    payeeReference: 'RF18539007547034',
    payer: null,
  });
  assert.equal(fields[12], 'Komunalni prispevek "Hiša 5" - 2026 zadnji');
  assert.equal(fields[16], 'Občina Šentjernej, Trg Gorjancev', 'cut at 33');
  assert.equal(fields[15], 'RF18539007547034');
  assert.deepEqual(fields.slice(5, 8), ['', '', '']);
  assert.equal(fields[18], '');
});

test('refusals are invalid_input naming the field', () => {
  const cases: [Partial<UpnInput>, string][] = [
    [{ amountMinor: 0 }, 'amount'],
    [{ amountMinor: 100_000_000_000 }, 'amount'],
    [{ purposeCode: 'cost' }, 'purpose_code'],
    [{ dueDate: '20.02.2021' }, 'due_date'],
    [{ payeeIban: 'SI56029220020148351' }, 'iban'],
    [{ payeeReference: 'SI129990029934987' }, 'reference'],
    [{ payeeReference: 'RF19539007547034' }, 'reference'],
    [{ payee: { name: ' \n ' } }, 'payee_name'],
  ];
  for (const [change, field] of cases)
    assert.throws(
      () => upnPayload({ ...MATJAZ, ...change }),
      (e: unknown) => e instanceof AppError && field in e.fields!,
      field,
    );
});

test('property: any text fits — parses back to twenty fields, control sum valid, ≤ 411, encodable', () => {
  const text = fc.string({ unit: 'grapheme', maxLength: 60 });
  fc.assert(
    fc.property(
      text,
      text,
      text,
      fc.integer({ min: 1, max: 99_999_999_999 }),
      (a, b, c, amount) => {
        const input: UpnInput = {
          ...MATJAZ,
          amountMinor: amount,
          purpose: a,
          payer: { name: b, street: c, city: a },
          payee: { name: `X${b}`, street: c, city: a },
          payeeReference: si12FromVariableSymbol(String(amount % 10_000_000_000 || 1)),
        };
        const payload = upnPayload(input);
        const { fields, controlSumValid } = parseUpn(payload);
        assert.equal(controlSumValid, true);
        assert.equal(Number(fields[8]), amount);
        assert.ok([...payload].length <= 411);
        assert.ok(fields.slice(5, 8).every((f) => [...f].length <= 33));
        assert.ok([...fields[12]!].length <= 42);
        upnBytes(payload);
      },
    ),
  );
});
