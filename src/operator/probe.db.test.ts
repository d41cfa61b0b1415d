import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, csrfFrom } from '../http/testing.ts';
import { OPERATOR_COOKIE } from '../http/operator-session.ts';
import { fixedClock } from '../lib/clock.ts';
import { recordingRoutes, type RegisteredRoute } from '../http/testing-routes.ts';
import { base32Decode, totpAt } from './totp.ts';
import { operatorSession, TEST_OPERATOR_PASSWORD } from './testing.ts';

const CLI = { name: 'npm run operator', actor: { system: 'cli' } } as const;

/** Attacks on the operator console from outside (an engineer who did not write it). */
for (const kind of DB_KINDS) {
  describe(`the operator console under attack, on ${kind}`, () => {
    let okence: Okence;
    let routes: RegisteredRoute[] = [];
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
    before(async () => {
      const recorded = await recordingRoutes(() => bootTestApp(kind, { clock }));
      okence = recorded.booted;
      routes = recorded.routes.filter(
        (r) => r.method !== 'HEAD' && (r.url === '/operator' || r.url.startsWith('/operator/')),
      );
    });
    after(async () => okence.close());

    // Findings of the outside probe: confirmEnrolment overwrote totp_secret without checking that
    // none was enrolled, and a password sign-in of an operator without a second factor opened an
    // enrolment, so whoever learnt the password before the owner finished enrolled their own.
    test('someone with only the password cannot enrol a second factor, before or after the owner', async () => {
      const id = await okence.operators.create('race@example.org', CLI.actor);
      const link = await okence.invitations.invite({ kind: 'operator', operatorId: id }, CLI);
      await okence.invitations.setPassword(link.url.split('/').pop()!, TEST_OPERATOR_PASSWORD);
      const owner = await okence.operators.enrolmentSession(id);
      // Someone who has the password signs in before the owner has finished enrolling.
      const intruder = await okence.operators.signIn({
        email: 'race@example.org',
        password: TEST_OPERATOR_PASSWORD,
        ip: '198.51.100.9',
      });
      assert.deepEqual(intruder, { ok: false, reason: 'not_enrolled' });
      // Two enrolment sessions at once (the link's page opened twice): only the first to confirm counts.
      const other = await okence.operators.enrolmentSession(id);
      const ownerSecret = base32Decode((await okence.operators.enrolmentSecret(owner))!.secret)!;
      const otherSecret = base32Decode((await okence.operators.enrolmentSecret(other))!.secret)!;
      assert.ok(
        (
          await okence.operators.confirmEnrolment(
            owner,
            totpAt(ownerSecret, clock.now()),
            '127.0.0.1',
          )
        ).ok,
        'the owner enrols',
      );
      const late = await okence.operators.confirmEnrolment(
        other,
        totpAt(otherSecret, clock.now()),
        '198.51.100.9',
      );
      assert.equal(
        late.ok,
        false,
        'the second factor is enrolled already: the other enrolment session must not replace it',
      );
      clock.advance(60_000);
      const again = await okence.operators.signIn({
        email: 'race@example.org',
        password: TEST_OPERATOR_PASSWORD,
        ip: '127.0.0.1',
      });
      assert.ok(again.ok && again.stage === 'code');
      assert.ok(
        (
          await okence.operators.verifyCode(
            again.token,
            totpAt(ownerSecret, clock.now()),
            '127.0.0.1',
          )
        ).ok,
        "the owner's authenticator still works",
      );
    });

    test('the sign-in page of an operator without a second factor says how to get a new link (403), and opens nothing', async () => {
      const id = await okence.operators.create('nofactor@example.org', CLI.actor);
      const link = await okence.invitations.invite({ kind: 'operator', operatorId: id }, CLI);
      await okence.invitations.setPassword(link.url.split('/').pop()!, TEST_OPERATOR_PASSWORD);
      const page = await okence.app.inject({ url: '/operator/sign-in' });
      const csrfCookie = page.cookies.find((c) => c.name === '__Host-okence-csrf')!;
      const res = await okence.app.inject({
        method: 'POST',
        url: '/operator/sign-in',
        cookies: { [csrfCookie.name]: csrfCookie.value },
        payload: {
          email: 'nofactor@example.org',
          password: TEST_OPERATOR_PASSWORD,
          _csrf: csrfFrom(page.body),
        },
      });
      assert.equal(res.statusCode, 403);
      assert.match(res.body, /reset-admin/);
      assert.equal(
        res.cookies.find((c) => c.name === '__Host-okence-operator'),
        undefined,
        'no session of any stage',
      );
    });

    test('every operator form refuses a post without its CSRF token; the cookie is __Host-, Secure, HttpOnly, SameSite', async () => {
      const signed = await operatorSession(okence, 'csrf@example.org', clock);
      for (const url of [
        '/operator/sign-in',
        '/operator/sign-in/code',
        '/operator/enrol',
        '/operator/sign-out',
      ]) {
        const res = await okence.app.inject({
          method: 'POST',
          url,
          headers: { cookie: signed.cookie },
          payload: { email: 'csrf@example.org', password: TEST_OPERATOR_PASSWORD, code: '000000' },
        });
        assert.equal(res.statusCode, 403, url);
      }
      assert.ok(
        await okence.operators.resolveSession(signed.token),
        'the sign-out without a token did not end the session',
      );
      const page = await okence.app.inject({ url: '/operator/sign-in' });
      const csrfCookie = page.cookies.find((c) => c.name === '__Host-okence-csrf')!;
      const res = await okence.app.inject({
        method: 'POST',
        url: '/operator/sign-in',
        cookies: { [csrfCookie.name]: csrfCookie.value },
        payload: {
          email: 'csrf@example.org',
          password: TEST_OPERATOR_PASSWORD,
          _csrf: csrfFrom(page.body),
        },
      });
      assert.equal(res.statusCode, 303);
      const set = String(res.headers['set-cookie']);
      assert.match(set, new RegExp(`${OPERATOR_COOKIE}=[^;]+;.*Path=/`));
      assert.match(set, /Secure/);
      assert.match(set, /HttpOnly/);
      assert.match(set, /SameSite=(Lax|Strict)/);
      assert.doesNotMatch(set, /Domain=/);
    });

    test('the enrolment page, which shows the secret, is never stored', async () => {
      const id = await okence.operators.create('store@example.org', CLI.actor);
      const link = await okence.invitations.invite({ kind: 'operator', operatorId: id }, CLI);
      await okence.invitations.setPassword(link.url.split('/').pop()!, TEST_OPERATOR_PASSWORD);
      const token = await okence.operators.enrolmentSession(id);
      const res = await okence.app.inject({
        url: '/operator/enrol',
        headers: { cookie: `${OPERATOR_COOKIE}=${token}` },
      });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['cache-control']), /no-store/);
    });

    test('a session half-way (password right, no code yet; or enrolment only) opens no console route but its own step', async () => {
      const signed = await operatorSession(okence, 'half@example.org', clock);
      clock.advance(60_000);
      const code = await okence.operators.signIn({
        email: 'half@example.org',
        password: TEST_OPERATOR_PASSWORD,
        ip: '127.0.0.1',
      });
      assert.ok(code.ok && code.stage === 'code');
      const id = await okence.operators.create('half-enrol@example.org', CLI.actor);
      const enrol = await okence.operators.enrolmentSession(id);
      const own: Record<string, string[]> = {
        code: ['/operator/sign-in/code', '/operator/sign-in'],
        enrol: ['/operator/enrol', '/operator/sign-in'],
      };
      const problems: string[] = [];
      for (const [stage, token] of [
        ['code', code.token],
        ['enrol', enrol],
      ] as const) {
        const page = await okence.app.inject({
          url: '/operator/sign-in',
          headers: { cookie: `${OPERATOR_COOKIE}=${token}` },
        });
        const csrf = page.cookies.find((c) => c.name === '__Host-okence-csrf')!;
        for (const route of routes) {
          if (own[stage]!.includes(route.url) || route.url === '/operator/sign-out') continue;
          const url = route.url.replace(/:\w+/g, '00000000-0000-4000-8000-000000000000');
          const res = await okence.app.inject({
            method: route.method as 'GET',
            url,
            headers: { cookie: `${OPERATOR_COOKIE}=${token}; ${csrf.name}=${csrf.value}` },
            ...(route.method === 'GET' ? {} : { payload: { _csrf: csrfFrom(page.body) } }),
          });
          const location = String(res.headers.location ?? '');
          if (
            !(res.statusCode === 303 && location.startsWith('/operator/sign-in')) &&
            res.statusCode !== 401
          )
            problems.push(`${stage}: ${route.method} ${url} ${res.statusCode} ${location}`);
        }
      }
      assert.deepEqual(problems, []);
      assert.ok(routes.length >= 4, 'the console routes were recorded');
      assert.ok(await okence.operators.resolveSession(signed.token));
    });

    test('reset-admin ends every session, half-way ones too', async () => {
      const signed = await operatorSession(okence, 'reset@example.org', clock);
      clock.advance(60_000);
      const half = await okence.operators.signIn({
        email: 'reset@example.org',
        password: TEST_OPERATOR_PASSWORD,
        ip: '127.0.0.1',
      });
      assert.ok(half.ok);
      await okence.operators.reset(signed.id, CLI.actor);
      assert.equal(await okence.operators.resolveSession(signed.token), null);
      assert.equal(await okence.operators.resolveSession(half.token), null);
      const after = await okence.operators.signIn({
        email: 'reset@example.org',
        password: TEST_OPERATOR_PASSWORD,
        ip: '127.0.0.1',
      });
      assert.equal(after.ok, false, 'the old password no longer signs in');
    });
  });
}
