import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync, crc32 } from 'node:zlib';
import { qrcodegen, type QrCode } from '../../views/qr.ts';
import { encodePaymentQr, paymentQrImage, renderQrPng, renderQrSvg } from './render.ts';
import { upnPayload } from './upn.ts';
import { spaydPayload } from './spayd.ts';
import { epcPayload } from './epc.ts';
import { MATJAZ } from './testing.ts';

const SPAYD = spaydPayload({ iban: 'CZ6508000000192000145399', amountMinor: 45_000, currency: 'CZK', variableSymbol: '2026001', message: 'Poplatek ze psů' }); // prettier-ignore
const EPC = epcPayload({ payeeName: 'Občina Ljutomer', iban: 'SI56029220020148350', amountMinor: 4500, text: 'Pasja taksa 2026' }); // prettier-ignore

/** The PNG's chunks, each CRC checked, and its pixels (true = black). */
function readPng(png: Buffer): {
  width: number;
  height: number;
  depth: number;
  black: (x: number, y: number) => boolean;
} {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    assert.equal(
      png.readUInt32BE(at + 8 + length),
      crc32(png.subarray(at + 4, at + 8 + length)),
      type,
    );
    chunks.push({ type, data });
    at += 12 + length;
  }
  assert.deepEqual(
    chunks.map((c) => c.type),
    ['IHDR', 'IDAT', 'IEND'],
  );
  const ihdr = chunks[0]!.data;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const depth = ihdr[8]!;
  assert.equal(ihdr[9], 0, 'greyscale');
  const raw = inflateSync(chunks[1]!.data);
  const stride = 1 + Math.ceil(width / 8);
  assert.equal(raw.length, stride * height);
  const black = (x: number, y: number) =>
    ((raw[y * stride + 1 + (x >> 3)]! >> (7 - (x & 7))) & 1) === 0;
  return { width, height, depth, black };
}

function assertPngShows(qr: QrCode, scale: number): void {
  const png = readPng(renderQrPng(qr, scale));
  const side = (qr.size + 8) * scale;
  assert.deepEqual([png.width, png.height, png.depth], [side, side, 1]);
  for (let y = -4; y < qr.size + 4; y++)
    for (let x = -4; x < qr.size + 4; x++) {
      const dark = x >= 0 && y >= 0 && x < qr.size && y < qr.size && qr.getModule(x, y);
      // Both the first and the last pixel of each module, so a one-pixel shift shows.
      for (const [dx, dy] of [
        [0, 0],
        [scale - 1, scale - 1],
      ] as const)
        assert.equal(png.black((x + 4) * scale + dx, (y + 4) * scale + dy), dark, `${x},${y}`);
    }
}

test('UPN: exactly version 15 (77×77), ECC M, whatever the text length', () => {
  const qr = encodePaymentQr('upn', upnPayload(MATJAZ));
  assert.equal(qr.version, 15);
  assert.equal(qr.size, 77);
  assert.equal(qr.errorCorrectionLevel, qrcodegen.QrCode.Ecc.MEDIUM);
  const short = encodePaymentQr('upn', upnPayload({ ...MATJAZ, purpose: 'x', payer: null }));
  assert.equal(short.version, 15, 'not smaller for a short text');
  assert.equal(short.errorCorrectionLevel, qrcodegen.QrCode.Ecc.MEDIUM, 'ECC not raised');
});

test('SPAYD and EPC: ECC M, the smallest version; EPC at most 13', () => {
  const spayd = encodePaymentQr('spayd', SPAYD);
  const epc = encodePaymentQr('epc', EPC);
  for (const qr of [spayd, epc]) assert.equal(qr.errorCorrectionLevel, qrcodegen.QrCode.Ecc.MEDIUM);
  assert.ok(epc.version <= 13);
  // Alphanumeric mode: the SPAYD (about 120 characters) fits version 6-M only that way.
  assert.ok(spayd.version <= 6, `SPAYD version ${spayd.version}`);
});

test('PNG: valid chunks, 1-bit greyscale, each module drawn at the scale with the quiet zone', () => {
  assertPngShows(encodePaymentQr('upn', upnPayload(MATJAZ)), 8);
  assertPngShows(encodePaymentQr('spayd', SPAYD), 9);
  assert.throws(() => renderQrPng(encodePaymentQr('epc', EPC), 4), RangeError);
});

test('SVG: an image with its label, the quiet zone, a module per unit', () => {
  const qr = encodePaymentQr('spayd', SPAYD);
  const svg = renderQrSvg(qr, 'QR Platba "pes" & <b>', 300);
  assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /role="img" aria-label="QR Platba &quot;pes&quot; &amp; &lt;b&gt;"/);
  assert.match(svg, new RegExp(`viewBox="0 0 ${qr.size + 8} ${qr.size + 8}" width="300"`));
  // The runs of the path cover exactly the dark modules.
  let dark = 0;
  for (let y = 0; y < qr.size; y++)
    for (let x = 0; x < qr.size; x++) if (qr.getModule(x, y)) dark++;
  const runs = [...svg.matchAll(/M(\d+),(\d+)h(\d+)v1h-\3z/g)];
  assert.equal(
    runs.reduce((s, m) => s + Number(m[3]), 0),
    dark,
  );
  assert.ok(runs.every((m) => Number(m[1]) >= 4 && Number(m[2]) >= 4));
});

test('paymentQrImage: SVG text or PNG bytes with their media types', () => {
  const svg = paymentQrImage('upn', upnPayload(MATJAZ), 'svg', 'UPN QR');
  assert.equal(svg.contentType, 'image/svg+xml; charset=utf-8');
  assert.match(String(svg.body), /viewBox="0 0 85 85"/);
  const png = paymentQrImage('upn', upnPayload(MATJAZ), 'png', 'UPN QR');
  assert.equal(png.contentType, 'image/png');
  assert.equal(readPng(png.body as Buffer).width, 85 * 8);
});
