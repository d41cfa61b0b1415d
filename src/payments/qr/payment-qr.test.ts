import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../../lib/errors.ts';
import { paymentQr, type PaymentQrRequest, type PaymentQrSettings } from './payment-qr.ts';
import { parseSpayd } from './spayd.ts';
import { parseUpn } from './upn.ts';
import { parseEpc } from './epc.ts';
import { isValidSi12Reference } from './references.ts';

const KOPRIVNICE: PaymentQrSettings = {
  payee_name: 'Město Kopřivnice',
  payee_street: 'Štefánikova 1163/12',
  payee_city: '742 21 Kopřivnice',
  iban: 'CZ65 0800 0000 1920 0014 5399',
  bic: null,
  qr_format: 'spayd',
  purpose_code: 'OTHR',
};
const LJUTOMER: PaymentQrSettings = {
  payee_name: 'Občina Ljutomer',
  payee_street: 'Vrazova ulica 1',
  payee_city: '9240 Ljutomer',
  iban: 'SI56029220020148350',
  bic: 'LJBASI2X',
  qr_format: 'upn',
  purpose_code: 'GOVT',
};
const request = (
  settings: PaymentQrSettings,
  over: Partial<PaymentQrRequest> = {},
): PaymentQrRequest => ({
  settings,
  amountMinor: 120_000,
  currency: settings.qr_format === 'spayd' ? 'CZK' : 'EUR',
  variableSymbol: '0020260042',
  dueDate: '2026-03-31',
  message: 'Poplatek za psa 2026',
  ...over,
});

test('SPAYD for a Czech office: the code and the same data as text', () => {
  const qr = paymentQr(request(KOPRIVNICE));
  assert.equal(qr.format, 'spayd');
  const { pairs, crcValid } = parseSpayd(qr.payload);
  assert.equal(crcValid, true);
  assert.equal(pairs.get('ACC'), 'CZ6508000000192000145399');
  assert.equal(pairs.get('AM'), '1200.00');
  assert.equal(pairs.get('X-VS'), '20260042');
  assert.equal(pairs.get('DT'), '20260331');
  assert.equal(pairs.get('RN'), 'MESTO KOPRIVNICE');
  assert.deepEqual(qr.fields, [
    { key: 'payee', value: 'Město Kopřivnice' },
    { key: 'account', value: '19-2000145399/0800' },
    { key: 'iban', value: 'CZ65 0800 0000 1920 0014 5399' },
    { key: 'amount', value: '1200.00 CZK' },
    { key: 'variable_symbol', value: '20260042' },
    { key: 'message', value: 'Poplatek za psa 2026' },
    { key: 'due_date', value: '2026-03-31' },
  ]);
});

test('UPN for a Slovenian office: reference SI12 + variable symbol + check digit', () => {
  const qr = paymentQr(request(LJUTOMER, { message: 'Pasja taksa 2026' }));
  const { fields, controlSumValid } = parseUpn(qr.payload);
  assert.equal(controlSumValid, true);
  assert.equal(fields[8], '00000120000');
  assert.equal(fields[11], 'GOVT');
  assert.equal(fields[12], 'Pasja taksa 2026');
  assert.equal(fields[13], '31.03.2026');
  assert.equal(fields[15], 'SI12202600424');
  assert.ok(isValidSi12Reference(fields[15]));
  assert.deepEqual(fields.slice(16, 19), ['Občina Ljutomer', 'Vrazova ulica 1', '9240 Ljutomer']);
  assert.deepEqual(
    qr.fields.find((f) => f.key === 'reference'),
    { key: 'reference', value: 'SI12 2026 0042 4' },
  );
  assert.ok(!qr.fields.some((f) => f.key === 'variable_symbol' || f.key === 'account'));
});

test('EPC elsewhere: the variable symbol in the text as /VS/…', () => {
  const qr = paymentQr(request({ ...LJUTOMER, qr_format: 'epc', iban: 'AT611904300234573201' }));
  const fields = parseEpc(qr.payload);
  assert.deepEqual(fields.slice(0, 9), [
    'BCD', '002', '1', 'SCT', 'LJBASI2X', 'Občina Ljutomer', 'AT611904300234573201', 'EUR1200.00', 'GOVT',
  ]); // prettier-ignore
  assert.equal(fields[10], '/VS/20260042 Poplatek za psa 2026');
  assert.equal(qr.fields.find((f) => f.key === 'message')?.value, fields[10]);
});

test('no due date: none in the code nor in the text', () => {
  const qr = paymentQr(request(KOPRIVNICE, { dueDate: null }));
  assert.equal(parseSpayd(qr.payload).pairs.has('DT'), false);
  assert.ok(!qr.fields.some((f) => f.key === 'due_date'));
});

test('bad input is refused with invalid_input naming the field', () => {
  const cases: [PaymentQrRequest, string][] = [
    [request({ ...KOPRIVNICE, iban: 'CZ6508000000192000145398' }), 'iban'],
    [request(KOPRIVNICE, { variableSymbol: '12345678901' }), 'variable_symbol'],
    [request(KOPRIVNICE, { variableSymbol: '000' }), 'variable_symbol'],
    [request(KOPRIVNICE, { amountMinor: -5 }), 'amount'],
    [request(KOPRIVNICE, { dueDate: '31.03.2026' }), 'due_date'],
    [request(LJUTOMER, { currency: 'CZK' }), 'currency'],
    [request({ ...LJUTOMER, purpose_code: 'govt' }), 'purpose_code'],
    [request({ ...KOPRIVNICE, bic: 'KOMB' }), 'bic'],
  ];
  for (const [req, field] of cases)
    assert.throws(
      () => paymentQr(req),
      (e: unknown) => e instanceof AppError && e.code === 'invalid_input' && field in e.fields!,
      field,
    );
});

test('property: every format accepts any message and keeps the amount and symbol', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(KOPRIVNICE, LJUTOMER, { ...LJUTOMER, qr_format: 'epc' as const }),
      fc.integer({ min: 1, max: 9_999_999_999 }),
      fc.integer({ min: 1, max: 9_999_999_999 }),
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      (settings, amount, vs, message) => {
        const qr = paymentQr(
          request(settings, { amountMinor: amount, variableSymbol: String(vs), message }),
        );
        const cents = `${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, '0')}`;
        assert.equal(qr.fields.find((f) => f.key === 'amount')?.value.split(' ')[0], cents);
        assert.ok(qr.payload.includes(String(vs)));
      },
    ),
  );
});
