// Bank statements in Chromium: axe (WCAG 2.1 AA) on the statements page (empty, a report, a
// refused file) and the unmatched payments (with a wrong variable symbol) in Slovenian, Czech and
// English; a statement uploaded and a payment assigned by keyboard only, JavaScript off.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { aboFile, aboHeader, aboItem } from '../src/payments/statements/testing.ts';
import { seedObligations } from '../src/payments/statements/testing-db.ts';
import { DEMO_PASSWORD } from '../src/tenants/demo-data.ts';
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, startSite } from './harness.ts';
import { SignInPage } from './pages.ts';

const STATEMENTS = '/staff/admin/fees/statements';
const UNMATCHED = '/staff/admin/fees/unmatched';

/** A statement with one exact payment and one to a symbol no fee has, numbered `n`. */
const statement = (n: number) => ({
  name: `vypis-${n}.gpc`,
  mimeType: 'application/octet-stream',
  buffer: Buffer.from(
    aboFile([
      aboHeader({ number: n }),
      aboItem({ amountMinor: 50000, vs: String(3000 + n), note: 'Jiří Dvořák' }),
      aboItem({ amountMinor: 12345, vs: String(880000 + n), note: `Řehoř Žůrek ${n}` }),
    ]),
  ),
});

describe('bank statements in the browser', () => {
  let okence: Okence;
  let baseUrl: string;
  let browser: Browser;

  const signedIn = async (javaScriptEnabled: boolean): Promise<Page> => {
    const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled });
    const page = await context.newPage();
    const signIn = new SignInPage(page, baseUrl);
    await signIn.open();
    await signIn.signIn('admin@koprivnice.example', DEMO_PASSWORD);
    await page.waitForURL(/\/staff$/);
    return page;
  };
  /** Presses Tab until the element with this id or text has focus. */
  const tabTo = async (page: Page, what: string | RegExp): Promise<void> => {
    for (let i = 0; i < 150; i++) {
      // document.activeElement: a locator of ':focus' would wait for one when nothing has focus.
      const now = await page.evaluate(() => {
        const e = document.activeElement;
        return e ? e.id || (e.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
      });
      if (typeof what === 'string' ? now === what : what.test(now)) return;
      await page.keyboard.press('Tab');
    }
    assert.fail(`${String(what)} never took focus by Tab`);
  };

  before(async () => {
    ({ okence, baseUrl } = await startSite());
    browser = await launchBrowser();
    const org = await okence.handle.db
      .selectFrom('organisation')
      .select('id')
      .where('slug', '=', 'koprivnice')
      .executeTakeFirstOrThrow();
    await seedObligations(
      okence.handle.db,
      org.id,
      [1, 2, 3, 4].map((n) => ({ vs: String(3000 + n), amountMinor: 50000 })),
    );
  });
  after(async () => {
    await browser?.close();
    await okence?.close();
  });

  test('every page passes axe in sl, cs and en: empty, a report, a refused file, a wrong symbol', async () => {
    const page = await signedIn(true);
    for (const [i, lang] of (['sl', 'cs', 'en'] as const).entries()) {
      await page.goto(`${baseUrl}${STATEMENTS}?lang=${lang}`);
      await expectAccessible(page);
      await page.setInputFiles('#file', statement(i + 1));
      await page.locator('form[enctype] button[type=submit]').click();
      await page.locator('#report-title').waitFor();
      await expectAccessible(page);
      await page.setInputFiles('#file', {
        name: 'bad.gpc',
        mimeType: 'text/plain',
        buffer: Buffer.from('075 nonsense\r\n'),
      });
      await page.locator('form[enctype] button[type=submit]').click();
      await page.locator('#refused-title').waitFor();
      await expectAccessible(page);
      await page.goto(`${baseUrl}${UNMATCHED}?lang=${lang}`);
      await page.locator('input[name=variableSymbol]').first().fill('424242');
      await page.locator('form[action$="/assign"] button[type=submit]').first().click();
      await page.locator('.error-summary').waitFor();
      assert.equal(await page.locator('input[aria-invalid=true]').inputValue(), '424242');
      await expectAccessible(page);
      await page.setViewportSize({ width: 320, height: 640 });
      await expectNoHorizontalScroll(page);
      await page.setViewportSize({ width: 1280, height: 720 });
    }
    await page.context().close();
  });

  test('a statement uploaded and an unmatched payment assigned by keyboard only, JavaScript off', async () => {
    const page = await signedIn(false);
    await page.goto(`${baseUrl}${STATEMENTS}?lang=en`);
    // The keyboard reaches the file field; the file itself is chosen in the system's dialog,
    // which is not the page's. Waiting for Chromium's chooser event after Space timed out once at
    // CI's load (30 s), so the file is set on the focused field directly.
    await tabTo(page, 'file');
    await page.locator('#file').setInputFiles(statement(4));
    await tabTo(page, 'Import the statement');
    await page.keyboard.press('Enter');
    await page.locator('#report-title').waitFor();
    assert.match(
      await page.locator('#report-title').locator('..').innerText(),
      /Matched, paid exactly\s+1/,
    );
    await tabTo(page, 'Unmatched payments');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/unmatched$/);
    const row = page.locator('tr', { hasText: 'Řehoř Žůrek 4' });
    const field = await row.locator('input[name=variableSymbol]').getAttribute('id');
    await tabTo(page, field!);
    await page.keyboard.type('3001');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/assigned=3001/);
    assert.match(await page.locator('.notice[role=status]').innerText(), /variable symbol 3001/);
    assert.equal(await page.locator('tr', { hasText: 'Řehoř Žůrek 4' }).count(), 0);
    await page.context().close();
  });
});
