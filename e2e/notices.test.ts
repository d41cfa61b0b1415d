// The official notice board in Chromium at a phone's width, without JavaScript: browse, filter by
// category, search, open a document with its attachment and an older version, the archive; axe
// on each page in sl, cs and en; and the main flow with the keyboard only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { pdfBytes, seedTestBoard } from '../src/notices/public/testing.ts';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  launchBrowser,
  newPage,
  startSite,
} from './harness.ts';

const PHONE = { width: 375, height: 740 };
let site: { baseUrl: string; okence: Okence };
let browser: Browser;
let checker: Page;
before(async () => {
  // 10 Dec 2026 in Kopřivnice: the shared test board (src/notices/public/testing.ts).
  site = await startSite({}, { clock: fixedClock(new Date('2026-12-10T08:00:00Z')) });
  await seedTestBoard(site.okence);
  browser = await launchBrowser();
  checker = await newPage(browser, { viewport: PHONE });
});
after(async () => {
  await browser?.close();
  await site?.okence.close();
});

/** A page without JavaScript, as most of the board's readers need none. */
const plainPage = (lang: string) =>
  newPage(browser, { javaScriptEnabled: false, viewport: PHONE, locale: lang });

/**
 * axe runs in a page, which a page without JavaScript cannot: the HTML it got is served again at
 * its own address to a page that can run it (the server's CSS and all), at the same width.
 */
async function scan(page: Page): Promise<void> {
  const [url, body] = [page.url(), await page.content()];
  const same = (u: URL) => u.href === url;
  await checker.route(same, (route) =>
    route.fulfill({ body, contentType: 'text/html; charset=utf-8' }),
  );
  await checker.goto(url);
  await checker.unroute(same);
  await expectAccessible(checker);
  await expectNoHorizontalScroll(checker);
}

const WORDS = {
  cs: { board: 'Úřední deska', archive: 'Archiv úřední desky', version: 'Verze 1' },
  sl: { board: 'Uradna oglasna deska', archive: 'Arhiv oglasne deske', version: 'Različica 1' },
  en: {
    board: 'Official notice board',
    archive: 'Archive of the notice board',
    version: 'Version 1',
  },
} as const;

for (const lang of ['cs', 'sl', 'en'] as const) {
  test(`browse, filter, search, a document with its attachment, the archive (${lang}), axe on each`, async () => {
    const page = await plainPage(lang);
    const board = `${site.baseUrl}/o/koprivnice/notices`;
    await page.goto(`${board}?lang=${lang}`);
    assert.equal(await page.locator('h1').textContent(), WORDS[lang].board);
    assert.equal(await page.locator('main li.card').count(), 2);
    await scan(page);

    await page.locator('#category').selectOption('public_decree');
    await page.locator('form[role="search"] button[type="submit"]').click();
    await page.waitForURL(/category=public_decree/);
    assert.equal(await page.locator('main li.card').count(), 1);
    await scan(page);

    await page.goto(`${board}?lang=${lang}`);
    await page.locator('#q').fill('ZAHUMENNI');
    await page.locator('form[role="search"] button[type="submit"]').click();
    await page.waitForURL(/q=ZAHUMENNI/);
    await page.locator('p[role="status"]').waitFor();
    await page.locator('main li.card h2 a').click();
    await page.waitForURL(/\/notices\/1$/);
    await scan(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('main a[download]').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'vyhlaska.pdf');
    assert.deepEqual(await readFile(await download.path()), pdfBytes());

    await page.getByRole('link', { name: WORDS[lang].version }).click();
    await page.waitForURL(/\/notices\/1\/v\/1$/);
    assert.equal(await page.locator('h1').textContent(), 'Veřejná vyhláška o uzavírce');
    await scan(page);

    await page.goto(`${board}/archive?lang=${lang}`);
    assert.equal(await page.locator('h1').textContent(), WORDS[lang].archive);
    assert.equal(await page.locator('main li.card').count(), 2);
    await scan(page);
    await page.locator('main a[href="/o/koprivnice/notices/4"]').click();
    await page.waitForURL(/\/notices\/4$/);
    await scan(page);
    await page.context().close();
  });
}

/** Presses Tab until the focused element matches, at most 80 times. */
async function tabTo(page: Page, matches: (el: { id: string; href: string }) => boolean) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLAnchorElement | null;
      return { id: a?.id ?? '', href: a?.getAttribute('href') ?? '' };
    });
    if (matches(el)) return;
  }
  throw new Error('Tab never reached it');
}

test('keyboard only: search, open the document, download its attachment', async () => {
  const page = await plainPage('cs');
  await page.goto(`${site.baseUrl}/o/koprivnice/notices?lang=cs`);
  await tabTo(page, (el) => el.id === 'q');
  await page.keyboard.type('stramberske');
  await page.keyboard.press('Enter');
  await page.waitForURL(/q=stramberske/);
  await tabTo(page, (el) => el.href === '/o/koprivnice/notices/1');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/notices\/1$/);
  await tabTo(page, (el) => el.href.includes('/files/'));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Enter'),
  ]);
  assert.equal(download.suggestedFilename(), 'vyhlaska.pdf');
  await page.context().close();
});
