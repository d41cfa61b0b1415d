// The one sign-out (POST /account/sign-out) for a session that came from a real SAML IdP:
// Debian's simplesamlphp on loopback, set up like NIA. Our routes by app.inject, the IdP's
// pages by plain HTTP with its own cookies, as a browser without JavaScript goes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { CITIZEN_COOKIE } from '../http/citizen-session.ts';
import { CSRF_COOKIE, csrfTokenFor } from '../http/security.ts';
import { bootTestApp, cookiesOf } from '../http/testing.ts';
import { systemClock } from '../lib/clock.ts';
import { signOutNext } from '../citizens/testing.ts';
import { makeKeyPair, personAttributes } from './testing.ts';
import {
  logoutAtIdp,
  samlProvidersFile,
  signInAtIdp,
  spOf,
  startSimpleSamlPhp,
  type RunningIdp,
} from './testing-simplesamlphp.ts';

const SITE = 'https://okence.test';
const sp = makeKeyPair('okence.test');
let idp: RunningIdp;
let file: string;

before(async () => {
  idp = await startSimpleSamlPhp({
    sp: spOf(SITE, 'nia', sp),
    users: [
      { user: 'jana', password: 'heslo', attributes: personAttributes('Jana', 'Nová') },
      { user: 'petr', password: 'heslo', attributes: personAttributes('Petr', 'Malý') },
    ],
  });
  file = await samlProvidersFile(idp, sp, 'nia');
});
after(() => idp?.stop());

for (const kind of DB_KINDS) {
  describe(`signing out of a SAML session (${kind})`, () => {
    let okence: Okence;
    before(async () => {
      okence = await bootTestApp(kind, {
        clock: systemClock,
        env: { PUBLIC_URL: SITE, EID_PROVIDERS_FILE: file },
      });
    });
    after(() => okence?.close());

    /** The IdP's AuthnRequest address our login route sends the browser to. */
    async function authnUrl(): Promise<string> {
      const res = await okence.app.inject({ url: '/auth/saml/nia/login?loa=substantial' });
      assert.equal(res.statusCode, 303, res.body);
      return String(res.headers.location);
    }

    /** Signs in at the IdP (its session kept in `jar`); our session's token. */
    async function signIn(jar: Map<string, string>, password = 'heslo', user = 'jana') {
      const posted = await signInAtIdp(await authnUrl(), user, password, jar);
      const res = await okence.app.inject({
        method: 'POST',
        url: '/auth/saml/nia/acs',
        headers: { 'sec-fetch-site': 'cross-site' },
        payload: { SAMLResponse: posted.SAMLResponse, RelayState: posted.RelayState },
      });
      assert.equal(res.statusCode, 303, res.body);
      return cookiesOf(res)[CITIZEN_COOKIE]!;
    }

    function signOut(token: string) {
      const csrf = 'c'.repeat(43);
      return okence.app.inject({
        method: 'POST',
        url: '/account/sign-out',
        cookies: { [CITIZEN_COOKIE]: token, [CSRF_COOKIE]: csrf },
        payload: { _csrf: csrfTokenFor(okence.services.sessionSecret, csrf) },
      });
    }

    /** Our single logout endpoint, as the IdP's redirect makes the browser call it. */
    const back = (url: string) =>
      okence.app.inject({ url: new URL(url).pathname + new URL(url).search });

    test('our session ends at once, the IdP’s by its single logout, and the answer lands on the signed-out page', async () => {
      const jar = new Map<string, string>();
      const token = await signIn(jar);
      // While the IdP's session lives, it signs in again without asking for the password.
      assert.ok(await signIn(jar, 'not-asked'));

      const out = await signOut(token);
      assert.equal(await okence.services.citizens.resolveSession(token), null);
      const slo = new URL(signOutNext(out));
      assert.equal(slo.origin, idp.base);
      assert.ok(slo.searchParams.get('SAMLRequest'));
      assert.ok(slo.searchParams.get('Signature'), 'the LogoutRequest is signed');

      const answer = await logoutAtIdp(slo.href, jar);
      assert.ok(answer.startsWith(`${SITE}/auth/saml/nia/logout?SAMLResponse=`), answer);
      const landed = await back(answer);
      assert.equal(landed.statusCode, 303);
      assert.equal(landed.headers.location, '/account/signed-out');
      const page = await okence.app.inject({
        url: '/account/signed-out',
        headers: { 'accept-language': 'sl' },
      });
      assert.match(page.body, /<h1>Odjavljeni ste<\/h1>/);
      assert.doesNotMatch(page.body, /Nismo mogli potrditi/);

      // The IdP's session is gone: signing in again asks for the password.
      await assert.rejects(signIn(jar, 'not-asked'), /SAMLResponse/);
      // The same answer again (single use), or stripped of its signature: not a confirmation.
      assert.equal((await back(answer)).headers.location, '/account/signed-out?provider=open');
      const unsigned = new URL(answer);
      unsigned.searchParams.delete('Signature');
      assert.equal(
        (await back(unsigned.href)).headers.location,
        '/account/signed-out?provider=open',
      );
    });

    test('signing out twice is harmless; another person’s session stays', async () => {
      const mine = await signIn(new Map());
      const theirs = await signIn(new Map(), 'heslo', 'petr');
      const first = await signOut(mine);
      assert.match(signOutNext(first), /SAMLRequest=/);
      const second = await signOut(mine);
      assert.equal(second.statusCode, 303);
      assert.equal(second.headers.location, '/account/signed-out', 'nothing left to log out');
      const other = await okence.services.citizens.resolveSession(theirs);
      assert.equal(other?.displayName, 'Petr Malý');
    });
  });
}
