import * as nayuki from 'nayuki-qr-code-generator';

// The package is ESM without "type": "module": Node runs it as ESM (its default export is the
// namespace), while TypeScript reads it as CommonJS (one `.default` deeper). Take whichever holds QrCode.
type Namespace = typeof nayuki.default.default;
const loaded = nayuki.default as unknown as Namespace | { default: Namespace };
const qrcodegen: Namespace = 'QrCode' in loaded ? loaded : loaded.default;
import { html, raw, type Html } from './html.ts';

/**
 * A QR code as inline SVG, drawn from the module matrix of Nayuki's generator: one path of
 * unit squares on a white square with the four-module quiet zone ISO/IEC 18004 asks for. It
 * is an image with a text alternative; what it encodes must also be on the page as text.
 */
export function qrSvg(text: string, label: string, sizePx = 200): Html {
  const qr = qrcodegen.QrCode.encodeText(text, qrcodegen.QrCode.Ecc.MEDIUM);
  const quiet = 4;
  const side = qr.size + quiet * 2;
  let path = '';
  for (let y = 0; y < qr.size; y++) {
    for (let x = 0; x < qr.size; x++)
      if (qr.getModule(x, y)) path += `M${x + quiet},${y + quiet}h1v1h-1z`;
  }
  return html`<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="${sizePx}" height="${sizePx}" role="img" aria-label="${label}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/>${raw(`<path d="${path}" fill="#000"/>`)}</svg>`;
}
