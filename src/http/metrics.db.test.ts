import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../db/testing.ts';
import { enqueueMail } from '../mail/service.ts';
import { fixedClock } from '../lib/clock.ts';
import { bookThroughApi, openSocket, staffCookie } from '../meeting/testing.ts';
import type { Okence } from '../boot.ts';
import { bootTestApp } from './testing.ts';
import { METRICS_CONTENT_TYPE } from './metrics.ts';
import {
  assertHistogramsConsistent,
  checkWithPromtool,
  find,
  samples,
  TEST_METRICS_TOKEN,
  valueOf,
} from './metrics-testing.ts';

/** Resolves when `cond` holds, asking again every 20 ms (no fixed sleeps). */
async function until(cond: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const BEARER = { authorization: `Bearer ${TEST_METRICS_TOKEN}` };

test('without METRICS_TOKEN, /metrics is the ordinary 404 and nothing is counted', async () => {
  const okence = await bootTestApp('pglite', { backgroundJobs: false });
  try {
    const res = await okence.app.inject({ method: 'GET', url: '/metrics', headers: BEARER });
    assert.equal(res.statusCode, 404);
    assert.doesNotMatch(res.body, /okence_/);
  } finally {
    await okence.close();
  }
});

test('Prometheus is never locked out by the per-address rate limit that holds for pages', async () => {
  const okence = await bootTestApp('pglite', {
    backgroundJobs: false,
    env: { METRICS_TOKEN: TEST_METRICS_TOKEN, RATE_LIMIT_PER_MINUTE: '3' },
  });
  try {
    const from = { remoteAddress: '10.0.0.9' };
    const scrapes = [];
    for (let i = 0; i < 6; i++)
      scrapes.push(
        (await okence.app.inject({ url: '/metrics', headers: BEARER, ...from })).statusCode,
      );
    assert.deepEqual(scrapes, [200, 200, 200, 200, 200, 200]);
    const pages = [];
    for (let i = 0; i < 4; i++)
      pages.push((await okence.app.inject({ url: '/', ...from })).statusCode);
    assert.equal(pages.at(-1), 429, 'the limit holds for the same address');
  } finally {
    await okence.close();
  }
});

for (const kind of DB_KINDS) {
  describe(`/metrics on ${kind}`, () => {
    let okence: Okence;
    let base = '';
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
    before(async () => {
      okence = await bootTestApp(kind, { clock, env: { METRICS_TOKEN: TEST_METRICS_TOKEN } });
      await okence.app.listen({ port: 0, host: '127.0.0.1' });
      const address = okence.app.server.address();
      if (!address || typeof address !== 'object') throw new Error('no address');
      base = `http://127.0.0.1:${address.port}`;
    });
    after(() => okence.close());
    const scrape = async () => {
      const res = await okence.app.inject({ method: 'GET', url: '/metrics', headers: BEARER });
      assert.equal(res.statusCode, 200);
      return res;
    };

    test('anyone without the token gets 401 and nothing else, and no answer is cached', async () => {
      for (const authorization of [
        undefined,
        'Bearer wrong-token-of-the-same-length-0123456789',
        `Bearer ${TEST_METRICS_TOKEN}x`,
        `Basic ${Buffer.from(`prometheus:${TEST_METRICS_TOKEN}`).toString('base64')}`,
        TEST_METRICS_TOKEN,
      ]) {
        const res = await okence.app.inject({
          method: 'GET',
          url: '/metrics',
          headers: authorization ? { authorization } : {},
        });
        assert.equal(res.statusCode, 401, String(authorization));
        assert.equal(res.body, '');
        assert.equal(res.headers['cache-control'], 'no-store');
        assert.equal(res.headers['set-cookie'], undefined);
      }
    });

    test('the token gets the exposition, which promtool accepts', async () => {
      // A scrape in which every collector answered. On a machine this loaded, a collector's query
      // can pass the registry's two-second limit (lib/metrics.ts, tested there); it is then
      // asked again once it has finished, and one that never answers still fails below.
      let res = await scrape();
      await until(async () => {
        if (!/^okence_scrape_errors\{[^}]*\} 1$/m.test(res.body)) return true;
        res = await scrape();
        return false;
      });
      assert.equal(res.headers['content-type'], METRICS_CONTENT_TYPE);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(res.headers['set-cookie'], undefined);
      checkWithPromtool(res.body);
      const all = samples(res.body);
      for (const name of [
        'process_resident_memory_bytes',
        'nodejs_heap_size_used_bytes',
        'nodejs_eventloop_lag_p99_seconds',
        'okence_uptime_seconds',
        'process_open_fds',
      ])
        assert.ok(valueOf(all, name)! >= 0, name);
      assert.equal(valueOf(all, 'okence_db_info', { kind }), 1);
      assert.ok(valueOf(all, 'okence_db_pool_connections', { state: 'idle' })! >= 0);
      assert.equal(valueOf(all, 'okence_db_pool_waiting'), 0);
      for (const k of ['meeting', 'staff_lobby', 'folder'])
        assert.equal(valueOf(all, 'okence_open_sockets', { kind: k }), 0, k);
      // Every collector answered.
      assert.deepEqual(
        find(all, 'okence_scrape_errors').filter((s) => s.value !== 0),
        [],
      );
    });

    test('requests are counted by route pattern, never by URL; unmatched ones under one label', async () => {
      for (let i = 0; i < 3; i++) await okence.app.inject({ url: '/o/ue-domzale' });
      await okence.app.inject({ url: '/o/ue-ljutomer' });
      await okence.app.inject({ url: '/nowhere/secret-token-1' });
      await okence.app.inject({ url: '/elsewhere/secret-token-2?x=1' });
      const { body } = await scrape();
      assert.doesNotMatch(body, /ue-domzale|ue-ljutomer|secret-token|nowhere|elsewhere/);
      const all = samples(body);
      const page = { method: 'GET', route: '/o/:org' };
      assert.equal(valueOf(all, 'okence_http_requests_total', { ...page, code: '200' }), 4);
      assert.equal(valueOf(all, 'okence_http_request_duration_seconds_count', page), 4);
      const notFound = { method: 'GET', route: '(unmatched)', code: '404' };
      assert.equal(valueOf(all, 'okence_http_requests_total', notFound), 2);
      // Each series' histogram is consistent, and counts what the counter counts.
      assert.ok(assertHistogramsConsistent(all, 'okence_http_request_duration_seconds') >= 2);
      for (const h of find(all, 'okence_http_request_duration_seconds_count')) {
        const counted = find(all, 'okence_http_requests_total', h.labels);
        assert.equal(
          counted.reduce((n, s) => n + s.value, 0),
          h.value,
          JSON.stringify(h.labels),
        );
      }
    });

    test('the outbox gauges show a queued message and how long it has waited', async () => {
      // The worker would send it at once: stopped, the message stays queued.
      await okence.services.mail.stop();
      const before = samples((await scrape()).body);
      const depth = valueOf(before, 'okence_outbox_depth', { outbox: 'mail' })!;
      const now = okence.services.clock.now();
      await enqueueMail(
        okence.handle.db,
        { dedupeKey: `metrics-test:${kind}`, to: 'a@example.org', subject: 'S', text: 'T' },
        new Date(now.getTime() - 3_600_000),
      );
      const all = samples((await scrape()).body);
      assert.equal(valueOf(all, 'okence_outbox_depth', { outbox: 'mail' }), depth + 1);
      assert.equal(valueOf(all, 'okence_outbox_oldest_age_seconds', { outbox: 'mail' }), 3600);
      const deliveries = { outbox: 'submission_deliveries' };
      assert.equal(valueOf(all, 'okence_outbox_depth', deliveries), 0);
      assert.equal(valueOf(all, 'okence_outbox_oldest_age_seconds', deliveries), 0);
    });

    test('open sockets are counted by kind while they are open', async () => {
      const b = await bookThroughApi(okence, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'splosne-informacije',
        day: '2026-11-25',
        email: 'mojca@example.si',
        name: 'Mojca Novak',
        ip: '203.0.113.78',
      });
      clock.set(new Date(b.start.getTime() - 5 * 60_000));
      const cookie = await staffCookie(okence, 'uradnik@domzale.example', '198.18.9.3');
      const lobby = openSocket(base, '/staff/lobby/ws', { cookie });
      const room = openSocket(base, `/staff/meetings/${b.id}/ws`, { cookie });
      const sockets = async () => {
        const all = samples((await scrape()).body);
        return ['meeting', 'staff_lobby', 'folder'].map((k) =>
          valueOf(all, 'okence_open_sockets', { kind: k }),
        );
      };
      try {
        await room.next('welcome');
        await until(async () => String(await sockets()) === '1,1,0');
      } finally {
        await Promise.all([lobby.close(), room.close()]);
      }
      await until(async () => String(await sockets()) === '0,0,0');
    });

    test('job runs are counted by outcome, with the last success', async () => {
      // The retention job runs at start; wait until its run is over.
      const job = { job: 'retention' };
      let all = samples((await scrape()).body);
      await until(async () => {
        all = samples((await scrape()).body);
        return valueOf(all, 'okence_job_runs_total', { ...job, outcome: 'success' }) === 1;
      });
      assert.equal(valueOf(all, 'okence_job_runs_total', { ...job, outcome: 'success' }), 1);
      assert.equal(valueOf(all, 'okence_job_runs_total', { ...job, outcome: 'failure' }), 0);
      const last = valueOf(all, 'okence_job_last_success_timestamp_seconds', job)!;
      assert.ok(Math.abs(last - Date.now() / 1000) < 60, String(last));
      // A job that has not run yet (every minute, not at start) is listed with no runs.
      assert.equal(
        valueOf(all, 'okence_job_runs_total', { job: 'reminders', outcome: 'success' }),
        0,
      );
      assert.equal(
        valueOf(all, 'okence_job_last_success_timestamp_seconds', { job: 'reminders' }),
        undefined,
      );
    });
  });
}
