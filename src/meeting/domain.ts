import { createHmac } from 'node:crypto';

/** The lobby opens this long before the appointment; earlier, the link says when to come back. */
export const OPENS_MINUTES_BEFORE = 15;
/** An appointment that nobody ended stays joinable this long after its planned end (it may overrun). */
export const STAYS_OPEN_MINUTES_AFTER = 120;

/** `msLeft` (until it opens, by the server's clock) lets the early page count down without trusting the browser's clock. */
export type JoinWindow =
  { kind: 'early'; opensAt: Date; msLeft: number } | { kind: 'open' } | { kind: 'over' };

/**
 * Whether a citizen's or guest's link works now: from 15 minutes before the start
 * until the official ends the meeting (or two hours after the planned end).
 */
export function joinWindow(start: Date, end: Date, now: Date, endedAt: Date | null): JoinWindow {
  if (endedAt) return { kind: 'over' };
  const opensAt = new Date(start.getTime() - OPENS_MINUTES_BEFORE * 60_000);
  if (now < opensAt) return { kind: 'early', opensAt, msLeft: opensAt.getTime() - now.getTime() };
  if (now.getTime() >= end.getTime() + STAYS_OPEN_MINUTES_AFTER * 60_000) return { kind: 'over' };
  return { kind: 'open' };
}

/** What staff can do from inside the room that the audit log records. */
export type RoomAction = 'meeting.ended' | 'appointment.no_show' | 'appointment.identity_checked';

/**
 * A token bucket: `capacity` messages at once, refilled at `perSecond`. Signalling
 * comes in bursts (a dozen ICE candidates at once), chat should not.
 */
export function tokenBucket(capacity: number, perSecond: number, nowMs: () => number) {
  let tokens = capacity;
  let at = nowMs();
  return {
    take(): boolean {
      const now = nowMs();
      tokens = Math.min(capacity, tokens + ((now - at) / 1000) * perSecond);
      at = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

/** How long TURN credentials stay valid: a long meeting reconnects with fresh ones. */
export const TURN_CREDENTIAL_SECONDS = 6 * 3600;

/**
 * Short-lived TURN credentials in coturn's shared-secret scheme (`use-auth-secret`,
 * the "TURN REST API" draft): username `expiry:user`, password base64(HMAC-SHA1(secret, username)).
 */
export function turnCredentials(
  secret: string,
  user: string,
  now: Date,
  ttlSeconds = TURN_CREDENTIAL_SECONDS,
): { username: string; credential: string } {
  const username = `${Math.floor(now.getTime() / 1000) + ttlSeconds}:${user}`;
  return { username, credential: createHmac('sha1', secret).update(username).digest('base64') };
}

export type IceConfig = { turnUrls: string[]; turnSecret: string | undefined; relayOnly: boolean };

/** The ICE servers a participant gets: our own TURN only (no third-party STUN); none on a LAN-only install. */
export function iceServersFor(
  config: IceConfig,
  participantId: string,
  now: Date,
): { urls: string[]; username?: string; credential?: string }[] {
  if (config.turnUrls.length === 0) return [];
  if (!config.turnSecret) return [{ urls: config.turnUrls }];
  return [{ urls: config.turnUrls, ...turnCredentials(config.turnSecret, participantId, now) }];
}

/** Where an appointment stands, as the official's list shows it. */
export type AppointmentState = 'not_arrived' | 'in_lobby' | 'in_progress' | 'done' | 'no_show';

export function appointmentState(m: {
  startedAt: Date | null;
  endedAt: Date | null;
  noShow: boolean;
  citizenKnocking: boolean;
}): AppointmentState {
  if (m.noShow) return 'no_show';
  if (m.endedAt) return 'done';
  if (m.startedAt) return 'in_progress';
  if (m.citizenKnocking) return 'in_lobby';
  return 'not_arrived';
}
