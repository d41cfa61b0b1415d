// Payment QR codes drawn: each format's QR parameters, then SVG (for pages) or PNG (for
// e-mail and download). The generator and the SVG drawing are the app's shared ones (views/qr).
import { crc32, deflateSync } from 'node:zlib';
import { QUIET_ZONE, qrCodeSvg, qrcodegen, type QrCode } from '../../views/qr.ts';
import { upnBytes } from './upn.ts';

/** The bank QR formats: Czech QR Platba, Slovenian UPN QR, EPC (SEPA). */
export type QrFormat = 'spayd' | 'upn' | 'epc';

const { QrCode: Qr, QrSegment } = qrcodegen;
const M = qrcodegen.QrCode.Ecc.MEDIUM;

/**
 * The QR code of a payment text, with its format's parameters: always ECC M, never raised
 * (boostEcl false; the formats name M). UPN: exactly version 15, an ECI 4 designator and
 * the ISO-8859-2 bytes. SPAYD: Nayuki's segment choice, alphanumeric for our upper-case text.
 * EPC: UTF-8 bytes, at most version 13 (EPC069-12).
 */
export function encodePaymentQr(format: QrFormat, payload: string): QrCode {
  switch (format) {
    case 'upn': {
      const segments = [QrSegment.makeEci(4), QrSegment.makeBytes([...upnBytes(payload)])];
      return Qr.encodeSegments(segments, M, 15, 15, -1, false);
    }
    case 'spayd':
      return Qr.encodeSegments(QrSegment.makeSegments(payload), M, 1, 40, -1, false);
    case 'epc':
      return Qr.encodeSegments(
        [QrSegment.makeBytes([...Buffer.from(payload, 'utf8')])],
        M,
        1,
        13,
        -1,
        false,
      );
  }
}

/** A QR code as a standalone SVG document (role=img with the label, four-module quiet zone). */
export function renderQrSvg(qr: QrCode, label: string, sizePx = 320): string {
  return qrCodeSvg(qr, label, sizePx).value;
}

/** The smallest scale PNGs are drawn at, in pixels per module. */
export const MIN_PNG_SCALE = 8;

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

// PNG's file signature (RFC 2083 §3.1).
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A QR code as a PNG: 1-bit greyscale (0 black, 1 white), `scale` pixels per module, the
 * four-module quiet zone, rows unfiltered and deflated. A QR code needs nothing more, and the
 * encoder stays a page long instead of a dependency.
 */
export function renderQrPng(qr: QrCode, scale = MIN_PNG_SCALE): Buffer {
  if (!Number.isInteger(scale) || scale < MIN_PNG_SCALE || scale > 64)
    throw new RangeError(`PNG scale ${scale}: ${MIN_PNG_SCALE}–64 pixels per module`);
  const width = (qr.size + QUIET_ZONE * 2) * scale;
  const stride = 1 + Math.ceil(width / 8);
  const raw = Buffer.alloc(stride * width, 0xff);
  for (let row = 0; row < width; row++) raw[row * stride] = 0; // filter type None
  for (let y = 0; y < qr.size; y++) {
    const first = (y + QUIET_ZONE) * scale * stride;
    for (let x = 0; x < qr.size; x++) {
      if (!qr.getModule(x, y)) continue;
      for (let px = (x + QUIET_ZONE) * scale, end = px + scale; px < end; px++)
        raw[first + 1 + (px >> 3)]! &= ~(0x80 >> (px & 7));
    }
    for (let copy = 1; copy < scale; copy++)
      raw.copy(raw, first + copy * stride, first, first + stride);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(width, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    SIGNATURE,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

/** A payment's QR code as an API serves it: SVG text or PNG bytes, with its media type. */
export function paymentQrImage(
  format: QrFormat,
  payload: string,
  as: 'svg' | 'png',
  label: string,
): { contentType: string; body: string | Buffer } {
  const qr = encodePaymentQr(format, payload);
  return as === 'svg'
    ? { contentType: 'image/svg+xml; charset=utf-8', body: renderQrSvg(qr, label) }
    : { contentType: 'image/png', body: renderQrPng(qr) };
}
