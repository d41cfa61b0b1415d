import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { DEMO_PASSWORD } from '../src/tenants/demo-data.ts';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  launchBrowser,
  newPage,
  startSite,
} from './harness.ts';
import { HomePage, SignInPage } from './pages.ts';

const PUBLIC_PAGES = [
  '/',
  '/?q=kopřivnice',
  '/?q=nothing-matches',
  '/o/ue-domzale',
  '/o/ue-ljutomer',
  '/o/koprivnice',
  '/o/liberecky-kraj',
  '/o/ue-domzale/s/potrdila-iz-uradnih-evidenc',
  '/o/koprivnice/s/konzultace-stavby',
  '/o/liberecky-kraj/s/konzultace-dotace',
  '/o/koprivnice/situations',
  '/o/koprivnice/situations?q=poplatek',
  '/o/koprivnice/situations/prihlaseni-psa',
  '/o/ue-domzale/situations/potrdilo-iz-uradne-evidence',
  '/staff/sign-in',
  '/o/ue-domzale/s/potrdila-iz-uradnih-evidenc/book/domzale',
  '/o/koprivnice/privacy',
  '/dev/mail',
  '/no-such-page',
  '/problems',
  '/problems/time_not_bookable',
];

describe('pages in Chromium', () => {
  let site: { baseUrl: string; okence: Okence };
  let browser: Browser;
  before(async () => {
    site = await startSite();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.okence.close();
  });

  test('every public page passes axe (WCAG 2.1 AA) in Slovenian, Czech and English', async () => {
    const page = await newPage(browser);
    for (const lang of ['sl', 'cs', 'en']) {
      for (const path of PUBLIC_PAGES) {
        await page.goto(`${site.baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        assert.equal(await page.locator('h1').count(), 1, `${path}: exactly one h1`);
        assert.equal(await page.locator('main').count(), 1);
        await expectAccessible(page);
      }
    }
  });

  test('pages reflow at 320 px and at 200% zoom without sideways scrolling', async () => {
    for (const width of [320, 640]) {
      const page = await newPage(browser, { viewport: { width, height: 800 } });
      for (const path of PUBLIC_PAGES) {
        await page.goto(`${site.baseUrl}${path}`);
        await expectNoHorizontalScroll(page);
      }
      await page.context().close();
    }
  });

  test('no request leaves our own origin', async () => {
    const page = await newPage(browser);
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(site.baseUrl) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    for (const path of PUBLIC_PAGES) await page.goto(`${site.baseUrl}${path}`);
    assert.deepEqual(foreign, []);
  });

  test('keyboard only: skip link, search, organisation, service', async () => {
    const page = await newPage(browser);
    const home = new HomePage(page, site.baseUrl);
    await home.open('en');
    await page.keyboard.press('Tab');
    const skip = page.locator(':focus');
    assert.equal(await skip.textContent(), 'Skip to content');
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    // From main, the search field is the next stop.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q');
    await page.keyboard.type('koprivnice');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=koprivnice/);
    assert.match((await page.locator('#results').textContent()) ?? '', /Offices found: 1/);
    await tabUntil(page, 'Town of Kopřivnice');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/o\/koprivnice$/);
    await tabUntil(page, 'Consultation on a building plan');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/o\/koprivnice\/s\/konzultace-stavby$/);
    assert.equal(await page.locator('h1').textContent(), 'Consultation on a building plan');
    assert.match((await page.locator('main').textContent()) ?? '', /45 minutes/);
  });

  test('the language switcher works by keyboard and the choice is remembered', async () => {
    const page = await newPage(browser, { locale: 'en-GB' });
    await page.goto(`${site.baseUrl}/o/ue-domzale`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await tabUntil(page, 'Čeština');
    await page.keyboard.press('Enter');
    await page.waitForURL(/lang=cs/);
    assert.equal(await page.locator('h1').textContent(), 'Správní jednotka Domžale');
    await page.goto(`${site.baseUrl}/`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'cs');
  });

  for (const javaScriptEnabled of [false, true]) {
    // axe runs inside the page, which a context without JavaScript does not allow; the
    // HTML is the same either way, so the scans happen in the JavaScript-enabled run.
    const scan = async (page: Page) => {
      if (javaScriptEnabled) await expectAccessible(page);
    };
    test(`staff sign-in works with JavaScript ${javaScriptEnabled ? 'enabled' : 'disabled'}, errors keep what was typed`, async () => {
      const page = await newPage(browser, { javaScriptEnabled });
      const signIn = new SignInPage(page, site.baseUrl);
      await signIn.open('en');
      await signIn.signIn('uradnik@domzale.example', 'wrong password');
      assert.match(await signIn.errorSummary(), /The email address or password is not right/);
      assert.equal(await page.locator('#email').inputValue(), 'uradnik@domzale.example');
      await scan(page);
      await signIn.signIn('', '');
      assert.match(await signIn.errorSummary(), /Enter your email address/);
      await scan(page);
      await signIn.signIn('uradnik@domzale.example', DEMO_PASSWORD);
      await page.waitForURL(/\/staff$/);
      assert.equal(await page.locator('h1').textContent(), 'Welcome, Janez Novak');
      await scan(page);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/signed_out=1/);
      assert.match(
        (await page.locator('[role=status]').textContent()) ?? '',
        /You have signed out/,
      );
      await page.goto(`${site.baseUrl}/staff`);
      assert.match(page.url(), /\/staff\/sign-in$/);
    });
  }

  test('an admin sees the staff page of their organisation, accessible at 320 px', async () => {
    const page = await newPage(browser, { viewport: { width: 320, height: 700 } });
    const signIn = new SignInPage(page, site.baseUrl);
    await signIn.open('cs');
    await signIn.signIn('admin@kraj-lbc.example', DEMO_PASSWORD);
    await page.waitForURL(/\/staff$/);
    assert.equal(await page.locator('h1').textContent(), 'Vítejte, Tomáš Procházka');
    assert.equal(await page.locator('table tbody tr').count(), 4);
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await page.getByRole('link', { name: 'Nastavení termínů' }).click();
    await page.waitForURL(/\/staff\/availability$/);
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    // A wrong entry comes back with the summary, still accessible.
    await page.locator('input[name=d1]').first().fill('10-9');
    await page.getByRole('button', { name: 'Uložit' }).first().click();
    await page.locator('.error-summary').waitFor();
    await expectAccessible(page);
  });
});

/** Presses Tab until the focused element's text is `text` (at most 60 presses). */
async function tabUntil(page: Page, text: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (focused === text) return;
  }
  throw new Error(`Tab never reached "${text}"`);
}
