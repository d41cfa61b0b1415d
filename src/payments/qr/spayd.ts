// Czech QR Platba: the Short Payment Descriptor (ČBA, "Formát pro sdílení platebních údajů v
// CZK – QR kódy" v1.2). `SPD*1.0*KEY:value*…` with a CRC32 over the sorted pairs.
import { crc32 } from 'node:zlib';
import { checkIban } from './iban.ts';
import { normaliseVariableSymbol } from './references.ts';
import { calendarDate, clip, decimalAmount, invalidQrField, oneLine } from './fields.ts';

/** What a SPAYD payment carries; amounts in minor units. */
export type SpaydInput = {
  iban: string;
  bic?: string | null;
  amountMinor: number;
  currency: string;
  variableSymbol?: string | null;
  /** Due date, YYYY-MM-DD. */
  dueDate?: string | null;
  message?: string | null;
  payeeName?: string | null;
};

/** The spec's limits (ČBA v1.2; inmite/spayd-sdk's validators). */
export const SPAYD_LIMITS = { MSG: 60, RN: 35, AM_INTEGER_DIGITS: 10, X_VS: 10 } as const;

const HEADER = 'SPD*1.0*';
const BIC = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

/**
 * Free text as SPAYD carries it best: upper-case ASCII without diacritics, within the QR
 * alphanumeric set (so the whole code encodes in alphanumeric mode and every bank app reads
 * it alike, standards.md §1), `*` written as `%2A`. Other characters become spaces.
 */
export function spaydText(text: string): string {
  const folded = oneLine(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'SS')
    .replace(/[Łł]/g, 'L')
    .replace(/[Đđ]/g, 'D')
    .replace(/[\u2010-\u2015]/g, '-')
    .toUpperCase();
  return folded
    .replace(/[^0-9A-Z $%*+\-./:]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
    .replace(/\*/g, '%2A');
}

// Shortens escaped text to the limit without cutting through a `%2A`.
function clipEscaped(text: string, max: number): string {
  const cut = clip(text, max);
  return cut.replace(/%2?$/, '').trimEnd();
}

/** The pairs of a SPAYD payment, before the CRC: key → value. Refuses invalid input. */
export function spaydPairs(input: SpaydInput): Map<string, string> {
  const iban = checkIban(input.iban);
  if (!iban.valid) throw invalidQrField('iban', iban.problem);
  const bic = input.bic ? input.bic.toUpperCase() : null;
  if (bic !== null && !BIC.test(bic)) throw invalidQrField('bic', 'not a BIC');
  const pairs = new Map<string, string>();
  pairs.set('ACC', bic ? `${iban.iban}+${bic}` : iban.iban);
  pairs.set('AM', decimalAmount(input.amountMinor, input.currency));
  pairs.set('CC', input.currency);
  if (input.dueDate) pairs.set('DT', calendarDate(input.dueDate).join(''));
  const message = input.message ? clipEscaped(spaydText(input.message), SPAYD_LIMITS.MSG) : '';
  if (message) pairs.set('MSG', message);
  const name = input.payeeName ? clipEscaped(spaydText(input.payeeName), SPAYD_LIMITS.RN) : '';
  if (name) pairs.set('RN', name);
  if (input.variableSymbol) {
    const vs = normaliseVariableSymbol(input.variableSymbol);
    if (vs === null) throw invalidQrField('variable_symbol', 'at most ten digits');
    pairs.set('X-VS', vs);
  }
  assertSpaydLimits(pairs);
  return pairs;
}

/** Checks every pair against the spec's limits; throws invalid_input naming the first that fails. */
export function assertSpaydLimits(pairs: ReadonlyMap<string, string>): void {
  const am = pairs.get('AM');
  if (am !== undefined && !/^\d{1,10}(\.\d{1,2})?$/.test(am)) throw invalidQrField('amount', am);
  for (const [key, value] of pairs) {
    if (!/^[A-Z-]+$/.test(key)) throw new RangeError(`SPAYD key ${key}`);
    if (value.includes('*')) throw new RangeError(`SPAYD ${key} holds an unescaped *`);
  }
  if ((pairs.get('MSG')?.length ?? 0) > SPAYD_LIMITS.MSG) throw invalidQrField('message', 'MSG');
  if ((pairs.get('RN')?.length ?? 0) > SPAYD_LIMITS.RN) throw invalidQrField('payee_name', 'RN');
  const cc = pairs.get('CC');
  if (cc !== undefined && !/^[A-Z]{3}$/.test(cc)) throw invalidQrField('currency', cc);
  const dt = pairs.get('DT');
  if (dt !== undefined && !/^\d{8}$/.test(dt)) throw invalidQrField('due_date', dt);
  const vs = pairs.get('X-VS');
  if (vs !== undefined && !/^\d{1,10}$/.test(vs)) throw invalidQrField('variable_symbol', vs);
}

/** The CRC32 of a SPAYD's pairs (IEEE, over `SPD*1.0*` + the pairs sorted by key), 8 upper hex digits. */
export function spaydCrc32(pairs: ReadonlyMap<string, string>): string {
  const body = sortedPairs(pairs).filter((p) => !p.startsWith('CRC32:'));
  return crc32(HEADER + body.join('*'))
    .toString(16)
    .toUpperCase()
    .padStart(8, '0');
}

function sortedPairs(pairs: ReadonlyMap<string, string>): string[] {
  return [...pairs.keys()].sort().map((key) => `${key}:${pairs.get(key)!}`);
}

/** The SPAYD string of a payment: pairs sorted by key, CRC32 among them. */
export function spaydPayload(input: SpaydInput): string {
  const pairs = spaydPairs(input);
  pairs.set('CRC32', spaydCrc32(pairs));
  return HEADER + sortedPairs(pairs).join('*');
}

/** Reads a SPAYD string back into its pairs (values unescaped), and whether its CRC32 holds. */
export function parseSpayd(text: string): { pairs: Map<string, string>; crcValid: boolean | null } {
  if (!text.startsWith(HEADER)) throw new RangeError('not a SPAYD 1.0 string');
  const raw = new Map<string, string>();
  for (const part of text.slice(HEADER.length).split('*')) {
    const colon = part.indexOf(':');
    if (colon < 1) throw new RangeError(`SPAYD pair without a key: ${part}`);
    raw.set(part.slice(0, colon), part.slice(colon + 1));
  }
  const crc = raw.get('CRC32');
  const crcValid = crc === undefined ? null : crc === spaydCrc32(raw);
  const pairs = new Map([...raw].map(([k, v]) => [k, v.replace(/%2A/g, '*')]));
  return { pairs, crcValid };
}
