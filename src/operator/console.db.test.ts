import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, cookiesOf, csrfFrom } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { DEMO_PASSWORD } from '../tenants/demo-data.ts';
import { base32Decode, totpAt } from './totp.ts';
import { THROTTLE_WINDOW_MS } from '../identity/domain.ts';

const PASSWORD = 'correct horse battery staple operator';
const EMAIL = 'ops@example.org';
const CLI = { name: 'npm run operator', actor: { system: 'cli' } } as const;

for (const kind of DB_KINDS) {
  describe(`the operator console on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
    let secret: Buffer;
    before(async () => {
      okence = await bootTestApp(kind, { clock });
    });
    after(async () => {
      await okence.close();
    });

    type Jar = Record<string, string>;
    const ip = '203.0.113.50';
    async function get(url: string, jar: Jar) {
      const res = await okence.app.inject({
        method: 'GET',
        url,
        cookies: jar,
        remoteAddress: ip,
        headers: { 'accept-language': 'en' },
      });
      Object.assign(jar, cookiesOf(res));
      return res;
    }
    async function post(url: string, jar: Jar, form: Record<string, string>, csrfPage: string) {
      const page = await get(csrfPage, jar);
      const res = await okence.app.inject({
        method: 'POST',
        url,
        cookies: jar,
        remoteAddress: ip,
        payload: { ...form, _csrf: csrfFrom(page.body) },
      });
      Object.assign(jar, cookiesOf(res));
      return res;
    }
    const path = (url: string) => new URL(url).pathname;

    test('a link sets the password, enrolment is next and mandatory, a code confirms it', async () => {
      const operatorId = await okence.operators.create(EMAIL, CLI.actor);
      const link = await okence.invitations.invite({ kind: 'operator', operatorId }, CLI);
      const mail = await okence.handle.db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('to_address', '=', EMAIL)
        .executeTakeFirstOrThrow();
      assert.ok(mail.text_body.includes(link.url), 'the mail carries the link');
      assert.match(mail.text_body, /72\u00a0hours/);
      const jar: Jar = {};
      const form = await get(path(link.url), jar);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /ops@example\.org/);
      const weak = await post(path(link.url), jar, { password: 'short' }, path(link.url));
      assert.equal(weak.statusCode, 400);
      const set = await post(path(link.url), jar, { password: PASSWORD }, path(link.url));
      assert.equal(set.statusCode, 303);
      assert.equal(set.headers.location, '/operator/enrol');
      // Enrolment only: the console itself stays shut.
      assert.equal((await get('/operator', jar)).headers.location, '/operator/sign-in');
      const enrol = await get('/operator/enrol', jar);
      assert.equal(enrol.statusCode, 200);
      assert.match(enrol.body, /<svg class="qr"/);
      const shown = /id="totp-secret">([A-Z2-7 ]+)</.exec(enrol.body)?.[1];
      assert.ok(shown);
      secret = base32Decode(shown)!;
      assert.equal(
        (await post('/operator/enrol', jar, { code: '000000' }, '/operator/enrol')).statusCode,
        401,
      );
      const done = await post(
        '/operator/enrol',
        jar,
        { code: totpAt(secret, clock.now()) },
        '/operator/enrol',
      );
      assert.equal(done.headers.location, '/operator');
      const home = await get('/operator', jar);
      assert.equal(home.statusCode, 200);
      assert.match(home.headers['cache-control'] as string, /no-store/);
      // The link died with its use.
      const again = await get(path(link.url), {});
      assert.equal(again.statusCode, 410);
      assert.match(again.body, /already been used/);
    });

    test("garbage in the sign-in page's query is no notice, never a 500", async () => {
      for (const q of ['signed_out=1&signed_out=1', `signed_out=${'1'.repeat(5000)}`, 'x[]=1']) {
        const res = await get(`/operator/sign-in?${q}`, {});
        assert.equal(res.statusCode, 200, q);
        assert.doesNotMatch(res.body, /role="status"/, q);
      }
    });

    test('sign-in is the password, then a code that cannot be replayed', async () => {
      clock.advance(60_000);
      const jar: Jar = {};
      const first = await post(
        '/operator/sign-in',
        jar,
        { email: EMAIL, password: PASSWORD },
        '/operator/sign-in',
      );
      assert.equal(first.headers.location, '/operator/sign-in/code');
      assert.equal((await get('/operator', jar)).headers.location, '/operator/sign-in');
      const code = totpAt(secret, clock.now());
      const ok = await post('/operator/sign-in/code', jar, { code }, '/operator/sign-in/code');
      assert.equal(ok.headers.location, '/operator');
      assert.equal((await get('/operator', jar)).statusCode, 200);
      // The same code, in another browser within its window: refused.
      const other: Jar = {};
      await post(
        '/operator/sign-in',
        other,
        { email: EMAIL, password: PASSWORD },
        '/operator/sign-in',
      );
      const replay = await post(
        '/operator/sign-in/code',
        other,
        { code },
        '/operator/sign-in/code',
      );
      assert.equal(replay.statusCode, 401);
      const events = await okence.handle.db
        .selectFrom('audit_event')
        .select(['action', 'organisation_id'])
        .where('actor_operator_id', 'is not', null)
        .execute();
      const actions = events.map((e) => e.action);
      for (const a of [
        'operator.password_set',
        'operator.totp_enrolled',
        'operator.signed_in',
        'operator.sign_in_failed',
      ])
        assert.ok(actions.includes(a), a);
      assert.ok(
        events.every((e) => e.organisation_id === null),
        'installation-level entries',
      );
    });

    test('wrong passwords and wrong codes both count: the sixth try is refused with Retry-After, even with everything right', async () => {
      // Past the window of the failures before (the replayed code above counted: it came after
      // that sign-in's success).
      clock.advance(THROTTLE_WINDOW_MS);
      const jar: Jar = {};
      for (let i = 0; i < 3; i++)
        assert.equal(
          (
            await post(
              '/operator/sign-in',
              jar,
              { email: EMAIL, password: 'not the password' },
              '/operator/sign-in',
            )
          ).statusCode,
          401,
        );
      assert.equal(
        (
          await post(
            '/operator/sign-in',
            jar,
            { email: EMAIL, password: PASSWORD },
            '/operator/sign-in',
          )
        ).headers.location,
        '/operator/sign-in/code',
      );
      for (let i = 0; i < 2; i++)
        assert.equal(
          (await post('/operator/sign-in/code', jar, { code: '000000' }, '/operator/sign-in/code'))
            .statusCode,
          401,
        );
      const right = totpAt(secret, clock.now());
      const refused = await post(
        '/operator/sign-in/code',
        jar,
        { code: right },
        '/operator/sign-in/code',
      );
      assert.equal(refused.statusCode, 429);
      assert.ok(Number(refused.headers['retry-after']) > 0);
      const again = await post(
        '/operator/sign-in',
        {},
        { email: EMAIL, password: PASSWORD },
        '/operator/sign-in',
      );
      assert.equal(again.statusCode, 429, 'the password step too');
      // A staff account with the same address is not locked out by the operator's failures.
      const failures = await okence.handle.db
        .selectFrom('sign_in_attempt')
        .select('email')
        .where('succeeded', '=', false)
        .execute();
      assert.ok(failures.every((f) => f.email === `operator:${EMAIL}`));
      clock.advance(15 * 60_000);
      assert.equal(
        (
          await post(
            '/operator/sign-in',
            {},
            { email: EMAIL, password: PASSWORD },
            '/operator/sign-in',
          )
        ).statusCode,
        303,
        'open again after the window',
      );
    });

    test('staff sign-in knows nothing of operators, and the console knows nothing of staff', async () => {
      const asStaff = await post(
        '/staff/sign-in',
        {},
        { email: EMAIL, password: PASSWORD },
        '/staff/sign-in',
      );
      assert.equal(asStaff.statusCode, 401);
      const asOperator = await post(
        '/operator/sign-in',
        {},
        { email: 'admin@domzale.example', password: DEMO_PASSWORD },
        '/operator/sign-in',
      );
      assert.equal(asOperator.statusCode, 401);
    });
  });
}
