// ISO-8859-2 (Latin-2), the character set UPN QR prescribes (ECI 4). Node's Buffer has no
// Latin-2 encoder, so the upper half is written out here; the test checks it against ICU.

// The characters of bytes 0xA0–0xFF, in byte order (0x00–0x9F are the same as in Unicode).
const UPPER_HALF =
  '\u00a0Ą˘Ł¤ĽŚ§¨ŠŞŤŹ\u00adŽŻ°ą˛ł´ľśˇ¸šşťź˝žż' +
  'ŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎĐŃŇÓÔŐÖ×ŘŮÚŰÜÝŢß' +
  'ŕáâăäĺćçčéęëěíîďđńňóôőö÷řůúűüýţ˙';

const BYTE_OF = new Map<string, number>([...UPPER_HALF].map((ch, i) => [ch, 0xa0 + i]));

/** Whether a character has a byte in ISO-8859-2. */
export function inLatin2(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return ch.length === 1 && (code < 0xa0 || BYTE_OF.has(ch));
}

/** The ISO-8859-2 bytes of a text; a character it lacks is refused with a RangeError naming it. */
export function encodeLatin2(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let i = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const byte = code < 0xa0 ? code : BYTE_OF.get(ch);
    if (byte === undefined)
      throw new RangeError(`"${ch}" (U+${code.toString(16).toUpperCase()}) is not in ISO-8859-2`);
    out[i++] = byte;
  }
  return out.subarray(0, i);
}

/** The text of ISO-8859-2 bytes. */
export function decodeLatin2(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes)
    text += byte < 0xa0 ? String.fromCharCode(byte) : UPPER_HALF[byte - 0xa0];
  return text;
}

// Typographic marks people paste into names and texts, with their nearest Latin-2 form.
const PUNCTUATION: Readonly<Record<string, string>> = {
  '‘': "'",
  '’': "'",
  '‚': ',',
  '“': '"',
  '”': '"',
  '„': '"',
  '–': '-',
  '—': '-',
  '…': '...',
  '€': 'EUR',
  '\u2009': ' ',
  '\u202f': ' ',
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ı: 'i',
};

/**
 * A text in characters ISO-8859-2 has: typographic marks replaced, other letters by their base
 * letter (ø → o, ñ → n) and what remains by `?`. Control characters are the caller's to remove.
 */
export function toLatin2Text(text: string): string {
  let out = '';
  for (const ch of text) {
    if (inLatin2(ch)) out += ch;
    else if (PUNCTUATION[ch] !== undefined) out += PUNCTUATION[ch];
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base.length > 0 && [...base].every(inLatin2) ? base : '?';
    }
  }
  return out;
}
