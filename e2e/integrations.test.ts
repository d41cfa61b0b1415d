// An organisation's API tokens in Chromium: axe (WCAG 2.1 AA) on the list, the form with its
// errors, the token shown once and the revoke confirmation in Slovenian, Czech and English; a
// token created and revoked by keyboard only, with JavaScript and without it, checked against the
// API after each step.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { DEMO_PASSWORD } from '../src/tenants/demo-data.ts';
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, startSite } from './harness.ts';
import { SignInPage } from './pages.ts';

const ADMIN = 'admin@domzale.example';
const CHECK = '/api/v1/organisations/ue-domzale/token';

/** The admin's API token pages, in the words and keys a person uses. */
class TokensPage {
  readonly page: Page;
  readonly baseUrl: string;
  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }
  async open(lang: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/staff/admin/integrations?lang=${lang}`);
  }
  /** What has focus: its id, or its text when it has none. */
  async focused(): Promise<string> {
    // Nothing has focus at first (the body): counted, not waited for.
    const el = this.page.locator(':focus');
    if ((await el.count()) === 0) return '';
    return el.evaluate((e) => e.id || (e.textContent ?? '').replace(/\s+/g, ' ').trim());
  }
  /** Presses Tab until `what` (an id or a text) has focus: how a keyboard user gets there. */
  async tabTo(what: string | RegExp, max = 80): Promise<void> {
    for (let i = 0; i < max; i++) {
      const now = await this.focused();
      if (typeof what === 'string' ? now === what : what.test(now)) return;
      await this.page.keyboard.press('Tab');
    }
    assert.fail(`${String(what)} never took focus by Tab`);
  }
  /** The token on the page shown once after creating it. */
  token(): Promise<string> {
    return this.page.locator('#token').inputValue();
  }
}

describe('API tokens in the browser', () => {
  let okence: Okence;
  let baseUrl: string;
  let browser: Browser;

  const signedIn = async (javaScriptEnabled: boolean): Promise<TokensPage> => {
    const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled });
    const page = await context.newPage();
    const signIn = new SignInPage(page, baseUrl);
    await signIn.open();
    await signIn.signIn(ADMIN, DEMO_PASSWORD);
    await page.waitForURL(/\/staff$/);
    return new TokensPage(page, baseUrl);
  };
  const check = async (token: string) =>
    (await fetch(`${baseUrl}${CHECK}`, { headers: { authorization: `Bearer ${token}` } })).status;

  before(async () => {
    ({ okence, baseUrl } = await startSite());
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await okence?.close();
  });

  for (const lang of ['sl', 'cs', 'en'] as const) {
    test(`every page passes axe in ${lang}: the list, the form with errors, the token shown once, the confirmation`, async () => {
      const tokens = await signedIn(true);
      const { page } = tokens;
      await tokens.open(lang);
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
      // Errors: a summary whose links reach the fields, the typed name kept.
      await page.locator('#name').fill(`Half ${lang}`);
      await page.locator('form[action="/staff/admin/integrations"] button[type=submit]').click();
      await page.locator('.error-summary').waitFor();
      assert.equal(await page.locator('#name').inputValue(), `Half ${lang}`);
      await expectAccessible(page);
      await page.locator('#scopes').check();
      await page.locator('form[action="/staff/admin/integrations"] button[type=submit]').click();
      await page.locator('#token').waitFor();
      await expectAccessible(page);
      await page.setViewportSize({ width: 320, height: 640 });
      await expectNoHorizontalScroll(page);
      await page.setViewportSize({ width: 1280, height: 720 });
      const token = await tokens.token();
      assert.equal(await check(token), 200);
      await tokens.open(lang);
      await page.locator(`a[href$="/revoke"]`, { hasText: `Half ${lang}` }).click();
      await page.locator('form[action$="/revoke"]').waitFor();
      await expectAccessible(page);
      await page.context().close();
    });
  }

  for (const javaScriptEnabled of [true, false]) {
    test(`a token is created and revoked by keyboard only, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const tokens = await signedIn(javaScriptEnabled);
      const { page } = tokens;
      const name = `GINIS intake ${javaScriptEnabled ? 'js' : 'no-js'}`;
      // From the admin home, as the admin finds it.
      await page.goto(`${baseUrl}/staff/admin?lang=en`);
      await tokens.tabTo('API tokens');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/staff\/admin\/integrations$/);
      await tokens.tabTo('name');
      await page.keyboard.type(name);
      await page.keyboard.press('Tab');
      assert.equal(await tokens.focused(), 'scopes');
      await page.keyboard.press('Space');
      await tokens.tabTo('Create the token');
      await page.keyboard.press('Enter');
      await page.locator('#token').waitFor();
      assert.match(await page.locator('main').innerText(), /will not be shown again/);
      const token = await tokens.token();
      assert.match(token, /^okn_[A-Za-z0-9_-]{43}$/);
      assert.ok(!page.url().includes(token), 'the token is in no URL');
      assert.equal(await check(token), 200);

      await tokens.tabTo('Back to the API tokens');
      await page.keyboard.press('Enter');
      // The page that showed the token has the list's URL (it answered the POST): wait for the list itself.
      await page.getByRole('heading', { name: "The organisation's tokens" }).waitFor();
      assert.ok(!(await page.content()).includes(token), 'the list never shows it again');
      await tokens.tabTo(`Revoke ${name}`);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/revoke$/);
      assert.equal(await check(token), 200, 'asking is not revoking');
      await tokens.tabTo('Revoke the token');
      await page.keyboard.press('Enter');
      await page.waitForURL(/revoked=1/);
      assert.match(await page.locator('.notice[role=status]').innerText(), /revoked/);
      assert.equal(await check(token), 401);
      await page.context().close();
    });
  }
});
