// Two Okence instances on one PostgreSQL and one FILES_DIR behind Debian's nginx and HAProxy,
// each run from docs/examples/ (decision 055). The instances run in this process (bootOkence),
// not as child processes: a meeting opens minutes before its time, so both must share the
// test's shifted clock; stopping one is the same `close()` that SIGTERM runs in main.ts (drain,
// sockets closed with 1012, requests and jobs finished), and starting it again is a new boot
// on the same port. Which instance holds a page's socket is proved by each instance's own
// record of the upgrades it served, and pinned by reloading nginx with the other one `down`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { bootOkence, type Okence } from '../src/boot.ts';
import { openDatabase } from '../src/db/db.ts';
import { openTestDatabase } from '../src/db/testing.ts';
import { testConfig } from '../src/http/testing.ts';
import { shiftedClock } from '../src/lib/clock.ts';
import { launchCallBrowser } from './harness.ts';
import {
  admit,
  bookAndStandBefore,
  expectChat,
  expectVideoFrom,
  newCallPage,
  officialJoins,
  prejoinAndJoin,
  sendChat,
  signIn,
  stage,
  stagesSince,
  text,
  watchStages,
} from './meeting-pages.ts';
import { freePort } from './net.ts';
import {
  fetchFresh,
  probe,
  selfSignedCert,
  startHaproxy,
  startNginx,
  type Upstreams,
} from './proxies.ts';

/** An instance and what its HTTP server saw: request and WebSocket upgrade URLs, in order. */
type Instance = { okence: Okence; requests: string[]; upgrades: string[] };

const pdf = (label: string) =>
  Buffer.from(
    `%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Title (${label}) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
  );
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe(
  'two instances behind nginx and HAProxy: a meeting across them, and a rolling restart',
  { skip: !process.env.DATABASE_URL && 'DATABASE_URL is not set' },
  () => {
    const clock = shiftedClock();
    let browser: Browser;
    let dir: string;
    let dbUrl: string;
    let closeDb: () => Promise<void>;
    const ports = { a: 0, b: 0, nginx: 0, nginx80: 0, haproxy: 0, haproxy80: 0 };
    const instances: Partial<Record<'a' | 'b', Instance>> = {};
    let env: Record<string, string>;

    async function start(name: 'a' | 'b'): Promise<Instance> {
      const okence = await bootOkence(testConfig({ ...env, DATA_DIR: join(dir, `data-${name}`) }), {
        clock,
        handle: await openDatabase({ databaseUrl: dbUrl, dataDir: 'unused' }),
      });
      const instance: Instance = { okence, requests: [], upgrades: [] };
      okence.app.server.on('request', (req: { url?: string }) =>
        instance.requests.push(req.url ?? ''),
      );
      okence.app.server.on('upgrade', (req: { url?: string }) =>
        instance.upgrades.push(req.url ?? ''),
      );
      await okence.app.listen({ port: ports[name], host: '127.0.0.1' });
      return (instances[name] = instance);
    }

    /** Probes through the proxy until three in a row reach `name` (nginx reloads asynchronously). */
    async function routedTo(base: string, name: 'a' | 'b') {
      let inARow = 0;
      for (let i = 0; inARow < 3; i++) {
        assert.ok(i < 400, `the proxy never settled on instance ${name}`);
        const marker = `/healthz?probe=${name}-${i}`;
        await probe(`${base}${marker}`);
        inARow = instances[name]!.requests.includes(marker) ? inARow + 1 : 0;
      }
    }

    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'okence-e2e-instances-'));
      await selfSignedCert(dir);
      for (const k of Object.keys(ports) as (keyof typeof ports)[]) ports[k] = await freePort();
      const handle = await openTestDatabase('postgres');
      dbUrl = handle.url!;
      closeDb = () => handle.close();
      env = {
        SESSION_SECRET: 'm'.repeat(40),
        PUBLIC_URL: `https://localhost:${ports.nginx}`,
        TRUST_PROXY: 'loopback',
        FILES_DIR: join(dir, 'files'),
        FILE_SCAN: 'off',
      };
      await start('a');
      await start('b');
      browser = await launchCallBrowser();
    });
    after(async () => {
      await browser?.close();
      await instances.a?.okence.close();
      await instances.b?.okence.close();
      await closeDb?.();
      await rm(dir, { recursive: true, force: true });
    });

    test(
      'nginx: knock on A, official on B, call and chat, a file up through A and down through B, A restarted during the call',
      { timeout: 240_000 },
      async () => {
        const up = (...names: ('a' | 'b')[]): Upstreams => ({ a: ports.a, b: ports.b, up: names });
        const nginx = await startNginx(join(dir), ports.nginx, ports.nginx80, up('a'));
        try {
          const base = nginx.base;
          assert.equal(await probe(`${base}/metrics`), 403, '/metrics is refused from outside');
          const a = instances.a!;
          const b = instances.b!;
          const booking = await bookAndStandBefore(a.okence, clock, {
            name: 'Ana Kranjc',
            email: 'ana@example.si',
          });
          const citizenWs = `/j/${booking.joinToken}/ws`;
          const staffWs = `/staff/meetings/${booking.id}/ws`;
          const on = (i: Instance, path: string) =>
            i.upgrades.filter((u) => u.startsWith(path)).length;

          // 1. Only A is up: the citizen knocks there.
          await routedTo(base, 'a');
          const citizen = await newCallPage(browser, { ignoreHTTPSErrors: true });
          await prejoinAndJoin(citizen, `${base}/j/${booking.joinToken}`);
          await stage(citizen, 'lobby');
          assert.deepEqual(
            [on(a, citizenWs), on(b, citizenWs)],
            [1, 0],
            "the citizen's socket is on A",
          );

          // 2. Only B is up: the official signs in, joins and admits; chat and video both ways.
          await nginx.reload(up('b'));
          await routedTo(base, 'b');
          const official = await newCallPage(browser, { ignoreHTTPSErrors: true });
          await signIn(official, base, 'uradnik@domzale.example');
          await officialJoins(official, base, booking.id);
          assert.deepEqual(
            [on(a, staffWs), on(b, staffWs)],
            [0, 1],
            "the official's socket is on B",
          );
          await admit(official, 'Ana Kranjc');
          await stage(citizen, 'room');
          await sendChat(citizen, 'Dober dan z instance A.');
          await expectChat(official, 'Dober dan z instance A.');
          await sendChat(official, 'Pozdravljeni z instance B.');
          await expectChat(citizen, 'Pozdravljeni z instance B.');
          await expectVideoFrom(citizen, 1, { senders: [official] });
          await expectVideoFrom(official, 1, { senders: [citizen] });
          await official.locator('#open-folder').click();
          const officialFolder = await openFolder(official);

          // 3. Only A: the citizen uploads. 4. Only B: the official's live list shows it; download.
          await nginx.reload(up('a'));
          await routedTo(base, 'a');
          const citizenFolder = await openFolder(citizen);
          const file = pdf('Vloga z instance A');
          await citizenFolder
            .locator('#file')
            .setInputFiles({ name: 'vloga.pdf', mimeType: 'application/pdf', buffer: file });
          await citizenFolder
            .getByRole('button', { name: text('files.upload'), exact: true })
            .click();
          const uploaded = (i: Instance) =>
            i.requests.some(
              (u) => u.startsWith(`/j/${booking.joinToken}/files`) && !u.endsWith('/ws'),
            );
          await until('the upload through A', () => uploaded(a));
          const listed = officialFolder
            .locator('#folder-files li')
            .filter({ hasText: 'vloga.pdf' });
          await listed.waitFor({ timeout: 20_000 });
          await nginx.reload(up('b'));
          await routedTo(base, 'b');
          const [aBefore, bBefore] = [a.requests.length, b.requests.length];
          // With the page's own session (its cookies), by the link it shows, on a connection of
          // its own: Chromium cancels a download from a site whose certificate it was told to
          // ignore, and Playwright's request client may reuse a connection to an older worker.
          const href = String(await listed.locator('a[download]').getAttribute('href'));
          const cookie = (await officialFolder.context().cookies(base))
            .map((c) => `${c.name}=${c.value}`)
            .join('; ');
          const got = await fetchFresh(new URL(href, base).href, cookie);
          assert.equal(got.status, 200);
          assert.equal(sha(got.body), sha(file), 'the same bytes');
          const served = (i: Instance, from: number) =>
            i.requests
              .slice(from)
              .some((u) => u.startsWith(`/staff/meetings/${booking.id}/files/`));
          assert.ok(served(b, bBefore), `downloaded through B (through A: ${served(a, aBefore)})`);

          // 5. Both up; A is stopped during the call (a rolling restart) and started again.
          await nginx.reload(up('a', 'b'));
          await watchStages(citizen);
          const onB = on(b, citizenWs);
          const stopped = Date.now();
          await a.okence.close();
          await until('the citizen back through B', () => on(b, citizenWs) > onB);
          const backMs = Date.now() - stopped;
          // Media comes back with a new peer connection (the server saw the citizen leave and
          // return): 9–24 s measured here, most of it the machine's load; 60 s is the bound.
          await expectVideoFrom(citizen, 1, { senders: [official], timeout: 60_000 });
          await expectVideoFrom(official, 1, { senders: [citizen], timeout: 60_000 });
          const mediaMs = Date.now() - stopped;
          await sendChat(citizen, 'Še vedno tukaj.');
          await expectChat(official, 'Še vedno tukaj.');
          const stages = await stagesSince(citizen);
          assert.ok(!stages.includes('lobby'), `no second lobby: ${stages.join(', ')}`);
          assert.equal(await citizen.evaluate(() => document.body.dataset.meetingStage), 'room');
          console.log(
            `# rolling restart: citizen's socket back through B in ${backMs} ms, video rising again within ${mediaMs} ms`,
          );
          // Generous on a loaded 2-core machine: a reconnect is immediate on 1012 (state.ts).
          assert.ok(backMs < 10_000, `back in ${backMs} ms`);

          // Started again, A takes requests through nginx once its fail_timeout is over.
          const restarted = await start('a');
          let n = 0;
          await until('nginx sends to A again', async () => {
            const marker = `/healthz?probe=again-${n++}`;
            await probe(`${base}${marker}`);
            return restarted.requests.includes(marker);
          });
        } finally {
          await nginx.stop();
        }
      },
    );

    test(
      'HAProxy: knock, admission and chat across the two instances',
      { timeout: 120_000 },
      async () => {
        const haproxy = await startHaproxy(dir, ports.haproxy, ports.haproxy80, {
          a: ports.a,
          b: ports.b,
          up: ['a', 'b'],
        });
        try {
          const base = haproxy.base;
          assert.equal(await probe(`${base}/metrics`), 403, '/metrics is refused from outside');
          const b = await bookAndStandBefore(instances.b!.okence, clock, {
            name: 'Petra Novak',
            email: 'petra@example.si',
          });
          // The instances check Origin against the Host the proxy passes on: its own address here.
          const citizen = await newCallPage(browser, { ignoreHTTPSErrors: true });
          await prejoinAndJoin(citizen, `${base}/j/${b.joinToken}`);
          await stage(citizen, 'lobby');
          const official = await newCallPage(browser, { ignoreHTTPSErrors: true });
          await signIn(official, base, 'uradnik@domzale.example');
          await officialJoins(official, base, b.id);
          await admit(official, 'Petra Novak');
          await stage(citizen, 'room');
          await sendChat(official, 'Dober dan prek HAProxy.');
          await expectChat(citizen, 'Dober dan prek HAProxy.');
          const served = (['a', 'b'] as const).map((n) => instances[n]!.requests.length > 0);
          assert.deepEqual(served, [true, true], 'both instances served');
        } finally {
          await haproxy.stop();
        }
      },
    );
  },
);

/** Follows the folder link the room's chat shows (a new tab) and waits for its live list. */
async function openFolder(room: Page): Promise<Page> {
  const link = room.getByRole('log').locator('a[data-folder-link]');
  await link.waitFor({ timeout: 15_000 });
  const [folder] = await Promise.all([room.context().waitForEvent('page'), link.click()]);
  await folder.waitForLoadState('domcontentloaded');
  await folder.waitForFunction(() => document.body.dataset.folderLive === 'yes', undefined, {
    timeout: 15_000,
  });
  return folder;
}
