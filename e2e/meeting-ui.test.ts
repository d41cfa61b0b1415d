// The meeting as people use it on their own devices: a phone's screen, a browser that cannot
// share its screen, a browser in another time zone than the office's.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { shiftedClock } from '../src/lib/clock.ts';
import { bookThroughApi } from '../src/meeting/testing.ts';
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
  text,
} from './meeting-pages.ts';

const PHONE = { width: 375, height: 740 };

/** Fails unless the element's whole box lies inside the viewport as the page stands (no scrolling). */
async function expectOnScreen(
  page: Page,
  what: string,
  selector: ReturnType<Page['locator']>,
): Promise<void> {
  const box = await selector.boundingBox();
  assert.ok(box, `${what} is not shown`);
  const scrolled = await page.evaluate(() => window.scrollY);
  const inside =
    box.y >= 0 &&
    box.y + box.height <= PHONE.height &&
    box.x >= 0 &&
    box.x + box.width <= PHONE.width;
  assert.ok(
    inside,
    `${what} is outside the 375×740 viewport: ${JSON.stringify(box)}, scrolled ${scrolled}`,
  );
}

describe('the meeting on people’s own devices', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchCallBrowser();
  });
  after(async () => {
    await browser.close();
  });

  test('on a phone the video and the controls are on screen, no screen sharing where the browser has none, times in the office’s zone', async () => {
    const clock = shiftedClock();
    const { baseUrl, okence } = await startSite({}, { clock });
    try {
      const b = await bookAndStandBefore(okence, clock, {
        name: 'Nina Telefon',
        email: 'nina@example.si',
      });
      const officeTime = (iso: string) =>
        new Intl.DateTimeFormat('en-GB', {
          hour: '2-digit',
          minute: '2-digit',
          timeZone: 'Europe/Ljubljana',
        }).format(new Date(iso));
      // Both browsers run in zones far from the office's (Europe/Ljubljana).
      const official = await newCallPage(browser, { timezoneId: 'Asia/Tokyo' });
      await signIn(official, baseUrl, 'uradnik@domzale.example');
      const phone = await newCallPage(browser, {
        viewport: PHONE,
        isMobile: true,
        hasTouch: true,
        timezoneId: 'America/New_York',
      });
      // As on Android and iOS browsers: no getDisplayMedia at all.
      await phone.addInitScript(() => {
        delete (MediaDevices.prototype as Partial<MediaDevices>).getDisplayMedia;
      });
      await prejoinAndJoin(phone, `${baseUrl}/j/${b.joinToken}`);
      await stage(phone, 'lobby');
      // The knock on the official's start page names the appointment's time on the office's clock.
      const knock = await official.waitForFunction(
        () => document.querySelector('#lobby-announcements p')?.textContent,
      );
      assert.match(
        String(await knock.jsonValue()),
        new RegExp(`Nina Telefon.*${officeTime(b.start.toISOString())}`),
      );

      await officialJoins(official, baseUrl, b.id);
      await admit(official, 'Nina Telefon');
      await stage(phone, 'room');
      await expectVideoFrom(phone, 1, { senders: [official] });

      await expectOnScreen(
        phone,
        'the official’s video',
        phone.locator('.meeting-tile[data-peer] video'),
      );
      for (const name of [
        text('room.mute'),
        text('room.camera_off'),
        text('room.leave'),
        text('room.chat_toggle'),
      ]) {
        await expectOnScreen(
          phone,
          `the button "${name}"`,
          phone.getByRole('button', { name, exact: true }),
        );
      }
      assert.equal(
        await phone.getByRole('button', { name: text('room.share_screen') }).count(),
        0,
        'no "share screen" where the browser cannot',
      );
      // A desktop browser can share: the official is offered it.
      assert.ok(
        await official.getByRole('button', { name: text('room.share_screen') }).isVisible(),
      );

      // The chat is folded away on the phone; its button counts what came meanwhile.
      await sendChat(official, 'Dober dan');
      const toggle = phone.getByRole('button', {
        name: `${text('room.chat_toggle')} (${text('room.chat_unread', { count: '1' })})`,
      });
      await toggle.waitFor();
      await toggle.click();
      await expectOnScreen(phone, 'the chat input', phone.locator('#chat-input'));
      await expectChat(phone, 'Dober dan');
      // Both see the line's time on the office's clock, not on their own.
      for (const page of [phone, official]) {
        const time = page.getByRole('log').locator('time').last();
        assert.equal(
          await time.innerText(),
          officeTime((await time.getAttribute('datetime')) ?? ''),
        );
      }
      await expectAccessible(phone);
      await phone.getByRole('button', { name: text('room.chat_toggle'), exact: true }).click();
      assert.equal(await phone.locator('#chat-input').isVisible(), false);
      await phone.context().close();
      await official.context().close();
    } finally {
      await okence.close();
    }
  });

  test('the survey: each answer beside its radio button, a whole line to tap, on a phone too', async () => {
    const clock = shiftedClock();
    const { baseUrl, okence } = await startSite({}, { clock });
    try {
      const b = await bookAndStandBefore(okence, clock, {
        name: 'Rok Anketa',
        email: 'rok@example.si',
      });
      const page = await newCallPage(browser, { viewport: PHONE, isMobile: true, hasTouch: true });
      await page.goto(`${baseUrl}/j/${b.joinToken}/survey?lang=en`);
      const group = page.getByRole('group', { name: text('meeting.survey_rating') });
      for (const r of [5, 4, 3, 2, 1] as const) {
        const radio = group.getByRole('radio', { name: text(`meeting.rating_${r}`) });
        const label = page.locator(`label[for="rating-${r}"]`);
        const [rb, lb] = [await radio.boundingBox(), await label.boundingBox()];
        assert.ok(rb && lb);
        const middle = rb.y + rb.height / 2;
        assert.ok(
          lb.x >= rb.x + rb.width && middle > lb.y && middle < lb.y + lb.height,
          `answer ${r} is not beside its radio: ${JSON.stringify({ rb, lb })}`,
        );
        assert.ok(lb.height >= 44, `answer ${r}'s label is a small target: ${lb.height}px`);
      }
      // A tap on the words chooses the answer.
      await page.locator('label[for="rating-2"]').tap();
      assert.ok(await group.getByRole('radio', { name: text('meeting.rating_2') }).isChecked());
      await expectAccessible(page);
      await page.context().close();
    } finally {
      await okence.close();
    }
  });

  test('the official’s start page shows a booking made after it loaded, and the lobby state goes once the person is let in', async () => {
    const clock = shiftedClock();
    const { baseUrl, okence } = await startSite({}, { clock });
    try {
      const first = await bookAndStandBefore(okence, clock, {
        name: 'Maja Prva',
        email: 'maja@example.si',
      });
      const start = await newCallPage(browser);
      // Timers run as usual, but the test can move the page's clock on instead of waiting.
      await start.clock.install();
      await signIn(start, baseUrl, 'uradnik@domzale.example');
      const row = (id: string) =>
        start.locator(`#today-list tr[data-booking="${id}"] [data-state]`);
      await row(first.id).waitFor();

      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Ljubljana' }).format(
        first.start,
      );
      const later = await bookThroughApi(okence, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'splosne-informacije',
        day,
        name: 'Luka Kasneje',
        email: 'luka@example.si',
      });
      await start.clock.runFor(31_000);
      await row(later.id).waitFor({ timeout: 10_000 });

      const citizen = await newCallPage(browser);
      await prejoinAndJoin(citizen, `${baseUrl}/j/${first.joinToken}`);
      await stage(citizen, 'lobby');
      await start.waitForFunction(
        (id) =>
          document
            .querySelector(`#today-list tr[data-booking="${id}"] [data-state]`)
            ?.getAttribute('data-state') === 'in_lobby',
        first.id,
      );
      await start
        .locator(`#lobby-panel-list li[data-booking="${first.id}"]`)
        .waitFor({ state: 'attached' });

      // The same official lets her in from the room in another tab.
      const room = await start.context().newPage();
      await officialJoins(room, baseUrl, first.id);
      await admit(room, 'Maja Prva');
      await stage(citizen, 'room');
      await start.waitForFunction(
        (id) =>
          document
            .querySelector(`#today-list tr[data-booking="${id}"] [data-state]`)
            ?.getAttribute('data-state') === 'in_progress',
        first.id,
      );
      await start
        .locator(`#lobby-panel-list li[data-booking="${first.id}"]`)
        .waitFor({ state: 'detached' });
      assert.equal(await row(first.id).innerText(), text('agenda.state.in_progress'));
      await citizen.context().close();
      await start.context().close();
    } finally {
      await okence.close();
    }
  });
});
