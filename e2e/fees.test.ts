// The fee register's staff pages in Chromium: axe (WCAG 2.1 AA) on the register, the create form
// with its errors, an obligation's page, the fee types, the settings and the import, each
// in one of sl, cs and en; and an obligation created by keyboard only, without JavaScript. One browser, one site.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { DEMO_FEES, loadDemoFees } from '../src/payments/demo.ts';
import { DEMO_PASSWORD } from '../src/tenants/demo-data.ts';
import { expectAccessible, inTurn, launchBrowser, startSite } from './harness.ts';
import { SignInPage } from './pages.ts';

const FEES = '/staff/admin/fees';

/** The register's pages, as an admin reaches them. */
class FeesPages {
  readonly page: Page;
  readonly baseUrl: string;
  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }
  open(path: string, lang: string) {
    return this.page.goto(
      `${this.baseUrl}${FEES}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`,
    );
  }
  /** The id of what has focus, or its text. */
  async focused(): Promise<string> {
    const el = this.page.locator(':focus');
    if ((await el.count()) === 0) return '';
    return el.evaluate((e) => e.id || (e.textContent ?? '').trim());
  }
  /** Tabs until `id` has focus, as a keyboard user gets there. */
  async tabTo(id: string | RegExp, max = 80): Promise<void> {
    for (let i = 0; i < max; i++) {
      const now = await this.focused();
      if (typeof id === 'string' ? now === id : id.test(now)) return;
      await this.page.keyboard.press('Tab');
    }
    assert.fail(`${String(id)} never took focus by Tab`);
  }
  async type(id: string, text: string): Promise<void> {
    await this.tabTo(id);
    await this.page.keyboard.type(text);
  }
}

describe('the fee register in the browser', () => {
  let okence: Okence;
  let baseUrl: string;
  let browser: Browser;
  const signedIn = async (javaScriptEnabled: boolean) => {
    const context = await browser.newContext({ locale: 'cs-CZ', javaScriptEnabled });
    const page = await context.newPage();
    const signIn = new SignInPage(page, baseUrl);
    await signIn.open();
    await signIn.signIn('admin@koprivnice.example', DEMO_PASSWORD);
    await page.waitForURL(/\/staff$/);
    return new FeesPages(page, baseUrl);
  };

  before(async () => {
    ({ okence, baseUrl } = await startSite());
    const db = okence.handle.db;
    const deps = { db, clock: { now: () => new Date() }, audit: okence.services.audit };
    await loadDemoFees({ ...deps, secret: 'e2e' }, DEMO_FEES);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await okence?.close();
  });

  test('every page passes axe, each in one of sl, cs and en', async () => {
    const fees = await signedIn(true);
    const { page } = fees;
    // Each page in one of sl, cs and en in turn (decision 053): every page and every language.
    for (const [path, lang] of inTurn([
      '',
      '?standing=overdue',
      '/types',
      '/settings',
      '/import',
    ])) {
      await fees.open(path, lang);
      await expectAccessible(page);
    }
    await fees.open('/new', 'en');
    await page.locator('form.stack button[type="submit"]').click();
    await page.waitForSelector('.error-summary');
    await expectAccessible(page);
    await fees.open('?q=2601000023', 'cs');
    await page.locator('tbody a').first().click();
    await page.waitForURL(/\/obligations\//);
    await expectAccessible(page);
    await page.context().close();
  });

  test('an obligation created by keyboard only, without JavaScript: errors first, then created', async () => {
    const fees = await signedIn(false);
    const { page } = fees;
    await fees.open('/new', 'cs');
    await fees.type('payerName', 'Klávesnice Tabová');
    await fees.type('period', '2027');
    await fees.type('due1', '31. 2. 2027');
    await fees.tabTo('Založit předpis');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.error-summary');
    // The summary's link takes focus to the field; what was typed is kept.
    assert.equal(await page.locator('#payerName').inputValue(), 'Klávesnice Tabová');
    await page.locator('.error-summary a[href="#due1"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('#due1').press('Control+A');
    await page.keyboard.type('31. 3. 2027');
    await fees.tabTo('Založit předpis');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/obligations\/[0-9a-f-]{36}\?done=created/);
    const heading = (await page.locator('h1').textContent()) ?? '';
    assert.match(heading, /^Předpis 26\d{8}$/);
    assert.match(await page.locator('main').innerText(), /K úhradě/);
    await page.context().close();
  });
});
