// Departments and contacts in Chromium: an admin creates a department and a person and publishes
// them with consent, a citizen finds them by search on a phone; axe on every public page in sl, cs
// and en, on every admin page in one of them; keyboard only from the search to a department and
// booking with its official.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { DEMO_PASSWORD } from '../src/tenants/demo-data.ts';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  inTurn,
  launchBrowser,
  newPage,
  startSite,
} from './harness.ts';

let site: { baseUrl: string; okence: Okence };
let browser: Browser;
before(async () => {
  site = await startSite();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.okence.close();
});

const PHONE = { width: 375, height: 740 };

/** Presses Tab until the focused element matches, at most 80 times. */
async function tabTo(
  page: Page,
  matches: (el: { tag: string; text: string; id: string }) => boolean,
  what: string,
): Promise<void> {
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

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${site.baseUrl}/staff/sign-in?lang=en`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL(/\/staff$/);
}

test('an admin creates a department and a person, publishes with consent; a citizen finds them on a phone', async () => {
  const page = await newPage(browser, { locale: 'en-GB' });
  await signIn(page, 'admin@koprivnice.example');
  await page.goto(`${site.baseUrl}/staff/admin/departments`);
  await page.getByRole('link', { name: 'Building Authority' }).waitFor();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'New department' }).click();
  // Invalid first: the summary links to the field and what was typed stays.
  await page.locator('#name_cs').fill('Odbor životního prostředí');
  await page.locator('#email').fill('not an address');
  await page.locator('form.stack button[type="submit"]').click();
  await page.locator('.error-summary').waitFor();
  assert.equal(await page.locator('#email').inputValue(), 'not an address');
  assert.equal(await page.locator('#name_cs').inputValue(), 'Odbor životního prostředí');
  await expectAccessible(page);
  await page.locator('#email').fill('zivotni@koprivnice.example');
  await page.locator('#phone').fill('556 879 470');
  await page.locator('form.stack button[type="submit"]').click();
  await page.waitForURL(/\/staff\/admin\/departments\/[0-9a-f-]+\?saved=1$/);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Add a person' }).click();
  await page.locator('#fullName').fill('Zdeňka Procházková');
  await page.locator('#role_cs').fill('referentka ochrany ovzduší');
  await page.locator('#phone').fill('556 879 471');
  await page.locator('#published').check();
  await page.locator('form.stack button[type="submit"]').click();
  // Without the consent confirmed, publishing is refused beside the checkbox.
  await page.locator('.error-summary a[href="#consent"]').waitFor();
  assert.equal(await page.locator('#fullName').inputValue(), 'Zdeňka Procházková');
  await expectAccessible(page);
  await page.locator('#consent').check();
  await page.locator('form.stack button[type="submit"]').click();
  await page.waitForURL(/\/people\/[0-9a-f-]+\?saved=1$/);
  await page.getByText('Consent recorded on').waitFor();
  await expectAccessible(page);
  // The admin pages again, each in one of sl, cs and en in turn (above in English).
  const personUrl = page.url().replace(/\?saved=1$/, '');
  const departmentUrl = personUrl.replace(/\/people\/[0-9a-f-]+$/, '');
  for (const [url, lang] of inTurn([
    `${site.baseUrl}/staff/admin/departments`,
    `${site.baseUrl}/staff/admin/departments/new`,
    departmentUrl,
    `${departmentUrl}/delete`,
    `${departmentUrl}/people/new`,
    personUrl,
    `${personUrl}/delete`,
  ])) {
    await page.goto(`${url}?lang=${lang}`);
    assert.equal(await page.locator('html').getAttribute('lang'), lang);
    await expectAccessible(page);
  }
  await page.goto(`${personUrl}?lang=en`);
  await page.getByRole('link', { name: 'Delete person' }).click();
  await page.getByRole('heading', { name: 'Delete Zdeňka Procházková?' }).waitFor();
  await expectAccessible(page);
  await page.context().close();

  const phone = await newPage(browser, { locale: 'cs-CZ', viewport: PHONE, isMobile: true });
  await phone.goto(`${site.baseUrl}/o/koprivnice/contacts?lang=cs`);
  await phone.locator('#q').fill('prochazkova ovzdusi');
  await phone.getByRole('button', { name: 'Hledat' }).click();
  await phone.waitForURL(/q=prochazkova/);
  await phone.getByRole('heading', { name: 'Zdeňka Procházková' }).waitFor();
  await phone.locator('a[href="tel:+420556879471"]').waitFor();
  await expectNoHorizontalScroll(phone);
  await expectAccessible(phone);
  await phone.context().close();
});

test('every contacts page passes axe in sl, cs and en and fits a phone', async () => {
  const page = await newPage(browser, { viewport: PHONE, isMobile: true });
  const urls = [
    '/o/koprivnice/contacts',
    '/o/koprivnice/contacts?q=matrika',
    '/o/koprivnice/contacts?q=nothing-like-this',
    '/o/koprivnice/contacts/oddeleni-matriky-a-evidence-obyvatel',
    '/o/koprivnice/contacts/stavebni-urad',
    '/o/koprivnice/s/poplatek-za-psa',
    '/o/koprivnice/situations/prihlaseni-psa',
    '/o/ue-domzale/contacts',
    '/o/ue-domzale/contacts/oddelek-za-upravne-notranje-zadeve',
  ];
  for (const lang of ['sl', 'cs', 'en'] as const)
    for (const url of urls) {
      await page.goto(`${site.baseUrl}${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      assert.equal(await page.locator('h1').count(), 1, url);
      await expectNoHorizontalScroll(page);
      await expectAccessible(page);
    }
  await page.context().close();
});

test('keyboard only: search, a department, and booking with its official', async () => {
  const page = await newPage(browser, { locale: 'cs-CZ' });
  await page.goto(`${site.baseUrl}/o/koprivnice/contacts?lang=cs`);
  await tabTo(page, (e) => e.id === 'q', 'the search field');
  await page.keyboard.type('stavebni');
  await page.keyboard.press('Enter');
  await page.waitForURL(/q=stavebni/);
  await page.locator('#results').waitFor();
  await tabTo(page, (e) => e.tag === 'A' && e.text === 'Stavební úřad', 'the department');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/contacts\/stavebni-urad$/);
  await tabTo(
    page,
    (e) => e.tag === 'A' && e.text === 'Objednat se: Konzultace stavebního záměru',
    "booking with the department's official",
  );
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/o\/koprivnice\/s\/konzultace-stavby$/);
  await page.getByText('Vyřizuje:').waitFor();
  await page.context().close();
});
