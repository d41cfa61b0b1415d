// The organisation's home page in Chromium at a phone's width: it leads to each destination by
// keyboard alone; axe on the home page, news and the accessibility statement in sl, cs and en,
// and on the admin pages of news and of the statement in one of them each (decision 052).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { DEMO_PASSWORD } from '../src/tenants/demo-data.ts';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  inTurn,
  launchBrowser,
  newPage,
  startSite,
} from './harness.ts';
import { SignInPage } from './pages.ts';

const PHONE = { width: 375, height: 740 };
const LANGS = ['sl', 'cs', 'en'] as const;
let site: { baseUrl: string; okence: Okence };
let browser: Browser;
let admin: Page;
let newsId = '';

before(async () => {
  site = await startSite();
  browser = await launchBrowser();
  admin = await newPage(browser, { viewport: PHONE });
  const signIn = new SignInPage(admin, site.baseUrl);
  await signIn.open('cs');
  await signIn.signIn('admin@koprivnice.example', DEMO_PASSWORD);
  await admin.waitForURL(/\/staff$/);
});
after(async () => {
  await browser?.close();
  await site?.okence.close();
});

/** Presses Tab until the focused element is the link to `href`, at most 120 times. */
async function tabToLink(page: Page, href: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    if (focused === href) return;
  }
  throw new Error(`Tab never reached the link to ${href}`);
}

test('an admin writes a news item with the keyboard; the admin pages pass axe, each in one of sl, cs and en', async () => {
  await admin.goto(`${site.baseUrl}/staff/admin/news/new?lang=cs`);
  await admin.locator('#title_cs').focus();
  await admin.keyboard.type('Změna úředních hodin o svátcích');
  await admin.locator('#body_cs').fill('Mezi svátky je úřad otevřen jen ve středu.');
  await admin.locator('#title_en').fill('Office hours over the holidays');
  await admin.getByRole('button', { name: 'Uložit' }).press('Enter');
  await admin.waitForURL(/\/staff\/admin\/news\/[0-9a-f-]{36}\?saved=1$/);
  newsId = /news\/([0-9a-f-]{36})/.exec(admin.url())![1]!;
  for (const [path, lang] of inTurn([
    '/staff/admin/news',
    '/staff/admin/news/new',
    `/staff/admin/news/${newsId}`,
    `/staff/admin/news/${newsId}/delete`,
    '/staff/admin/accessibility',
  ])) {
    await admin.goto(`${site.baseUrl}${path}?lang=${lang}`);
    assert.equal(await admin.locator('h1').count(), 1, path);
    assert.equal(await admin.locator('html').getAttribute('lang'), lang);
    await expectAccessible(admin);
  }
  // A form sent back with errors is checked too.
  await admin.goto(`${site.baseUrl}/staff/admin/news/new?lang=en`);
  await admin.locator('#publishedOn').fill('');
  await admin.getByRole('button', { name: 'Save' }).click();
  await admin.locator('.error-summary').waitFor();
  await expectAccessible(admin);
});

test('the public pages pass axe in sl, cs and en at a phone’s width, without sideways scrolling', async () => {
  assert.ok(newsId, 'the news item of the first test');
  const page = await newPage(browser, { viewport: PHONE });
  for (const lang of LANGS)
    for (const path of [
      '/o/koprivnice',
      '/o/ue-domzale',
      '/o/koprivnice/news',
      `/o/koprivnice/news/${newsId}`,
      '/o/koprivnice/accessibility',
      '/o/ue-domzale/accessibility',
    ]) {
      await page.goto(`${site.baseUrl}${path}?lang=${lang}`);
      assert.equal(await page.locator('h1').count(), 1, path);
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
    }
  await page.goto(`${site.baseUrl}/o/koprivnice?lang=cs`);
  assert.match(
    (await page.locator('#news').textContent()) ?? '',
    /Aktuality/,
    'the news come first',
  );
});

test('from the home page, the keyboard alone reaches every destination', async () => {
  const page = await newPage(browser, { viewport: PHONE, javaScriptEnabled: false });
  const home = `${site.baseUrl}/o/koprivnice?lang=en`;
  const destinations = [
    `/o/koprivnice/news/${newsId}`,
    '/o/koprivnice/news',
    '/o/koprivnice/situations',
    '/o/koprivnice/s/konzultace-stavby',
    '/o/koprivnice/pay',
    '/o/koprivnice/notices',
    '/o/koprivnice/contacts',
    '/account/sign-in?o=koprivnice&return=%2Fo%2Fkoprivnice',
    '/o/koprivnice/accessibility',
    '/o/koprivnice/privacy',
  ];
  for (const href of destinations) {
    await page.goto(home);
    await tabToLink(page, href);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => `${u.pathname}${u.search}` === href);
    assert.equal(await page.locator('h1').count(), 1, `${href} has its page`);
  }
  // The life situations' search: typed and sent from the keyboard, a GET to the list.
  await page.goto(home);
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id === 'situations-q')) break;
  }
  await page.keyboard.type('dog');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/o\/koprivnice\/situations\?q=dog$/);
  assert.equal(
    await page.locator('main a[href="/o/koprivnice/situations/prihlaseni-psa"]').count(),
    1,
  );
});
