import assert from 'node:assert/strict';
import { test } from 'node:test';
import { providerLogout } from './logout.ts';
import type { OidcSignIn } from './oidc/service.ts';
import type { EidService } from './service.ts';

// The dispatch alone, with the protocols' services faked: which logout a session gets, and
// when the citizens' sign-out must say that the provider's session may still be open.
function dispatch(o: { sloUrl?: string | null; endSession?: () => Promise<string | null> }) {
  const saml = {
    provider: async (id: string) => (id === 'nia' ? { id } : null),
    logoutUrl: async () => o.sloUrl ?? null,
  } as unknown as EidService;
  const oidc = {
    provider: (id: string) => (id === 'nia-oidc' ? { id } : undefined),
    endSessionLocation: o.endSession ?? (async () => 'https://nia.test/end?client_id=c'),
  } as unknown as OidcSignIn;
  return providerLogout({ saml, oidc });
}
const session = (providerId: string) => ({ providerId, logout: { nameID: '_n' } });

test('each kind of session goes to its own provider’s logout; the e-mail code to none', async () => {
  const go = dispatch({ sloUrl: 'https://idp.test/slo?SAMLRequest=x' });
  assert.equal(await go(session('nia')), 'https://idp.test/slo?SAMLRequest=x');
  assert.equal(await go(session('nia-oidc')), 'https://nia.test/end?client_id=c');
  assert.equal(await go(session('email')), null);
  assert.equal(await go(session('removed-from-config')), null);
});

test('a provider session that cannot be ended from here throws, for the page to say so', async () => {
  await assert.rejects(dispatch({ sloUrl: null })(session('nia')), /no logout/);
  const noEndSession = dispatch({ endSession: async () => null });
  await assert.rejects(noEndSession(session('nia-oidc')), /no logout/);
  const unreachable = dispatch({ endSession: () => Promise.reject(new Error('fetch failed')) });
  await assert.rejects(unreachable(session('nia-oidc')), /fetch failed/);
});
