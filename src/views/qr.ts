import * as nayuki from 'nayuki-qr-code-generator';
import { html, raw, type Html } from './html.ts';

// The package is ESM without "type": "module": Node runs it as ESM (its default export is the
// namespace), while TypeScript reads it as CommonJS (one `.default` deeper). Take whichever holds QrCode.
type Namespace = typeof nayuki.default.default;
const loaded = nayuki.default as unknown as Namespace | { default: Namespace };

/** Nayuki's QR code generator, loaded once for every QR code the app draws (payments' too). */
export const qrcodegen: Namespace = 'QrCode' in loaded ? loaded : loaded.default;

/** An encoded QR code: its module matrix, version and error correction level. */
export type QrCode = InstanceType<Namespace['QrCode']>;

/** The quiet zone around a QR code, in modules (ISO/IEC 18004 asks for four). */
export const QUIET_ZONE = 4;

/** The SVG path of the dark modules, one subpath per horizontal run (offset by the quiet zone). */
function modulesPath(qr: QrCode): string {
  let path = '';
  for (let y = 0; y < qr.size; y++) {
    for (let x = 0; x < qr.size; x++) {
      if (!qr.getModule(x, y)) continue;
      let run = 1;
      while (x + run < qr.size && qr.getModule(x + run, y)) run++;
      path += `M${x + QUIET_ZONE},${y + QUIET_ZONE}h${run}v1h-${run}z`;
      x += run - 1;
    }
  }
  return path;
}

/**
 * An encoded QR code as inline SVG: the dark modules as one path on a white square with the
 * four-module quiet zone. It is an image with a text alternative; what it encodes must also be
 * on the page as text.
 */
export function qrCodeSvg(qr: QrCode, label: string, sizePx = 200): Html {
  const side = qr.size + QUIET_ZONE * 2;
  return html`<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="${sizePx}" height="${sizePx}" role="img" aria-label="${label}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/>${raw(`<path d="${modulesPath(qr)}" fill="#000"/>`)}</svg>`;
}

/** A text as a QR code (ECC M) in inline SVG; see qrCodeSvg. */
export function qrSvg(text: string, label: string, sizePx = 200): Html {
  return qrCodeSvg(qrcodegen.QrCode.encodeText(text, qrcodegen.QrCode.Ecc.MEDIUM), label, sizePx);
}
