import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HOST_COOKIE } from '../http/security.ts';

/**
 * The meeting's browser binding (issue 12): a link alone is no key to someone's place in a
 * meeting. Each browser that opens a join or guest link gets 32 random bytes in this cookie;
 * its participant row keeps only a hash of them with the booking id. A reload or reconnect in
 * that browser comes back as the same participant (admitted stays admitted); any other browser
 * on the same link is a new participant who knocks, and the official decides.
 */
export const BROWSER_COOKIE = '__Host-okence-meet';
// Long enough for a meeting on another day than the one the link was first opened, and for
// reading the minutes afterwards in the same browser.
const BROWSER_COOKIE_SECONDS = 30 * 24 * 3600;

/** The browser's meeting secret, when it carries a well-formed one. */
export function browserSecret(request: FastifyRequest): string | undefined {
  const value = request.cookies[BROWSER_COOKIE];
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

/** Gives the browser its meeting secret when it has none yet (on the pages of a link). */
export function ensureBrowserSecret(request: FastifyRequest, reply: FastifyReply): void {
  if (browserSecret(request)) return;
  const value = randomBytes(32).toString('base64url');
  request.cookies[BROWSER_COOKIE] = value;
  reply.setCookie(BROWSER_COOKIE, value, { ...HOST_COOKIE, maxAge: BROWSER_COOKIE_SECONDS });
}

/**
 * What a participant row keeps of a browser: bound to the booking, so one browser's rows in
 * two meetings cannot be linked. Without a secret (cookies refused), a key no one can present
 * again: that browser knocks each time it comes.
 */
export function browserKey(bookingId: string, secret: string | undefined): string {
  return createHash('sha256')
    .update(`meeting-browser:${bookingId}:${secret ?? randomBytes(32).toString('base64url')}`)
    .digest('base64url');
}
