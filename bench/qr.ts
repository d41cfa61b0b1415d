// Bank QR codes without HTTP or a database: how many codes per second one process makes, from
// the payment settings to SVG text and to PNG bytes, for each format, against Nayuki's
// encodeText of the same payload with no drawing, measured in the same run. `node bench/qr.ts`
// runs it alone.
import { qrcodegen } from '../src/views/qr.ts';
import { paymentQr, type PaymentQrRequest } from '../src/payments/qr/payment-qr.ts';
import { encodePaymentQr, renderQrPng, renderQrSvg } from '../src/payments/qr/render.ts';

const SECONDS = Number(process.env.BENCH_QR_SECONDS ?? 1);

const REQUESTS: Record<'spayd' | 'upn' | 'epc', PaymentQrRequest> = {
  spayd: {
    settings: { payee_name: 'Město Kopřivnice', payee_street: 'Štefánikova 1163/12', payee_city: '742 21 Kopřivnice', iban: 'CZ6508000000192000145399', bic: 'GIBACZPX', qr_format: 'spayd', purpose_code: 'OTHR' },
    amountMinor: 120_000,
    currency: 'CZK',
    variableSymbol: '2026004217',
    dueDate: '2026-03-31',
    message: 'Místní poplatek ze psů 2026, Novák',
  },
  upn: {
    settings: { payee_name: 'Občina Ljutomer', payee_street: 'Vrazova ulica 1', payee_city: '9240 Ljutomer', iban: 'SI56029220020148350', bic: 'LJBASI2X', qr_format: 'upn', purpose_code: 'GOVT' },
    amountMinor: 4_550,
    currency: 'EUR',
    variableSymbol: '2026004217',
    dueDate: '2026-03-31',
    message: 'Pasja taksa 2026, Žiga Čuk',
  },
  epc: {
    settings: { payee_name: 'Marktgemeinde Kötschach-Mauthen', payee_street: null, payee_city: null, iban: 'AT611904300234573201', bic: 'BKAUATWW', qr_format: 'epc', purpose_code: 'GOVT' },
    amountMinor: 4_550,
    currency: 'EUR',
    variableSymbol: '2026004217',
    dueDate: '2026-03-31',
    message: 'Hundeabgabe 2026',
  },
}; // prettier-ignore

/** Calls `make` for SECONDS after a warm-up: codes per second and the last result's bytes. */
function rate(make: () => string | Buffer | object): { perSecond: number; bytes: number } {
  for (let i = 0; i < 50; i++) make();
  let n = 0;
  let last: unknown;
  const start = performance.now();
  while (performance.now() - start < SECONDS * 1000) {
    for (let i = 0; i < 10; i++) last = make();
    n += 10;
  }
  const perSecond = Math.round(n / ((performance.now() - start) / 1000));
  const bytes =
    typeof last === 'string' ? Buffer.byteLength(last) : Buffer.isBuffer(last) ? last.length : 0;
  return { perSecond, bytes };
}

/** Per format: SVG and PNG codes per second (payload built, encoded, drawn), beside the baseline. */
export function qrFigures() {
  return Object.entries(REQUESTS).map(([format, request]) => {
    const payload = paymentQr(request).payload;
    const baseline = rate(() => qrcodegen.QrCode.encodeText(payload, qrcodegen.QrCode.Ecc.MEDIUM));
    const make = () => {
      const qr = paymentQr(request);
      return encodePaymentQr(qr.format, qr.payload);
    };
    const svg = rate(() => renderQrSvg(make(), 'QR', 340));
    const png = rate(() => renderQrPng(make(), 8));
    const code = make();
    return {
      format,
      version: code.version,
      'SVG/s': svg.perSecond,
      'SVG KB': Number((svg.bytes / 1024).toFixed(1)),
      'PNG/s': png.perSecond,
      'PNG KB': Number((png.bytes / 1024).toFixed(1)),
      'encodeText/s': baseline.perSecond,
      'ratio SVG/encodeText': Number((svg.perSecond / baseline.perSecond).toFixed(3)),
      'ratio PNG/encodeText': Number((png.perSecond / baseline.perSecond).toFixed(3)),
    };
  });
}

/** Prints the section's table. */
export function printQrFigures(rows: ReturnType<typeof qrFigures>): void {
  console.log(
    `\nBank QR codes: ${SECONDS} s per figure, one process; SVG/PNG = payment settings → payload → QR → drawing (PNG 8 px a module); encodeText = Nayuki's encodeText of the same payload, nothing drawn.`,
  );
  console.table(rows);
}

if (import.meta.main) printQrFigures(qrFigures());
