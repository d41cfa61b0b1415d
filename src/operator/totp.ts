import { createHmac, randomBytes } from 'node:crypto';

/**
 * TOTP (RFC 6238) as authenticator apps expect it: HMAC-SHA-1 (RFC 4226), 6 digits, 30-second
 * steps counted from the Unix epoch, and a code of the step before or after also accepted, for
 * clocks a little apart. Secrets travel as base32 (RFC 4648) in `otpauth://` URIs.
 */

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of now whose codes are accepted (±30 s of clock drift). */
export const TOTP_WINDOW = 1;
/** 20 bytes: the length of an HMAC-SHA-1 key that RFC 4226 §4 recommends. */
export const TOTP_SECRET_BYTES = 20;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Base32 without padding (RFC 4648 §6), as otpauth URIs carry secrets. */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32, ignoring case, spaces and padding; null when a character is not base32. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const index = BASE32.indexOf(ch);
    if (index < 0) return null;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new random secret. */
export function newTotpSecret(): Buffer {
  return randomBytes(TOTP_SECRET_BYTES);
}

/** HOTP (RFC 4226 §5.3): the code of one counter value, with dynamic truncation. */
export function hotp(
  secret: Uint8Array,
  counter: number,
  digits = TOTP_DIGITS,
  algorithm: 'sha1' | 'sha256' | 'sha512' = 'sha1',
): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary =
    ((mac[offset]! & 0x7f) << 24) |
    (mac[offset + 1]! << 16) |
    (mac[offset + 2]! << 8) |
    mac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The time step of an instant (RFC 6238 §4.2: T = floor((unix time − T0) / X), T0 = 0, X = 30). */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS);
}

/** The code of an instant. */
export function totpAt(
  secret: Uint8Array,
  at: Date,
  digits = TOTP_DIGITS,
  algorithm: 'sha1' | 'sha256' | 'sha512' = 'sha1',
): string {
  return hotp(secret, totpStep(at), digits, algorithm);
}

export type TotpCheck =
  { ok: true; step: number } | { ok: false; reason: 'malformed' | 'wrong' | 'replayed' };

/**
 * Checks a typed code against the steps around `now`. A code of a step at or before
 * `lastUsedStep` is refused, so a code seen over someone's shoulder cannot be used again
 * within its window; on success the caller stores the returned step as the new last one.
 * Spaces in the typed code are ignored (apps show "123 456").
 */
export function checkTotp(
  secret: Uint8Array,
  typed: string,
  now: Date,
  lastUsedStep: number | null,
): TotpCheck {
  const code = typed.replace(/\s/g, '');
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: 'malformed' };
  const current = totpStep(now);
  let replayed = false;
  for (let delta = -TOTP_WINDOW; delta <= TOTP_WINDOW; delta++) {
    const step = current + delta;
    if (!codesEqual(hotp(secret, step), code)) continue;
    if (lastUsedStep !== null && step <= lastUsedStep) {
      replayed = true;
      continue;
    }
    return { ok: true, step };
  }
  return { ok: false, reason: replayed ? 'replayed' : 'wrong' };
}

/** Compares two codes of equal length without an early exit. */
function codesEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.min(a.length, b.length); i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * The key URI authenticator apps read from the QR code (Google Authenticator's "Key Uri
 * Format"): the label "Okence:email", the secret in base32, and the issuer again as a parameter.
 */
export function otpauthUri(email: string, secretBase32: string): string {
  const label = `${encodeURIComponent('Okence')}:${encodeURIComponent(email)}`;
  return `otpauth://totp/${label}?secret=${secretBase32}&issuer=Okence&algorithm=SHA1&digits=${TOTP_DIGITS}&period=${TOTP_STEP_SECONDS}`;
}

/** The secret in groups of four, as it is easier to type from the screen. */
export function groupedSecret(secretBase32: string): string {
  return secretBase32.replace(/(.{4})(?=.)/g, '$1 ');
}
