import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { bootTestApp } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { bookThroughApi } from './testing.ts';

/** Every script a page loads, by URL, with each module it imports (directly or not), as served. */
async function scriptsOf(okence: Okence, page: string): Promise<Map<string, string>> {
  const served = new Map<string, string>();
  const visit = async (url: string) => {
    if (served.has(url)) return;
    const res = await okence.app.inject({ url });
    assert.equal(res.statusCode, 200, url);
    served.set(url, res.body);
    for (const [, next] of res.body.matchAll(/from\s*'(\/assets\/[^']+)'/g)) await visit(next!);
  };
  for (const [, src] of page.matchAll(/<script type="module" src="([^"]+)"/g)) await visit(src!);
  return served;
}

// The browser tests read window.okenceMeeting; people's browsers must not get it.
for (const env of ['production', 'test'] as const) {
  describe(`the meeting page in ${env}`, () => {
    let okence: Okence;
    let page: string;
    const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
    before(async () => {
      okence = await bootTestApp('pglite', {
        clock,
        env:
          env === 'production'
            ? {
                NODE_ENV: 'production',
                PUBLIC_URL: 'http://localhost:3000',
                SMTP_URL: 'smtp://127.0.0.1:9',
                FILE_SCAN: 'off',
              }
            : {},
      });
      const b = await bookThroughApi(okence, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'splosne-informacije',
        day: '2026-11-25',
        email: 'hook@example.si',
        name: 'Hook Test',
      });
      clock.set(new Date(b.start.getTime() - 5 * 60_000));
      const res = await okence.app.inject({ url: `/j/${b.joinToken}` });
      assert.equal(res.statusCode, 200);
      page = res.body;
      assert.match(page, /id="meeting-app"/);
    });
    after(() => okence.close());

    test(
      env === 'production'
        ? 'ships no test hook: not loaded, not served, in no module'
        : 'loads the test hook for the browser tests',
      async () => {
        const scripts = await scriptsOf(okence, page);
        assert.ok([...scripts.keys()].some((url) => url.startsWith('/assets/meeting.js')));
        const withHook = [...scripts].filter(([, js]) => js.includes('okenceMeeting'));
        const hook = await okence.app.inject({ url: '/assets/test-hook.js' });
        if (env === 'production') {
          assert.deepEqual(withHook, []);
          assert.doesNotMatch(page, /test-hook/);
          assert.equal(hook.statusCode, 404);
        } else {
          assert.deepEqual(
            withHook.map(([url]) => url.split('?')[0]),
            ['/assets/test-hook.js'],
          );
          assert.equal(hook.statusCode, 200);
        }
      },
    );
  });
}
