// Adding an eID to the signed-in account (decision 029 addendum), the part both protocols share:
// what a link is started with, and where its verified answer sends the browser. The rules (the
// level, which providers, the session the answer must come back to) are the citizens' (ways.ts).
import type { FastifyRequest } from 'fastify';
import type { LinkIntent, SignInWays, VerifiedIdentity } from '../citizens/service.ts';
import { CITIZEN_COOKIE, requireCitizen } from '../http/citizen-session.ts';

/**
 * The link routes' own limit per IP: each start stores a pending request (pruned when it
 * expires), so a signed-in script must not pile them up.
 */
export const LINK_LIMIT = { config: { rateLimit: { max: 10, timeWindow: 60_000 } } };

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
 * A link's verified answer, attached to its account only in the session that started it: where
 * the browser goes next (the account's ways, or the page that says why nothing changed). The
 * browser's session is not switched either way.
 */
export async function finishLink(
  ways: SignInWays,
  request: FastifyRequest,
  link: LinkIntent,
  identity: VerifiedIdentity,
): Promise<string> {
  const result = await ways.link(link, identity, request.cookies[CITIZEN_COOKIE]);
  return result.ok ? WAY_ADDED : `/account/ways/refused?reason=${result.reason}`;
}
