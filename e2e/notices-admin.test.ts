// The notice board's staff pages in Chromium: a notice posted with a PDF, corrected (a new
// version keeping the PDF) and withdrawn; axe (WCAG 2.1 AA) on the list, the forms with their
// errors and a notice's page, each in one of cs, sl and en; and a notice posted by keyboard only, without
// JavaScript. One browser, one site.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { samplePdf } from '../src/files/testing.ts';
import { addDays } from '../src/lib/calendar.ts';
import { DEMO_PASSWORD } from '../src/tenants/demo-data.ts';
import { expectAccessible, inTurn, launchBrowser, startSite } from './harness.ts';
import { SignInPage } from './pages.ts';

const NOTICES = '/staff/admin/notices';

/** The board's staff pages, as an admin reaches them. */
class NoticePages {
  readonly page: Page;
  readonly baseUrl: string;
  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }
  open(path: string, lang: string) {
    return this.page.goto(
      `${this.baseUrl}${NOTICES}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`,
    );
  }
  /** The id of what has focus, or its text. */
  async focused(): Promise<string> {
    const el = this.page.locator(':focus');
    if ((await el.count()) === 0) return '';
    return el.evaluate((e) => e.id || (e.textContent ?? '').trim());
  }
  /** Tabs until `id` has focus, as a keyboard user gets there. */
  async tabTo(id: string, max = 120): Promise<void> {
    for (let i = 0; i < max; i++) {
      if ((await this.focused()) === id) return;
      await this.page.keyboard.press('Tab');
    }
    assert.fail(`${id} never took focus by Tab`);
  }
  async type(id: string, text: string): Promise<void> {
    await this.tabTo(id);
    await this.page.keyboard.type(text);
  }
}

describe('the notice board for staff in the browser', () => {
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
    return new NoticePages(page, baseUrl);
  };

  before(async () => {
    ({ okence, baseUrl } = await startSite());
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await okence?.close();
  });

  test('posted with a PDF, corrected and withdrawn; every page passes axe, each in one of cs, sl and en', async () => {
    const n = await signedIn(true);
    const { page } = n;
    await n.open('/new', 'cs');
    const today = await page.locator('#postOn').inputValue();
    await page.fill('#title', 'Veřejná vyhláška – oznámení o zahájení územního řízení');
    await page.fill('#referenceNumber', 'MUKO 50001/2026');
    await page.fill('#removeAfter', addDays(today, 15));
    await page.fill('#body', 'Městský úřad oznamuje zahájení územního řízení.');
    await page.setInputFiles('#files', {
      name: 'vyhlaska.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(samplePdf('e2e')),
    });
    await page.locator('form.stack button[type="submit"]').click();
    await page.waitForURL(/\/notices\/[0-9a-f-]{36}\?done=created/);
    const detailUrl = page.url().split('?')[0]!;
    assert.match(await page.locator('main').innerText(), /vyhlaska\.pdf/);
    await page.getByRole('link', { name: 'Opravit dokument' }).click();
    await page.fill('#note', 'Oprava čísla jednacího.');
    await page.fill('#referenceNumber', 'MUKO 50002/2026');
    await page.locator('form.stack button[type="submit"]').click();
    await page.waitForURL(/\?done=corrected/);
    const main = await page.locator('main').innerText();
    assert.match(main, /Verze 2/);
    assert.match(main, /Oprava čísla jednacího\./);
    assert.equal(
      (await page.locator('a[href*="/attachments/"]').count()) >= 2,
      true,
      'the PDF is kept',
    );
    // Each page in one of cs, sl and en in turn (decision 053): every page and every language.
    for (const [path, lang] of inTurn(['', '?status=on_board', '/new'], 1)) {
      await n.open(path, lang);
      await expectAccessible(page);
    }
    await n.open('/new', 'cs');
    await page.fill('#title', '');
    await page.locator('form.stack button[type="submit"]').click();
    await page.waitForSelector('.error-summary');
    await expectAccessible(page);
    await page.goto(`${detailUrl}?lang=en`);
    await expectAccessible(page);
    await page.goto(`${detailUrl}/correct?lang=sl`);
    await expectAccessible(page);
    await page.goto(`${detailUrl}?lang=cs`);
    await page.fill('#reason', 'Řízení bylo zastaveno.');
    await page.getByRole('button', { name: 'Stáhnout dokument' }).click();
    await page.waitForURL(/\?done=withdrawn/);
    assert.match(await page.locator('main').innerText(), /Důvod: Řízení bylo zastaveno\./);
    await expectAccessible(page);
    await page.context().close();
  });

  test('a notice posted by keyboard only, without JavaScript: errors first, then saved', async () => {
    const n = await signedIn(false);
    const { page } = n;
    await n.open('/new', 'cs');
    const today = await page.locator('#postOn').inputValue();
    await n.type('title', 'Oznámení o konání zasedání zastupitelstva');
    await n.tabTo('Uložit dokument');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.error-summary');
    assert.equal(
      await page.locator('#title').inputValue(),
      'Oznámení o konání zasedání zastupitelstva',
    );
    // The summary's link takes the keyboard to the field with the problem.
    await page.locator('.error-summary a[href="#removeAfter"]').focus();
    await page.keyboard.press('Enter');
    await n.type('removeAfter', addDays(today, 10));
    await n.tabTo('Uložit dokument');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/notices\/[0-9a-f-]{36}\?done=created/);
    assert.match(await page.locator('main').innerText(), /Dokument č\. \d+ je uložen\./);
    await page.context().close();
  });
});
