// A payment's receipt read back by Debian's poppler-utils, as the payer's or an office's
// software would read it: fonts embedded, the sums and diacritics intact, what remains due right.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { receiptNumber } from './receipt-number.ts';
import { renderPaymentReceipt, type PaymentReceiptModel } from './receipt.ts';
import { czechPaymentReceipt, PAYMENT_RECEIPT_ID } from './testing-receipts.ts';

const dir = mkdtempSync(join(tmpdir(), 'okence-payment-receipt-'));
after(() => rmSync(dir, { recursive: true, force: true }));
/** The receipt's text as pdftotext reads it, with the no-break spaces Intl writes made plain. */
async function textOf(model: PaymentReceiptModel, name: string): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, (await renderPaymentReceipt(model)).pdf);
  const out = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  return out.replace(/[\u00a0\u202f]/g, ' ');
}

let cs: string;
before(async () => {
  cs = await textOf(czechPaymentReceipt(), 'cs.pdf');
});

test('pdftotext: the payment, the fee and every Czech diacritic come back', () => {
  for (const s of [
    'Potvrzení o zaplacení',
    'Město Kopřivnice',
    receiptNumber(PAYMENT_RECEIPT_ID),
    '1 000,00 Kč',
    '2. prosince 2026',
    'Platební karta',
    'Poplatek ze psů',
    'Pes Žeryk, kříženec',
    '2026010042',
    'Jiří Řehoř',
    '1 500,00 Kč',
    'Uhrazeno v plné výši',
  ])
    assert.ok(cs.includes(s), `"${s}" is on the receipt:\n${cs}`);
});

test('what remains is said as still due, overpaid or paid in full', async () => {
  const partly = await textOf(czechPaymentReceipt(100_000), 'partly.pdf');
  assert.match(partly, /Zbývá zaplatit\s+500,00 Kč/);
  assert.ok(!partly.includes('Uhrazeno v plné výši'));
  const over = await textOf(czechPaymentReceipt(170_000), 'over.pdf');
  assert.match(over, /Přeplatek\s+200,00 Kč/);
});

test('pdffonts: every font is embedded DejaVu', () => {
  const path = join(dir, 'cs.pdf');
  const rows = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2);
  assert.ok(rows.length >= 1);
  for (const row of rows)
    assert.match(row, /DejaVuSans(-Bold)? +CID TrueType +Identity-H +yes yes yes /);
});

test('the same payment gives the same bytes, another language other words', async () => {
  const a = await renderPaymentReceipt(czechPaymentReceipt());
  const b = await renderPaymentReceipt(czechPaymentReceipt());
  assert.equal(a.sha256, b.sha256);
  const sl = await textOf(
    { ...czechPaymentReceipt(), lang: 'sl', timeZone: 'Europe/Ljubljana' },
    'sl.pdf',
  );
  assert.ok(sl.includes('Potrdilo o plačilu') && sl.includes('Plačilna kartica'), sl);
  const en = await textOf({ ...czechPaymentReceipt(), lang: 'en' }, 'en.pdf');
  assert.ok(en.includes('Payment receipt') && en.includes('CZK 1,000.00'), en);
});

test('a model that is not a payment is refused before anything is drawn', async () => {
  const bad = czechPaymentReceipt();
  bad.payment.amountMinor = 0;
  await assert.rejects(renderPaymentReceipt(bad));
  const float = czechPaymentReceipt();
  float.obligation.amountMinor = 1500.5;
  await assert.rejects(renderPaymentReceipt(float));
});
