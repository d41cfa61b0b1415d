// A room through a real Janus (decision 054) with the meeting page's own client, in one
// Chromium with a context per person: an official and five others (the citizen and four guests
// on personal links, each let in from the lobby), every one decoding every other's video (30
// streams), an ICE restart of a receiving connection, Janus killed and started again mid-call,
// a shared screen as a tile of its own, audio-only mode stopping video both ways, the phone's
// controls on screen, axe, and the new controls by keyboard; then a link too narrow for a camera
// read as poor, and the one who speaks taking the large tile (two browsers, a silent and a toned
// microphone).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { shiftedClock } from '../src/lib/clock.ts';
import { janusClient } from '../src/meeting/sfu/janus-client.ts';
import { VIDEOROOM } from '../src/meeting/sfu/rooms.ts';
import { JANUS_PUBLISHERS, roomKeys } from '../src/meeting/sfu/rules.ts';
import { startJanus, type TestJanus } from '../src/meeting/sfu/testing-janus.ts';
import { expectAccessible, fakeAudioFile, launchCallBrowser, startSite } from './harness.ts';
import {
  admit,
  bookAndStandBefore,
  expectVideoFrom,
  newCallPage,
  officialJoins,
  prejoinAndJoin,
  signIn,
  stage,
  stagesSince,
  tabAndPress,
  text,
  watchStages,
} from './meeting-pages.ts';

const started = Date.now();
/** Where the time goes (the file should take under a minute on a quiet machine). */
const lap = (what: string) =>
  console.log(`# ${((Date.now() - started) / 1000).toFixed(1)} s: ${what}`);

const PHONE = { width: 360, height: 640 };
/** Tall enough that every tile is in sight: a tile out of sight gets no video (sfu-layout.ts). */
const DESK = { viewport: { width: 1280, height: 1200 } };
const GUESTS = ['Arhitekt Jan Horvat', 'Tolmačka Eva Novak', 'Referent Luka Kos', 'Marta Zupan'];

type Hook = {
  media(): string;
  restartReceiving(): void;
  receivingUfrag(): string | null;
  speaker(): string | null;
  sentVideoBytes(): Promise<number>;
  stats(): Promise<Record<string, { framesDecoded: number; bytesReceived: number }>>;
};

/** The ICE credentials Janus last offered the page's receiving connection. */
const receivingUfrag = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { okenceMeeting: Hook }).okenceMeeting.receivingUfrag(),
  );

/** Waits until the page's receiving connection has ICE credentials, other than `before`. */
async function newUfrag(page: Page, before: string | null, timeout: number): Promise<void> {
  await page.waitForFunction(
    (old) => {
      const now = (window as unknown as { okenceMeeting: Hook }).okenceMeeting.receivingUfrag();
      return now !== null && now !== old;
    },
    before,
    { timeout },
  );
}

/** Waits until a reading stops changing: the same over two readings 1.5 s apart. */
async function settles(page: Page, read: () => Promise<number>, what: string): Promise<void> {
  const end = Date.now() + 20_000;
  let before = await read();
  for (;;) {
    await page.waitForTimeout(1500);
    const now = await read();
    if (now === before) return;
    assert.ok(Date.now() < end, `${what} kept rising: ${before} → ${now}`);
    before = now;
  }
}

/** Waits until a reading rises above what it was. */
async function rises(page: Page, read: () => Promise<number>, what: string): Promise<void> {
  const start = await read();
  const end = Date.now() + 20_000;
  while ((await read()) <= start) {
    assert.ok(Date.now() < end, `${what} did not rise from ${start}`);
    await page.waitForTimeout(300);
  }
}

const sentVideo = (page: Page) => () =>
  page.evaluate(() =>
    (window as unknown as { okenceMeeting: Hook }).okenceMeeting.sentVideoBytes(),
  );
const receivedVideo = (page: Page) => () =>
  page.evaluate(async () => {
    const stats = await (window as unknown as { okenceMeeting: Hook }).okenceMeeting.stats();
    return Object.values(stats).reduce((sum, s) => sum + s.bytesReceived, 0);
  });

/** The whole box of every named button lies inside the phone's viewport. */
async function controlsOnScreen(page: Page, names: string[]): Promise<void> {
  for (const name of names) {
    const box = await page.getByRole('button', { name, exact: true }).boundingBox();
    assert.ok(box, `"${name}" is not shown`);
    assert.ok(
      box.y >= 0 &&
        box.y + box.height <= PHONE.height &&
        box.x >= 0 &&
        box.x + box.width <= PHONE.width,
      `"${name}" is outside the 360×640 viewport: ${JSON.stringify(box)}`,
    );
  }
}

describe('a meeting of six through Janus, with the meeting page’s client', () => {
  let browser: Browser;
  let janus: TestJanus;
  let okence: Okence;
  let baseUrl: string;
  const clock = shiftedClock();
  // The installation's secret, from which the meetings' Janus rooms are named (rules.ts).
  const secret = randomBytes(24).toString('hex');
  before(async () => {
    [browser, janus] = await Promise.all([launchCallBrowser(), startJanus()]);
    ({ baseUrl, okence } = await startSite(
      {
        JANUS_URL: janus.url,
        JANUS_API_SECRET: janus.apiSecret,
        JANUS_ADMIN_KEY: janus.adminKey,
        SESSION_SECRET: secret,
      },
      { clock },
    ));
  });
  after(async () => {
    await browser?.close();
    await okence?.close();
    await janus?.stop();
  });

  /** The booking's official (in `officialBrowser`) in the room, and its citizen (in `citizenBrowser`), `name`, let in from the lobby. */
  async function officialAndCitizen(
    b: Awaited<ReturnType<typeof bookAndStandBefore>>,
    name: string,
    officialBrowser: Browser,
    citizenBrowser: Browser,
  ): Promise<{ official: Page; citizen: Page }> {
    const official = await newCallPage(officialBrowser, DESK);
    await signIn(official, baseUrl, 'uradnik@domzale.example');
    await officialJoins(official, baseUrl, b.id);
    const citizen = await newCallPage(citizenBrowser, DESK);
    await prejoinAndJoin(citizen, `${baseUrl}/j/${b.joinToken}`);
    await stage(citizen, 'lobby');
    await admit(official, name);
    await stage(citizen, 'room');
    return { official, citizen };
  }

  test('six decode each other, a shared screen, sound only, the phone, axe and the keyboard', async () => {
    const b = await bookAndStandBefore(okence, clock, {
      name: 'Ana Kranjc',
      email: 'ana@example.si',
    });
    const official = await newCallPage(browser, DESK);
    await signIn(official, baseUrl, 'uradnik@domzale.example');
    await officialJoins(official, baseUrl, b.id);
    assert.equal(await official.evaluate(() => window.okenceMeeting.stage()), 'room');
    assert.equal(
      await official.evaluate(() =>
        (window as unknown as { okenceMeeting: Hook }).okenceMeeting.media(),
      ),
      'sfu',
    );

    // Personal links for four guests, made by the official.
    const links: string[] = [];
    for (const name of GUESTS) {
      await official.locator('#invite-name').fill(name);
      await official.getByRole('button', { name: text('room.invite_create') }).click();
      await official.getByLabel(text('room.invite_link', { name })).waitFor({ timeout: 10_000 });
      links.push(await official.getByLabel(text('room.invite_link', { name })).inputValue());
    }
    const citizen = await newCallPage(browser, DESK);
    const guests = await Promise.all(
      GUESTS.map((_, i) =>
        newCallPage(browser, i === 3 ? { viewport: PHONE, isMobile: true, hasTouch: true } : DESK),
      ),
    );
    const phone = guests[3]!;
    const others = [citizen, ...guests];
    await Promise.all([
      prejoinAndJoin(citizen, `${baseUrl}/j/${b.joinToken}`),
      ...guests.map((g, i) => prejoinAndJoin(g, `${baseUrl}${new URL(links[i]!).pathname}`)),
    ]);
    await Promise.all(others.map((p) => stage(p, 'lobby')));
    lap('five in the lobby');
    // Nothing of the room reaches the lobby.
    for (const p of others)
      assert.equal(await p.evaluate(() => window.okenceMeeting.remoteTracks()), 0);
    for (const name of ['Ana Kranjc', ...GUESTS]) await admit(official, name);
    await Promise.all(others.map((p) => stage(p, 'room')));
    lap('six in the room');

    // Every one decodes every other's video, rising: 6 × 5 = 30 streams through Janus.
    const everyone = [official, ...others];
    await Promise.all(everyone.map((p) => expectVideoFrom(p, 5, { timeout: 45_000 })));
    lap('30 streams decoded');

    // Six video calls in one Chromium keep both of this machine's cores busy: the rest is shown
    // with three (the official, the citizen and the phone), with the others gone from the room.
    const leaving = guests.slice(0, 3);
    await Promise.all(leaving.map((p) => p.context().close()));
    await Promise.all(
      [official, citizen, phone].map((p) =>
        p.waitForFunction(() => window.okenceMeeting.peerIds().length === 2, undefined, {
          timeout: 20_000,
        }),
      ),
    );
    lap('three left');

    // The citizen's receiving connection loses its path (what Chromium's "failed" sets off):
    // Janus offers again with new ICE credentials, the page answers, and the video comes on.
    const ufrag = await receivingUfrag(citizen);
    assert.ok(ufrag, 'the receiving connection has ICE credentials');
    await citizen.evaluate(() =>
      (window as unknown as { okenceMeeting: Hook }).okenceMeeting.restartReceiving(),
    );
    await newUfrag(citizen, ufrag, 20_000);
    await expectVideoFrom(citizen, 2, { timeout: 30_000 });
    lap('the receiving connection restarted');

    // Janus restarts (killed, as by a crash or an upgrade), and every session on it is gone: each
    // page tries again by itself and receives through the new Janus, its socket never closed.
    const three = [official, citizen, phone];
    const before = await Promise.all(three.map(receivingUfrag));
    for (const p of three) await watchStages(p);
    await janus.restart();
    await Promise.all(three.map((p, i) => newUfrag(p, before[i]!, 30_000)));
    // Frames rising at the two on desks (the phone's tiles may lie out of its sight: no video).
    await Promise.all([official, citizen].map((p) => expectVideoFrom(p, 2, { timeout: 30_000 })));
    for (const p of three) assert.deepEqual(await stagesSince(p), [], 'no reconnect and no lobby');
    lap('Janus restarted');

    // The official shares a screen: a tile of its own at everyone else, said aloud.
    await tabAndPress(official, text('room.share_screen'));
    await Promise.all(
      [citizen, phone].map((p) => p.locator('.meeting-screen-tile').waitFor({ timeout: 20_000 })),
    );
    // A still screen sends frames only when it changes: decoded ones are enough here.
    await rises(
      citizen,
      () =>
        citizen.evaluate(async () => {
          const stats = await (window as unknown as { okenceMeeting: Hook }).okenceMeeting.stats();
          return Object.entries(stats)
            .filter(([key]) => key.endsWith(':screen'))
            .reduce((sum, [, st]) => sum + st.framesDecoded, 0);
        }),
      'frames of the shared screen',
    );
    lap('the shared screen decoded');
    // The status line (role=status) said who shares.
    await citizen.waitForFunction(() =>
      /sharing the screen/.test(document.querySelector('.meeting-status')?.textContent ?? ''),
    );
    await expectAccessible(official);
    lap('axe');

    // Sound only, by keyboard: the citizen sends no video and receives none; off again, both come back.
    await tabAndPress(citizen, text('room.audio_only'));
    assert.equal(
      await citizen
        .getByRole('button', { name: text('room.audio_only') })
        .getAttribute('aria-pressed'),
      'true',
    );
    await settles(citizen, sentVideo(citizen), 'video sent in audio-only mode');
    await settles(citizen, receivedVideo(citizen), 'video received in audio-only mode');
    await citizen.getByRole('button', { name: text('room.audio_only') }).click();
    await rises(citizen, sentVideo(citizen), 'video sent after audio-only');
    await rises(citizen, receivedVideo(citizen), 'video received after audio-only');
    lap('sound only and back');

    // The phone: the controls stay on screen, also scrolled to the end of the room.
    const controls = [
      text('room.mute'),
      text('room.camera_off'),
      text('room.audio_only'),
      text('room.leave'),
    ];
    await controlsOnScreen(phone, controls);
    await phone.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await controlsOnScreen(phone, controls);

    lap('the phone');
    for (const p of [official, citizen, phone]) await p.context().close();
  });

  test('through Janus, a link too narrow for a camera reads as poor', async () => {
    // Janus caps what each publisher sends (its REMB) at the room's bitrate: the meeting's room,
    // made before Okence makes it, at 50 kbit/s, under the 80 the quality hint calls poor
    // (state.ts). Okence takes the room as its own (same name, secret and pin).
    const b = await bookAndStandBefore(okence, clock, {
      name: 'Vesna Ozka',
      email: 'vesna@example.si',
    });
    const keys = roomKeys(secret, b.id);
    const api = janusClient({ url: janus.url, apiSecret: janus.apiSecret, log: console });
    const session = await api.createSession(() => undefined);
    const control = await session.attach(VIDEOROOM, () => undefined);
    await control.message({
      request: 'create',
      admin_key: janus.adminKey,
      room: keys.room,
      secret: keys.secret,
      pin: keys.pin,
      is_private: true,
      allowed: [],
      require_pvtid: true,
      publishers: JANUS_PUBLISHERS,
      bitrate: 50_000,
      bitrate_cap: true,
    });
    await session.destroy();
    await api.close();

    const { official, citizen } = await officialAndCitizen(b, 'Vesna Ozka', browser, browser);
    // Judged once past the connections' ramp-up (6 s), read every 2 s.
    await Promise.all(
      [official, citizen].map((p) =>
        p
          .locator('.meeting-quality[data-quality="poor"]')
          .waitFor({ state: 'attached', timeout: 30_000 }),
      ),
    );
    lap('a narrow link read as poor');
    for (const p of [official, citizen]) await p.context().close();
  });

  test('the one who speaks takes the large tile at the others', async () => {
    // Two browsers: one whose microphone is silent, one whose microphone carries a steady tone.
    const microphone = (sound: 'tone' | 'silence') =>
      launchCallBrowser([`--use-file-for-fake-audio-capture=${fakeAudioFile(sound)}`]);
    const [quiet, loud] = await Promise.all([microphone('silence'), microphone('tone')]);
    try {
      const b = await bookAndStandBefore(okence, clock, {
        name: 'Nika Glasna',
        email: 'nika@example.si',
      });
      const { official, citizen } = await officialAndCitizen(b, 'Nika Glasna', quiet, loud);
      await official.waitForFunction(() => window.okenceMeeting.peerIds().length === 1);
      const [speaking] = await official.evaluate(() => window.okenceMeeting.peerIds());
      // The official hears the citizen's levels (RFC 6464, through Janus): the citizen speaks,
      // and their tile is the large one.
      await official.waitForFunction(
        (id) => (window as unknown as { okenceMeeting: Hook }).okenceMeeting.speaker() === id,
        speaking,
        { timeout: 20_000 },
      );
      await official
        .locator(`[data-tile="${speaking}"].is-large`)
        .waitFor({ state: 'attached', timeout: 5000 });
      // The citizen hears only silence: nobody speaks there, and no tile is large.
      assert.equal(
        await citizen.evaluate(() =>
          (window as unknown as { okenceMeeting: Hook }).okenceMeeting.speaker(),
        ),
        null,
      );
      assert.equal(await citizen.locator('.meeting-tile.is-large').count(), 0);
      lap('the speaker');
    } finally {
      await Promise.all([quiet.close(), loud.close()]);
    }
  });
});
