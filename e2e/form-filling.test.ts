// A citizen fills in a form with JavaScript off and the keyboard only, in sl, cs and en: errors
// shown and fixed, a repeat added and removed, check your answers, a change link, the draft
// deleted and restored, and the mailed link opening it in another browser. axe scans every page
// (in a second context with JavaScript on, given exactly the HTML the plain browser got).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { publishForm } from '../src/forms/fill-testing.ts';
import { MESSAGES, type Lang } from '../src/i18n/i18n.ts';
import { expectAccessible, launchBrowser, startSite } from './harness.ts';

let site: { baseUrl: string; okence: Okence };
let browser: Browser;
before(async () => {
  site = await startSite();
  const { organisation } = await site.okence.services.tenants.getOrganisation('ue-domzale');
  await publishForm(site.okence.handle.db, site.okence.services.forms, organisation.id, 'newborns');
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.okence.close();
});

const LOCALES: Record<Lang, string> = { sl: 'sl-SI', cs: 'cs-CZ', en: 'en-GB' };

/** Presses Tab until the focused element matches, at most 80 times. */
async function tabTo(
  page: Page,
  matches: (el: { tag: string; text: string; id: string; href: string }) => boolean,
  what: string,
): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return {
        tag: a?.tagName ?? '',
        text: a?.textContent?.trim() ?? '',
        id: a?.id ?? '',
        href: a?.getAttribute('href') ?? '',
      };
    });
    if (matches(el)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

describe('filling in a form, JavaScript off, keyboard only', () => {
  for (const lang of ['sl', 'cs', 'en'] as const) {
    test(`in ${lang}`, async () => {
      const t = (k: keyof (typeof MESSAGES)['en'], p: Record<string, string> = {}) =>
        Object.entries(p).reduce((s, [n, v]) => s.replace(`{${n}}`, v), MESSAGES[lang][k]);
      const plainContext: BrowserContext = await browser.newContext({
        locale: LOCALES[lang],
        javaScriptEnabled: false,
      });
      const scanner = await (await browser.newContext({ locale: LOCALES[lang] })).newPage();
      const page = await plainContext.newPage();
      page.setDefaultTimeout(15_000);
      /** axe on exactly what the plain browser shows, served at its URL to a browser with scripts. */
      const scan = async () => {
        const url = page.url();
        const body = await page.content();
        await scanner.route(url, (r) =>
          r.fulfill({ body, contentType: 'text/html; charset=utf-8' }),
        );
        await scanner.goto(url);
        await expectAccessible(scanner);
        await scanner.unrouteAll();
      };
      const press = async (text: string) => {
        await tabTo(page, (e) => e.tag === 'BUTTON' && e.text.startsWith(text), text);
        await page.keyboard.press('Enter');
        await page.waitForLoadState('domcontentloaded');
      };
      const typeInto = async (id: string, text: string) => {
        await tabTo(page, (e) => e.id === id, id);
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type(text);
      };
      const email = `parent-${lang}@example.org`;

      await page.goto(`${site.baseUrl}/o/ue-domzale/forms/newborns`);
      await scan();
      await typeInto('email', email);
      await press(t('forms.fill.start.button'));
      await page.waitForURL(/\/pages\/parent\?sent=/);
      assert.match(await page.locator('.notice').innerText(), new RegExp(email));
      await scan();

      // Nothing answered: the summary links to each problem; its first link leads to the field.
      await press(t('forms.fill.save_continue'));
      await page.locator('.error-summary').waitFor();
      assert.equal(await page.locator('.error-summary a').count(), 2);
      await scan();
      await tabTo(page, (e) => e.href === '#parent.givenName', 'the first error');
      await page.keyboard.press('Enter');
      await typeInto('parent.givenName', 'Ana');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Novak');
      await page.keyboard.press('Tab');
      await page.keyboard.type('041 234 567');
      await tabTo(page, (e) => e.id === 'invite', 'yes');
      await page.keyboard.press('Space');
      await press(t('forms.fill.save_continue'));
      await page.waitForURL(/\/pages\/address$/);
      await scan();
      await typeInto('home.street', 'Ljubljanska 1');
      await page.keyboard.press('Tab');
      await page.keyboard.type('1230');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Domžale');
      await press(t('forms.fill.save_continue'));
      await page.waitForURL(/\/pages\/children$/);
      await scan();

      // A second child added and removed again, what was typed kept throughout.
      await typeInto('child.0.name', 'Eva');
      await page.keyboard.press('Tab');
      await page.keyboard.type('3. 5. 2026');
      const child = { sl: 'Otrok', cs: 'Dítě', en: 'Child' }[lang];
      await press(t('forms.fill.add_another', { label: child }));
      await page.locator('[id="child.1.name"]').waitFor();
      assert.equal(await page.locator('[id="child.0.name"]').inputValue(), 'Eva');
      await scan();
      await press(t('forms.fill.remove', { label: child, number: '2' }));
      await page.locator('[id="child.1.name"]').waitFor({ state: 'detached' });
      await typeInto('guests', '9');
      await tabTo(page, (e) => e.id === 'needs', 'the first need');
      await page.keyboard.press('Space');
      await press(t('forms.fill.save_continue'));
      await page.locator('.error-summary').waitFor();
      assert.equal(await page.locator('#guests').inputValue(), '9');
      assert.equal(await page.locator('#needs').isChecked(), true);
      await scan();
      await typeInto('guests', '2');
      await press(t('forms.fill.save_continue'));
      await page.waitForURL(/\/check$/);
      await scan();
      const check = await page.locator('main').innerText();
      for (const part of ['Ana Novak', 'Ljubljanska 1, 1230 Domžale', 'Eva'])
        assert.match(check, new RegExp(part));

      // The change link goes to the page and back to check your answers.
      await tabTo(page, (e) => e.href.includes('/pages/parent?change=1'), 'change the parent');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/pages\/parent\?change=1/);
      await typeInto('parent.familyName', 'Kovač');
      await press(t('forms.fill.save_continue'));
      await page.waitForURL(/\/check$/);
      assert.match(await page.locator('main').innerText(), /Ana Kovač/);

      // Deleted, then restored.
      await press(t('forms.fill.delete.button'));
      await page.waitForURL(/\/deleted$/);
      await scan();
      await press(t('forms.fill.restore.button'));
      await page.waitForURL(/\/check$/);

      // The mailed link opens the draft in another browser.
      const mail = await site.okence.handle.db
        .selectFrom('mail_outbox')
        .select('text_body')
        .where('to_address', '=', email)
        .executeTakeFirstOrThrow();
      const link = /https?:\/\/\S+\/resume\/[A-Za-z0-9_-]{43}/.exec(mail.text_body)![0];
      const other = await (
        await browser.newContext({ locale: LOCALES[lang], javaScriptEnabled: false })
      ).newPage();
      await other.goto(`${site.baseUrl}${new URL(link).pathname}`);
      await other.waitForURL(/\/check$/);
      assert.match(await other.locator('main').innerText(), /Ana Kovač/);
      await other.context().close();
      // Sent: the confirmation with the reference number and the receipt.
      await press(t('forms.fill.send.button'));
      await page.waitForURL(/\/sent\/[A-Za-z0-9_-]{43}$/);
      await scan();
      assert.match(await page.locator('.reference').innerText(), /\S/);
      const pdf = await page.request.get(
        await page
          .locator('a[download]')
          .getAttribute('href')
          .then((h) => new URL(h!, page.url()).href),
      );
      assert.equal(pdf.headers()['content-type'], 'application/pdf');
      await plainContext.close();
      await scanner.context().close();
    });
  }
});
