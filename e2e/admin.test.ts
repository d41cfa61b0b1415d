// The organisation's administration in Chromium: availability changes reach the citizen's
// calendar at once, a service saved with only Slovenian texts is flagged until translated and
// is public at once, an official is invited by keyboard only: the invitation reaches a real SMTP
// server, its link refuses a breached password with its reason, sets a good one once and is dead
// afterwards, and the official signs in; the last admin cannot demote themselves. axe (WCAG 2.1
// AA) runs on every admin page, and the forms reflow at 320 px.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { DEMO_PASSWORD } from '../src/tenants/demo-data.ts';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  launchBrowser,
  startSite,
  startSmtpSink,
  waitForMail,
} from './harness.ts';
import { SignInPage } from './pages.ts';

const ORG = 'ue-ljutomer';
const CALENDAR = `/o/${ORG}/s/splosne-informacije/book/ljutomer`;
const GOOD_PASSWORD = 'modra lipa ob muri 1987';

/** The citizen's booking calendar, in the words of the page. */
class CalendarPage {
  readonly page: Page;
  readonly baseUrl: string;
  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }
  async open(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}${CALENDAR}?lang=en${query}`);
  }
  /** The days shown as bookable (links), as YYYY-MM-DD. */
  async freeDays(): Promise<string[]> {
    return this.page
      .locator('td.day-free a')
      .evaluateAll((links) =>
        links.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('day') ?? ''),
      );
  }
  async times(day: string): Promise<string[]> {
    await this.open(`&month=${day.slice(0, 7)}&day=${day}`);
    return this.page.locator('ul.times a').allTextContents();
  }
}

/** Presses Tab until the element with `id` has focus: how a keyboard user gets there. */
async function tabTo(page: Page, id: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await page.evaluate(() => document.activeElement?.id ?? '')) === id) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`#${id} never took focus by Tab`);
}

describe('organisation administration in the browser', () => {
  let okence: Okence;
  let baseUrl: string;
  let browser: Browser;
  let adminContext: BrowserContext;
  let citizenContext: BrowserContext;
  let admin: Page;
  let citizen: Page;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

  before(async () => {
    smtp = await startSmtpSink();
    ({ okence, baseUrl } = await startSite({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` }));
    browser = await launchBrowser();
    adminContext = await browser.newContext({ locale: 'en-GB' });
    citizenContext = await browser.newContext({ locale: 'en-GB' });
    admin = await adminContext.newPage();
    citizen = await citizenContext.newPage();
    const signIn = new SignInPage(admin, baseUrl);
    await signIn.open();
    await signIn.signIn('admin@ljutomer.example', DEMO_PASSWORD);
    await admin.waitForURL(/\/staff$/);
  });
  after(async () => {
    await browser?.close();
    await okence?.close();
    await smtp?.close();
  });

  test('an admin closes a day and changes an official’s hours, and the citizen calendar reflects it at once', async () => {
    const calendar = new CalendarPage(citizen, baseUrl);
    await calendar.open();
    let free = await calendar.freeDays();
    if (free.length < 3) {
      await citizen.getByRole('link', { name: /Next month/ }).click();
      free = await calendar.freeDays();
    }
    assert.ok(free.length >= 2, `free days: ${free.join(', ')}`);
    const closed = free[0]!;
    const weekdayOf = (d: string) =>
      new Date(`${d}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
    const changed = free.find((d) => weekdayOf(d) !== weekdayOf(closed))!;

    await admin.goto(`${baseUrl}/staff/availability?lang=en`);
    await expectAccessible(admin);
    await admin.locator('#closure-day').fill(closed);
    await admin.getByRole('button', { name: 'Add the closure' }).click();
    await admin.waitForURL(/saved=1/);
    const hours = admin.locator('form', {
      has: admin.getByRole('heading', { name: 'Marko Kolar · Ljutomer, main office' }),
    });
    await hours.getByLabel(weekdayOf(changed), { exact: true }).fill('13:00-14:00');
    await hours.getByRole('button', { name: 'Save' }).click();
    await admin.waitForURL(/saved=1/);

    // The citizen's next look, without any restart: the closed day is gone, the changed day has the new times.
    await calendar.open(`&month=${closed.slice(0, 7)}`);
    assert.ok(!(await calendar.freeDays()).includes(closed), `${closed} is still offered`);
    const times = await calendar.times(changed);
    assert.deepEqual(
      times.map((t) => t.trim()),
      ['13:00', '13:15', '13:30', '13:45'],
    );
  });

  test('a service with only Slovenian texts is flagged per field and language until translated, and is public at once', async () => {
    await admin.goto(`${baseUrl}/staff/admin?lang=en`);
    await expectAccessible(admin);
    await admin.getByRole('link', { name: 'Services', exact: true }).click();
    await expectAccessible(admin);
    await admin.getByRole('link', { name: 'Add a service' }).click();
    await expectAccessible(admin);
    assert.equal(
      await admin.getByLabel(/^Length of an appointment/).inputValue(),
      '30',
      'a new service needs a length',
    );
    await admin.getByLabel(/^Web address/).fill('ribiska-dovolilnica');
    await admin.locator('#name_sl').fill('Ribiška dovolilnica');
    await admin.locator('#description_sl').fill('Izdaja letne ribiške dovolilnice.');
    await admin.getByLabel('Ljutomer, main office').check();
    await admin.getByLabel('Marko Kolar').check();
    await admin.getByRole('button', { name: 'Save' }).click();
    await admin.waitForURL(/saved=1/);
    assert.match(
      await admin.locator('.warning-box').innerText(),
      /Missing translations: Name: Čeština, English; Description: Čeština, English/,
    );
    assert.equal(await admin.locator('#name_cs-missing').innerText(), 'Translation missing');
    await expectAccessible(admin);

    await admin.getByRole('link', { name: 'Back to the services' }).click();
    const row = admin.getByRole('row', { name: /Ribiška dovolilnica/ });
    assert.match(
      await row.innerText(),
      /Missing translations: Name: Čeština, English; Description: Čeština, English/,
    );
    await row.getByRole('link').click();
    assert.equal(
      await admin.locator('input[name="durationMinutes"]').count(),
      0,
      'once the service exists its length is a booking rule, set in one place',
    );
    assert.match(
      (await admin.getByRole('link', { name: /booking rules/ }).getAttribute('href')) ?? '',
      /^\/staff\/availability#rules-[0-9a-f-]{36}$/,
    );
    await admin.locator('#name_cs').fill('Rybářská povolenka');
    await admin.locator('#name_en').fill('Fishing permit');
    await admin.locator('#description_cs').fill('Vydání roční rybářské povolenky.');
    await admin.locator('#description_en').fill('Issuing the yearly fishing permit.');
    await admin.getByRole('button', { name: 'Save' }).click();
    await admin.waitForURL(/saved=1/);
    assert.equal(await admin.locator('.warning-box').count(), 0);
    await admin.getByRole('link', { name: 'Back to the services' }).click();
    assert.match(await admin.getByRole('row', { name: /Fishing permit/ }).innerText(), /Complete/);

    await citizen.goto(`${baseUrl}/o/${ORG}?lang=en`);
    assert.ok(
      await citizen.getByText('Fishing permit').first().isVisible(),
      'the service is on the public page at once',
    );
  });

  test('an official is invited with the keyboard only; the mail reaches the SMTP server, its link sets a good password once, and they sign in', async () => {
    await admin.goto(`${baseUrl}/staff/admin/officials/new?lang=en`);
    await expectAccessible(admin);
    assert.equal(
      await admin.locator('input[type=password]').count(),
      0,
      'nobody types a password for someone else',
    );
    const k = admin.keyboard;
    await tabTo(admin, 'displayName');
    await k.type('Nina Zupan');
    await tabTo(admin, 'email');
    await k.type('nina.zupan@ljutomer');
    await tabTo(admin, 'title_en');
    await k.type('Adviser');
    await tabTo(admin, 'offices');
    await k.press('Space');
    await tabTo(admin, 'services');
    await k.press('Space');
    await k.press('Enter');
    await admin.waitForLoadState();
    assert.match(await admin.locator('.error-summary').innerText(), /email/i);
    assert.equal(
      await admin.locator('#displayName').inputValue(),
      'Nina Zupan',
      'what was typed is kept',
    );
    assert.equal(await admin.locator('#offices').isChecked(), true);
    await expectAccessible(admin);

    await tabTo(admin, 'email');
    await k.press('End');
    await k.type('.example');
    await k.press('Enter');
    await admin.waitForURL(/\/staff\/admin\/officials\/[0-9a-f-]{36}\?invited=1/);
    assert.match(
      await admin.locator('p.notice').innerText(),
      /The invitation was sent to nina\.zupan@ljutomer\.example/,
    );
    assert.ok(await admin.getByRole('button', { name: 'Send the invitation again' }).isVisible());
    await expectAccessible(admin);

    // The mail, as the SMTP server received it, in the organisation's language.
    // The link names PUBLIC_URL (this test site listens on a port of its own): its path is the key.
    const mailed = await waitForMail(
      smtp.messages,
      'nina.zupan@ljutomer.example',
      /(http:\/\/localhost:\d+\/set-password\/[A-Za-z0-9_-]{43})/,
    );
    const link = `${baseUrl}${new URL(mailed).pathname}`;
    const fresh = await browser.newContext({ locale: 'en-GB' });
    const page = await fresh.newPage();
    await page.goto(`${link}?lang=en`);
    await expectAccessible(page);
    await page.getByLabel(/^New password/).fill('password1234');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.waitForLoadState();
    assert.match(
      await page.locator('.error-summary').innerText(),
      /This password is on a list of common or leaked passwords/,
    );
    await page.getByLabel(/^New password/).fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.waitForURL(/\/staff\/sign-in\?password_set=1/);
    assert.match(await page.locator('p.notice').innerText(), /Your password is set/);
    const signIn = new SignInPage(page, baseUrl);
    await signIn.signIn('nina.zupan@ljutomer.example', GOOD_PASSWORD);
    await page.waitForURL(/\/staff$/);
    // The link died with its use.
    await page.goto(`${link}?lang=en`);
    assert.ok(await page.getByRole('heading', { name: 'This link no longer works' }).isVisible());
    await expectAccessible(page);
    await fresh.close();
  });

  test('the last admin cannot demote themselves', async () => {
    await admin.goto(`${baseUrl}/staff/admin/officials?lang=en`);
    await admin.getByRole('link', { name: 'Petra Zorko' }).click();
    await admin.getByLabel(/^Role/).selectOption('official');
    await admin.getByRole('button', { name: 'Save' }).click();
    assert.match(
      await admin.locator('.error-summary').innerText(),
      /must keep at least one active admin/,
    );
    await expectAccessible(admin);
    await admin.goto(`${baseUrl}/staff/admin/officials?lang=en`);
    assert.match(await admin.getByRole('row', { name: /Petra Zorko/ }).innerText(), /Admin/);
  });

  test('the other admin pages pass axe and reflow at 320 px', async () => {
    for (const path of [
      '/staff/admin/offices',
      '/staff/admin/offices/new',
      '/staff/admin/settings',
      '/staff/account/password',
      '/staff/admin/services/new',
      '/staff/admin/officials/new',
    ]) {
      await admin.setViewportSize({ width: 1024, height: 800 });
      await admin.goto(`${baseUrl}${path}?lang=sl`);
      await expectAccessible(admin);
      await admin.setViewportSize({ width: 320, height: 640 });
      await expectNoHorizontalScroll(admin);
    }
    await admin.setViewportSize({ width: 1024, height: 800 });
    await admin.goto(`${baseUrl}/staff/admin/offices?lang=cs`);
    await admin.getByRole('link', { name: 'Ljutomer, sídlo' }).click();
    await expectAccessible(admin);
    assert.match(
      await admin.locator('#state + p').innerText(),
      /Nadcházející termíny tam zůstanou rezervované: \d+\./,
    );
  });
});
