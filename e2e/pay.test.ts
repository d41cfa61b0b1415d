// Paying a fee without signing in, in Chromium: the lookup form (with its errors), the "not
// found" answer and the payment page with its bank QR code, axe on each in cs, sl and en, on a
// phone's width; then the whole way from the organisation's page to the payment page by keyboard.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import {
  organisationId,
  seedFeeType,
  seedObligation,
  seedSettings,
} from '../src/payments/pay/testing.ts';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  launchBrowser,
  newPage,
  startSite,
} from './harness.ts';

let site: { baseUrl: string; okence: Okence };
let browser: Browser;
before(async () => {
  // Development with demo data: the card gateway's loopback emulator, so the card button shows.
  site = await startSite({ NODE_ENV: 'development' });
  browser = await launchBrowser();
  const db = site.okence.handle.db;
  const cz = await organisationId(db, 'koprivnice');
  await seedSettings(db, cz, {
    birthNumberLookup: true,
    iban: 'CZ6508000000192000145399',
    qrFormat: 'spayd',
  });
  await seedObligation(db, {
    organisation: cz,
    feeType: await seedFeeType(db, cz, 'test-dog'),
    currency: 'CZK',
    variableSymbol: '8801000123',
    payerName: 'Jana Nováková',
    instalments: [
      { dueDate: '2027-03-31', amountMinor: 75000 },
      { dueDate: '2027-09-30', amountMinor: 75000 },
    ],
  });
  const si = await organisationId(db, 'ue-domzale');
  await seedSettings(db, si, {
    birthNumberLookup: false,
    iban: 'SI56263300012039086',
    qrFormat: 'upn',
    payeeName: 'Upravna enota Domžale',
  });
  await seedObligation(db, {
    organisation: si,
    feeType: await seedFeeType(db, si, 'test-dog'),
    currency: 'EUR',
    variableSymbol: '8801000456',
    payerName: 'Ana Novak',
    instalments: [{ dueDate: '2027-01-31', amountMinor: 2500 }],
  });
});
after(async () => {
  await browser?.close();
  await site?.okence.close();
});

const CASES = [
  {
    lang: 'cs',
    org: 'koprivnice',
    vs: '8801000123',
    name: 'jana novakova',
    h1: 'Zaplatit poplatek',
  },
  { lang: 'sl', org: 'ue-domzale', vs: '8801000456', name: 'Ana Novak', h1: 'Plačilo takse' },
  { lang: 'en', org: 'koprivnice', vs: '8801000123', name: 'Jana Nováková', h1: 'Pay the fee' },
] as const;

/** Checks what every page of the flow must be: one h1, accessible, no sideways scrolling. */
async function checkPage(page: Page): Promise<void> {
  assert.equal(await page.locator('h1').count(), 1);
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
}

test('the form, its errors, "not found" and the payment page in cs, sl and en on a phone, axe on each', async () => {
  const page = await newPage(browser, { viewport: { width: 360, height: 740 } });
  for (const c of CASES) {
    await page.goto(`${site.baseUrl}/o/${c.org}/pay?lang=${c.lang}`);
    assert.equal(await page.locator('html').getAttribute('lang'), c.lang);
    await checkPage(page);
    // Letters in the symbol: the error summary, the typed values kept.
    await page.locator('#vs').fill('26O1');
    await page.locator('#name').fill(c.name);
    await page.locator('#email').fill('payer@example.cz');
    await page.locator('form[action$="/pay"] button[type="submit"]').click();
    await page.locator('.error-summary').waitFor();
    assert.equal(await page.locator('#name').inputValue(), c.name);
    await checkPage(page);
    // A symbol that is nobody's: the one "not found" page.
    await page.locator('#vs').fill('8801999999');
    await page.locator('form[action$="/pay"] button[type="submit"]').click();
    await page.locator('a.button[href$="/pay"]').waitFor();
    await checkPage(page);
    await page.locator('a.button[href$="/pay"]').click();
    await page.locator('#vs').fill(c.vs);
    await page.locator('#name').fill(c.name);
    await page.locator('#email').fill('payer@example.cz');
    await page.locator('form[action$="/pay"] button[type="submit"]').click();
    await page.waitForURL(/\/pay\/[A-Za-z0-9_-]{43}$/);
    assert.equal(await page.locator('h1').textContent(), c.h1);
    assert.equal(await page.locator('main svg[role="img"]').count(), 1, 'the bank QR code');
    assert.equal(
      await page.locator('main form[action$="/pay/card"] button').count(),
      1,
      'the card button',
    );
    assert.ok((await page.locator('main').textContent())?.includes(c.vs));
    await checkPage(page);
  }
});

test("keyboard only: from the organisation page to the demo newcomer's payment page (README)", async () => {
  const page = await newPage(browser, { locale: 'cs-CZ' });
  await page.goto(`${site.baseUrl}/o/koprivnice?lang=cs`);
  const focused = () =>
    page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { text: a?.textContent?.trim() ?? '', id: a?.id ?? '' };
    });
  const tabTo = async (want: (el: { text: string; id: string }) => boolean, what: string) => {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if (want(await focused())) return;
    }
    throw new Error(`Tab never reached ${what}`);
  };
  await tabTo((el) => el.text === 'Zaplatit poplatek', 'the "pay a fee" link');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/o\/koprivnice\/pay/);
  await tabTo((el) => el.id === 'vs', 'the variable symbol');
  await page.keyboard.type('2601000042');
  await tabTo((el) => el.id === 'name', 'the name');
  await page.keyboard.type('Petra Malá');
  await tabTo((el) => el.id === 'email', 'the e-mail');
  await page.keyboard.type('petra@example.cz');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/pay\/[A-Za-z0-9_-]{43}$/);
  assert.equal(await page.locator('h1').textContent(), 'Zaplatit poplatek');
  assert.match((await page.locator('main').textContent()) ?? '', /2601000042/);
  // On to the card: the button is reached and pressed by keyboard too.
  await tabTo((el) => el.text === 'Zaplatit kartou', 'the card button');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/pay/'));
});
