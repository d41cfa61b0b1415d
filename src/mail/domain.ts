/** A message is tried this many times in all; then it stays `failed` for a person to look at. */
export const MAX_ATTEMPTS = 12;

const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 3_600_000;

/** The longest one send may take before it counts as failed (the SMTP exchange is aborted). */
export const SEND_TIMEOUT_MS = 20_000;

/** The first key of the advisory lock each mail worker instance holds on its id while alive. */
export const MAIL_WORKER_LOCK = 8020113;

/**
 * How long after the `attempts`-th failed try the next one is due: 30 s, 1 min,
 * 2 min, … doubling, never more than an hour, so an SMTP outage of a day costs
 * about a dozen tries per message and mail flows again within the hour after it.
 */
export function retryDelayMs(attempts: number): number {
  const doublings = Math.max(0, attempts - 1);
  // 2^7 × 30 s already passes the hour; stopping there keeps the arithmetic finite.
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(doublings, 7));
}

/** What becomes of a message whose send just failed, after `attempts` tries in all. */
export function afterFailure(
  attempts: number,
  now: Date,
): { state: 'failed' } | { state: 'pending'; nextAttemptAt: Date } {
  if (attempts >= MAX_ATTEMPTS) return { state: 'failed' };
  return { state: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}

/**
 * How long a worker holds the rows it claimed. Sends run one after another, each
 * cut off at SEND_TIMEOUT_MS, so the claim must outlast a whole batch: a claim
 * that lapsed mid-batch would let another worker send the same message again.
 * A worker that dies holding a claim delays its rows by this much.
 */
export function claimLeaseMs(batch: number): number {
  return batch * SEND_TIMEOUT_MS + 30_000;
}

/**
 * The Message-ID of an outbox row (RFC 5322 §3.6.4): the same on every try, so a
 * receiver can recognise a resend after a crash mid-send. Its right-hand side is
 * the sender's domain, as the RFC suggests, or `okence` when none can be read.
 */
export function messageIdFor(rowId: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'okence';
  return `<${rowId}@${domain}>`;
}

/**
 * The From header with an organisation's display name in front of the installation's own
 * address (MAIL_FROM, as `Name <address>` or a bare address): the address stays the one SPF
 * and DKIM are set up for; only the name changes. The name is quoted (RFC 5322 §3.2.4), so
 * a comma or dot in it is text, not syntax; nodemailer encodes what is not ASCII.
 */
export function fromWithName(mailFrom: string, name: string | null): string {
  if (!name) return mailFrom;
  const address = /<([^<>]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  const quoted = name.replace(/[\r\n]/g, ' ').replace(/["\\]/g, '\\$&');
  return `"${quoted}" <${address}>`;
}
