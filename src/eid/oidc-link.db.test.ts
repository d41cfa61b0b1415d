// Adding NIA by OpenID Connect to the signed-in account (decision 029 addendum), against the
// NIA-like provider on loopback: attached in the session that asked, refused in any other.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../db/testing.ts';
import { CITIZEN_COOKIE } from '../http/citizen-session.ts';
import { CSRF_COOKIE, csrfTokenFor } from '../http/security.ts';
import { cookiesOf } from '../http/testing.ts';
import { OIDC_BROWSER_COOKIE } from './oidc-routes.ts';
import { signInAtProvider } from './oidc/testing-provider.ts';
import { bootWithNiaLike, PROVIDER } from './testing-oidc.ts';

for (const kind of DB_KINDS) {
  describe(`adding NIA by OpenID Connect to an account on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof bootWithNiaLike>>;
    before(async () => {
      t = await bootWithNiaLike(kind);
      await t.okence.services.eidProviders.enableEverywhere();
    });
    after(() => t?.close());

    const csrf = 'c'.repeat(43);
    async function signedIn(email: string) {
      const { token } = await t.okence.services.citizens.signIn(
        { providerId: 'email', personIdentifier: email, loa: 'low', email },
        { ip: '192.0.2.1' },
      );
      const session = await t.okence.services.citizens.resolveSession(token);
      return { token, accountId: session!.accountId };
    }
    /** The account page's "add" form: the provider's address and the browser's cookie. */
    async function startLink(token: string) {
      const res = await t.okence.app.inject({
        method: 'POST',
        url: `/auth/oidc/${PROVIDER}/link`,
        cookies: { [CITIZEN_COOKIE]: token, [CSRF_COOKIE]: csrf },
        payload: { _csrf: csrfTokenFor(t.okence.services.sessionSecret, csrf) },
      });
      assert.equal(res.statusCode, 200, res.body);
      const url = /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(res.body)?.[1];
      assert.ok(url);
      return {
        location: url.replaceAll('&amp;', '&'),
        browser: cookiesOf(res)[OIDC_BROWSER_COOKIE]!,
      };
    }
    /** The provider's redirect back, in a browser with this OIDC cookie and citizen session. */
    function callback(url: string, browser: string, token: string | null) {
      const u = new URL(url);
      return t.okence.app.inject({
        method: 'GET',
        url: u.pathname + u.search,
        cookies: {
          [OIDC_BROWSER_COOKIE]: browser,
          ...(token ? { [CITIZEN_COOKIE]: token } : {}),
        },
      });
    }
    const waysOf = async (accountId: string) =>
      (
        await t.okence.handle.db
          .selectFrom('citizen_identities')
          .select('provider_id')
          .where('account_id', '=', accountId)
          .execute()
      )
        .map((r) => r.provider_id)
        .sort();

    test('a session of another account gets nothing; the asking session gets NIA at the higher level', async () => {
      const me = await signedIn('oidc-link@example.cz');
      const other = await signedIn('oidc-other@example.cz');
      // The answer reaches the right browser, but it is signed in to another account now.
      const lured = await startLink(me.token);
      const wrong = await callback(
        await signInAtProvider(lured.location),
        lured.browser,
        other.token,
      );
      assert.equal(wrong.statusCode, 303, wrong.body);
      assert.equal(wrong.headers.location, '/account/ways/refused?reason=session');
      assert.deepEqual(await waysOf(me.accountId), ['email']);
      assert.deepEqual(await waysOf(other.accountId), ['email']);

      const { location, browser } = await startLink(me.token);
      const res = await callback(
        await signInAtProvider(location, { level: 'high' }),
        browser,
        me.token,
      );
      assert.equal(res.statusCode, 303, res.body);
      assert.equal(res.headers.location, '/account?saved=way_added#account-ways');
      assert.equal(cookiesOf(res)[CITIZEN_COOKIE], undefined, 'the session is not switched');
      assert.deepEqual(await waysOf(me.accountId), ['email', PROVIDER]);
      const session = await t.okence.services.citizens.resolveSession(me.token);
      assert.equal(session?.loa, 'high');
      assert.equal(session?.displayName, 'Jana Nováková');

      // Signing in with NIA later reaches the same account.
      const signIn = await t.start();
      const back = await t.callback(await signInAtProvider(signIn.location), signIn.browser);
      assert.equal(back.statusCode, 303, back.body);
      const niaSession = await t.okence.services.citizens.resolveSession(
        cookiesOf(back)[CITIZEN_COOKIE]!,
      );
      assert.equal(niaSession?.accountId, me.accountId);

      // The same NIA identity cannot be added to another account: no merge.
      const again = await startLink(other.token);
      const owned = await callback(
        await signInAtProvider(again.location),
        again.browser,
        other.token,
      );
      assert.equal(owned.headers.location, '/account/ways/refused?reason=owned');
      assert.deepEqual(await waysOf(other.accountId), ['email']);
    });
  });
}
