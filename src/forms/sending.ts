// Who sends a draft, as the receipt names them (decision 038): shared by the plain send and the
// send of an act authorised by a fresh eID sign-in (act.ts, decision 042).
import type { Submitter } from '../submissions/service.ts';
import type { Address, Answers, Person } from './answer-types.ts';

/** The first answer of a kind (the form's person, its address), for the receipt's submitter. */
function firstOf<T>(answers: Answers, test: (v: unknown) => v is T): T | undefined {
  for (const v of Object.values(answers)) if (test(v)) return v;
  return undefined;
}
const isPerson = (v: unknown): v is Person =>
  typeof v === 'object' && v !== null && 'givenName' in v && 'familyName' in v;
const isAddress = (v: unknown): v is Address =>
  typeof v === 'object' && v !== null && 'street' in v && 'city' in v;

/**
 * Who sends, as the receipt names them: the account's eID name and address where signed in,
 * otherwise the form's first person and address answers, and the draft's e-mail address. The
 * receipt needs every part: what nobody gave is written as "not given" (`missing`), never
 * guessed, and the country is then the organisation's.
 */
export function submitterOf(
  answers: Answers,
  known: {
    account: {
      givenName: string | null;
      familyName: string | null;
      address: string | null;
      email: string | null;
    } | null;
    draftEmail: string | null;
    country: string;
    missing: string;
  },
): Submitter {
  const { account, missing } = known;
  const email = account?.email || known.draftEmail;
  const person = firstOf(answers, isPerson);
  const address = firstOf(answers, isAddress);
  const written = address && `${address.street}, ${address.postcode} ${address.city}`;
  return {
    givenName: account?.givenName || person?.givenName || missing,
    familyName: account?.familyName || person?.familyName || missing,
    address: {
      text: account?.address || written || missing,
      country: address?.country ?? known.country,
    },
    ...(email ? { email } : {}),
  };
}
