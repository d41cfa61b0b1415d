// The server's Janus relay in real Chromium, with a hand-written client of the sfu-* messages
// (e2e/sfu-page-client.ts), apart from the meeting page's own client: two browsers on the
// citizen's link, let in by the official, each publish a fake camera with simulcast through a
// real Janus and decode the other's video; someone still in the lobby hears nothing of it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { openDatabase } from '../src/db/db.ts';
import { openTestDatabase } from '../src/db/testing.ts';
import { shiftedClock } from '../src/lib/clock.ts';
import { janusClient, JanusError } from '../src/meeting/sfu/janus-client.ts';
import { VIDEOROOM } from '../src/meeting/sfu/rooms.ts';
import { roomKeys } from '../src/meeting/sfu/rules.ts';
import { startJanus, type TestJanus } from '../src/meeting/sfu/testing-janus.ts';
import { openSocket, staffCookie, type TestSocket } from '../src/meeting/testing.ts';
import { launchCallBrowser, startSite } from './harness.ts';
import { bookAndStandBefore, newCallPage } from './meeting-pages.ts';
import { readProbe, startSfuProbe, waitForProbe } from './sfu-page-client.ts';

describe('meetings through Janus: the server relays real media', () => {
  let browser: Browser;
  let janus: TestJanus;
  let okence: Okence;
  let baseUrl: string;
  const clock = shiftedClock();
  const secret = randomBytes(24).toString('hex');
  const env = () => ({
    JANUS_URL: janus.url,
    JANUS_API_SECRET: janus.apiSecret,
    JANUS_ADMIN_KEY: janus.adminKey,
    SESSION_SECRET: secret,
  });
  before(async () => {
    [browser, janus] = await Promise.all([launchCallBrowser(), startJanus()]);
    ({ baseUrl, okence } = await startSite(env(), { clock }));
  });
  after(async () => {
    await browser?.close();
    await okence?.close();
    await janus?.stop();
  });

  test('two admitted browsers publish with simulcast and decode each other; a knocker gets no sfu-*', async () => {
    const b = await bookAndStandBefore(okence, clock, {
      name: 'Ana Kranjc',
      email: 'ana@example.si',
    });
    const staff: TestSocket = openSocket(baseUrl, `/staff/meetings/${b.id}/ws`, {
      cookie: await staffCookie(okence, 'uradnik@domzale.example'),
    });
    const welcome = await staff.next('welcome');
    assert.equal(welcome.media, 'sfu');
    assert.equal(welcome.maxPeople, 12);

    const pages = [await newCallPage(browser), await newCallPage(browser)];
    for (const page of pages) {
      await page.goto(`${baseUrl}/j/${b.joinToken}`, { waitUntil: 'domcontentloaded' });
      await startSfuProbe(page, `/j/${b.joinToken}/ws`);
    }
    const [one, two] = await Promise.all(
      pages.map((p) => waitForProbe(p, (s) => s.state === 'lobby', 'in the lobby')),
    );
    // A knocker's sfu-* messages are dropped (answered with forbidden), and nothing sfu-* reaches it.
    await pages[0]!.evaluate(() =>
      (window as unknown as { sfuSend(m: object): void }).sfuSend({
        type: 'sfu-receive',
        streams: [],
      }),
    );
    for (const id of [one!.you, two!.you]) staff.send({ type: 'admit', participant: id });
    const both = await Promise.all(
      pages.map((p, i) =>
        waitForProbe(
          p,
          (s) =>
            s.streams.some((x) => x.participant === (i ? one! : two!).you && x.kind === 'video'),
          `page ${i} receives the other's video`,
        ),
      ),
    );
    for (const s of both) assert.ok(s.streams.every((x) => x.participant !== s.you));
    // Frames rise on both sides, through Janus.
    const start = await Promise.all(pages.map((p) => readProbe(p)));
    await Promise.all(
      pages.map((p, i) =>
        waitForProbe(
          p,
          (s) => s.framesDecoded > start[i]!.framesDecoded + 20,
          `page ${i} decodes frames`,
        ),
      ),
    );
    const first = await readProbe(pages[0]!);
    const lobbyTypes = first.types.slice(0, first.types.indexOf('admitted'));
    assert.ok(!lobbyTypes.some((t) => t.startsWith('sfu-')), lobbyTypes.join());
    assert.ok(lobbyTypes.includes('error'), 'the knocker was told its sfu-receive was refused');

    // Janus's wall with media flowing: no subscription without a publisher's private id, no
    // recording without the room's secret (and with it, as a check that a recording would show).
    const api = janusClient({ url: janus.url, apiSecret: janus.apiSecret, log: console });
    const session = await api.createSession(() => undefined);
    const h = await session.attach(VIDEOROOM, () => undefined);
    const keys = roomKeys(secret, b.id);
    const { data } = await h.message({ request: 'listparticipants', room: keys.room });
    const feeds = (data.participants as { id: number; display: string; publisher: boolean }[])
      .filter((p) => p.publisher)
      .map((p) => p.id);
    assert.equal(feeds.length, 2);
    const sub = { request: 'join', ptype: 'subscriber', room: keys.room, pin: keys.pin };
    const unauthorized = (err: unknown) => err instanceof JanusError && err.code === 433;
    await assert.rejects(h.message({ ...sub, streams: [{ feed: feeds[0] }] }), unauthorized);
    await assert.rejects(
      h.message({ ...sub, private_id: 4242, streams: [{ feed: feeds[0] }] }),
      unauthorized,
    );
    const recordings = () => readdirSync(janus.dir).filter((f) => f.endsWith('.mjr'));
    const recording = { request: 'enable_recording', room: keys.room, record: true };
    await assert.rejects(h.message(recording));
    await assert.rejects(h.message({ ...recording, secret: 'guessed' }), unauthorized);
    const later = await readProbe(pages[0]!);
    await waitForProbe(pages[0]!, (s) => s.framesDecoded > later.framesDecoded + 20, 'frames');
    assert.deepEqual(recordings(), []);
    await h.message({ ...recording, secret: keys.secret });
    await waitForProbe(pages[0]!, () => recordings().length > 0, 'the control: a recording shows');
    await h.message({ ...recording, record: false, secret: keys.secret });
    await session.destroy();
    await api.close();
    await staff.close();
  });

  test(
    "two instances of one PostgreSQL: each holds one browser's Janus session; a removal on the other instance takes the feed",
    { skip: !process.env.DATABASE_URL && 'DATABASE_URL is not set' },
    async () => {
      const shared = await openTestDatabase('postgres');
      const a = await startSite(env(), { clock, handle: shared });
      const second = await openDatabase({ databaseUrl: shared.url, dataDir: 'unused' });
      const z = await startSite(env(), { clock, handle: second });
      try {
        const b = await bookAndStandBefore(a.okence, clock, {
          name: 'Marta Dve',
          email: 'marta@example.si',
        });
        const staff = openSocket(z.baseUrl, `/staff/meetings/${b.id}/ws`, {
          cookie: await staffCookie(z.okence, 'uradnik@domzale.example'),
        });
        await staff.next('room');
        const pages = [await newCallPage(browser), await newCallPage(browser)];
        const sites = [a.baseUrl, z.baseUrl];
        for (const [i, page] of pages.entries()) {
          await page.goto(`${sites[i]}/j/${b.joinToken}`, { waitUntil: 'domcontentloaded' });
          await startSfuProbe(page, `/j/${b.joinToken}/ws`);
        }
        const ids = (
          await Promise.all(pages.map((p) => waitForProbe(p, (s) => s.state === 'lobby', 'lobby')))
        ).map((s) => s.you);
        for (const id of ids) staff.send({ type: 'admit', participant: id });
        const start = await Promise.all(
          pages.map((p, i) =>
            waitForProbe(
              p,
              (s) => s.streams.some((x) => x.participant === ids[1 - i] && x.kind === 'video'),
              `page ${i} receives the other across instances`,
            ),
          ),
        );
        await Promise.all(
          pages.map((p, i) =>
            waitForProbe(p, (s) => s.framesDecoded > start[i]!.framesDecoded + 20, 'frames'),
          ),
        );
        // The official on instance Z turns out the browser held by instance A.
        staff.send({ type: 'remove', participant: ids[0] });
        await waitForProbe(pages[0]!, (s) => s.state === 'removed', 'removed');
        // ...and Janus no longer has a feed of theirs (kicked from Z, session destroyed by A).
        const api = janusClient({ url: janus.url, apiSecret: janus.apiSecret, log: console });
        const session = await api.createSession(() => undefined);
        const h = await session.attach(VIDEOROOM, () => undefined);
        const room = roomKeys(secret, b.id).room;
        const displays = async () => {
          const { data } = await h.message({ request: 'listparticipants', room });
          return (data.participants as { display: string }[]).map((p) => p.display);
        };
        const end = Date.now() + 10_000;
        while ((await displays()).includes(ids[0]!)) {
          assert.ok(Date.now() < end, 'the removed participant still has a feed in Janus');
          await pages[1]!.waitForTimeout(100);
        }
        assert.ok((await displays()).includes(ids[1]!));
        await session.destroy();
        await api.close();
        await staff.close();
      } finally {
        await z.okence.close();
        await a.okence.close();
      }
    },
  );
});
