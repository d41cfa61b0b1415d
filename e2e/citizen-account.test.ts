// The personal account in Chromium, by keyboard only, in Slovenian, Czech and English: sign in
// with an e-mailed code, add a phone (a wrong one first), change the e-mail with the code sent
// to the new address, and open the deletion's confirmation; axe on each page on the way. One
// server and one browser for the file.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { mailedCode } from '../src/citizens/testing.ts';
import { translator, type Lang } from '../src/i18n/i18n.ts';
import { expectAccessible, launchBrowser, newPage, startSite } from './harness.ts';

const LOCALES: Record<Lang, string> = { sl: 'sl-SI', cs: 'cs-CZ', en: 'en-GB' };

type Focused = { tag: string; text: string; id: string };

/** Presses Tab until the focused element matches, at most 80 times. */
async function tabTo(page: Page, matches: (el: Focused) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { tag: a?.tagName ?? '', text: a?.textContent?.trim() ?? '', id: a?.id ?? '' };
    });
    if (matches(el)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Tabs to the field `id`, replaces what it holds with `text` and submits its form with Enter. */
async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, (e) => e.id === id, `the field ${id}`);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Tabs to the link or button reading `text` and presses Enter. */
async function activate(page: Page, text: string): Promise<void> {
  await tabTo(page, (e) => (e.tag === 'A' || e.tag === 'BUTTON') && e.text === text, text);
  await page.keyboard.press('Enter');
}

describe('the personal account by keyboard', () => {
  let okence: Okence;
  let base: string;
  let browser: Browser;
  before(async () => {
    ({ baseUrl: base, okence } = await startSite());
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await okence?.close();
  });

  for (const lang of ['sl', 'cs', 'en'] as const) {
    test(`${lang}: e-mail sign-in, phone and e-mail changed, the deletion page; axe on each`, async () => {
      const t = translator(lang);
      const email = `keyboard-${lang}@example.si`;
      const newEmail = `keyboard-${lang}-new@example.si`;
      const page = await newPage(browser, { locale: LOCALES[lang] });
      const path = () => new URL(page.url()).pathname;

      await page.goto(`${base}/account/sign-in/email`);
      await typeInto(page, 'email', email);
      await page.waitForURL((u) => u.pathname === '/account/sign-in/email/code');
      await typeInto(page, 'code', await mailedCode(okence, email));
      await page.waitForURL((u) => u.pathname === '/account');
      await page
        .getByRole('heading', { name: t('citizens.profile.title') })
        .first()
        .waitFor();
      await expectAccessible(page);

      await activate(page, t('citizens.profile.add_phone'));
      await page.waitForURL((u) => u.pathname === '/account/phone');
      await typeInto(page, 'phone', 'call me');
      await page.getByText(t('citizens.phone.invalid')).first().waitFor();
      assert.equal(await page.inputValue('#phone'), 'call me', 'what was typed is kept');
      await expectAccessible(page);
      await typeInto(page, 'phone', '+386 1 234 56 78');
      await page.getByText(t('citizens.saved.phone')).first().waitFor();
      assert.equal(path(), '/account');
      await page.getByText('+386 1 234 56 78').first().waitFor();

      await activate(page, t('citizens.profile.change_email'));
      await page.waitForURL((u) => u.pathname === '/account/email');
      await typeInto(page, 'email', newEmail);
      await page.waitForURL((u) => u.pathname === '/account/email/code');
      await page.getByText(newEmail).first().waitFor();
      await expectAccessible(page);
      await typeInto(page, 'code', await mailedCode(okence, newEmail));
      await page.getByText(t('citizens.saved.email')).first().waitFor();
      await page
        .getByText(`${newEmail} (${t('citizens.profile.email_verified')})`)
        .first()
        .waitFor();

      await activate(page, t('citizens.data.delete_link'));
      await page.waitForURL((u) => u.pathname === '/account/delete');
      await page.getByText(t('citizens.delete.nothing_ahead')).first().waitFor();
      await expectAccessible(page);
      if (lang === 'en') {
        await activate(page, t('citizens.delete.confirm'));
        await page.waitForURL((u) => u.pathname === '/account/sign-in');
        await page.getByText(t('citizens.signed_out')).first().waitFor();
      }
      await page.context().close();
    });
  }
});
