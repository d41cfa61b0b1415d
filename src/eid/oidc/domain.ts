// The pure rules of NIA's OpenID Connect profile (issue 16, decision 031): what the
// authorisation request asks for, which claims an id_token must carry and how they are
// checked, how the answer becomes a VerifiedIdentity, and the end-session address. No I/O.
import { LOAS, loaAtLeast, type Loa, type VerifiedIdentity } from '../../citizens/service.ts';

/** Why a sign-in was refused: each is audited under `eid.oidc_refused` and shown as a page. */
export type OidcRefusal =
  | 'unknown_state'
  | 'browser_mismatch'
  | 'provider_error'
  | 'cancelled'
  | 'unreachable'
  | 'token_exchange'
  | 'not_encrypted'
  | 'decryption'
  | 'signature'
  | 'issuer'
  | 'audience'
  | 'expired'
  | 'issued_in_future'
  | 'nonce'
  | 'no_person_identifier'
  | 'loa_too_low';

/** A refusal with a detail for the log (never shown, never citizen data). */
export class OidcRefused extends Error {
  readonly reason: OidcRefusal;
  /** Set when the refused answer was to an act's sign-in: the draft's page (decision 042). */
  act?: { returnTo: string };
  constructor(reason: OidcRefusal, detail = '') {
    super(detail ? `${reason}: ${detail}` : reason);
    this.reason = reason;
  }
}

/** How far the provider's clock may be from ours when checking exp and iat. */
export const CLOCK_SKEW_S = 120;
/** An id_token issued longer ago than this is refused, whatever its exp says. */
export const MAX_TOKEN_AGE_S = 10 * 60;
/** A pending sign-in (state, nonce) lives this long. */
export const REQUEST_TTL_MS = 15 * 60_000;

/** NIA's scope for each level: `openid` plus `loalow`, `loasubstantial` or `loahigh`. */
export function scopeFor(loa: Loa): string {
  return `openid loa${loa}`;
}

/**
 * The eIDAS attributes asked for. NIA returns attributes only when the `claims` parameter
 * names them (its userinfo endpoint answers `{}`); PersonIdentifier is the key, so essential.
 */
export const REQUESTED_CLAIMS = [
  'PersonIdentifier',
  'CurrentGivenName',
  'CurrentFamilyName',
  'DateOfBirth',
  'CurrentAddress',
  'eMail',
] as const;

const ACR_PREFIX = 'http://eidas.europa.eu/LoA/';

/**
 * The `claims` request parameter (OpenID Connect Core §5.5), as JSON: NIA's attribute names
 * only. The level reached comes back as `acr` whatever is asked; NIA's list of claims has no
 * `acr`, so it is not requested here (an unknown claim might be refused).
 */
export function claimsParameter(): string {
  const idToken: Record<string, { essential: true } | null> = {};
  for (const name of REQUESTED_CLAIMS)
    idToken[name] = name === 'PersonIdentifier' ? { essential: true } : null;
  return JSON.stringify({ id_token: idToken });
}

/** The authorisation request: response_type code, no client secret, no PKCE (decision 031). */
export function authorizationUrl(
  endpoint: string,
  p: {
    clientId: string;
    redirectUri: string;
    state: string;
    nonce: string;
    loa: Loa;
    lang?: string;
    /** A forced sign-in (decision 042): the provider must authenticate anew, now. */
    force?: boolean;
  },
): string {
  const url = new URL(endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', p.clientId);
  url.searchParams.set('redirect_uri', p.redirectUri);
  url.searchParams.set('scope', scopeFor(p.loa));
  url.searchParams.set('state', p.state);
  url.searchParams.set('nonce', p.nonce);
  url.searchParams.set('claims', claimsParameter());
  if (p.lang) url.searchParams.set('ui_locales', p.lang);
  if (p.force) {
    // OIDC Core §3.1.2.1: prompt=login re-authenticates; max_age=0 makes auth_time a must.
    url.searchParams.set('prompt', 'login');
    url.searchParams.set('max_age', '0');
  }
  return url.href;
}

/**
 * The front-channel end-session address. NIA needs `client_id` (without it its SSO session
 * outlives ours); the id_token_hint is the inner signed JWT, which the provider can verify.
 */
export function endSessionUrl(
  endpoint: string,
  p: { clientId: string; idTokenHint?: string | undefined; postLogoutRedirectUri: string },
): string {
  const url = new URL(endpoint);
  url.searchParams.set('client_id', p.clientId);
  if (p.idTokenHint) url.searchParams.set('id_token_hint', p.idTokenHint);
  url.searchParams.set('post_logout_redirect_uri', p.postLogoutRedirectUri);
  return url.href;
}

/** The level an `acr` value names (`http://eidas.europa.eu/LoA/substantial` or `loasubstantial`). */
export function loaFromAcr(acr: unknown): Loa | null {
  if (typeof acr !== 'string') return null;
  const name = acr.startsWith(ACR_PREFIX) ? acr.slice(ACR_PREFIX.length) : acr.replace(/^loa/, '');
  return (LOAS as readonly string[]).includes(name) ? (name as Loa) : null;
}

export type Expected = { issuer: string; clientId: string; nonce: string; now: Date };

/**
 * Checks the claims of a verified id_token against what we sent and expect: the issuer (a
 * URN at NIA), our client as the audience (and as azp when there are several), exp and iat
 * within a bounded skew, and the nonce of the pending request. Throws OidcRefused.
 */
export function checkIdTokenClaims(claims: Record<string, unknown>, want: Expected): void {
  if (claims.iss !== want.issuer) throw new OidcRefused('issuer', String(claims.iss));
  const aud = claims.aud;
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(want.clientId)) throw new OidcRefused('audience', String(aud));
  if (audiences.length > 1 && claims.azp !== want.clientId)
    throw new OidcRefused('audience', 'several audiences without our azp');
  const now = Math.floor(want.now.getTime() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp + CLOCK_SKEW_S <= now)
    throw new OidcRefused('expired', `exp ${String(claims.exp)}, now ${now}`);
  if (typeof claims.iat !== 'number') throw new OidcRefused('expired', 'no iat');
  if (claims.iat - CLOCK_SKEW_S > now)
    throw new OidcRefused('issued_in_future', `iat ${claims.iat}`);
  if (claims.iat + MAX_TOKEN_AGE_S + CLOCK_SKEW_S <= now)
    throw new OidcRefused('expired', `issued ${now - claims.iat} s ago`);
  if (typeof claims.nonce !== 'string' || claims.nonce !== want.nonce)
    throw new OidcRefused('nonce');
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v : undefined;

/**
 * The person an id_token names. NIA sends no `sub`: the eIDAS PersonIdentifier is the key,
 * and a birth number is never asked for nor kept. The level reached (acr) must be at least
 * the one asked; a lower or unnamed level is refused.
 */
export function identityFromClaims(
  providerId: string,
  claims: Record<string, unknown>,
  asked: Loa,
): VerifiedIdentity {
  const personIdentifier = text(claims.PersonIdentifier);
  if (!personIdentifier) throw new OidcRefused('no_person_identifier');
  const reached = loaFromAcr(claims.acr);
  if (!reached || !loaAtLeast(reached, asked))
    throw new OidcRefused('loa_too_low', `asked ${asked}, reached ${String(claims.acr)}`);
  const dob = text(claims.DateOfBirth);
  return {
    providerId,
    personIdentifier,
    loa: reached,
    ...opt('givenName', text(claims.CurrentGivenName)),
    ...opt('familyName', text(claims.CurrentFamilyName)),
    // NIA writes dates as YYYY-MM-DD, some eIDAS nodes with a time: keep the day.
    ...opt('dateOfBirth', dob?.slice(0, 10)),
    ...opt('address', text(claims.CurrentAddress)),
    ...opt('email', text(claims.eMail)),
  };
}

function opt<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/** The refusals a person can do something about get their own text; the rest say "not verified". */
export function refusalMessage(
  reason: OidcRefusal,
): 'expired' | 'cancelled' | 'unreachable' | 'loa_too_low' | 'not_verified' {
  switch (reason) {
    case 'unknown_state':
    case 'browser_mismatch':
      return 'expired';
    case 'cancelled':
      return 'cancelled';
    case 'unreachable':
    case 'token_exchange':
    case 'provider_error':
      return 'unreachable';
    case 'loa_too_low':
      return 'loa_too_low';
    default:
      return 'not_verified';
  }
}
