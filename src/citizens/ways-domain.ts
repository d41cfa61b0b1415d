// Pure rules of an account's ways to sign in (issue 16, decision 029 addendum): which providers
// a citizen may add or remove, and whether a provider's answer may be attached to an account.
import { LOAS, type Loa } from './domain.ts';

/** One way an account signs in, as the rules see it. */
export type Way = { id: string; providerId: string };

/**
 * The providers the account may add: those offered to the citizen (in the order given) that it
 * has no way for yet. One way per provider: a second identity at the same provider would be a
 * second person, or the same one twice.
 */
export function addableProviders<P extends { id: string }>(
  offered: readonly P[],
  ways: readonly Way[],
): P[] {
  const have = new Set(ways.map((w) => w.providerId));
  return offered.filter((p) => !have.has(p.id));
}

/** Whether a way may be removed: never the last, or the account could not be signed in to again. */
export function removable(ways: readonly Way[], wayId: string): boolean {
  return ways.length > 1 && ways.some((w) => w.id === wayId);
}

/**
 * What removing a way leaves of the eID's data (names, date of birth, address): kept while
 * another eID still signs in to the account; erased when only the e-mail code would remain,
 * since no eID vouches for it any more and an e-mail-only account holds nothing stronger than
 * its mailbox (so its changes need only its own level again, citizens/account.ts).
 */
export function eidDataAfterRemoval(
  remaining: readonly Way[],
  isEid: (providerId: string) => boolean,
): 'keep' | 'erase' {
  return remaining.some((w) => isEid(w.providerId)) ? 'keep' : 'erase';
}

/** A link started from an account, as its pending request remembers it. */
export type LinkIntent = { accountId: string; sessionHash: string };

/** Why a provider's answer to a link is not attached. */
export type LinkRefusal =
  /** The browser is not signed in to the account the link was started for, in that session. */
  | 'session'
  /** The identity already signs in to another account: accounts are never merged. */
  | 'owned'
  /** The account meanwhile got another way at this provider. */
  | 'provider_taken';

/**
 * Whether a provider's verified answer to a link may be attached to the account it was started
 * for. Only when it comes back to the very session that started it (same token, still live,
 * same account): an answer in another browser, signed out, or signed in to another account is
 * refused, so nobody can attach their eID to someone else's account by luring them to the
 * provider. An identity of another account is refused (no merge); one the account already has
 * is nothing to do.
 */
export function linkDecision(input: {
  intent: LinkIntent;
  /** The session the answer came back in (by its token's hash), or null. */
  session: { tokenHash: string; accountId: string } | null;
  /** The account the answer's identity already belongs to, if any. */
  owner: string | undefined;
  /** The account's ways now. */
  ways: readonly Way[];
  providerId: string;
}): { ok: true; already: boolean } | { ok: false; reason: LinkRefusal } {
  const { intent, session } = input;
  if (!session || session.tokenHash !== intent.sessionHash) return { ok: false, reason: 'session' };
  if (session.accountId !== intent.accountId) return { ok: false, reason: 'session' };
  if (input.owner !== undefined && input.owner !== intent.accountId)
    return { ok: false, reason: 'owned' };
  if (input.owner === intent.accountId) return { ok: true, already: true };
  if (input.ways.some((w) => w.providerId === input.providerId))
    return { ok: false, reason: 'provider_taken' };
  return { ok: true, already: false };
}

/** The session's level after a link: it keeps its own, or rises to the new way's if higher. */
export function levelAfterLink(session: Loa, added: Loa): Loa {
  return LOAS[Math.max(LOAS.indexOf(session), LOAS.indexOf(added))]!;
}
