// Where Czech banks put the domestic payment symbols in camt.053 (standards.md §4). The Czech
// Banking Association's XML statement standard carries them in the ISO reference fields with
// their names as prefixes (EndToEndId "VS2026001", InstrId "KS0308", PmtInfId "SS19"); payments
// from abroad and some banks' exports carry them in the message as "/VS/…/SS/…/KS/…". Both are
// read, the reference fields first. A bare number in EndToEndId is not taken for a variable
// symbol: the standard puts the payer's own end-to-end reference there when it has one.
// Slovenian statements name the obligation by the SI12 reference Okence's UPN QR codes carry.
import { isValidSi12Reference } from '../qr/references.ts';
import { normaliseSymbol, normaliseNumericSymbol } from './lines.ts';

type Symbols = {
  variableSymbol: string | null;
  constantSymbol: string | null;
  specificSymbol: string | null;
};

const PREFIXED = /^(VS|KS|SS)[:\s]*([0-9]{1,10})$/i;
const IN_TEXT = /\/(VS|KS|SS)\/\s*([0-9]{1,10})(?![0-9])/gi;

/** The VS/KS/SS of one transaction from its reference fields and free texts. */
export function czechSymbols(
  references: readonly (string | null)[],
  texts: readonly (string | null)[],
): Symbols {
  const found = new Map<string, string>();
  for (const ref of references) {
    const m = ref === null ? null : PREFIXED.exec(ref.trim());
    if (m !== null && !found.has(m[1]!.toUpperCase())) found.set(m[1]!.toUpperCase(), m[2]!);
  }
  for (const t of [...references, ...texts]) {
    for (const m of (t ?? '').matchAll(IN_TEXT)) {
      const kind = m[1]!.toUpperCase();
      if (!found.has(kind)) found.set(kind, m[2]!);
    }
  }
  // A Slovenian payer's UPN carries the creditor reference SI12 + variable symbol + check digit
  // (payments/qr/payment-qr.ts); its bank passes it on as the structured reference.
  if (!found.has('VS'))
    for (const t of [...references, ...texts]) {
      const ref = (t ?? '').replace(/\s+/g, '').toUpperCase();
      if (isValidSi12Reference(ref)) {
        found.set('VS', ref.slice(4, -1));
        break;
      }
    }
  return {
    variableSymbol: normaliseNumericSymbol(found.get('VS')),
    constantSymbol: normaliseSymbol(found.get('KS')),
    specificSymbol: normaliseNumericSymbol(found.get('SS')),
  };
}
