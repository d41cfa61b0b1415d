import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, cookiesOf, csrfFrom } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { DEMO_PASSWORD } from '../tenants/demo-data.ts';

for (const kind of DB_KINDS) {
  describe(`staff sign-in on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
    before(async () => {
      okence = await bootTestApp(kind, { clock });
    });
    after(async () => {
      await okence.close();
    });

    /** Opens the sign-in form and posts it, as a browser would. */
    async function signIn(
      email: string,
      password: string,
      extraCookies: Record<string, string> = {},
      ip = '203.0.113.7',
    ) {
      const form = await okence.app.inject({
        method: 'GET',
        url: '/staff/sign-in?lang=en',
        remoteAddress: ip,
      });
      const cookies = { ...cookiesOf(form), ...extraCookies };
      const res = await okence.app.inject({
        method: 'POST',
        url: '/staff/sign-in',
        cookies,
        remoteAddress: ip,
        payload: { email, password, _csrf: csrfFrom(form.body) },
      });
      return { res, cookies: { ...cookies, ...cookiesOf(res) } };
    }

    test("garbage in the sign-in page's query is no notice, never a 500", async () => {
      for (const q of ['signed_out=1&signed_out=1', `password_set=${'1'.repeat(5000)}`, 'x[]=1']) {
        const res = await okence.app.inject({ method: 'GET', url: `/staff/sign-in?${q}&lang=en` });
        assert.equal(res.statusCode, 200, q);
        assert.doesNotMatch(res.body, /role="status"/, q);
      }
    });

    test('a staff page without a session redirects to sign-in', async () => {
      const res = await okence.app.inject({ method: 'GET', url: '/staff' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/staff/sign-in');
    });

    test('empty or malformed input comes back with a summary and the typed email kept', async () => {
      const { res } = await signIn('not-an-email', '');
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /class="error-summary"/);
      assert.match(res.body, /href="#email">Enter an email address like name@example.com/);
      assert.match(res.body, /href="#password">Enter your password/);
      assert.match(res.body, /value="not-an-email"/);
      assert.match(res.body, /aria-invalid="true"/);
    });

    test('a wrong password and an unknown email get the same answer', async () => {
      const a = await signIn('uradnik@domzale.example', 'wrong-password', {}, '198.51.100.1');
      const b = await signIn('nobody@domzale.example', 'wrong-password', {}, '198.51.100.1');
      assert.equal(a.res.statusCode, 401);
      assert.equal(b.res.statusCode, 401);
      const message = (body: string) => /<span class="error-message"[^>]*>([^<]+)</.exec(body)?.[1];
      assert.equal(message(a.res.body), 'The email address or password is not right');
      assert.equal(message(a.res.body), message(b.res.body));
    });

    test('signing in issues a new __Host- session cookie, ends the old session, and opens the staff page', async () => {
      const planted = 'attacker-chosen-token';
      const { res, cookies } = await signIn('Admin@Domzale.example ', DEMO_PASSWORD, {
        '__Host-okence-session': planted,
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/staff');
      const cookie = res.cookies.find((c) => c.name === '__Host-okence-session');
      assert.ok(cookie && cookie.value !== planted && cookie.value.length >= 43);
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.secure, true);
      assert.equal(cookie.path, '/');
      assert.equal(cookie.sameSite, 'Lax');
      const home = await okence.app.inject({ method: 'GET', url: '/staff?lang=en', cookies });
      assert.equal(home.statusCode, 200);
      assert.match(home.body, /Welcome, Mojca Kovač/);
      assert.match(home.body, /Administrator/);
      // An admin sees their own organisation's team, and nobody from another organisation.
      assert.match(home.body, /Janez Novak/);
      assert.doesNotMatch(home.body, /Petr Svoboda|Marko Kolar/);
      assert.equal(home.headers['cache-control'], 'no-store');
    });

    test('a sign-in prunes attempts older than a day and ended sessions', async () => {
      const old = new Date(clock.now().getTime() - 2 * 24 * 3600_000);
      await okence.handle.db
        .insertInto('sign_in_attempt')
        .values({ email: 'old@example.si', ip: '192.0.2.250', succeeded: false, at: old })
        .execute();
      await signIn('uradnik@ljutomer.example', DEMO_PASSWORD);
      const left = await okence.handle.db
        .selectFrom('sign_in_attempt')
        .select('id')
        .where('email', '=', 'old@example.si')
        .execute();
      assert.equal(left.length, 0);
      const ended = await okence.handle.db
        .selectFrom('staff_session')
        .select('token_hash')
        .where('expires_at', '<=', clock.now())
        .execute();
      assert.equal(ended.length, 0);
    });

    test('an official sees no team list; sign-out ends the session on the server', async () => {
      const { cookies } = await signIn('urednik@koprivnice.example', DEMO_PASSWORD);
      const home = await okence.app.inject({ method: 'GET', url: '/staff?lang=cs', cookies });
      assert.match(home.body, /Vítejte, Petr Svoboda/);
      assert.match(home.body, /Přihlášení k trvalému pobytu/);
      assert.doesNotMatch(home.body, /Zaměstnanci organizace/);
      const out = await okence.app.inject({
        method: 'POST',
        url: '/staff/sign-out',
        cookies,
        payload: { _csrf: csrfFrom(home.body) },
      });
      assert.equal(out.statusCode, 303);
      const again = await okence.app.inject({ method: 'GET', url: '/staff', cookies });
      assert.equal(again.statusCode, 303, 'the old cookie no longer works');
    });

    test('sessions end after 30 idle minutes', async () => {
      const { cookies } = await signIn('ana.horvat@domzale.example', DEMO_PASSWORD);
      clock.advance(29 * 60_000);
      assert.equal(
        (await okence.app.inject({ method: 'GET', url: '/staff', cookies })).statusCode,
        200,
      );
      clock.advance(29 * 60_000); // active 29 minutes ago: still live
      assert.equal(
        (await okence.app.inject({ method: 'GET', url: '/staff', cookies })).statusCode,
        200,
      );
      clock.advance(31 * 60_000);
      assert.equal(
        (await okence.app.inject({ method: 'GET', url: '/staff', cookies })).statusCode,
        303,
      );
    });

    test('more than ten sign-in posts a minute from one address get a translated 429', async () => {
      const form = await okence.app.inject({
        method: 'GET',
        url: '/staff/sign-in',
        remoteAddress: '100.64.0.9',
      });
      const cookies = cookiesOf(form);
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const res = await okence.app.inject({
          method: 'POST',
          url: '/staff/sign-in?lang=cs',
          cookies,
          remoteAddress: '100.64.0.9',
          payload: { email: `nobody${i}@example.cz`, password: 'x', _csrf: csrfFrom(form.body) },
        });
        statuses.push(res.statusCode);
        if (i === 10) assert.match(res.body, /Příliš mnoho požadavků/);
      }
      assert.deepEqual(statuses, [...Array(10).fill(401), 429]);
    });

    test('five wrong passwords pause the account, even for the right password', async () => {
      for (let i = 0; i < 5; i++) {
        const { res } = await signIn(
          'admin@ljutomer.example',
          `wrong-${i}`,
          {},
          `192.0.2.${i + 10}`,
        );
        assert.equal(res.statusCode, 401);
      }
      const { res } = await signIn('admin@ljutomer.example', DEMO_PASSWORD, {}, '192.0.2.99');
      assert.equal(res.statusCode, 429);
      assert.match(res.body, /Too many attempts/);
      assert.ok(Number(res.headers['retry-after']) > 0);
      clock.advance(16 * 60_000);
      const later = await signIn('admin@ljutomer.example', DEMO_PASSWORD, {}, '192.0.2.99');
      assert.equal(later.res.statusCode, 303);
    });
  });
}
