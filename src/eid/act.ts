// Act authorisation (decision 042; Czech act 12/2020 Sb. §4): where the law asks the act itself
// to be authorised, the citizen confirms it just before sending. ActAuthoriser is the seam: today
// its one implementation is a fresh, forced eID sign-in with the provider of the citizen's
// session (SAML ForceAuthn, OIDC prompt=login with max_age=0); NIA's act-authorisation service
// can be another implementation later. The answer comes back through the protocol's own routes
// (assertion consumer, callback) as an ActAnswer, which the forms decide on (forms/act.ts).
import type { Loa, VerifiedIdentity } from '../citizens/service.ts';
import { AppError } from '../lib/errors.ts';
import type { OidcSignIn } from './oidc/service.ts';
import type { EidService } from './service.ts';

/**
 * The cookie that binds an act's sign-in to the browser that started it. SameSite=None: the
 * SAML IdP answers with a cross-site POST, which carries neither a Lax cookie (the citizen's
 * session, decision 030) nor a Strict one. Only its SHA-256 is kept with the request.
 */
export const ACT_BROWSER_COOKIE = '__Host-okence-act';

/** What an act's sign-in is bound to: the draft it sends and the account holding it. */
export type ActIntent = { draftId: string; accountId: string };

/** The proof of a fresh sign-in, as kept with the submission (submission_act_authorisations). */
export type ActProof = {
  method: 'fresh_eid_sign_in';
  providerId: string;
  protocol: 'saml' | 'oidc';
  /** When the provider authenticated the citizen (AuthnInstant, auth_time); null: it did not say. */
  authnInstant: Date | null;
  /** The SAML Response ID, or the id_token's jti (its hash where it has none). */
  responseId: string;
  /** The level the provider vouched for. */
  loa: Loa;
  /** SHA-256 (hex) of the signed answer as received: the Response XML, or the id_token's JWT. */
  responseSha256: string;
  /** When the sign-in was asked for: a forced sign-in cannot have happened before it. */
  askedAt: Date;
};

/** A verified answer to an act's sign-in: who signed in, the proof, and the draft's page. */
export type ActAnswer = {
  intent: ActIntent;
  identity: VerifiedIdentity;
  proof: ActProof;
  /** The draft's path (`/o/{org}/forms/{slug}/drafts/{id}`), as stored when it started. */
  returnTo: string;
};

/** What starting an act's authorisation needs. */
export type ActStart = {
  /** The provider of the citizen's current session: the one that must vouch again. */
  providerId: string;
  intent: ActIntent;
  /** The form's level of assurance. */
  loa: Loa;
  returnTo: string;
  /** The value of ACT_BROWSER_COOKIE in this browser. */
  browser: string;
  lang?: string;
};

/** A way to authorise an act: the address the browser goes to next. */
export interface ActAuthoriser {
  start(act: ActStart): Promise<string>;
}

/** The fresh eID sign-in: a forced authentication with the session's own provider. */
export function freshSignInAuthoriser(deps: {
  eid: Pick<EidService, 'provider' | 'startSignIn'>;
  oidc: Pick<OidcSignIn, 'provider' | 'start'>;
}): ActAuthoriser {
  return {
    async start(act) {
      const saml = await deps.eid.provider(act.providerId);
      const { intent, browser } = act;
      if (saml)
        return deps.eid.startSignIn(saml, {
          loa: act.loa,
          returnTo: act.returnTo,
          act: { intent, browser },
        });
      if (deps.oidc.provider(act.providerId))
        return deps.oidc.start(act.providerId, {
          loa: act.loa,
          returnPath: act.returnTo,
          organisationId: null,
          browser,
          act: intent,
          ...(act.lang ? { lang: act.lang } : {}),
        });
      throw new AppError('not_found', 'eid.unknown_provider');
    },
  };
}
