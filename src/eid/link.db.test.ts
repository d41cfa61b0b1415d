// Adding an eID to the signed-in account (decision 029 addendum), through the SAML routes with
// minted answers: started only by a POST with the session's CSRF token, attached only when the
// answer comes back to the browser that started it (its link cookie) while that session lives,
// refused (audited, nothing changed) otherwise. The answers model a real browser: the IdP's
// cross-site POST carries the SameSite=None link cookie, never the Lax session cookie.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { bootOkence, type Okence } from '../boot.ts';
import { DB_KINDS, openTestDatabase } from '../db/testing.ts';
import { CITIZEN_COOKIE } from '../http/citizen-session.ts';
import { CSRF_COOKIE, csrfTokenFor } from '../http/security.ts';
import { cookiesOf, testConfig } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import type { VerifiedIdentity } from '../citizens/service.ts';
import { LINK_BROWSER_COOKIE } from './link.ts';
import {
  b64,
  samlProvidersFileFor,
  makeKeyPair,
  mintResponse,
  personAttributes,
} from './testing.ts';

const PUBLIC = 'https://okence.test';
const idpKeys = makeKeyPair('idp.test');
const spKeys = makeKeyPair('okence.test');
const IDP = 'urn:microsoft:cgg2010:fpsts';
const ACS = `${PUBLIC}/auth/saml/nia/acs`;
const SP = `${PUBLIC}/auth/saml/nia/metadata`;

const byEmail = (email: string): VerifiedIdentity => ({
  providerId: 'email',
  personIdentifier: email,
  loa: 'low',
  email,
});

for (const kind of DB_KINDS) {
  describe(`adding a SAML eID to an account (${kind})`, () => {
    const clock = fixedClock(new Date());
    let okence: Okence;
    before(async () => {
      const env = {
        PUBLIC_URL: PUBLIC,
        EID_PROVIDERS_FILE: samlProvidersFileFor({ entityId: IDP, idp: idpKeys, sp: spKeys }),
      };
      okence = await bootOkence(testConfig(env), { handle: await openTestDatabase(kind), clock });
      await okence.services.eidProviders.enableEverywhere();
    });
    after(() => okence.close());

    const csrf = 'c'.repeat(43);
    async function signedIn(email: string) {
      const { token } = await okence.services.citizens.signIn(byEmail(email), { ip: '192.0.2.1' });
      const session = await okence.services.citizens.resolveSession(token);
      return { token, accountId: session!.accountId };
    }
    /** The account page's "add NIA" form, posted (with the session's CSRF token, or without). */
    let ips = 0;
    function startLink(token: string | null, withCsrf = true, ip = `198.51.100.${++ips % 250}`) {
      return okence.app.inject({
        method: 'POST',
        url: '/auth/saml/nia/link',
        remoteAddress: ip,
        cookies: { ...(token ? { [CITIZEN_COOKIE]: token } : {}), [CSRF_COOKIE]: csrf },
        payload: withCsrf ? { _csrf: csrfTokenFor(okence.services.sessionSecret, csrf) } : {},
      });
    }
    /** The AuthnRequest's ID from the page that goes on to the IdP. */
    function requestIdOf(res: { statusCode: number; body: string }): string {
      assert.equal(res.statusCode, 200, res.body);
      const url = /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(res.body)?.[1];
      assert.ok(url, 'a page that goes on to the IdP (CSP form-action)');
      const at = new URL(url.replaceAll('&amp;', '&'));
      assert.equal(at.origin + at.pathname, 'https://idp.test/sso');
      const xml = inflateRawSync(Buffer.from(at.searchParams.get('SAMLRequest')!, 'base64'));
      return /ID="([^"]+)"/.exec(xml.toString())![1]!;
    }
    /** A link started in the browser of `token`: its AuthnRequest's ID and its link cookie. */
    async function begin(token: string) {
      const res = await startLink(token);
      const browser = cookiesOf(res)[LINK_BROWSER_COOKIE];
      assert.ok(browser, 'the link cookie is set');
      return { id: requestIdOf(res), browser };
    }
    function mint(requestId: string, attributes = personAttributes('Jana', 'Dvořáková')) {
      return mintResponse({
        idp: idpKeys,
        encryptTo: spKeys.cert,
        issuer: IDP,
        destination: ACS,
        recipient: ACS,
        audience: SP,
        inResponseTo: requestId,
        now: clock.now(),
        attributes,
      });
    }
    /**
     * The IdP's answer posted cross-site by a browser with the link cookie `browser` (or none);
     * `cookies`: what else it sends (a real browser: no Lax session cookie).
     */
    async function answer(
      requestId: string,
      browser: string | null,
      attributes?: object,
      cookies: Record<string, string> = {},
    ) {
      return okence.app.inject({
        method: 'POST',
        url: '/auth/saml/nia/acs',
        headers: { 'sec-fetch-site': 'cross-site', 'accept-language': 'en' },
        cookies: { ...cookies, ...(browser ? { [LINK_BROWSER_COOKIE]: browser } : {}) },
        payload: {
          SAMLResponse: b64(await mint(requestId, attributes as Record<string, string>)),
        },
      });
    }
    const waysOf = async (accountId: string) =>
      (
        await okence.handle.db
          .selectFrom('citizen_identities')
          .select('provider_id')
          .where('account_id', '=', accountId)
          .execute()
      )
        .map((r) => r.provider_id)
        .sort();
    const refusals = async (accountId: string) =>
      (
        await okence.handle.db
          .selectFrom('audit_event')
          .select('detail')
          .where('action', '=', 'citizen_account.way_refused')
          .where('object_id', '=', accountId)
          .execute()
      ).map((r) => (r.detail as { reason: string }).reason);

    test('the answer in the browser that asked is attached to its session: no new session, the level rises; NIA then signs in to the same account', async () => {
      const me = await signedIn('link1@example.cz');
      const person = personAttributes('Jana', 'Dvořáková');
      const link = await begin(me.token);
      // No session cookie: SameSite=Lax is not sent with the IdP's cross-site POST.
      const res = await answer(link.id, link.browser, person);
      assert.equal(res.statusCode, 303, res.body);
      assert.equal(res.headers.location, '/account?saved=way_added#account-ways');
      assert.equal(cookiesOf(res)[CITIZEN_COOKIE], undefined, 'the session is not switched');
      const cleared = res.cookies.find((c) => c.name === LINK_BROWSER_COOKIE);
      assert.equal(cleared?.value, '', 'the link cookie is cleared');
      assert.deepEqual(await waysOf(me.accountId), ['email', 'nia']);
      const session = await okence.services.citizens.resolveSession(me.token);
      assert.equal(session?.accountId, me.accountId);
      assert.equal(session?.loa, 'substantial', 'the higher of both levels');
      // A later sign-in with NIA reaches the same account.
      const login = await okence.app.inject({ url: '/auth/saml/nia/login?loa=substantial' });
      const xml = inflateRawSync(
        Buffer.from(
          new URL(String(login.headers.location)).searchParams.get('SAMLRequest')!,
          'base64',
        ),
      ).toString();
      const signIn = await answer(/ID="([^"]+)"/.exec(xml)![1]!, null, person);
      assert.equal(signIn.statusCode, 303, signIn.body);
      const niaSession = await okence.services.citizens.resolveSession(
        cookiesOf(signIn)[CITIZEN_COOKIE]!,
      );
      assert.equal(niaSession?.accountId, me.accountId);
    });

    test('an identity of another account is refused with a page and an audit entry; nothing changes', async () => {
      const person = personAttributes('Petr', 'Novák');
      const owner = await signedIn('owner@example.cz');
      const ownerLink = await begin(owner.token);
      await answer(ownerLink.id, ownerLink.browser, person);
      const me = await signedIn('link2@example.cz');
      const link = await begin(me.token);
      const res = await answer(link.id, link.browser, person);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/account/ways/refused?reason=owned');
      const page = await okence.app.inject({
        url: String(res.headers.location),
        headers: { 'accept-language': 'cs' },
      });
      assert.equal(page.statusCode, 409);
      assert.match(page.body, /Účty neslučujeme/);
      assert.deepEqual(await waysOf(me.accountId), ['email']);
      assert.deepEqual(await waysOf(owner.accountId), ['email', 'nia']);
      assert.deepEqual(await refusals(me.accountId), ['owned']);
      assert.equal((await okence.services.citizens.resolveSession(me.token))?.loa, 'low');
    });

    test('an answer in another browser, or with no link cookie, attaches nothing (login CSRF)', async () => {
      const attacker = await signedIn('attacker@example.cz');
      const victim = await signedIn('victim@example.cz');
      const victimsOwn = await begin(victim.token);
      // The attacker starts a link and lures the victim to the IdP with it: the victim's
      // browser has a link cookie of its own, and even its session cookie does not help.
      const lured = await answer((await begin(attacker.token)).id, victimsOwn.browser, undefined, {
        [CITIZEN_COOKIE]: victim.token,
      });
      const noCookie = await answer((await begin(attacker.token)).id, null);
      for (const res of [lured, noCookie]) {
        assert.equal(res.headers.location, '/account/ways/refused?reason=session');
        assert.equal(cookiesOf(res)[CITIZEN_COOKIE], undefined, 'nobody is signed in');
      }
      assert.deepEqual(await waysOf(attacker.accountId), ['email']);
      assert.deepEqual(await waysOf(victim.accountId), ['email']);
      assert.deepEqual(await refusals(attacker.accountId), ['session', 'session']);
      assert.equal((await okence.services.citizens.resolveSession(attacker.token))?.loa, 'low');
      assert.equal((await okence.services.citizens.resolveSession(victim.token))?.loa, 'low');
      const page = await okence.app.inject({
        url: '/account/ways/refused?reason=session',
        headers: { 'accept-language': 'en' },
      });
      assert.equal(page.statusCode, 403);
      assert.match(page.body, /not made in this browser session/);
    });

    test('a link starts only by a POST with the CSRF token of a signed-in session', async () => {
      const me = await signedIn('link3@example.cz');
      const pending = async () =>
        Number(
          (
            await okence.handle.db
              .selectFrom('eid_requests')
              .select((e) => e.fn.countAll().as('n'))
              .where('link_account_id', 'is not', null)
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await pending();
      assert.equal((await startLink(me.token, false)).statusCode, 403, 'no CSRF token');
      const anonymous = await startLink(null);
      assert.equal(anonymous.statusCode, 303);
      assert.match(String(anonymous.headers.location), /^\/account\/sign-in/);
      const get = await okence.app.inject({
        url: '/auth/saml/nia/link',
        cookies: { [CITIZEN_COOKIE]: me.token },
      });
      assert.equal(get.statusCode, 404, 'no GET');
      assert.equal(await pending(), before);
      // A provider the account has already is not offered again.
      const link = await begin(me.token);
      await answer(link.id, link.browser);
      assert.equal((await startLink(me.token)).statusCode, 404);
    });

    test('starting links is limited per IP (each stores a pending request)', async () => {
      const me = await signedIn('link5@example.cz');
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++)
        statuses.push((await startLink(me.token, true, '192.0.2.77')).statusCode);
      assert.deepEqual(statuses.slice(0, 10), Array(10).fill(200));
      assert.equal(statuses[10], 429);
    });

    test('the link request remembers the account, the session and the browser it was started for', async () => {
      const me = await signedIn('link4@example.cz');
      const res = await startLink(me.token);
      const id = requestIdOf(res);
      const row = await okence.handle.db
        .selectFrom('eid_requests')
        .select(['link_account_id', 'link_session_hash', 'browser_hash'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.link_account_id, me.accountId);
      assert.ok(row.link_session_hash && row.link_session_hash !== me.token);
      // The cookie a cross-site POST carries back: SameSite=None, Secure, HttpOnly, host-only.
      const cookie = res.cookies.find((c) => c.name === LINK_BROWSER_COOKIE);
      assert.ok(cookie && cookie.value.length >= 43);
      assert.equal(cookie.sameSite, 'None');
      assert.equal(cookie.secure, true);
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.path, '/');
      assert.equal(cookie.domain, undefined);
      assert.equal(cookie.maxAge, 15 * 60);
      const hash = createHash('sha256').update(cookie.value).digest('base64url');
      assert.equal(row.browser_hash, hash, 'only its hash is stored');
    });

    test('an answer after the session that started the link signed out attaches nothing', async () => {
      const me = await signedIn('link6@example.cz');
      const link = await begin(me.token);
      await okence.services.citizens.signOut(me.token);
      const res = await answer(link.id, link.browser);
      assert.equal(res.headers.location, '/account/ways/refused?reason=session');
      assert.equal(cookiesOf(res)[CITIZEN_COOKIE], undefined, 'nobody is signed in');
      assert.deepEqual(await waysOf(me.accountId), ['email']);
      assert.deepEqual(await refusals(me.accountId), ['session']);
    });
  });
}
