// Delivery of a submission to the office's systems by a signed webhook: one attempt, and when
// the next one is due. The job runner keeps the attempts and their state (queued, delivered,
// failed with the reason, retried); a message is delivered only when the receiver said 2xx,
// never when it was queued.
import { AddressRefused, postGuarded } from './outbound.ts';
import { webhookHeaders } from './webhook.ts';

/**
 * The waits after the 1st, 2nd, … failed attempt (Standard Webhooks' suggested schedule):
 * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h; after the eighth failure it is given up and shown
 * to staff as failed (about 27.5 hours after the first try).
 */
export const RETRY_WAITS_MS = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
] as const;

/** When to try again after `failures` failed attempts, the last at `lastAttempt`; null: give up. */
export function nextAttemptAt(failures: number, lastAttempt: Date): Date | null {
  const wait = RETRY_WAITS_MS[failures - 1];
  return wait === undefined ? null : new Date(lastAttempt.getTime() + wait);
}

export type Attempt =
  { delivered: true; status: number } | { delivered: false; status: number | null; reason: string };

/** A receiver that does not answer within this is counted as a failed attempt. */
export const ATTEMPT_TIMEOUT_MS = 15_000;

/**
 * Posts one message. Redirects are not followed (a filing system that moved is configured
 * anew by an admin, not followed to wherever it points), only a 2xx answer delivers, and only
 * public addresses are connected to (loopback too with `allowLoopback`: development and tests).
 */
export async function postWebhook(message: {
  url: string;
  secret: string;
  id: string;
  body: string;
  at: Date;
  allowLoopback: boolean;
  timeoutMs?: number;
}): Promise<Attempt> {
  const signal = AbortSignal.timeout(message.timeoutMs ?? ATTEMPT_TIMEOUT_MS);
  try {
    const status = await postGuarded({
      url: message.url,
      headers: {
        'content-type': 'application/json',
        ...webhookHeaders(message.secret, message.id, message.at, message.body),
      },
      body: message.body,
      signal,
      allowLoopback: message.allowLoopback,
    });
    if (status >= 200 && status < 300) return { delivered: true, status };
    return { delivered: false, status, reason: `HTTP ${status}` };
  } catch (err) {
    return { delivered: false, status: null, reason: attemptError(err, signal) };
  }
}

/** A short, stable reason for staff: "timed out", "connection refused", … */
function attemptError(err: unknown, signal: AbortSignal): string {
  if (signal.aborted) return 'timed out';
  if (err instanceof AddressRefused) return 'address not allowed (not a public address)';
  const code = (err as { code?: string })?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code) return `network error (${code})`;
  return err instanceof Error ? err.message : String(err);
}
