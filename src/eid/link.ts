// Adding an eID to the signed-in account (decision 029 addendum), the part both protocols share:
// what a link is started with, and where its verified answer sends the browser. The rules (the
// level, which providers, the session the answer must come back to) are the citizens' (ways.ts).
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LinkIntent, SignInWays, VerifiedIdentity } from '../citizens/service.ts';
import { CITIZEN_COOKIE, requireCitizen } from '../http/citizen-session.ts';
import { hashToken } from '../identity/service.ts';

/**
 * The link routes' own limit per IP: each start stores a pending request (pruned when it
 * expires), so a signed-in script must not pile them up.
 */
export const LINK_LIMIT = { config: { rateLimit: { max: 10, timeWindow: 60_000 } } };

/**
 * A SAML link's browser cookie: the IdP's answer is a cross-site POST, which carries no Lax
 * session cookie, so the link is bound to the browser by this one (SameSite=None) instead.
 */
export const LINK_BROWSER_COOKIE = '__Host-okence-link';

const LINK_BROWSER_OPTIONS = {
  path: '/',
  secure: true,
  httpOnly: true,
  sameSite: 'none',
} as const;

/** Where an attached way lands: the account's ways, with a notice. */
const WAY_ADDED = '/account?saved=way_added#account-ways';

/**
 * The link a POST from the account page starts: the signed-in account and its session, and the
 * level to ask for. Throws (sign-in, step-up, not found) when this account may not add `providerId`.
 */
export function linkIntentOf(
  ways: SignInWays,
  request: FastifyRequest,
  providerId: string,
): Promise<LinkIntent & { loa: VerifiedIdentity['loa'] }> {
  const citizen = requireCitizen(request, 'low');
  return ways.linkIntent(citizen, request.cookies[CITIZEN_COOKIE] ?? '', providerId);
}

/**
 * The link's browser cookie (kept, or made) for a SAML link: Secure, HttpOnly, host-only, for as
 * long as a request is pending. Returns its value.
 */
export function linkBrowserOf(request: FastifyRequest, reply: FastifyReply): string {
  const browser = request.cookies[LINK_BROWSER_COOKIE] ?? randomBytes(32).toString('base64url');
  reply.setCookie(LINK_BROWSER_COOKIE, browser, { ...LINK_BROWSER_OPTIONS, maxAge: 15 * 60 });
  return browser;
}

/** Forgets the link's browser cookie once its answer came (attached or not). */
export function clearLinkBrowser(reply: FastifyReply): void {
  reply.clearCookie(LINK_BROWSER_COOKIE, LINK_BROWSER_OPTIONS);
}

/** The hash of the browser's citizen session (its Lax cookie), or null: OIDC's top-level GET. */
export function sessionHashOf(request: FastifyRequest): string | null {
  const token = request.cookies[CITIZEN_COOKIE];
  return token ? hashToken(token) : null;
}

/**
 * A link's verified answer, attached to its account only in the session that started it
 * (`sessionHash`: the session the browser proved it holds, or null): where the browser goes next
 * (the account's ways, or the page that says why nothing changed). The browser's session is not
 * switched either way.
 */
export async function finishLink(
  ways: SignInWays,
  link: LinkIntent,
  identity: VerifiedIdentity,
  sessionHash: string | null,
): Promise<string> {
  const result = await ways.link(link, identity, sessionHash);
  return result.ok ? WAY_ADDED : `/account/ways/refused?reason=${result.reason}`;
}
