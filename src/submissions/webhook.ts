// Signed webhooks to an office's filing system (issue 17), in the Standard Webhooks scheme
// (https://www.standardwebhooks.com): headers `webhook-id`, `webhook-timestamp` (Unix seconds)
// and `webhook-signature` = "v1," + base64(HMAC-SHA256(key, `${id}.${timestamp}.${body}`)),
// where the key is the base64 after the secret's `whsec_` prefix. The id stays the same on
// every retry of one message, so that a receiver can drop repeats.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'whsec_';
/** How far a timestamp may be from the receiver's clock (the scheme's recommendation). */
export const TOLERANCE_SECONDS = 5 * 60;

/** A new secret to give the receiving system: 32 random bytes, as the scheme writes them. */
export function newWebhookSecret(): string {
  return PREFIX + randomBytes(32).toString('base64');
}

function key(secret: string): Buffer {
  const bytes = Buffer.from(
    secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret,
    'base64',
  );
  if (bytes.length === 0) throw new Error('a webhook secret must not be empty');
  return bytes;
}

/** The signature of one message: "v1," and the base64 HMAC-SHA256. */
export function signWebhook(secret: string, id: string, at: Date, body: string): string {
  const seconds = Math.floor(at.getTime() / 1000);
  const mac = createHmac('sha256', key(secret)).update(`${id}.${seconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/** The three headers of one message. */
export function webhookHeaders(
  secret: string,
  id: string,
  at: Date,
  body: string,
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signWebhook(secret, id, at, body),
  };
}

/**
 * What a receiver checks (our tests' receiver, and the README's example for integrators): the
 * three headers present, the timestamp within the tolerance of `now`, and one of the
 * space-separated signatures a valid "v1". Returns why not, or null when it is valid.
 */
export function webhookRefusal(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  now: Date,
): string | null {
  const one = (name: string) => {
    const v = headers[name];
    return typeof v === 'string' ? v : undefined;
  };
  const id = one('webhook-id');
  const timestamp = one('webhook-timestamp');
  const signatures = one('webhook-signature');
  if (!id || !timestamp || !signatures) return 'missing headers';
  if (!/^\d{1,12}$/.test(timestamp)) return 'bad timestamp';
  const seconds = Number(timestamp);
  if (Math.abs(now.getTime() / 1000 - seconds) > TOLERANCE_SECONDS)
    return 'timestamp too old or new';
  const expected = Buffer.from(signWebhook(secret, id, new Date(seconds * 1000), body));
  const match = signatures.split(' ').some((s) => {
    const given = Buffer.from(s);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return match ? null : 'no valid signature';
}
