import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** A confirmation code lives as long as the hold it confirms. */
export const CODE_TTL_MINUTES = 10;
/** The fifth wrong code locks the hold. */
export const MAX_CODE_ATTEMPTS = 5;
/** "Send the code again" works this many times, this far apart. */
export const MAX_RESENDS = 3;
export const RESEND_INTERVAL_MS = 30_000;

/** Six digits from the CSPRNG over the whole 000000–999999 range. */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * The stored form of a code: an HMAC bound to its hold, so a code is useless for
 * any other hold and a database reader cannot use it (with only a million codes a
 * plain hash would be reversed at once; the key stays outside the database).
 */
export function hashCode(secret: string, holdId: string, code: string): string {
  return createHmac('sha256', secret).update(`code:${holdId}:${code}`).digest('hex');
}

export function codeMatches(
  secret: string,
  holdId: string,
  code: string,
  stored: string | null,
): boolean {
  if (!stored || !/^\d{6}$/.test(code)) return false;
  const a = Buffer.from(hashCode(secret, holdId, code));
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A link token derived from the booking: 256 bits no one can guess without the secret, and re-creatable for reminders. */
export function linkToken(secret: string, purpose: 'manage' | 'join', bookingId: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${bookingId}`).digest('base64url');
}

export type HoldState = {
  state: 'held' | 'confirmed' | 'cancelled' | 'expired' | 'locked';
  holdExpiresAt: Date | null;
  codeAttempts: number;
  resends: number;
  codeSentAt: Date | null;
};

/**
 * `check`: a live hold, the right code confirms it. `check_confirmed`: the booking is confirmed
 * already; the code is still checked and wrong ones counted, because the booking id is no secret
 * (it is in `/h/<id>` URLs, history and staff pages), but even the right one gives no links.
 */
export type ConfirmDecision = 'check' | 'check_confirmed' | 'expired' | 'locked' | 'gone';

/** Whether a code may be checked against this hold now. */
export function confirmDecision(hold: HoldState, now: Date): ConfirmDecision {
  if (hold.state === 'locked' || hold.codeAttempts >= MAX_CODE_ATTEMPTS) return 'locked';
  if (hold.state === 'confirmed') return 'check_confirmed';
  if (hold.state !== 'held') return 'gone';
  if (!hold.holdExpiresAt || hold.holdExpiresAt <= now) return 'expired';
  return 'check';
}

/**
 * After a wrong code: codes lock on the fifth wrong attempt. A hold that locks is cancelled
 * (its seat is freed); a confirmed booking stays booked and only stops taking codes.
 */
export function afterWrongCode(
  attemptsBefore: number,
  confirmed = false,
): { attempts: number; lock: boolean; cancel: boolean } {
  const attempts = attemptsBefore + 1;
  const lock = attempts >= MAX_CODE_ATTEMPTS;
  return { attempts, lock, cancel: lock && !confirmed };
}

export type ResendDecision =
  | { allowed: true }
  | { allowed: false; reason: 'too_many' | 'too_soon' | 'not_held'; retryAfterSeconds?: number };

/** Whether "send the code again" may send one more code now. */
export function resendDecision(hold: HoldState, now: Date): ResendDecision {
  if (confirmDecision(hold, now) !== 'check') return { allowed: false, reason: 'not_held' };
  if (hold.resends >= MAX_RESENDS) return { allowed: false, reason: 'too_many' };
  if (hold.codeSentAt) {
    const wait = hold.codeSentAt.getTime() + RESEND_INTERVAL_MS - now.getTime();
    if (wait > 0)
      return { allowed: false, reason: 'too_soon', retryAfterSeconds: Math.ceil(wait / 1000) };
  }
  return { allowed: true };
}

/**
 * The value of the cookie that marks the browser which placed a hold: the hold's id and a MAC
 * of it. The id alone is no proof (it is in `/h/{id}` URLs, history and staff pages); the MAC
 * is, so only that browser sees the full e-mail address and gets its typed details back.
 */
export function holdCookie(secret: string, holdId: string): string {
  return `${holdId}.${createHmac('sha256', secret).update(`hold-browser:${holdId}`).digest('base64url')}`;
}

/** The hold id a hold cookie names, or null when the value is not one this secret made. */
export function holdFromCookie(secret: string, value: string | undefined): string | null {
  const id = value?.split('.')[0] ?? '';
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const a = Buffer.from(holdCookie(secret, id));
  const b = Buffer.from(value ?? '');
  return a.length === b.length && timingSafeEqual(a, b) ? id : null;
}
