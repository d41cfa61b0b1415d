// Privacy in Chromium: an admin finds a citizen by address on /staff/privacy by keyboard only,
// downloads the export (content checked), erases after confirming (rows anonymised, the
// appointment still counted), changes the retention days and the public notice shows the new
// number at once. axe (WCAG 2.1 AA) on each page and the notice in three languages; 320 px reflow.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { addDays } from '../src/lib/calendar.ts';
import { localParts } from '../src/lib/zoned-time.ts';
import { shiftedClock } from '../src/lib/clock.ts';
import { bookThroughApi } from '../src/meeting/testing.ts';
import { isPlaceholderEmail } from '../src/privacy/anonymisation.ts';
import { whereFound } from '../src/privacy/testing.ts';
import { DEMO_PASSWORD } from '../src/tenants/demo-data.ts';
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, startSite } from './harness.ts';
import { SignInPage } from './pages.ts';

const CITIZEN = { email: 'vesna.potocnik@example.si', name: 'Vesna Potočnik' };

/** /staff/privacy, in the words of the page. */
class PrivacyPage {
  readonly page: Page;
  readonly baseUrl: string;
  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }
  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/staff/privacy?lang=en`);
  }
  async setRetention(days: string): Promise<void> {
    await this.page.getByLabel(/^Keep the personal data/).fill(days);
    await this.page.getByRole('button', { name: 'Save settings' }).click();
  }
  async status(): Promise<string> {
    return (await this.page.locator('p.notice[role="status"]').textContent()) ?? '';
  }
}

/** Presses Tab until the focused element matches `selector`: how a keyboard user gets there. */
async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector))
      return;
  }
  assert.fail(`${selector} was not reachable by Tab on ${page.url()}`);
}

describe('privacy in the browser', () => {
  let okence: Okence;
  let baseUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let bookingId: string;
  const clock = shiftedClock();

  before(async () => {
    ({ okence, baseUrl } = await startSite({}, { clock }));
    const today = localParts(new Date(), 'Europe/Ljubljana').date;
    const booked = await bookThroughApi(okence, {
      organisation: 'ue-domzale',
      office: 'domzale',
      service: 'splosne-informacije',
      day: addDays(today, 2),
      to: addDays(today, 20),
      ...CITIZEN,
    });
    bookingId = booked.id;
    // Two days after the appointment: it is over, so erasure anonymises it at once.
    clock.setNow(new Date(booked.start.getTime() + 2 * 86_400_000));
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'en-GB', acceptDownloads: true });
    page = await context.newPage();
    const signIn = new SignInPage(page, baseUrl);
    await signIn.open();
    await signIn.signIn('admin@domzale.example', DEMO_PASSWORD);
    await page.waitForURL(/\/staff$/);
  });
  after(async () => {
    await browser?.close();
    await okence?.close();
  });

  test('keyboard only: search by address, then download the export', async () => {
    const privacy = new PrivacyPage(page, baseUrl);
    await privacy.open();
    await expectAccessible(page);
    await tabTo(page, '#email');
    await page.keyboard.type(` ${CITIZEN.email.toUpperCase()}`);
    await page.keyboard.press('Enter');
    await page
      .getByRole('heading', { name: `Appointments booked with ${CITIZEN.email}` })
      .waitFor();
    assert.match((await page.locator('table').textContent()) ?? '', /anonymised at once/);
    await expectAccessible(page);
    await tabTo(page, 'form[action="/staff/privacy/export"] button');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.keyboard.press('Enter'),
    ]);
    assert.match(
      download.suggestedFilename(),
      /^okence-ue-domzale-data-export-\d{8}T\d{6}Z\.json$/,
    );
    const data = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      subject: { email: string };
      bookings: { id: string; contact: { name: string; email: string } }[];
      meta: { retention: { days: number } };
    };
    assert.equal(data.subject.email, CITIZEN.email);
    assert.deepEqual(
      data.bookings.map((b) => [b.id, b.contact.name, b.contact.email]),
      [[bookingId, CITIZEN.name, CITIZEN.email]],
    );
    assert.equal(data.meta.retention.days, 90);
  });

  test('erasure after confirming: the citizen is gone, the appointment still counted', async () => {
    await page.getByRole('button', { name: 'Erase the data…' }).click();
    await page
      .getByRole('heading', { level: 1, name: `Erase the data of ${CITIZEN.email}?` })
      .waitFor();
    await expectAccessible(page);
    assert.ok(
      (await whereFound(okence.handle.db, CITIZEN.email)).length > 0,
      'nothing erased before confirming',
    );
    await page.getByRole('button', { name: 'Erase for good' }).click();
    await page.waitForURL(/\/staff\/privacy\?erased=1-0$/);
    assert.match(
      await new PrivacyPage(page, baseUrl).status(),
      /Erased: 1 appointments anonymised, 0 of them cancelled first/,
    );
    const row = await okence.handle.db
      .selectFrom('booking')
      .select(['citizen_email', 'citizen_name', 'state'])
      .where('id', '=', bookingId)
      .executeTakeFirstOrThrow();
    assert.ok(isPlaceholderEmail(row.citizen_email));
    assert.equal(row.citizen_name, '—');
    assert.deepEqual(await whereFound(okence.handle.db, CITIZEN.email), []);
    assert.deepEqual(await whereFound(okence.handle.db, CITIZEN.name), []);
    // What the statistics count: the appointment with its office, service, time and state.
    const counted = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM booking WHERE id = ${bookingId} AND state = 'confirmed' AND office_id IS NOT NULL AND NOT isempty(during)`.execute(
      okence.handle.db,
    );
    assert.equal(Number(counted.rows[0]?.n), 1);
  });

  test('new retention days show on the public notice at once; the notice passes axe in three languages and reflows at 320 px', async () => {
    const privacy = new PrivacyPage(page, baseUrl);
    await privacy.open();
    await privacy.setRetention('0');
    await page.locator('.error-summary').waitFor();
    assert.match(
      (await page.locator('.error-summary').textContent()) ?? '',
      /whole number of days from 1 to 3650/,
    );
    await expectAccessible(page);
    await privacy.setRetention('30');
    await page.waitForURL(/saved=1/);
    assert.match(await privacy.status(), /Your changes are saved/);
    await page.setViewportSize({ width: 320, height: 800 });
    await expectNoHorizontalScroll(page);
    for (const lang of ['sl', 'cs', 'en']) {
      await page.goto(`${baseUrl}/o/ue-domzale/privacy?lang=${lang}`);
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
      assert.match((await page.locator('main').textContent()) ?? '', /\b30\b/, lang);
    }
    assert.match(
      (await page.locator('main').textContent()) ?? '',
      /for 30 days after the appointment/,
    );
    assert.match((await page.locator('main').textContent()) ?? '', /Informacijski pooblaščenec/);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
