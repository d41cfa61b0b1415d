import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { openDatabase } from '../src/db/db.ts';
import { openTestDatabase } from '../src/db/testing.ts';
import { shiftedClock } from '../src/lib/clock.ts';
import { expectAccessible, launchCallBrowser, startSite } from './harness.ts';
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
  tabAndPress,
  text,
} from './meeting-pages.ts';
import { startTurn } from './turn.ts';

describe('the meeting in Chromium: real calls on loopback', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchCallBrowser();
  });
  after(async () => {
    await browser.close();
  });

  test('lobby, admission, video both ways, chat, minutes, the end and the survey', async () => {
    const clock = shiftedClock();
    const { baseUrl, okence } = await startSite({}, { clock });
    try {
      const b = await bookAndStandBefore(okence, clock, {
        name: 'Ana Kranjc',
        email: 'ana@example.si',
      });
      const citizen = await newCallPage(browser);
      await prejoinAndJoin(citizen, `${baseUrl}/j/${b.joinToken}`, expectAccessible);
      await stage(citizen, 'lobby');
      await expectAccessible(citizen);
      await citizen.getByText(text('room.lobby_title')).waitFor();

      const official = await newCallPage(browser);
      await signIn(official, baseUrl, 'uradnik@domzale.example');
      // The start page lists the appointment; the knock is already known.
      const row = official.locator(`tr[data-booking="${b.id}"]`);
      await row.waitFor();
      assert.equal(await row.locator('[data-state]').getAttribute('data-state'), 'in_lobby');
      await expectAccessible(official);
      await officialJoins(official, baseUrl, b.id);
      // Before admission the citizen has no remote track at all.
      await official
        .getByRole('button', { name: text('room.admit', { name: 'Ana Kranjc' }) })
        .waitFor();
      assert.equal(await citizen.evaluate(() => window.okenceMeeting.remoteTracks()), 0);
      await admit(official, 'Ana Kranjc');
      await stage(citizen, 'room');
      await expectVideoFrom(citizen, 1, { senders: [official] });
      await expectVideoFrom(official, 1, { senders: [citizen] });

      await sendChat(citizen, 'Dober dan, imam vprašanje.');
      await expectChat(official, 'Dober dan, imam vprašanje.');
      await sendChat(official, 'Seveda, povejte.');
      await expectChat(citizen, 'Seveda, povejte.');
      await official.locator('#minutes-input').fill('Stranki pojasnjen postopek.');
      await citizen.getByText('Stranki pojasnjen postopek.').waitFor({ timeout: 10_000 });

      await official.getByRole('button', { name: text('room.end') }).click();
      await official.getByRole('button', { name: text('room.confirm_yes') }).click();
      await citizen.waitForURL(/\/j\/[A-Za-z0-9_-]{43}\/survey/, { timeout: 15_000 });
      await expectAccessible(citizen);
      await citizen.getByLabel(text('meeting.rating_4')).check();
      await citizen.getByLabel(/^Comments/).fill('Hitro in prijazno.');
      await citizen.getByRole('button', { name: 'Send' }).click();
      await citizen.getByText('Your answer has been saved').waitFor();
      await expectAccessible(citizen);

      const survey = await okence.handle.db
        .selectFrom('meeting_survey')
        .selectAll()
        .where('booking_id', '=', b.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual([survey.rating, survey.comment], [4, 'Hitro in prijazno.']);
      const chat = await okence.handle.db
        .selectFrom('meeting_chat')
        .select('body')
        .where('booking_id', '=', b.id)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        chat.map((c) => c.body),
        ['Dober dan, imam vprašanje.', 'Seveda, povejte.'],
      );
      const meeting = await okence.handle.db
        .selectFrom('meeting')
        .selectAll()
        .where('booking_id', '=', b.id)
        .executeTakeFirstOrThrow();
      assert.equal(meeting.minutes, 'Stranki pojasnjen postopek.');
      await citizen.context().close();
      await official.context().close();
    } finally {
      await okence.close();
    }
  });

  test('keyboard only: the citizen joins and the official lets them in without a mouse', async () => {
    const clock = shiftedClock();
    const { baseUrl, okence } = await startSite({}, { clock });
    try {
      const b = await bookAndStandBefore(okence, clock, {
        name: 'Iva Tipkovnica',
        email: 'iva@example.si',
      });
      const citizen = await newCallPage(browser);
      await citizen.goto(`${baseUrl}/j/${b.joinToken}?lang=en`, { waitUntil: 'domcontentloaded' });
      await stage(citizen, 'prejoin');
      await tabAndPress(citizen, text('room.join_now'));
      await stage(citizen, 'lobby');
      const official = await newCallPage(browser);
      await signIn(official, baseUrl, 'uradnik@domzale.example');
      await official.goto(`${baseUrl}/staff/meetings/${b.id}?lang=en`, {
        waitUntil: 'domcontentloaded',
      });
      await stage(official, 'prejoin');
      await tabAndPress(official, text('room.join_now'));
      await stage(official, 'room');
      await official
        .getByRole('button', { name: text('room.admit', { name: 'Iva Tipkovnica' }) })
        .waitFor();
      await tabAndPress(official, text('room.admit', { name: 'Iva Tipkovnica' }), 120);
      await stage(citizen, 'room');
      await citizen.context().close();
      await official.context().close();
    } finally {
      await okence.close();
    }
  });

  test('a call forced through coturn (relay only) and a three-person consultation with a guest link', async () => {
    const turn = await startTurn();
    const clock = shiftedClock();
    const { baseUrl, okence } = await startSite(turn.env, { clock });
    try {
      const b = await bookAndStandBefore(okence, clock, {
        name: 'Petr Novák',
        email: 'petr@example.cz',
      });
      const official = await newCallPage(browser);
      await signIn(official, baseUrl, 'uradnik@domzale.example');
      await officialJoins(official, baseUrl, b.id);
      const citizen = await newCallPage(browser);
      await prejoinAndJoin(citizen, `${baseUrl}/j/${b.joinToken}`);
      await stage(citizen, 'lobby');
      await admit(official, 'Petr Novák');
      await stage(citizen, 'room');
      const seen = await expectVideoFrom(citizen, 1, { senders: [official] });
      assert.deepEqual(
        Object.values(seen).map((s) => s.candidateType),
        ['relay'],
        'media went through TURN',
      );

      // A guest: the official makes a personal link; the guest passes the lobby too.
      await official.locator('#invite-name').fill('Tolmačka Eva');
      await official.getByRole('button', { name: text('room.invite_create') }).click();
      const link = await official.locator('#invite-url').inputValue({ timeout: 10_000 });
      assert.match(link, /\/g\/[A-Za-z0-9_-]{43}$/);
      const guest = await newCallPage(browser);
      await prejoinAndJoin(guest, `${baseUrl}${new URL(link).pathname}`);
      await stage(guest, 'lobby');
      assert.equal(await guest.evaluate(() => window.okenceMeeting.remoteTracks()), 0);
      await admit(official, 'Tolmačka Eva');
      await stage(guest, 'room');
      await expectVideoFrom(guest, 2, { timeout: 45_000, senders: [official, citizen] });
      await expectVideoFrom(citizen, 2, { timeout: 45_000, senders: [official, guest] });
      await expectVideoFrom(official, 2, { timeout: 45_000, senders: [citizen, guest] });
      for (const p of [official, citizen, guest]) await p.context().close();
    } finally {
      await okence.close();
      await turn.stop();
    }
  });

  test(
    'citizen and official on two instances of one PostgreSQL meet normally',
    { skip: !process.env.DATABASE_URL && 'DATABASE_URL is not set' },
    async () => {
      const clock = shiftedClock();
      const shared = await openTestDatabase('postgres');
      const secret = 'e2e-two-instances-'.padEnd(40, 'x');
      const a = await startSite({ SESSION_SECRET: secret }, { clock, handle: shared });
      let second: { baseUrl: string; okence: Okence } | undefined;
      try {
        second = await startSite(
          { SESSION_SECRET: secret },
          { clock, handle: await openDatabase({ databaseUrl: shared.url, dataDir: 'unused' }) },
        );
        const b = await bookAndStandBefore(a.okence, clock, {
          name: 'Marta Dve',
          email: 'marta@example.si',
        });
        const citizen = await newCallPage(browser);
        await prejoinAndJoin(citizen, `${a.baseUrl}/j/${b.joinToken}`);
        await stage(citizen, 'lobby');
        const official = await newCallPage(browser);
        await signIn(official, second.baseUrl, 'uradnik@domzale.example');
        await officialJoins(official, second.baseUrl, b.id);
        await admit(official, 'Marta Dve');
        await stage(citizen, 'room');
        await expectVideoFrom(citizen, 1, { senders: [official] });
        await expectVideoFrom(official, 1, { senders: [citizen] });
        await sendChat(official, 'Across instances');
        await expectChat(citizen, 'Across instances');
        await citizen.context().close();
        await official.context().close();
      } finally {
        await second?.okence.close();
        await a.okence.close();
      }
    },
  );
});
