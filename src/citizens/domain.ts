// Pure rules of citizen accounts and sessions (decision 029): levels of assurance, session
// timeouts, the return path after sign-in, and what an eID's answer may hold.
import { confirmDecision } from '../booking/codes.ts';

/** eIDAS levels of assurance, lowest first (Regulation 2015/1502). */
export const LOAS = ['low', 'substantial', 'high'] as const;
export type Loa = (typeof LOAS)[number];

/**
 * Who an eID provider (or the e-mail sign-in) says signed in: what the SAML and OIDC handlers
 * pass to signIn (citizens/service.ts) once the answer is verified. `personIdentifier` is the provider's
 * stable key for the person (NIA: eIDAS PersonIdentifier), never a birth number. `logout`
 * holds what the provider's logout needs later (SAML NameID/SessionIndex, OIDC id_token_hint).
 */
export interface VerifiedIdentity {
  providerId: string;
  personIdentifier: string;
  loa: Loa;
  givenName?: string;
  familyName?: string;
  /** YYYY-MM-DD. */
  dateOfBirth?: string;
  address?: string;
  email?: string;
  logout?: Record<string, string>;
}

/** The provider id of the e-mail code sign-in; its person identifier is the verified address. */
export const EMAIL_PROVIDER = 'email';

/** True when a session at `have` may do what needs `need`. */
export function loaAtLeast(have: Loa, need: Loa): boolean {
  return LOAS.indexOf(have) >= LOAS.indexOf(need);
}

export function isLoa(value: unknown): value is Loa {
  return typeof value === 'string' && (LOAS as readonly string[]).includes(value);
}

/** A citizen session ends after this long without a request… */
export const CITIZEN_IDLE_MS = 20 * 60_000;
/** …and this long after sign-in, whatever happens. */
export const CITIZEN_ABSOLUTE_MS = 8 * 3600_000;
/** last_seen_at is written at most this often, so reading pages is not a write per request. */
export const CITIZEN_TOUCH_MS = 60_000;

/** Whether a citizen session is live at `now`, or why not. */
export function citizenSessionState(
  session: { lastSeenAt: Date; expiresAt: Date },
  now: Date,
): 'live' | 'idle' | 'expired' {
  if (now >= session.expiresAt) return 'expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= CITIZEN_IDLE_MS) return 'idle';
  return 'live';
}

const MAX_RETURN_LENGTH = 1000;

/**
 * The page every sign-out ends on, after the provider's logout when there is one: the address
 * registered with providers as the OIDC post_logout_redirect_uri.
 */
export const SIGNED_OUT_PATH = '/account/signed-out';

/**
 * The local path to go back to after sign-in, or null. Only a path on this site is taken:
 * `//evil.example`, `/\evil.example`, `https://…`, control characters and anything a browser
 * would resolve elsewhere are refused, so the parameter can never become an open redirect.
 */
export function safeReturnPath(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_RETURN_LENGTH) return null;
  // Browsers treat a backslash as a slash and drop tabs and newlines inside URLs.
  if (!raw.startsWith('/') || raw.includes('\\') || hasControl(raw)) return null;
  if (raw.startsWith('//')) return null;
  const base = 'https://okence.invalid';
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The sign-in pages themselves are no place to come back to.
  return path.startsWith('/account/sign-in') ? null : path;
}

function hasControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/**
 * The organisation whose pages a local path is under (`/o/{slug}`, `/o/{slug}/…`), by its slug,
 * or undefined: a sign-in asked for on such a page started from that organisation.
 */
export function organisationSlugOfPath(path: string | null | undefined): string | undefined {
  return path ? /^\/o\/([a-z0-9-]{1,100})(?:[/?#]|$)/.exec(path)?.[1] : undefined;
}

/** Where a citizen page sends someone who is not signed in, or signed in below `loa`. */
export function signInLocation(loa: Loa, returnPath: string | null): string {
  const params = new URLSearchParams({ loa });
  const target = safeReturnPath(returnPath);
  if (target) params.set('return', target);
  return `/account/sign-in?${params.toString()}`;
}

const LIMITS = { name: 200, address: 500, identifier: 512, email: 254 } as const;

/** The identity as stored: trimmed, empty parts dropped, a malformed date of birth left out. */
export function cleanIdentity(identity: VerifiedIdentity): VerifiedIdentity {
  const text = (v: string | undefined, max: number) => {
    const t = v?.trim();
    return t ? t.slice(0, max) : undefined;
  };
  const dob = identity.dateOfBirth?.trim();
  const email = text(identity.email, LIMITS.email)?.toLowerCase();
  return {
    providerId: identity.providerId,
    personIdentifier: identity.personIdentifier.trim(),
    loa: identity.loa,
    ...optional('givenName', text(identity.givenName, LIMITS.name)),
    ...optional('familyName', text(identity.familyName, LIMITS.name)),
    ...optional('dateOfBirth', dob && isCalendarDay(dob) ? dob : undefined),
    ...optional('address', text(identity.address, LIMITS.address)),
    ...optional('email', email && email.includes('@') ? email : undefined),
    ...optional('logout', identity.logout),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** Whether an identity can key an account: a provider and a person identifier, within limits. */
export function identityProblem(identity: VerifiedIdentity): string | null {
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(identity.providerId)) return 'provider id';
  const id = identity.personIdentifier.trim();
  if (id.length === 0 || id.length > LIMITS.identifier) return 'person identifier';
  if (!isLoa(identity.loa)) return 'level of assurance';
  return null;
}

function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The name to greet an account by: the eID's name, else the e-mail address. */
export function displayName(account: {
  givenName: string | null;
  familyName: string | null;
  email: string | null;
}): string {
  const name = [account.givenName, account.familyName].filter(Boolean).join(' ');
  return name || account.email || '';
}

/** An e-mail sign-in code as stored (migration 019). */
export type SignInCode = {
  attempts: number;
  expiresAt: Date;
  usedAt: Date | null;
  lockedAt: Date | null;
};

/**
 * Whether a code may be checked now. The rules are the booking code's (booking/codes.ts: ten
 * minutes, locked at the fifth wrong try); a used code is gone, as a confirmed hold's would be.
 */
export function codeDecision(code: SignInCode, now: Date): 'check' | 'expired' | 'locked' | 'gone' {
  const decision = confirmDecision(
    {
      state: code.lockedAt ? 'locked' : code.usedAt ? 'cancelled' : 'held',
      holdExpiresAt: code.expiresAt,
      codeAttempts: code.attempts,
      resends: 0,
      codeSentAt: null,
    },
    now,
  );
  return decision === 'check_confirmed' ? 'gone' : decision;
}

/**
 * Where a provider's sign-in starts (its protocol's routes, src/eid): a GET link, so the
 * sign-in page needs no script; the level, the way back and the organisation ride along.
 */
export function providerStartPath(
  provider: { id: string; protocol: 'saml' | 'oidc' },
  opts: { loa?: Loa | undefined; returnPath?: string | null; organisation?: string | undefined },
): string {
  const params = new URLSearchParams();
  if (opts.loa) params.set('loa', opts.loa);
  const back = safeReturnPath(opts.returnPath);
  if (back) params.set('return', back);
  if (opts.organisation) params.set('o', opts.organisation);
  const query = params.toString();
  return `/auth/${provider.protocol}/${encodeURIComponent(provider.id)}/login${query ? `?${query}` : ''}`;
}
