// Life situations in Chromium: the list, its search and a guide in sl, cs and en, with
// JavaScript and without; keyboard only from the search to a guide; the admin's pages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { DEMO_PASSWORD } from '../src/tenants/demo-data.ts';
import { expectAccessible, launchBrowser, newPage, startSite } from './harness.ts';

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

/** Presses Tab until the focused element matches, at most 60 times. */
async function tabTo(
  page: Page,
  matches: (el: { tag: string; text: string; id: string }) => boolean,
  what: string,
): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { tag: a?.tagName ?? '', text: a?.textContent?.trim() ?? '', id: a?.id ?? '' };
    });
    if (matches(el)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

const CASES = [
  { lang: 'cs', org: 'koprivnice', query: 'rizeni', hit: 'zabor-verejneho-prostranstvi' },
  { lang: 'en', org: 'koprivnice', query: 'dog fee', hit: 'prihlaseni-psa' },
  { lang: 'sl', org: 'ue-domzale', query: 'smrtovnica', hit: 'smrt-svojca-smrtovnica' },
  { lang: 'cs', org: 'ue-domzale', query: 'POTRDILO', hit: 'potrdilo-iz-uradne-evidence' },
  { lang: 'en', org: 'liberecky-kraj', query: 'sport', hit: 'dotace-sportovni-fond' },
] as const;

for (const javaScriptEnabled of [true, false]) {
  test(`list, search and guide in sl, cs and en with JavaScript ${javaScriptEnabled ? 'on' : 'off'}, axe on each`, async () => {
    const page = await newPage(browser, { javaScriptEnabled, locale: 'en-GB' });
    // axe runs in the page, which a page without JavaScript cannot: there, the HTML it got is
    // served again at its own address to a page that can run it (the server's CSS and all).
    const checker = javaScriptEnabled ? page : await newPage(browser, { locale: 'en-GB' });
    const scan = async () => {
      if (javaScriptEnabled) return expectAccessible(page);
      const [url, body] = [page.url(), await page.content()];
      const same = (u: URL) => u.href === url;
      await checker.route(same, (route) =>
        route.fulfill({ body, contentType: 'text/html; charset=utf-8' }),
      );
      await checker.goto(url);
      await checker.unroute(same);
      await expectAccessible(checker);
    };
    for (const c of CASES) {
      await page.goto(`${site.baseUrl}/o/${c.org}/situations?lang=${c.lang}`);
      assert.equal(await page.locator('html').getAttribute('lang'), c.lang);
      assert.equal(await page.locator('h1').count(), 1);
      assert.equal(await page.locator('main#main').count(), 1);
      await scan();
      // The search is a GET form: it works the same with and without JavaScript.
      await page.locator('#q').fill(c.query);
      await page.locator('form[role="search"] button[type="submit"]').click();
      await page.waitForURL(/[?&]q=/);
      await page.locator('#results').waitFor();
      const link = page.locator(`main a[href="/o/${c.org}/situations/${c.hit}"]`);
      assert.equal(await link.count(), 1, `${c.lang} ${c.query} finds ${c.hit}`);
      await scan();
      await link.click();
      await page.waitForURL(new RegExp(`/situations/${c.hit}$`));
      assert.equal(await page.locator('h1').count(), 1);
      assert.ok((await page.locator('main h2').count()) >= 3, 'the guide has its parts');
      await scan();
    }
    await page.goto(`${site.baseUrl}/o/koprivnice/situations?lang=en&q=nothing-like-this`);
    await page.getByText('Nothing was found for “nothing-like-this”.').waitFor();
    await scan();
    await page.context().close();
    if (checker !== page) await checker.context().close();
  });
}

test('keyboard only: from the organisation page through the search to a guide and its booking', async () => {
  const page = await newPage(browser, { locale: 'cs-CZ' });
  await page.goto(`${site.baseUrl}/o/koprivnice?lang=cs`);
  await tabTo(page, (e) => e.tag === 'A' && e.text === 'Životní situace', 'the situations link');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/o\/koprivnice\/situations$/);
  await tabTo(page, (e) => e.id === 'q', 'the search field');
  await page.keyboard.type('poplatek psu');
  await page.keyboard.press('Enter');
  await page.waitForURL(/q=poplatek\+psu/);
  await page.getByText('Výsledky pro „poplatek psu“: 1').waitFor();
  await tabTo(page, (e) => e.text === 'Přihlášení psa a poplatek ze psů', 'the guide');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/situations\/prihlaseni-psa$/);
  assert.equal(await page.locator('h1').innerText(), 'Přihlášení psa a poplatek ze psů');
  await tabTo(page, (e) => e.tag === 'A' && e.text === 'Poplatek ze psů', 'the service to book');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/o\/koprivnice\/s\/poplatek-za-psa$/);
  await expectAccessible(page);
  await page.context().close();
});

test("the admin's list, form with its errors, and the deletion's question pass axe", async () => {
  const page = await newPage(browser, { locale: 'en-GB' });
  await page.goto(`${site.baseUrl}/staff/sign-in?lang=en`);
  await page.locator('#email').fill('admin@koprivnice.example');
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL(/\/staff$/);
  await page.goto(`${site.baseUrl}/staff/admin/situations`);
  await page.getByText('Registering a dog and the dog fee').waitFor();
  await expectAccessible(page);
  await page.goto(`${site.baseUrl}/staff/admin/situations/new`);
  await page.locator('#slug').fill('Not a slug');
  await page.locator('form.stack button[type="submit"]').click();
  await page.locator('.error-summary').waitFor();
  assert.equal(await page.locator('#slug').inputValue(), 'Not a slug');
  await expectAccessible(page);
  await page.goto(`${site.baseUrl}/staff/admin/situations`);
  await page.getByRole('link', { name: 'The municipal waste fee' }).click();
  await page.getByRole('link', { name: 'Delete' }).click();
  await page
    .getByRole('heading', { name: 'Delete the life situation “The municipal waste fee”?' })
    .waitFor();
  await expectAccessible(page);
  await page.context().close();
});
