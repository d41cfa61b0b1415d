// The account's ways to sign in in Chromium, by keyboard only, in Slovenian, Czech and English:
// an eID account adds an e-mailed code (address, then the code), then removes the eID after its
// confirmation; the page a refused link ends on. Axe on each page on the way. One server and
// one browser for the file.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { CITIZEN_COOKIE } from '../src/http/citizen-session.ts';
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

/** Tabs to the field `id`, types `text` and submits its form with Enter. */
async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, (e) => e.id === id, `the field ${id}`);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Tabs to the link or button reading `text` and presses Enter. */
async function activate(page: Page, text: string): Promise<void> {
  await tabTo(page, (e) => (e.tag === 'A' || e.tag === 'BUTTON') && e.text === text, text);
  await page.keyboard.press('Enter');
}

describe('the ways to sign in by keyboard', () => {
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
    test(`${lang}: an e-mailed code added, the eID removed, a refusal; axe on each page`, async () => {
      const t = translator(lang);
      const email = `ways-${lang}@example.si`;
      // Signed in with an eID (as the SAML or OIDC handler would), in this browser.
      const { token } = await okence.services.citizens.signIn(
        {
          providerId: 'nia',
          personIdentifier: `CZ/CZ/ways-e2e-${lang}`,
          loa: 'substantial',
          givenName: 'Jana',
          familyName: 'Dvořáková',
        },
        { ip: '192.0.2.1' },
      );
      const page = await newPage(browser, { locale: LOCALES[lang] });
      await page.context().addCookies([
        // Host-only, path /, as the server sets a __Host- cookie.
        {
          name: CITIZEN_COOKIE,
          value: token,
          domain: new URL(base).hostname,
          path: '/',
          secure: true,
          httpOnly: true,
          sameSite: 'Lax',
        },
      ]);
      const path = () => new URL(page.url()).pathname;

      await page.goto(`${base}/account`);
      await page.getByRole('heading', { name: t('citizens.ways.title') }).waitFor();
      await expectAccessible(page);

      const emailWay = t('citizens.ways.add_with', { provider: t('citizens.provider.email') });
      await activate(page, emailWay);
      await page.waitForURL((u) => u.pathname === '/account/ways/email');
      await expectAccessible(page);
      await typeInto(page, 'email', email);
      await page.waitForURL((u) => u.pathname === '/account/ways/email/code');
      await page.getByText(email).first().waitFor();
      await expectAccessible(page);
      await typeInto(page, 'code', await mailedCode(okence, email));
      await page.getByText(t('citizens.ways.added')).first().waitFor();
      assert.equal(path(), '/account');
      await page.getByText(t('citizens.ways.email_way', { email })).first().waitFor();
      await expectAccessible(page);

      await activate(page, t('citizens.ways.remove_link', { way: 'nia' }));
      await page.waitForURL((u) => /^\/account\/ways\/[0-9a-f-]{36}\/remove$/.test(u.pathname));
      await page.getByText(t('citizens.ways.remove_eid_data', { provider: 'nia' })).waitFor();
      await expectAccessible(page);
      await activate(page, t('citizens.ways.remove_confirm'));
      await page.getByText(t('citizens.ways.removed')).first().waitFor();
      assert.equal(path(), '/account');
      // The e-mail way is the last now: it cannot be removed, and the page says so.
      await page.getByText(t('citizens.ways.only_one')).first().waitFor();

      await page.goto(`${base}/account/ways/refused?reason=owned`);
      await page.getByText(t('citizens.ways.refused_owned')).waitFor();
      await expectAccessible(page);
      await page.context().close();
    });
  }
});
