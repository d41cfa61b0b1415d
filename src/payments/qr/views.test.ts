import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translator } from '../../i18n/i18n.ts';
import { paymentQr } from './payment-qr.ts';
import { paymentQrBlock, QR_SIZE_PX } from './views.ts';

const upn = paymentQr({
  settings: {
    payee_name: 'Občina Ljutomer',
    payee_street: null,
    payee_city: null,
    iban: 'SI56029220020148350',
    bic: null,
    qr_format: 'upn',
    purpose_code: 'OTHR',
  },
  amountMinor: 4_550,
  currency: 'EUR',
  variableSymbol: '42',
  dueDate: '2026-03-31',
  message: 'Pasja taksa <2026>',
});

test('the block in Slovenian: the code large enough to scan, labelled, and the details as text', () => {
  const page = paymentQrBlock({ t: translator('sl'), lang: 'sl' }, upn).value;
  const size = /<svg class="qr"[^>]*viewBox="0 0 (\d+) \1" width="(\d+)"/.exec(page);
  assert.ok(size, page);
  assert.equal(Number(size[1]), 85, 'version 15 and the quiet zone');
  assert.ok(Number(size[2]) >= 280 && Number(size[2]) / 85 >= 3, `${QR_SIZE_PX}px`);
  assert.match(
    page,
    /role="img" aria-label="Koda QR \(UPN QR\) za plačilo 45,50\s€ prejemniku Občina Ljutomer"/,
  );
  for (const text of [
    'IBAN prejemnika',
    'SI56 0292 2002 0148 350',
    'Referenca',
    'SI12 426',
    'Znesek',
    'Namen plačila',
    'Rok plačila',
    '31. marec 2026',
  ])
    assert.ok(page.includes(text), text);
  assert.match(page, /Pasja taksa &lt;2026&gt;/);
});

test('the block in Czech and English uses their words', () => {
  const spayd = paymentQr({
    settings: { payee_name: 'Město Kopřivnice', payee_street: null, payee_city: null, iban: 'CZ6508000000192000145399', bic: null, qr_format: 'spayd', purpose_code: 'OTHR' },
    amountMinor: 50_000,
    currency: 'CZK',
    variableSymbol: '2026001',
    dueDate: '2026-03-31',
    message: 'Poplatek za psa',
  }); // prettier-ignore
  const cs = paymentQrBlock({ t: translator('cs'), lang: 'cs' }, spayd).value;
  for (const text of [
    'Číslo účtu',
    '19-2000145399/0800',
    'Variabilní symbol',
    '2026001',
    'Částka',
    '500,00\u00a0Kč',
    'Zpráva pro příjemce',
    'Datum splatnosti',
    '31. března 2026',
  ])
    assert.ok(cs.includes(text), text);
  const en = paymentQrBlock({ t: translator('en'), lang: 'en' }, spayd).value;
  assert.ok(en.includes('Variable symbol') && en.includes('Pay by bank QR code'));
});
