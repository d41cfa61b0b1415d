/** Who a signed-in staff member is, as every staff route sees them. */
export type StaffPrincipal = {
  id: string;
  organisationId: string;
  role: 'admin' | 'official';
  displayName: string;
  email: string;
  /** The address the request came from, set by the session plugin; the audit log records it. */
  ip?: string;
};

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;
/** last_seen_at is written at most this often, so reading pages is not a write per request. */
export const SESSION_TOUCH_MS = 60_000;

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Whether a sign-in may be tried now, given recent failures (newest first) for the
 * email and for the IP. Five failures for one account or twenty from one address
 * within 15 minutes pause attempts until the oldest counted failure leaves the window.
 * Other counts (the citizens' e-mail codes) pass their own `limits`.
 */
export function signInThrottle(
  emailFailures: readonly Date[],
  ipFailures: readonly Date[],
  now: Date,
  limits: { perEmail: number; perIp: number } = {
    perEmail: MAX_FAILURES_PER_EMAIL,
    perIp: MAX_FAILURES_PER_IP,
  },
): ThrottleDecision {
  const waits: number[] = [];
  for (const [failures, max] of [
    [emailFailures, limits.perEmail],
    [ipFailures, limits.perIp],
  ] as const) {
    const recent = failures.filter((at) => now.getTime() - at.getTime() < THROTTLE_WINDOW_MS);
    if (recent.length >= max) {
      const oldestCounted = recent[max - 1];
      if (oldestCounted) waits.push(oldestCounted.getTime() + THROTTLE_WINDOW_MS - now.getTime());
    }
  }
  if (waits.length === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...waits) / 1000)) };
}

/** Whether a session is still valid at `now`. */
export function sessionIsLive(session: { lastSeenAt: Date; expiresAt: Date }, now: Date): boolean {
  return now < session.expiresAt && now.getTime() - session.lastSeenAt.getTime() < SESSION_IDLE_MS;
}

/** Normalises an email for lookup: trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** How long a set-password link works: three days, so a link sent on Friday still works on Monday. */
export const INVITATION_TTL_MS = 72 * 3600_000;
export const INVITATION_TTL_HOURS = INVITATION_TTL_MS / 3600_000;

/** Whether a set-password link can still be used: once, before it expires (or is replaced, which expires it). */
export function invitationState(
  link: { expiresAt: Date; usedAt: Date | null },
  now: Date,
): 'open' | 'used' | 'expired' {
  if (link.usedAt) return 'used';
  return now < link.expiresAt ? 'open' : 'expired';
}
