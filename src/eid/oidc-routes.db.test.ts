// NIA's OpenID Connect sign-in end to end, against a real provider on loopback set up like
// NIA (oidc/testing-provider.ts): plain HTTP through its pages, our routes by app.inject.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compactDecrypt, decodeJwt } from 'jose';
import { DB_KINDS } from '../db/testing.ts';
import { cookiesOf } from '../http/testing.ts';
import { CITIZEN_COOKIE } from '../http/citizen-session.ts';
import { CSRF_COOKIE, csrfTokenFor } from '../http/security.ts';
import { signOutNext } from '../citizens/testing.ts';
import { endSessionAtProvider, JANA, signInAtProvider } from './oidc/testing-provider.ts';
import { bootWithNiaLike, CALLBACK, CLIENT_ID, PROVIDER, SITE } from './testing-oidc.ts';

for (const kind of DB_KINDS) {
  describe(`NIA sign-in by OpenID Connect on ${kind}`, () => {
    let t: Awaited<ReturnType<typeof bootWithNiaLike>>;
    before(async () => {
      t = await bootWithNiaLike(kind);
    });
    after(() => t?.close());

    test('the authorisation request is NIA’s: scope by level, claims parameter, no secret, no PKCE', async () => {
      const { location } = await t.start('loa=high');
      const url = new URL(location);
      assert.equal(url.origin, t.nia.url);
      assert.equal(url.searchParams.get('scope'), 'openid loahigh');
      assert.equal(url.searchParams.get('client_id'), CLIENT_ID);
      assert.equal(url.searchParams.get('redirect_uri'), CALLBACK);
      assert.equal(url.searchParams.get('code_challenge'), null);
      assert.equal(url.searchParams.get('client_secret'), null);
      const claims = JSON.parse(url.searchParams.get('claims')!) as { id_token: object };
      assert.deepEqual(Object.keys(claims.id_token).sort(), [
        'CurrentAddress',
        'CurrentFamilyName',
        'CurrentGivenName',
        'DateOfBirth',
        'PersonIdentifier',
        'eMail',
      ]);
      // The provider's configured level is the floor: a page asking for less gets it anyway.
      const low = new URL((await t.start('loa=low')).location);
      assert.equal(low.searchParams.get('scope'), 'openid loasubstantial');
    });

    test('a person signs in: account keyed on PersonIdentifier, session, back where they were', async () => {
      const { location, browser } = await t.start();
      const back = await signInAtProvider(location, { level: 'high' });
      assert.ok(back.startsWith(CALLBACK), back);
      const res = await t.callback(back, browser);
      assert.equal(res.statusCode, 303, res.body);
      assert.equal(res.headers.location, '/o/ue-domzale');
      const token = cookiesOf(res)[CITIZEN_COOKIE];
      assert.ok(token, 'a citizen session cookie is set');
      const citizen = await t.okence.services.citizens.resolveSession(token);
      assert.equal(citizen?.displayName, 'Jana Nováková');
      assert.equal(citizen?.loa, 'high');
      const db = t.okence.handle.db;
      const identity = await db
        .selectFrom('citizen_identities')
        .selectAll()
        .where('provider_id', '=', PROVIDER)
        .executeTakeFirstOrThrow();
      assert.equal(identity.person_identifier, JANA.PersonIdentifier);
      const account = await t.okence.services.citizens.account(identity.account_id);
      assert.equal(account?.dateOfBirth, '1984-03-12');
      // The birth number was never asked for, so it is stored nowhere.
      const sessions = await db.selectFrom('citizen_sessions').selectAll().execute();
      assert.ok(!JSON.stringify([sessions, account]).includes(JANA.BirthNumber!));
      const counted = await db.selectFrom('citizen_sign_ins').selectAll().execute();
      assert.ok(counted.some((c) => c.provider_id === PROVIDER && c.organisation_id !== null));
    });

    test('the id_token is a JWE around a JWS without sub; the claims parameter is honoured', async () => {
      const { location, browser } = await t.start();
      const back = new URL(await signInAtProvider(location));
      // Redeem the code as our callback does, to look at what the NIA-like provider sends.
      const disco = (await (await fetch(t.nia.discoveryUrl)).json()) as Record<string, string>;
      assert.equal(disco.issuer, 'urn:microsoft:cgg2010:fpsts');
      const res = await fetch(disco.token_endpoint!, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: back.searchParams.get('code')!,
          redirect_uri: CALLBACK,
          client_id: CLIENT_ID,
        }),
      });
      const { id_token } = (await res.json()) as { id_token: string };
      assert.equal(id_token.split('.').length, 5, 'a JWE');
      const inner = new TextDecoder().decode(
        (await compactDecrypt(id_token, t.keys.key)).plaintext,
      );
      const claims = decodeJwt(inner);
      assert.equal(claims.sub, undefined);
      assert.equal(claims.iss, 'urn:microsoft:cgg2010:fpsts');
      assert.equal(claims.PersonIdentifier, JANA.PersonIdentifier);
      assert.equal(claims.BirthNumber, undefined, 'only what the claims parameter asked');
      // The code is spent: our callback with it is refused, with no session.
      const replayed = await t.callback(back.href, browser);
      assert.equal(replayed.statusCode, 502);
      assert.equal(cookiesOf(replayed)[CITIZEN_COOKIE], undefined);
    });

    test('POST /account/sign-out ends our session, then NIA’s by its end-session with client_id', async () => {
      const jar = new Map<string, string>();
      const { location, browser } = await t.start();
      const signedIn = await t.callback(await signInAtProvider(location, { jar }), browser);
      const token = cookiesOf(signedIn)[CITIZEN_COOKIE]!;
      // While NIA's session lives, a new sign-in passes through without its login form.
      const sso = await signInAtProvider((await t.start()).location, { jar, login: 'nobody' });
      assert.ok(sso.startsWith(CALLBACK), 'single sign-on at the provider');

      const csrf = 'c'.repeat(43);
      const out = await t.okence.app.inject({
        method: 'POST',
        url: '/account/sign-out',
        cookies: { [CITIZEN_COOKIE]: token, [CSRF_COOKIE]: csrf },
        payload: { _csrf: csrfTokenFor(t.okence.services.sessionSecret, csrf) },
      });
      assert.equal(await t.okence.services.citizens.resolveSession(token), null);
      const end = new URL(signOutNext(out));
      assert.equal(end.origin, t.nia.url);
      assert.equal(end.searchParams.get('client_id'), CLIENT_ID);
      const signedOut = `${SITE}/account/signed-out`;
      assert.equal(end.searchParams.get('post_logout_redirect_uri'), signedOut);
      assert.equal(decodeJwt(end.searchParams.get('id_token_hint')!).aud, CLIENT_ID);
      assert.equal(await endSessionAtProvider(end.href, jar), signedOut);
      // NIA's session is gone too: the next sign-in asks for the login again.
      await assert.rejects(
        signInAtProvider((await t.start()).location, { jar, login: 'nobody' }),
        /login refused/,
      );
    });
  });
}
