import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, cookiesOf } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { offlineProviders, providersFile } from '../config/testing.ts';
import { staffCookie } from '../meeting/testing.ts';
import { csrfTokenFor } from '../http/security.ts';
import {
  askForCode,
  citizenCookie,
  cookieHeader,
  mailedCode,
  postCode,
  signOutNext,
} from './testing.ts';

for (const kind of DB_KINDS) {
  describe(`citizens' sign-in pages (${kind})`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-12-02T09:00:00Z'));
    before(async () => {
      okence = await bootTestApp(kind, {
        clock,
        env: { EID_PROVIDERS_FILE: providersFile(offlineProviders()) },
      });
    });
    after(() => okence.close());

    const get = (url: string, cookie = '', lang = 'en') =>
      okence.app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': lang } });

    test('the account page sends a stranger to sign in, with the level and the way back', async () => {
      const res = await get('/account');
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/account/sign-in?loa=low&return=%2Faccount');
    });

    test('an e-mailed code signs in, creates the account and lands on the account page', async () => {
      const asked = await askForCode(okence, 'Ana.Novak@Example.SI');
      assert.equal(asked.res.statusCode, 303);
      assert.equal(asked.res.headers.location, '/account/sign-in/email/code');
      const page = await okence.app.inject({
        method: 'GET',
        url: '/account/sign-in/email/code',
        cookies: asked.jar,
      });
      assert.match(page.body, /ana\.novak@example\.si/);
      const code = await mailedCode(okence, 'ana.novak@example.si');
      const wrong = await postCode(okence, asked, code === '000000' ? '111111' : '000000');
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /error-summary/);
      const right = await postCode(okence, asked, code.split('').join(' '));
      assert.equal(right.statusCode, 303);
      assert.equal(right.headers.location, '/account');
      const session = cookiesOf(right)['__Host-okence-citizen'];
      assert.ok(session);
      const account = await get('/account', cookieHeader({ ...asked.jar, ...cookiesOf(right) }));
      assert.equal(account.statusCode, 200);
      assert.match(account.body, /You are signed in as ana\.novak@example\.si/);
      assert.match(account.body, /e-mailed code/);
      assert.equal(account.headers['cache-control'], 'no-store');
      // The code was single use.
      assert.equal((await postCode(okence, asked, code)).statusCode, 410);
    });

    test("signing in from an organisation's page starts from that organisation: the links carry it", async () => {
      const home = await get('/o/ue-domzale');
      const link = /href="(\/account\/sign-in[^"]*)"/.exec(home.body)?.[1];
      assert.equal(link, '/account/sign-in?return=%2Fo%2Fue-domzale');
      const page = await get(link);
      assert.match(
        page.body,
        /href="\/auth\/saml\/nia\/login\?loa=low&amp;return=%2Fo%2Fue-domzale&amp;o=ue-domzale"/,
      );
      assert.match(
        page.body,
        /href="\/account\/sign-in\/email\?return=%2Fo%2Fue-domzale&amp;o=ue-domzale"/,
      );
      // A way back to an organisation that does not exist names none, and is no 404.
      const unknown = await get('/account/sign-in?return=%2Fo%2Fno-such-org');
      assert.equal(unknown.statusCode, 200);
      assert.doesNotMatch(unknown.body, /[?&;]o=/);
    });

    test("an e-mail sign-in started from an organisation's page is counted for that organisation", async () => {
      const page = await get('/account/sign-in?o=ue-domzale');
      const link = /href="(\/account\/sign-in\/email[^"]*)"/.exec(page.body)?.[1];
      assert.equal(link, '/account/sign-in/email?o=ue-domzale');
      const email = 'counted@example.si';
      const asked = await askForCode(okence, email, '?o=ue-domzale');
      const res = await postCode(okence, asked, await mailedCode(okence, email), {
        o: 'ue-domzale',
      });
      assert.equal(res.statusCode, 303);
      const counted = await okence.handle.db
        .selectFrom('citizen_sign_ins as c')
        .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
        .select(['o.slug', 'c.loa', 'c.sign_ins', 'c.new_accounts'])
        .where('c.provider_id', '=', 'email')
        .execute();
      assert.deepEqual(counted, [{ slug: 'ue-domzale', loa: 'low', sign_ins: 1, new_accounts: 1 }]);
    });

    test('the way back after sign-in is a local path only', async () => {
      for (const [back, expected] of [
        ['/o/ue-domzale', '/o/ue-domzale'],
        ['//evil.example/x', '/account'],
        ['https://evil.example/', '/account'],
        ['/\\evil.example', '/account'],
      ] as const) {
        const email = `back${expected.length}${back.length}@example.si`;
        const asked = await askForCode(okence, email, `?return=${encodeURIComponent(back)}`);
        const res = await postCode(okence, asked, await mailedCode(okence, email), {
          return: back,
        });
        assert.equal(res.statusCode, 303, back);
        assert.equal(res.headers.location, expected, back);
      }
    });

    test('the fifth wrong code locks it; the right one no longer works', async () => {
      const asked = await askForCode(okence, 'lock@example.si');
      const code = await mailedCode(okence, 'lock@example.si');
      const wrongCode = code === '123456' ? '654321' : '123456';
      for (let i = 1; i <= 4; i++)
        assert.equal((await postCode(okence, asked, wrongCode)).statusCode, 400);
      const fifth = await postCode(okence, asked, wrongCode);
      assert.equal(fifth.statusCode, 410);
      assert.match(fifth.body, /petkrat vpisana napačno/);
      const right = await postCode(okence, asked, code);
      assert.equal(right.statusCode, 410);
      assert.equal(cookiesOf(right)['__Host-okence-citizen'], undefined);
    });

    test('a code expires after ten minutes', async () => {
      const asked = await askForCode(okence, 'late@example.si');
      const code = await mailedCode(okence, 'late@example.si');
      clock.advance(10 * 60_000);
      const res = await postCode(okence, asked, code);
      clock.set(new Date('2026-12-02T09:00:00Z'));
      assert.equal(res.statusCode, 410);
      assert.match(res.body, /Koda ne velja več/);
    });

    test('asking for a code answers the same whether or not an account exists', async () => {
      const known = 'known@example.si';
      const asked = await askForCode(okence, known);
      await postCode(okence, asked, await mailedCode(okence, known));
      const again = await askForCode(okence, known);
      const fresh = await askForCode(okence, 'nobody-yet@example.si');
      assert.equal(again.res.statusCode, fresh.res.statusCode);
      assert.equal(again.res.headers.location, fresh.res.headers.location);
      assert.equal(again.res.body, fresh.res.body);
      assert.deepEqual(Object.keys(cookiesOf(again.res)), Object.keys(cookiesOf(fresh.res)));
      // Both got a code: the mail says nothing about an account either.
      const a = await mailedCode(okence, known);
      const b = await mailedCode(okence, 'nobody-yet@example.si');
      assert.ok(a && b);
    });

    test('codes for one address are limited (429 with Retry-After)', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push(
          (await askForCode(okence, 'often@example.si', '', `198.51.100.${i}`)).res.statusCode,
        );
      assert.deepEqual(statuses, [303, 303, 303, 303, 303, 429]);
      const last = await askForCode(okence, 'often@example.si', '', '198.51.100.9');
      assert.ok(Number(last.res.headers['retry-after']) > 0);
    });

    test('the sign-in page lists the providers on for the organisation, and the e-mail option at level low', async () => {
      const any = await get('/account/sign-in', '', 'cs');
      assert.equal(any.statusCode, 200);
      // Demo data outside production: every configured provider is on for every organisation.
      assert.match(any.body, /Přihlásit se přes Identita občana \(NIA\)/);
      assert.match(any.body, /href="\/auth\/saml\/sipass\/login\?loa=low"/);
      assert.match(any.body, /href="\/account\/sign-in\/email"/);
      const high = await get(
        '/account/sign-in?loa=substantial&o=ue-domzale&return=%2Faccount',
        '',
        'sl',
      );
      assert.match(
        high.body,
        /href="\/auth\/oidc\/nia-oidc\/login\?loa=substantial&amp;return=%2Faccount&amp;o=ue-domzale"/,
      );
      assert.doesNotMatch(high.body, /sign-in\/email/);
      assert.equal((await get('/account/sign-in?o=no-such-org')).statusCode, 404);
    });

    test("the organisation's admin home has a card to the citizens' sign-in settings", async () => {
      const admin = await staffCookie(okence, 'admin@domzale.example');
      const home = await get('/staff/admin', admin, 'sl');
      assert.equal(home.statusCode, 200);
      assert.match(
        home.body,
        /<li class="card"><h2><a href="\/staff\/admin\/sign-in">Prijava občanov<\/a><\/h2><p>S katerimi e-identitetami se lahko prijavijo občani\.<\/p><\/li>/,
      );
    });

    test('an admin switches providers off for the organisation; it is audited', async () => {
      const admin = await staffCookie(okence, 'admin@domzale.example');
      const page = await get('/staff/admin/sign-in', admin);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /name="provider" value="nia" checked/);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const saved = await okence.app.inject({
        method: 'POST',
        url: '/staff/admin/sign-in',
        headers: { cookie: admin, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `_csrf=${encodeURIComponent(csrf)}&provider=sipass`,
      });
      assert.equal(saved.statusCode, 303);
      const list = await get('/account/sign-in?o=ue-domzale');
      assert.doesNotMatch(list.body, /\/auth\/saml\/nia\//);
      assert.match(list.body, /\/auth\/saml\/sipass\//);
      const entry = await okence.handle.db
        .selectFrom('audit_event')
        .select(['action', 'detail'])
        .where('action', '=', 'eid_providers.updated')
        .executeTakeFirstOrThrow();
      assert.deepEqual(entry.detail, {
        providers: [['nia', 'nia-oidc', 'sipass'], ['sipass']],
      });
      const official = await staffCookie(okence, 'uradnik@domzale.example');
      assert.equal((await get('/staff/admin/sign-in', official)).statusCode, 403);
    });

    test('a citizen session opens no staff page, and a staff session no account page', async () => {
      const asked = await askForCode(okence, 'cross@example.si');
      const res = await postCode(okence, asked, await mailedCode(okence, 'cross@example.si'));
      const citizen = cookieHeader({ ...asked.jar, ...cookiesOf(res) });
      const staffPage = await get('/staff', citizen);
      assert.equal(staffPage.statusCode, 303);
      assert.equal(staffPage.headers.location, '/staff/sign-in');
      const admin = await staffCookie(okence, 'admin@domzale.example');
      const account = await get('/account', admin);
      assert.equal(account.statusCode, 303);
      assert.match(String(account.headers.location), /^\/account\/sign-in\?/);
    });

    test('signing out ends the session and lands on the signed-out page; the account page asks to sign in again', async () => {
      const asked = await askForCode(okence, 'out@example.si');
      const res = await postCode(okence, asked, await mailedCode(okence, 'out@example.si'));
      const jar = { ...asked.jar, ...cookiesOf(res) };
      const other = await citizenCookie(okence, 'other@example.si');
      const signOut = (payload: Record<string, string>) =>
        okence.app.inject({ method: 'POST', url: '/account/sign-out', cookies: jar, payload });
      // Without the CSRF token nothing happens.
      const forged = await signOut({});
      assert.equal(forged.statusCode, 403);
      assert.equal((await get('/account', cookieHeader(jar))).statusCode, 200);

      const out = await signOut({ _csrf: asked.csrf });
      assert.equal(out.statusCode, 303);
      assert.equal(
        out.headers.location,
        '/account/signed-out',
        'an e-mail session has no provider',
      );
      assert.equal(cookiesOf(out)['__Host-okence-citizen'], '');
      assert.equal((await get('/account', cookieHeader(jar))).statusCode, 303);
      // Twice is harmless; another person's session is untouched.
      const again = await signOut({ _csrf: asked.csrf });
      assert.equal(again.statusCode, 303);
      assert.equal(again.headers.location, '/account/signed-out');
      assert.equal((await get('/account', other)).statusCode, 200);
    });

    test('an eID session signs out through its provider; one its provider cannot end is told so', async () => {
      const signedIn = (nameID?: string) =>
        okence.services.citizens.signIn(
          {
            providerId: 'nia',
            personIdentifier: 'CZ/CZ/route-test',
            loa: 'substantial',
            givenName: 'Jana',
            logout: nameID ? { nameID } : {},
          },
          { ip: '127.0.0.1' },
        );
      const csrf = 'c'.repeat(43);
      const signOut = async (token: string) =>
        okence.app.inject({
          method: 'POST',
          url: '/account/sign-out',
          cookies: { '__Host-okence-citizen': token, '__Host-okence-csrf': csrf },
          payload: { _csrf: csrfTokenFor(okence.services.sessionSecret, csrf) },
        });
      const slo = await signOut((await signedIn('_n1')).token);
      assert.equal(slo.statusCode, 200);
      assert.match(slo.body, /Odjava pri ponudniku identitete/);
      assert.match(signOutNext(slo), /^https:\/\/idp\.test\/slo\?SAMLRequest=/);
      // No NameID to name in a LogoutRequest: our session ends all the same, and the page warns.
      const { token } = await signedIn();
      const open = await signOut(token);
      assert.equal(open.headers.location, '/account/signed-out?provider=open');
      assert.equal(await okence.services.citizens.resolveSession(token), null);
    });

    test('the signed-out page, and its warning when the provider may still hold a session', async () => {
      const cases = [
        ['sl', 'Odjavljeni ste', 'Nismo mogli potrditi'],
        ['cs', 'Jste odhlášeni', 'Nepodařilo se ověřit'],
        ['en', 'You are signed out', 'We could not confirm'],
      ] as const;
      for (const [lang, title, warning] of cases) {
        const page = await get('/account/signed-out', '', lang);
        assert.equal(page.statusCode, 200);
        assert.match(page.body, new RegExp(`<h1>${title}</h1>`));
        assert.doesNotMatch(page.body, new RegExp(warning));
        const open = await get('/account/signed-out?provider=open', '', lang);
        assert.match(open.body, new RegExp(warning));
      }
      assert.equal((await get('/account/signed-out?provider=x&provider=y')).statusCode, 200);
    });
  });
}
