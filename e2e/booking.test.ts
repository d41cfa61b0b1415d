import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { shiftedClock } from '../src/lib/clock.ts';
import { bookThroughApi } from '../src/meeting/testing.ts';
import {
  expectAccessible,
  launchBrowser,
  newPage,
  startMailedSite,
  startSite,
  waitForMail,
} from './harness.ts';

/** A citizen books a video appointment from the service page to the confirmation, as a person would. */
async function bookThrough(
  page: Page,
  baseUrl: string,
  email: string,
  messages: Parameters<typeof waitForMail>[0],
  scan: (p: Page) => Promise<void>,
) {
  await page.goto(`${baseUrl}/o/ue-ljutomer/s/splosne-informacije?lang=en`);
  await page.getByRole('link', { name: 'Book a video appointment' }).click();
  await page.waitForURL(/\/book\/ljutomer/);
  await scan(page);
  // The last day of the month with free times, then its last free time: the first free time of
  // today stops being bookable when the two hours' notice runs out, which a run that crossed a
  // quarter hour met between showing the time and reserving it.
  await page.locator('td.day-free a').last().click();
  await page.waitForURL(/day=/);
  await scan(page);
  await page.locator('ul.times a').last().click();
  await page.waitForURL(/contact\?start=/);
  await scan(page);
  await page.getByRole('button', { name: 'Reserve' }).click();
  // Nothing filled in: the form comes back with a summary.
  await page.locator('.error-summary').waitFor();
  await scan(page);
  await page.getByLabel('Name and surname').fill('Žan Čuk');
  await page.getByLabel(/^Email address/).fill(email);
  await page
    .getByLabel(/^Notes for the official/)
    .fill('Zanima me potrdilo o stalnem prebivališču.');
  await page.getByRole('button', { name: 'Reserve' }).click();
  await page.waitForURL(/\/h\/[0-9a-f-]{36}$/);
  await scan(page);
  const code = await waitForMail(messages, email, /\b(\d{6})\b/);
  await page.getByLabel(/^Code/).fill(code);
  await page.getByRole('button', { name: 'Confirm the appointment' }).click();
  await page.waitForURL(/\/m\/[A-Za-z0-9_-]{43}\?confirmed=1$/);
  assert.equal(await page.locator('h1').textContent(), 'Your appointment is booked');
  await scan(page);
  const join = await waitForMail(messages, email, /(http:\/\/localhost:\d+\/j\/[A-Za-z0-9_-]{43})/);
  return { join };
}

describe('booking in Chromium with a real SMTP server', () => {
  let env: Awaited<ReturnType<typeof startMailedSite>>;
  let smtp: Awaited<ReturnType<typeof startMailedSite>>['smtp'];
  let site: { baseUrl: string; okence: Okence };
  let browser: Browser;
  before(async () => {
    env = await startMailedSite();
    ({ smtp, site, browser } = env);
  });
  after(async () => {
    await env?.close();
  });

  for (const javaScriptEnabled of [false, true]) {
    test(`the whole flow with JavaScript ${javaScriptEnabled ? 'enabled (axe on every page)' : 'disabled'}`, async () => {
      const page = await newPage(browser, { javaScriptEnabled, locale: 'en-GB' });
      const email = `citizen-${javaScriptEnabled ? 'js' : 'nojs'}@example.si`;
      const scan = async (p: Page) => {
        if (javaScriptEnabled) await expectAccessible(p);
      };
      const { join } = await bookThrough(page, site.baseUrl, email, smtp.messages, scan);
      // The confirmation email carries a calendar invitation.
      const confirmation = smtp.messages.find(
        (m) =>
          m.subject?.startsWith('Appointment confirmed') && JSON.stringify(m.to).includes(email),
      );
      assert.ok(confirmation);
      const calendar =
        confirmation.attachments.find((a) => a.contentType.startsWith('text/calendar')) ?? null;
      const icsText = calendar
        ? calendar.content.toString('utf8')
        : String((confirmation as unknown as { text?: string }).text);
      assert.match(icsText + JSON.stringify(confirmation.headers), /METHOD:REQUEST|text\/calendar/);
      // Links are built on PUBLIC_URL; this test's server listens on a port of its own.
      await page.goto(new URL(new URL(join).pathname, site.baseUrl).href);
      // Booked at least two hours ahead: the join link says when the waiting room opens.
      assert.equal(await page.locator('h1').textContent(), 'Your meeting has not started yet');
      await page.getByText(/The waiting room opens 15 minutes before/).waitFor();
      await scan(page);
    });
  }
});

describe('the join link used too early', () => {
  let site: { baseUrl: string; okence: Okence };
  let browser: Browser;
  const clock = shiftedClock();
  before(async () => {
    site = await startSite({}, { clock });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.okence.close();
  });
  const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

  test('says when in a sentence, counts down and opens the pre-join by itself; without JavaScript a link checks again', async () => {
    clock.setNow(new Date());
    const b = await bookThroughApi(site.okence, {
      organisation: 'ue-domzale',
      office: 'domzale',
      service: 'splosne-informacije',
      day: days(1),
      to: days(14),
      name: 'Ana Zgodnja',
      email: 'zgodnja@example.si',
    });
    const joinPath = `/j/${b.joinToken}?lang=en`;
    const opensAt = b.start.getTime() - 15 * 60_000;

    clock.setNow(new Date(opensAt - 60 * 60_000));
    const plain = await newPage(browser, { javaScriptEnabled: false, locale: 'en-GB' });
    await plain.goto(`${site.baseUrl}${joinPath}`);
    await plain
      .getByText(
        /come back through the same link on [A-Z][a-z]+day, \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}\./,
      )
      .waitFor();
    assert.equal(
      await plain.locator('#early-countdown').isVisible(),
      false,
      'no countdown without JavaScript',
    );
    await plain.getByRole('link', { name: 'Check again now' }).click();
    await plain.waitForLoadState();
    assert.equal(await plain.locator('h1').textContent(), 'Your meeting has not started yet');

    // Ten minutes before (time for axe), then three seconds before.
    clock.setNow(new Date(opensAt - 10 * 60_000));
    const page = await newPage(browser, { locale: 'en-GB' });
    await page.goto(`${site.baseUrl}${joinPath}`);
    await page
      .getByRole('timer')
      .filter({ hasText: /^The waiting room opens in (10|9) min \d{2} s\./ })
      .waitFor();
    await expectAccessible(page);
    clock.setNow(new Date(opensAt - 3_000));
    await page.goto(`${site.baseUrl}${joinPath}`);
    await page
      .getByRole('timer')
      .filter({ hasText: /^The waiting room opens in \d s\./ })
      .waitFor();
    // No click: the page opens the meeting when its time comes.
    await page.locator('h1', { hasText: 'Video meeting' }).waitFor({ timeout: 15_000 });
    assert.ok(clock.now().getTime() >= opensAt, 'not before the server says it is open');
  });
});
