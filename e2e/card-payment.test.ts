// Paying a fee by card in Chromium with JavaScript off, against GP webpay's emulator on loopback:
// the pay page's card button, the way on to the gateway (a meta refresh), the gateway's page,
// and back to Okence's result — paid, and declined — each result page checked by axe.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { obligationWithToken } from '../src/payments/card/testing.ts';
import { DECLINED_CARD } from '../src/payments/gateway/gpwebpay-emulator.ts';
import { emulatedMerchant, type EmulatedMerchant } from '../src/payments/gateway/testing.ts';
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, startSite } from './harness.ts';

describe('paying a fee by card in the browser', () => {
  let okence: Okence;
  let baseUrl: string;
  let gp: EmulatedMerchant;
  let browser: Browser;
  let page: Page;
  /** With JavaScript on, only to run axe (the flow itself runs without). */
  let checker: Page;

  before(async () => {
    gp = await emulatedMerchant({ organisations: ['koprivnice'] });
    ({ okence, baseUrl } = await startSite({ GPWEBPAY_MERCHANTS_FILE: gp.file }));
    // The site listens on a free port, which the return address built on PUBLIC_URL cannot name.
    gp.emulator.rewriteReturn = (url) => new URL(url.pathname + url.search, baseUrl);
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false });
    page = await context.newPage();
    checker = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  });
  after(async () => {
    await browser?.close();
    await okence?.close();
    await gp?.emulator.close();
  });

  /** axe on the page the flow is at, opened again with JavaScript on. */
  async function checkAccessible(): Promise<void> {
    await checker.goto(page.url());
    await expectAccessible(checker);
  }

  /** From the pay page to the gateway's page, by the card button. */
  async function toGateway(token: string): Promise<void> {
    await page.goto(`${baseUrl}/pay/${token}?lang=en`);
    await page.getByRole('button', { name: 'Pay by card' }).click();
    await page.waitForURL((url) => url.href.startsWith(gp.emulator.orderUrl));
  }

  test('paid: the result page says so, accessible and narrow', async () => {
    const o = await obligationWithToken(okence.handle.db, {
      slug: 'koprivnice',
      amountMinor: 150000,
      currency: 'CZK',
      now: new Date(),
    });
    await toGateway(o.token);
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.waitForURL(/\/o\/koprivnice\/pay\/card\/[0-9a-f-]{36}$/);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Payment received');
    assert.match((await page.locator('main').textContent()) ?? '', new RegExp(o.variableSymbol));
    await checkAccessible();
    await checker.setViewportSize({ width: 320, height: 640 });
    await expectNoHorizontalScroll(checker);
  });

  test('declined and cancelled: nothing charged, a way back to pay', async () => {
    const o = await obligationWithToken(okence.handle.db, {
      slug: 'koprivnice',
      amountMinor: 20000,
      currency: 'CZK',
      now: new Date(),
    });
    await toGateway(o.token);
    await page.getByLabel('Card number').fill(DECLINED_CARD);
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.waitForURL(/\/pay\/card\/[0-9a-f-]{36}$/);
    assert.equal(
      await page.getByRole('heading', { level: 1 }).textContent(),
      'The payment was declined',
    );
    assert.equal(await page.getByRole('link', { name: 'Back to payment' }).count(), 1);
    await checkAccessible();
    await toGateway(o.token);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForURL(/\/pay\/card\/[0-9a-f-]{36}$/);
    assert.equal(
      await page.getByRole('heading', { level: 1 }).textContent(),
      'The payment was cancelled',
    );
  });
});
