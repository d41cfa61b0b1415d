import type { ProviderLogout } from '../citizens/service.ts';
import type { OidcSignIn } from './oidc/service.ts';
import type { EidService } from './service.ts';

/**
 * Where a citizen's sign-out sends the browser so that the provider's own session ends too:
 * the SAML IdP's single logout (a signed LogoutRequest) or the OIDC provider's end-session
 * (client_id, id_token_hint, post_logout_redirect_uri). Null when the session had no provider
 * session (the e-mail code, a provider no longer configured). Throws when it had one and it
 * cannot be ended from here (no single logout or end-session, the provider unreachable): the
 * citizen is then told that the provider may still hold a session. The composition root gives
 * this to the citizens' sign-out (services.ts), so that citizens need not know the protocols.
 */
export function providerLogout(deps: { saml: EidService; oidc: OidcSignIn }) {
  return async (ended: ProviderLogout): Promise<string | null> => {
    const saml = await deps.saml.provider(ended.providerId);
    if (saml) return required(ended, await deps.saml.logoutUrl(saml, ended.logout));
    if (deps.oidc.provider(ended.providerId))
      return required(ended, await deps.oidc.endSessionLocation(ended));
    return null;
  };
}

function required(ended: ProviderLogout, location: string | null): string {
  if (!location) throw new Error(`eID provider ${ended.providerId}: no logout for this session`);
  return location;
}

export type ProviderLogoutFn = ReturnType<typeof providerLogout>;
