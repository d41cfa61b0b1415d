// Whether a fresh eID sign-in authorises sending a draft (decision 042; Czech act 12/2020 Sb. §4):
// pure rules over what the provider vouched for and what we asked, with no I/O.
import type { Loa } from '../citizens/service.ts';
import type { ActIntent, ActProof } from '../eid/act.ts';
import type { FieldIssue } from '../lib/errors.ts';

/** How old the sign-in may be when its answer arrives: "just before sending". */
export const ACT_MAX_AGE_MS = 5 * 60_000;
/** How far the provider's clock may be ahead of ours, or its instant before our request. */
export const ACT_SKEW_MS = 60_000;

/** Why an act was not authorised (each has its page text, forms.act.refused.*). */
export type ActRefusal =
  | 'draft' // the draft is gone (sent, deleted) or another account's
  | 'other_person' // the eID answered for someone else than the account's person
  | 'level' // a lower level of assurance than the form's
  | 'stale' // not a fresh sign-in: no instant, before we asked, too old, in the future
  | 'replay' // this answer already authorised an act
  | 'cancelled' // the citizen cancelled at the provider
  | 'answer'; // the provider's answer was refused (signature, browser, …)

const RANK: Record<Loa, number> = { low: 0, substantial: 1, high: 2 };

/** Whether the sign-in happened after we asked, within ACT_MAX_AGE_MS of now, not in the future. */
export function isFresh(proof: Pick<ActProof, 'authnInstant' | 'askedAt'>, now: Date): boolean {
  const at = proof.authnInstant?.getTime();
  if (at === undefined || Number.isNaN(at)) return false;
  return (
    at >= proof.askedAt.getTime() - ACT_SKEW_MS &&
    at <= now.getTime() + ACT_SKEW_MS &&
    now.getTime() - at <= ACT_MAX_AGE_MS
  );
}

/**
 * The decision on a verified answer to an act's sign-in. `identityAccount` is the account the
 * answer's PersonIdentifier signs in to (null: none); `draftAccount` the live draft's holder
 * (null: no live draft); `used` whether a submission already holds this answer as its proof.
 */
export function actDecision(f: {
  intent: ActIntent;
  proof: ActProof;
  identityAccount: string | null;
  draftAccount: string | null;
  formLoa: Loa;
  used: boolean;
  now: Date;
}): { ok: true } | { ok: false; reason: ActRefusal } {
  if (f.draftAccount !== f.intent.accountId) return { ok: false, reason: 'draft' };
  if (f.identityAccount !== f.intent.accountId) return { ok: false, reason: 'other_person' };
  if (RANK[f.proof.loa] < Math.max(RANK[f.formLoa], RANK.substantial))
    return { ok: false, reason: 'level' };
  if (!isFresh(f.proof, f.now)) return { ok: false, reason: 'stale' };
  if (f.used) return { ok: false, reason: 'replay' };
  return { ok: true };
}

/**
 * Why a form whose act must be authorised cannot be sent without it (the API's 403): the forms'
 * words, as answerIssues are for answers.
 */
export function actRequiredIssue(): FieldIssue {
  return { field: 'form', code: 'act_authorisation', message: 'forms.act.api_refused' };
}
