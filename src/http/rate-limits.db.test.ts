import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bootOkence, type Okence } from '../boot.ts';
import { openDatabase } from '../db/db.ts';
import { DB_KINDS, openTestDatabase } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { rateWindows } from '../lib/rate-windows.ts';
import { DEMO_PASSWORD } from '../tenants/demo-data.ts';
import { bootTestApp, cookiesOf, csrfFrom, testConfig } from './testing.ts';

// Rate limits are counted in the database (decision 055): one upsert per hit, so concurrent hits
// never lose a count, and instances on one PostgreSQL share every limit.
for (const kind of DB_KINDS) {
  describe(`rate limit windows (${kind})`, () => {
    test('concurrent hits are each counted once; a new window starts after the last ends', async () => {
      const handle = await openTestDatabase(kind);
      try {
        const windows = rateWindows(handle.db);
        const counted = await Promise.all(
          Array.from({ length: 40 }, () => windows.hit('k', 60_000)),
        );
        assert.deepEqual(
          counted.map((c) => c.count).sort((x, y) => x - y),
          Array.from({ length: 40 }, (_, i) => i + 1),
        );
        assert.ok(counted.every((c) => c.ttlMs > 0 && c.ttlMs <= 60_000));
        assert.equal((await windows.hit('other', 60_000)).count, 1, 'per key');
        const short = await windows.hit('short', 1);
        assert.equal(short.count, 1);
        // Waits on the database's clock passing the window's end, not on a fixed sleep.
        while ((await windows.purge()) === 0) await new Promise((r) => setImmediate(r));
        assert.equal((await windows.hit('k', 60_000)).count, 41, 'a live window stays');
        assert.equal((await windows.hit('short', 60_000)).count, 1, 'an ended one starts again');
      } finally {
        await handle.close();
      }
    });
  });
}

describe(
  'rate limits and sign-in throttling across two instances on PostgreSQL',
  { skip: !process.env.DATABASE_URL && 'DATABASE_URL is not set' },
  () => {
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
    const env = { SESSION_SECRET: 's'.repeat(40), RATE_LIMIT_PER_MINUTE: '6' };
    let a: Okence;
    let b: Okence;
    before(async () => {
      a = await bootTestApp('postgres', { clock, env, backgroundJobs: false });
      const url = (a.handle as { url?: string }).url;
      b = await bootOkence(testConfig(env), {
        clock,
        backgroundJobs: false,
        handle: await openDatabase({ databaseUrl: url, dataDir: 'unused' }),
      });
    });
    after(async () => {
      await b?.close();
      await a?.close();
    });

    test('the global limit is one count: the N+1st request, on the other instance, gets 429', async () => {
      const get = (o: Okence) =>
        o.app.inject({ method: 'GET', url: '/o/ue-domzale', remoteAddress: '198.51.100.7' });
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await get(i % 2 ? b : a)).statusCode);
      assert.deepEqual(statuses, Array(6).fill(200));
      const refused = await get(b);
      assert.equal(refused.statusCode, 429);
      const retryAfter = Number(refused.headers['retry-after']);
      assert.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After ${retryAfter}`);
      assert.equal((await get(a)).statusCode, 429, 'and on the first instance too');
      const elsewhere = await b.app.inject({
        method: 'GET',
        url: '/o/ue-domzale',
        remoteAddress: '198.51.100.8',
      });
      assert.equal(elsewhere.statusCode, 200, 'another address has its own count');
      // Health probes stay answered past the limit, with a query string too (a proxy's or a
      // test's marker): an instance judged down by its own rate limit would be taken out.
      for (const url of ['/healthz', '/readyz', '/healthz?probe=1', '/readyz?from=haproxy']) {
        const probe = await b.app.inject({ method: 'GET', url, remoteAddress: '198.51.100.7' });
        assert.equal(probe.statusCode, 200, url);
      }
    });

    test("a route's own limit (ten sign-in posts a minute) is counted across instances", async () => {
      const ip = '198.51.100.20';
      const env2 = { remoteAddress: ip };
      const form = await a.app.inject({ method: 'GET', url: '/staff/sign-in', ...env2 });
      const cookies = cookiesOf(form);
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const res = await (i % 2 ? b : a).app.inject({
          method: 'POST',
          url: '/staff/sign-in',
          cookies,
          ...env2,
          payload: { email: `nobody${i}@example.si`, password: 'x', _csrf: csrfFrom(form.body) },
        });
        statuses.push(res.statusCode);
      }
      assert.deepEqual(statuses, [...Array(10).fill(401), 429]);
    });

    test('five wrong passwords on either instance pause the account on both', async () => {
      const signIn = async (o: Okence, password: string, ip: string) => {
        const form = await o.app.inject({
          method: 'GET',
          url: '/staff/sign-in',
          remoteAddress: ip,
        });
        return o.app.inject({
          method: 'POST',
          url: '/staff/sign-in',
          cookies: cookiesOf(form),
          remoteAddress: ip,
          payload: { email: 'admin@ljutomer.example', password, _csrf: csrfFrom(form.body) },
        });
      };
      for (let i = 0; i < 5; i++)
        assert.equal(
          (await signIn(i % 2 ? b : a, `wrong-${i}`, `192.0.2.${i + 30}`)).statusCode,
          401,
        );
      for (const o of [a, b]) {
        const res = await signIn(o, DEMO_PASSWORD, '192.0.2.99');
        assert.equal(res.statusCode, 429, 'the right password waits too');
        assert.ok(Number(res.headers['retry-after']) > 0);
      }
    });
  },
);
