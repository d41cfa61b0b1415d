import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { bootOkence, type Okence } from '../boot.ts';
import { openDatabase } from '../db/db.ts';
import { DB_KINDS, openTestDatabase } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { testConfig } from '../http/testing.ts';
import { csrfTokenFor } from '../http/security.ts';
import { signOutNext } from '../citizens/testing.ts';
import {
  b64,
  samlProvidersFileFor,
  makeKeyPair,
  mintResponse,
  personAttributes,
  type Mint,
} from './testing.ts';

const PUBLIC = 'https://okence.test';
const idpKeys = makeKeyPair('idp.test');
const spKeys = makeKeyPair('okence.test');
const otherKeys = makeKeyPair('evil.test');
const IDP = 'urn:microsoft:cgg2010:fpsts';
const ACS = `${PUBLIC}/auth/saml/nia/acs`;
const SP = `${PUBLIC}/auth/saml/nia/metadata`;

for (const kind of DB_KINDS) {
  describe(`SAML sign-in through the app (${kind})`, () => {
    const clock = fixedClock(new Date());
    let one: Okence;
    let two: Okence;
    let closeTwo: () => Promise<void>;
    before(async () => {
      const env = {
        PUBLIC_URL: PUBLIC,
        EID_PROVIDERS_FILE: samlProvidersFileFor({ entityId: IDP, idp: idpKeys, sp: spKeys }),
      };
      const handle = await openTestDatabase(kind);
      one = await bootOkence(testConfig(env), { handle, clock });
      // A second instance on the same database: PostgreSQL through its own connection.
      if (handle.url) {
        const second = await openDatabase({ databaseUrl: handle.url, dataDir: 'unused' });
        two = await bootOkence(testConfig(env), { handle: second, clock });
        closeTwo = () => two.close();
      } else {
        two = await bootOkence(testConfig(env), { handle, clock });
        closeTwo = () => two.app.close();
      }
    });
    after(async () => {
      await closeTwo();
      await one.close();
    });

    const count = async (table: 'citizen_sessions' | 'citizen_accounts') =>
      Number(
        (
          await one.services.handle.db
            .selectFrom(table)
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const refusals = async () =>
      (
        await one.services.handle.db
          .selectFrom('audit_event')
          .select('detail')
          .where('action', '=', 'citizen_sign_in.refused')
          .execute()
      ).map((r) => (r.detail as { reason: string }).reason);

    async function start(
      loa = 'substantial',
      path = `/auth/saml/nia/login?loa=${loa}&return=/account%3Fx%3D1`,
    ): Promise<string> {
      const res = await one.app.inject({ url: path });
      assert.equal(res.statusCode, 303);
      const url = new URL(res.headers.location as string);
      assert.equal(url.origin + url.pathname, 'https://idp.test/sso');
      const xml = inflateRawSync(
        Buffer.from(url.searchParams.get('SAMLRequest')!, 'base64'),
      ).toString();
      return /ID="([^"]+)"/.exec(xml)![1]!;
    }
    function mint(requestId: string, change: Partial<Mint> = {}) {
      return mintResponse({
        idp: idpKeys,
        encryptTo: spKeys.cert,
        issuer: IDP,
        destination: ACS,
        recipient: ACS,
        audience: SP,
        inResponseTo: requestId,
        now: clock.now(),
        attributes: personAttributes('Jana', 'Dvořáková'),
        ...change,
      });
    }
    const post = (app: Okence, xml: string, lang = 'en') =>
      app.app.inject({
        method: 'POST',
        url: '/auth/saml/nia/acs',
        headers: { 'sec-fetch-site': 'cross-site', 'accept-language': lang },
        payload: { SAMLResponse: b64(xml), RelayState: '' },
      });

    test('the SP metadata names our endpoints and certificates', async () => {
      const res = await one.app.inject({ url: '/auth/saml/nia/metadata' });
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /samlmetadata\+xml/);
      assert.match(res.body, new RegExp(`entityID="${SP}"`));
      assert.match(res.body, /use="encryption"/);
      assert.equal((await one.app.inject({ url: '/auth/saml/nobody/metadata' })).statusCode, 404);
    });

    test('a valid answer signs in (a cross-site POST, no CSRF token); its replay on another instance is refused', async () => {
      const xml = await mint(await start());
      const res = await post(one, xml);
      assert.equal(res.statusCode, 303, res.body);
      assert.equal(res.headers.location, '/account?x=1');
      const cookie = res.cookies.find((c) => c.name === '__Host-okence-citizen');
      assert.ok(cookie?.value);
      assert.equal(cookie.sameSite, 'Lax');
      assert.equal(await count('citizen_accounts'), 1);
      const sessions = await count('citizen_sessions');
      const replay = await post(two, xml, 'cs');
      assert.equal(replay.statusCode, 400);
      assert.match(replay.body, /Přihlášení se nepodařilo/);
      assert.match(replay.body, /odpověď už byla jednou použita/);
      assert.equal(
        replay.cookies.find((c) => c.name === '__Host-okence-citizen'),
        undefined,
      );
      assert.equal(await count('citizen_sessions'), sessions);
      assert.deepEqual((await refusals()).slice(-1), ['replay']);
    });

    test("a sign-in started from an organisation's page is counted for that organisation", async () => {
      const db = one.services.handle.db;
      const { id: domzale } = await db
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', 'ue-domzale')
        .executeTakeFirstOrThrow();
      // The link the sign-in page gives, as a citizen follows it (the organisation by its slug).
      const page = await one.app.inject({ url: '/account/sign-in?o=ue-domzale' });
      const link = /href="(\/auth\/saml\/nia\/login[^"]*)"/.exec(page.body)?.[1];
      assert.ok(link, 'the sign-in page links to the SAML provider');
      const href = link.replaceAll('&amp;', '&');
      assert.match(href, /[?&]o=ue-domzale(&|$)/);
      const res = await post(one, await mint(await start('substantial', href)));
      assert.equal(res.statusCode, 303, res.body);
      const counted = await db
        .selectFrom('citizen_sign_ins')
        .select(['sign_ins', 'new_accounts'])
        .where('organisation_id', '=', domzale)
        .where('provider_id', '=', 'nia')
        .execute();
      assert.deepEqual(counted, [{ sign_ins: 1, new_accounts: 1 }]);
      // A slug that names no organisation does not stop the sign-in: it counts for none.
      const unknown = await start('substantial', '/auth/saml/nia/login?o=no-such-org');
      assert.equal((await post(one, await mint(unknown))).statusCode, 303);
    });

    test('hostile answers are refused with a page, an audit entry and no account or session', async () => {
      const cases: [string, (id: string) => Promise<string>, string][] = [
        ['unsigned', (id) => mint(id, { signResponse: false }), 'signature'],
        ['another key', (id) => mint(id, { idp: otherKeys }), 'signature'],
        ['wrong Audience', (id) => mint(id, { audience: 'https://other.test/sp' }), 'audience'],
        ['wrong Destination', (id) => mint(id, { destination: `${PUBLIC}/x` }), 'destination'],
        ['lower level', (id) => mint(id, { loa: 'low' }), 'level'],
        ['for another SP', (id) => mint(id, { encryptTo: otherKeys.cert }), 'decryption'],
        ['unknown request', () => mint('_0123456789abcdef0123'), 'request'],
      ];
      const accounts = await count('citizen_accounts');
      const sessions = await count('citizen_sessions');
      for (const [name, make, reason] of cases) {
        const res = await post(one, await make(await start()), 'sl');
        assert.equal(res.statusCode, 400, name);
        assert.match(res.body, /Prijava ni uspela/, name);
        assert.deepEqual((await refusals()).slice(-1), [reason], name);
      }
      assert.equal(await count('citizen_accounts'), accounts);
      assert.equal(await count('citizen_sessions'), sessions);
    });

    test('POST /account/sign-out sends the browser to the IdP with a LogoutRequest', async () => {
      const res = await post(one, await mint(await start()));
      const token = res.cookies.find((c) => c.name === '__Host-okence-citizen')!.value;
      const csrfCookie = { value: 'c'.repeat(43) };
      const field = csrfTokenFor(one.services.sessionSecret, csrfCookie.value);
      const out = await one.app.inject({
        method: 'POST',
        url: '/account/sign-out',
        cookies: { '__Host-okence-citizen': token, '__Host-okence-csrf': csrfCookie.value },
        payload: { _csrf: field },
      });
      assert.equal(out.statusCode, 200, 'a page that goes on to the IdP (CSP form-action)');
      assert.match(signOutNext(out), /^https:\/\/idp\.test\/slo\?SAMLRequest=/);
      const gone = await one.app.inject({
        method: 'POST',
        url: '/account/sign-out',
        cookies: { '__Host-okence-citizen': token, '__Host-okence-csrf': csrfCookie.value },
        payload: { _csrf: field },
      });
      assert.equal(gone.headers.location, '/account/signed-out', 'nothing left to log out');
      // The old routes are gone: one sign-out.
      for (const url of ['/auth/sign-out', '/auth/oidc/sign-out'])
        assert.equal(
          (
            await one.app.inject({
              method: 'POST',
              url,
              cookies: { '__Host-okence-citizen': token, '__Host-okence-csrf': csrfCookie.value },
              payload: { _csrf: field },
            })
          ).statusCode,
          404,
          url,
        );
    });
  });
}
