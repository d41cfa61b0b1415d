// Each bank QR code read back from its PNG by an independent decoder, Debian's zbarimg (zbar),
// and compared field by field with what was encoded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { encodePaymentQr, renderQrPng, type QrFormat } from './render.ts';
import { parseSpayd, spaydPayload } from './spayd.ts';
import { parseUpn, upnPayload } from './upn.ts';
import { epcPayload, parseEpc } from './epc.ts';
import { si12FromVariableSymbol } from './references.ts';
import { MATJAZ } from './testing.ts';

const ZBARIMG = '/usr/bin/zbarimg';
if (!existsSync(ZBARIMG))
  throw new Error(`${ZBARIMG} is missing: run "sudo apt-get install -y zbar-tools"`);

const dir = mkdtempSync(join(tmpdir(), 'okence-qr-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/**
 * What zbarimg reads from the PNG of a payment text. zbar turns the data into UTF-8 by the
 * code's ECI (4 = ISO-8859-2 for UPN); without it zbar would guess Latin-1 and č would come
 * back as è, so the UPN comparisons below fail unless the ECI segment is there. An EPC code
 * has no ECI: its line 3 names the charset (1 = UTF-8), which is how a bank app reads it, so
 * its bytes are taken raw (-Sbinary; zbar's guess turns "Ža" into "鬚a") and decoded as UTF-8.
 */
function decode(format: QrFormat, payload: string, scale = 8): string {
  const file = join(dir, `${format}-${n++}.png`);
  writeFileSync(file, renderQrPng(encodePaymentQr(format, payload), scale));
  const args = ['--nodbus', '--raw', '-q', ...(format === 'epc' ? ['-Sbinary'] : []), file];
  const out = execFileSync(ZBARIMG, args).toString('utf8');
  return format === 'epc' ? out : out.replace(/\n$/, ''); // zbar's own newline after a symbol
}

test('SPAYD: decoded pair by pair, CRC32 still valid', () => {
  const payload = spaydPayload({
    iban: 'CZ6508000000192000145399',
    bic: 'GIBACZPX',
    amountMinor: 123_450,
    currency: 'CZK',
    variableSymbol: '0020260042',
    dueDate: '2026-03-31',
    message: 'Poplatek za odpady 2026, Novák *1*',
    payeeName: 'Město Kopřivnice',
  });
  const decoded = decode('spayd', payload);
  assert.equal(decoded, payload);
  const back = parseSpayd(decoded);
  assert.equal(back.crcValid, true);
  assert.deepEqual(Object.fromEntries(back.pairs), Object.fromEntries(parseSpayd(payload).pairs));
  assert.equal(back.pairs.get('X-VS'), '20260042');
  assert.equal(back.pairs.get('MSG'), 'POPLATEK ZA ODPADY 2026 NOVAK *1*');
});

test('UPN: the twenty fields decoded, č š ž intact, control sum valid', () => {
  const payload = upnPayload({ ...MATJAZ, purpose: 'Pasja taksa, Žiga Čuk, Šmarje' });
  const decoded = decode('upn', payload);
  const back = parseUpn(decoded);
  assert.equal(back.controlSumValid, true);
  assert.deepEqual(back.fields, parseUpn(payload).fields);
  assert.equal(back.fields[12], 'Pasja taksa, Žiga Čuk, Šmarje');
  assert.equal(decoded, payload, 'the trailing LF too');
});

test('EPC: the lines decoded, UTF-8 letters intact', () => {
  const payload = epcPayload({
    bic: 'LJBASI2X',
    payeeName: 'Občina Šmarje pri Jelšah',
    iban: 'SI56029220020148350',
    amountMinor: 4_550,
    purposeCode: 'GOVT',
    text: 'Komunalni prispevek – Kopřivnice č. 5',
  });
  const decoded = decode('epc', payload, 10);
  assert.deepEqual(parseEpc(decoded), parseEpc(payload));
});

test('property: random Slovenian and Czech texts survive UPN and EPC', () => {
  const letters = fc.constantFrom(...'abcčćdđeěfghijklmnňoprřsštťuůvyzžČŠŽĆĐŘŮ .,-/0123456789');
  const text = fc.array(letters, { minLength: 1, maxLength: 40 }).map((a) => a.join(''));
  fc.assert(
    fc.property(text, fc.integer({ min: 1, max: 99_999_999 }), (purpose, amount) => {
      fc.pre(purpose.trim() !== '');
      const upn = upnPayload({
        ...MATJAZ,
        purpose,
        amountMinor: amount,
        payeeReference: si12FromVariableSymbol(String(amount)),
      });
      assert.deepEqual(parseUpn(decode('upn', upn)).fields, parseUpn(upn).fields);
      const epc = epcPayload({
        payeeName: purpose,
        iban: 'SI56029220020148350',
        amountMinor: amount,
        text: purpose,
      });
      assert.deepEqual(parseEpc(decode('epc', epc)), parseEpc(epc));
    }),
    { numRuns: 8 },
  );
});
