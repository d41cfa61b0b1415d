import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { localParts } from '../src/lib/zoned-time.ts';
import { shiftedClock } from '../src/lib/clock.ts';
import { bookThroughApi } from '../src/meeting/testing.ts';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  launchCallBrowser,
  startSite,
} from './harness.ts';
import { newCallPage, prejoinAndJoin, signIn, stage, tabAndPress, text } from './meeting-pages.ts';

const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
type Booking = Awaited<ReturnType<typeof bookThroughApi>>;

/** Presses Tab until the element matching `selector` has the focus: a keyboard-only step. */
async function tabTo(page: Page, selector: string, maxTabs = 120): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((x) => document.activeElement?.matches(x) ?? false, selector)) return;
  }
  assert.fail(`${selector} was not reachable by Tab on ${page.url()}`);
}

describe('the agenda in Chromium', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchCallBrowser();
  });
  after(async () => {
    await browser.close();
  });

  test('an official works through a day of appointments from the agenda', async () => {
    const clock = shiftedClock();
    const { baseUrl, okence } = await startSite({}, { clock });
    try {
      // Four appointments on one day at Domžale, booked now; then the site's clock stands five minutes before the first.
      const who = [
        ['Ana Kranjc', 'ana@example.si'],
        ['Borut Zupan', 'borut@example.si'],
        ['Cvetka Horvat', 'cvetka@example.si'],
        ['Darko Vidmar', 'darko@example.si'],
      ] as const;
      const bookedAt = new Date();
      const first = await bookThroughApi(okence, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'splosne-informacije',
        day: days(1),
        to: days(14),
        name: who[0][0],
        email: who[0][1],
      });
      const day = { d: localParts(first.start, 'Europe/Ljubljana').date };
      const bookings: Booking[] = [first];
      for (const [name, email] of who.slice(1))
        bookings.push(
          await bookThroughApi(okence, {
            organisation: 'ue-domzale',
            office: 'domzale',
            service: 'splosne-informacije',
            day: day.d,
            name,
            email,
          }),
        );
      const [ana, borut, cvetka, darko] = bookings as [Booking, Booking, Booking, Booking];
      await okence.handle.db
        .updateTable('booking')
        .set({ notes: 'Prinesem staro dovoljenje' })
        .where('id', '=', borut.id)
        .execute();
      clock.setNow(new Date(ana.start.getTime() - 5 * 60_000));

      const official = await newCallPage(browser);
      await signIn(official, baseUrl, 'uradnik@domzale.example');
      // Today's agenda on the start page, then the full agenda: every appointment with its state and notes.
      for (const b of bookings) await official.locator(`tr[data-booking="${b.id}"]`).waitFor();
      await official.goto(`${baseUrl}/staff/agenda?lang=en`);
      for (const b of bookings)
        assert.equal(
          await official
            .locator(`tr[data-booking="${b.id}"] [data-state]`)
            .getAttribute('data-state'),
          'not_arrived',
        );
      await official.getByText('Prinesem staro dovoljenje').waitFor();
      await expectAccessible(official);
      await official.setViewportSize({ width: 320, height: 640 });
      await expectNoHorizontalScroll(official);
      // On a phone the rows are cards: the meeting link is on screen, not in a sideways scroll.
      const openLink = await official
        .locator(`tr[data-booking="${ana.id}"] a.button`)
        .boundingBox();
      assert.ok(
        openLink && openLink.x >= 0 && openLink.x + openLink.width <= 320,
        `the meeting link is on screen at 320 px: ${JSON.stringify(openLink)}`,
      );
      await official.setViewportSize({ width: 1280, height: 800 });
      await official.getByRole('link', { name: text('agenda.week_view') }).click();
      await official.waitForURL(/week=/);
      await official.locator(`tr[data-booking="${darko.id}"]`).waitFor();
      await expectAccessible(official);

      // One appointment's page: details and history; the view is in the audit log.
      await official.goto(`${baseUrl}/staff/appointments/${borut.id}`);
      await official.getByRole('heading', { name: text('agenda.history') }).waitFor();
      await official.getByText(text('agenda.history.confirmed')).waitFor();
      await expectAccessible(official);
      const viewed = await okence.handle.db
        .selectFrom('audit_event')
        .select(['action', 'summary', 'detail'])
        .where('object_id', '=', borut.id)
        .execute();
      assert.deepEqual(
        viewed.map((r) => r.action),
        ['appointment.viewed'],
      );
      assert.doesNotMatch(JSON.stringify(viewed), /Borut|borut@|dovoljenje/);

      // A citizen knocks from another browser: the panel on this other staff page shows them without a reload.
      const citizen = await newCallPage(browser);
      await prejoinAndJoin(citizen, `${baseUrl}/j/${ana.joinToken}`);
      await stage(citizen, 'lobby');
      const panel = official.locator('#lobby-panel');
      await panel.getByText('Ana Kranjc', { exact: true }).waitFor({ timeout: 10_000 });
      await panel.getByText(text('agenda.lobby.waited', { minutes: '0' })).waitFor();
      assert.equal(
        await official.evaluate(() => performance.getEntriesByType('navigation').length),
        1,
        'no reload',
      );
      await expectAccessible(official);

      // Without JavaScript the panel is there on refresh.
      const noJs = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false });
      const plain = await noJs.newPage();
      await signIn(plain, baseUrl, 'uradnik@domzale.example');
      await plain.goto(`${baseUrl}/staff/agenda?lang=en`);
      assert.match(await plain.locator('#lobby-panel').innerText(), /Ana Kranjc/);
      assert.equal(
        await plain.locator(`tr[data-booking="${ana.id}"] [data-state]`).getAttribute('data-state'),
        'in_lobby',
      );
      await noJs.close();

      // Into the meeting with one click from the agenda.
      await official.goto(`${baseUrl}/staff/agenda?lang=en`);
      await official
        .locator(`tr[data-booking="${ana.id}"]`)
        .getByRole('link', { name: text('agenda.open_room', { name: 'Ana Kranjc' }) })
        .click();
      await official.waitForURL(new RegExp(`/staff/meetings/${ana.id}$`));
      await stage(official, 'prejoin');
      await citizen.context().close();

      // Keyboard only: agenda → Darko's appointment → cancel with a reason.
      await official.goto(`${baseUrl}/staff/agenda?lang=en`);
      // Two officials may have appointments at the same time: the link is found by where it goes.
      await tabTo(official, `a[href="/staff/appointments/${darko.id}"]`);
      await official.keyboard.press('Enter');
      await official.waitForURL(new RegExp(`/staff/appointments/${darko.id}`));
      await tabTo(official, '#reason');
      await official.keyboard.type('Uradnik je zbolel, prosimo za nov termin.');
      await tabAndPress(official, text('agenda.cancel_submit'));
      await official.waitForURL(/saved=cancelled/);
      await official.getByText(text('agenda.saved.cancelled')).waitFor();
      await expectAccessible(official);
      const mail = await okence.handle.db
        .selectFrom('mail_outbox')
        .select(['text_body', 'ics'])
        .where('dedupe_key', 'like', `booking:${darko.id}:cancelled:%`)
        .executeTakeFirstOrThrow();
      assert.match(mail.text_body, /Uradnik je zbolel, prosimo za nov termin\./);
      assert.match(mail.ics ?? '', /METHOD:CANCEL/);

      // Borut's meeting took place: his identity check is recorded by keyboard, then corrected; both stay in the history.
      await okence.handle.db
        .insertInto('meeting')
        .values({ booking_id: borut.id, started_at: borut.start })
        .execute();
      await official.goto(`${baseUrl}/staff/appointments/${borut.id}?lang=en`);
      await tabTo(official, '#document');
      // Type-ahead on the focused list picks the document by its first letter.
      await official.keyboard.type('p');
      assert.equal(await official.locator('#document').inputValue(), 'passport');
      await tabAndPress(official, text('agenda.identity_save'));
      await official.getByText(text('agenda.saved.identity')).waitFor();
      await tabTo(official, '#document');
      await official.keyboard.type('d');
      await tabAndPress(official, text('agenda.identity_save'));
      await official.waitForURL(/saved=identity/);
      await official.locator('[data-identity="driving_licence"]').waitFor();
      const history = official.locator('.history');
      // The first check stays beside its correction.
      await history
        .locator('li', { hasText: `checked the identity: ${text('agenda.document.passport')}` })
        .waitFor();
      await history
        .locator('li', {
          hasText: `checked the identity: ${text('agenda.document.driving_licence')}`,
        })
        .waitFor();
      await expectAccessible(official);

      // Cvetka did not come: nothing to record before ten minutes after her start; then a question first, and undo in one step.
      await official.goto(`${baseUrl}/staff/appointments/${cvetka.id}?lang=en`);
      assert.equal(
        await official
          .getByRole('link', { name: text('agenda.no_show_link', { name: 'Cvetka Horvat' }) })
          .count(),
        0,
        'no no-show before the start',
      );
      clock.setNow(new Date(cvetka.start.getTime() + 11 * 60_000));
      // Whether the jump outlasted the 30-minute idle limit depends on how long the steps above
      // took in real time (the clock is shifted, not stopped): start from a fresh sign-in either way.
      await official.context().clearCookies();
      await signIn(official, baseUrl, 'uradnik@domzale.example');
      await official.goto(`${baseUrl}/staff/appointments/${cvetka.id}?lang=en`);
      await tabTo(official, `a[href="/staff/appointments/${cvetka.id}/no-show"]`);
      await official.keyboard.press('Enter');
      await official
        .getByRole('heading', { name: text('agenda.no_show_title', { name: 'Cvetka Horvat' }) })
        .waitFor();
      await expectAccessible(official);
      assert.equal(
        await okence.handle.db
          .selectFrom('meeting')
          .select('no_show')
          .where('booking_id', '=', cvetka.id)
          .executeTakeFirst(),
        undefined,
        'asking records nothing',
      );
      await tabAndPress(official, text('agenda.no_show_submit'));
      await official.getByText(text('agenda.saved.no_show')).waitFor();
      await official.locator('[data-state="no_show"]').waitFor();
      await expectAccessible(official);
      await tabAndPress(official, text('agenda.no_show_undo'));
      await official.getByText(text('agenda.saved.no_show_undone')).waitFor();
      await official.locator('[data-state="not_arrived"]').waitFor();
      await history.locator('li', { hasText: 'took back the no-show' }).waitFor();
      await expectAccessible(official);

      // The citizen's calendar offers that time again (seen from when the day was booked, before the minimum notice).
      clock.setNow(bookedAt);
      const citizenPage = await browser.newPage({ locale: 'en-GB' });
      await citizenPage.goto(
        `${baseUrl}/o/ue-domzale/s/splosne-informacije/book/domzale?month=${day.d.slice(0, 7)}&day=${day.d}&lang=en`,
      );
      const offered = (start: Date) =>
        citizenPage
          .locator(`a[href$="contact?start=${encodeURIComponent(start.toISOString())}"]`)
          .count();
      assert.ok((await offered(darko.start)) > 0, 'the cancelled time is offered again');
      await citizenPage.close();
    } finally {
      await okence.close();
    }
  });
});
