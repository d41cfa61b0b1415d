import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { newPage, startMailedSite, waitForMail } from './harness.ts';

let env: Awaited<ReturnType<typeof startMailedSite>>;
let smtp: Awaited<ReturnType<typeof startMailedSite>>['smtp'];
let site: { baseUrl: string; okence: Okence };
let browser: Browser;
before(async () => {
  env = await startMailedSite();
  ({ smtp, site, browser } = env);
});
after(async () => {
  await env?.close();
});

/** Presses Tab until the focused element matches, at most 80 times. */
async function tabTo(page: Page, matches: (el: { tag: string; text: string; id: string; cls: string }) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { tag: a?.tagName ?? '', text: a?.textContent?.trim() ?? '', id: a?.id ?? '', cls: a?.parentElement?.className ?? '' };
    });
    if (matches(el)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

test('keyboard only: from the service page to a confirmed booking', async () => {
  const page = await newPage(browser, { locale: 'en-GB' });
  await page.goto(`${site.baseUrl}/o/ue-ljutomer/s/faza-postopka?lang=en`);
  await tabTo(page, (e) => e.text === 'Book a video appointment', 'the book button');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/book\/ljutomer/);
  await tabTo(page, (e) => e.tag === 'A' && e.cls === 'day-free', 'a day with free times');
  await page.keyboard.press('Enter');
  await page.waitForURL(/day=/);
  await tabTo(page, (e) => e.tag === 'A' && /^\d{2}:\d{2}$/.test(e.text), 'a free time');
  await page.keyboard.press('Enter');
  await page.waitForURL(/contact\?start=/);
  await tabTo(page, (e) => e.id === 'name', 'the name field');
  await page.keyboard.type('Ana Keyboard');
  await page.keyboard.press('Tab');
  await page.keyboard.type('keyboard@example.si');
  await tabTo(page, (e) => e.text === 'Reserve', 'Reserve');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/h\/[0-9a-f-]{36}$/);
  const code = await waitForMail(smtp.messages, 'keyboard@example.si', /\b(\d{6})\b/);
  await tabTo(page, (e) => e.id === 'code', 'the code field');
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await page.waitForURL(/confirmed=1$/);
  assert.equal(await page.locator('h1').textContent(), 'Your appointment is booked');
});
