import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { expectAccessible, newPage, startMailedSite, waitForMail } from './harness.ts';

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
async function tabTo(
  page: Page,
  matches: (el: { tag: string; text: string; id: string; cls: string }) => boolean,
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
        cls: a?.parentElement?.className ?? '',
      };
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
  // A day other than today: today's first free time stops being bookable when its two hours'
  // notice runs out, which a run crossing a quarter hour can meet before it reserves.
  const today = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Ljubljana', day: 'numeric' }).format(
      new Date(),
    ),
  );
  await tabTo(
    page,
    (e) => e.tag === 'A' && e.cls === 'day-free' && parseInt(e.text, 10) !== today,
    'a day with free times after today',
  );
  await page.keyboard.press('Enter');
  await page.waitForURL(/day=/);
  await tabTo(page, (e) => e.tag === 'A' && /^\d{2}:\d{2}$/.test(e.text), 'a free time');
  await page.keyboard.press('Enter');
  await page.waitForURL(/contact\?start=/);
  await tabTo(page, (e) => e.id === 'name', 'the name field');
  await page.keyboard.type('Ana Keyboard');
  await page.keyboard.press('Tab');
  await page.keyboard.type('keybaord@example.si');
  await tabTo(page, (e) => e.text === 'Reserve', 'Reserve');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/h\/[0-9a-f-]{36}$/);
  // A typo in the address: the code page shows it, "Change it" brings the form back filled.
  await page.getByText('We sent a 6-digit code to keybaord@example.si.').waitFor();
  await tabTo(page, (e) => e.tag === 'BUTTON' && e.text === 'Change it', 'Change it');
  await page.keyboard.press('Enter');
  await page.waitForURL(/contact\?start=/);
  assert.equal(await page.locator('#name').inputValue(), 'Ana Keyboard');
  await expectAccessible(page);
  await tabTo(page, (e) => e.id === 'email', 'the email field');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('keyboard@example.si');
  await tabTo(page, (e) => e.text === 'Reserve', 'Reserve');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/h\/[0-9a-f-]{36}$/);
  await page.getByText('We sent a 6-digit code to keyboard@example.si.').waitFor();
  await expectAccessible(page);
  const code = await waitForMail(smtp.messages, 'keyboard@example.si', /\b(\d{6})\b/);
  await tabTo(page, (e) => e.id === 'code', 'the code field');
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await page.waitForURL(/confirmed=1$/);
  assert.equal(await page.locator('h1').textContent(), 'Your appointment is booked');

  // Cancelling asks first; "No" keeps the appointment, "Yes" cancels it.
  await tabTo(page, (e) => e.tag === 'A' && e.text === 'Cancel the appointment', 'the cancel link');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/cancel$/);
  await page
    .getByText(
      /^Cancel the appointment on [A-Z][a-z]+day, \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}\? This cannot be undone\.$/,
    )
    .waitFor();
  await expectAccessible(page);
  await tabTo(page, (e) => e.tag === 'A' && e.text === 'No, keep it', 'No, keep it');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/m\/[A-Za-z0-9_-]{43}$/);
  assert.equal(
    await page.getByRole('link', { name: 'Move to another time' }).count(),
    1,
    'still booked',
  );
  await tabTo(page, (e) => e.tag === 'A' && e.text === 'Cancel the appointment', 'the cancel link');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/cancel$/);
  await tabTo(page, (e) => e.tag === 'BUTTON' && e.text === 'Yes, cancel', 'Yes, cancel');
  await page.keyboard.press('Enter');
  await page.waitForURL(/cancelled=1$/);
  await page.getByText('The appointment is cancelled. We sent you an email.').waitFor();
});
