// The delivery of submissions from the admin's side in Chromium: axe (WCAG 2.1 AA) on the
// settings, a form with errors, the secret shown once, the removal's confirmation and the
// delivery states in Slovenian, Czech and English; a webhook added, tested and disabled and a
// failed delivery retried by keyboard only, with JavaScript and without it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { loopbackReceiver, seedDeliveryObjects } from '../src/submissions/testing.ts';
import { DEMO_PASSWORD } from '../src/tenants/demo-data.ts';
import { expectAccessible, expectNoHorizontalScroll, launchBrowser, startSite } from './harness.ts';
import { SignInPage } from './pages.ts';

const ADMIN = 'admin@domzale.example';

/** The admin's delivery pages, in the words and keys a person uses. */
class DeliveriesPage {
  readonly page: Page;
  readonly baseUrl: string;
  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }
  async open(path = '', lang = 'en'): Promise<void> {
    await this.page.goto(`${this.baseUrl}/staff/admin/deliveries${path}?lang=${lang}`);
  }
  /** What has focus: its id, or its text when it has none. */
  async focused(): Promise<string> {
    const el = this.page.locator(':focus');
    if ((await el.count()) === 0) return '';
    return el.evaluate((e) => e.id || (e.textContent ?? '').replace(/\s+/g, ' ').trim());
  }
  /** Presses Tab until `what` (an id or a text) has focus. */
  async tabTo(what: string | RegExp, max = 120): Promise<void> {
    for (let i = 0; i < max; i++) {
      const now = await this.focused();
      if (typeof what === 'string' ? now === what : what.test(now)) return;
      await this.page.keyboard.press('Tab');
    }
    assert.fail(`${String(what)} never took focus by Tab`);
  }
  notice(): Promise<string> {
    return this.page.locator('.notice[role=status]').innerText();
  }
}

describe('delivery of submissions in the browser', () => {
  let okence: Okence;
  let baseUrl: string;
  let browser: Browser;
  const receiver = loopbackReceiver();
  let port: number;

  const signedIn = async (javaScriptEnabled: boolean): Promise<DeliveriesPage> => {
    const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled });
    const page = await context.newPage();
    const signIn = new SignInPage(page, baseUrl);
    await signIn.open();
    await signIn.signIn(ADMIN, DEMO_PASSWORD);
    await page.waitForURL(/\/staff$/);
    return new DeliveriesPage(page, baseUrl);
  };
  /** A failed delivery of a submission of Domžale's, to show and retry. */
  const failedDelivery = async () => {
    const db = okence.handle.db;
    const org = await db
      .selectFrom('organisation')
      .select('id')
      .where('slug', '=', 'ue-domzale')
      .executeTakeFirstOrThrow();
    const form = await db
      .selectFrom('forms')
      .select('id')
      .where('organisation_id', '=', org.id)
      .executeTakeFirstOrThrow();
    return seedDeliveryObjects(db, org.id, form.id, new Date());
  };

  before(async () => {
    // The tests' setting (README): receivers on loopback, by http.
    ({ okence, baseUrl } = await startSite({ WEBHOOK_ALLOW_LOOPBACK: 'true' }));
    browser = await launchBrowser();
    port = await receiver.listen();
  });
  after(async () => {
    await browser?.close();
    await receiver.close();
    await okence?.close();
  });

  for (const lang of ['sl', 'cs', 'en'] as const) {
    test(`every page passes axe in ${lang}: settings, errors, the secret, the confirmation, the states`, async () => {
      await failedDelivery();
      const d = await signedIn(true);
      const { page } = d;
      await d.open('', lang);
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
      await page.locator('#intakeEmail').fill('not an address');
      await page.locator('form[action$="/deliveries/email"] button[type=submit]').click();
      await page.locator('.error-summary').waitFor();
      assert.equal(await page.locator('#intakeEmail').inputValue(), 'not an address');
      await expectAccessible(page);
      const url = `http://127.0.0.1:${port}/${lang}`;
      await page.locator('#url').fill(url);
      await page.locator('form[action$="/deliveries/webhooks"] button[type=submit]').click();
      await page.locator('#secret').waitFor();
      await expectAccessible(page);
      await page.setViewportSize({ width: 320, height: 640 });
      await expectNoHorizontalScroll(page);
      await page.setViewportSize({ width: 1280, height: 720 });
      await d.open('', lang);
      await page.locator('a[href$="/remove"]', { hasText: url }).click();
      await page.locator('form[action$="/remove"]').waitFor();
      await expectAccessible(page);
      await page.locator('form[action$="/remove"] button[type=submit]').click();
      await page.waitForURL(/done=removed/);
      await d.open('/states', lang);
      await page.locator('table').waitFor();
      await expectAccessible(page);
      await page.context().close();
    });
  }

  for (const javaScriptEnabled of [true, false]) {
    test(`a webhook added, tested, disabled, and a failed delivery retried by keyboard only, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const failed = await failedDelivery();
      const d = await signedIn(javaScriptEnabled);
      const { page } = d;
      const url = `http://127.0.0.1:${port}/keys-${javaScriptEnabled ? 'js' : 'no-js'}`;
      await page.goto(`${baseUrl}/staff/admin?lang=en`);
      await d.tabTo('Delivery of submissions');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/staff\/admin\/deliveries$/);
      await d.tabTo('url');
      await page.keyboard.type(url);
      await d.tabTo('Add the webhook');
      await page.keyboard.press('Enter');
      await page.locator('#secret').waitFor();
      const secret = await page.locator('#secret').inputValue();
      assert.match(secret, /^whsec_/);
      assert.ok(!page.url().includes(secret), 'the secret is in no URL');

      await d.tabTo('Back to the delivery of submissions');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Webhooks to your filing system' }).waitFor();
      assert.ok(!(await page.content()).includes(secret), 'never shown again');
      const before = receiver.got.length;
      await d.tabTo(`Send a test event ${url}`);
      await page.keyboard.press('Enter');
      await page.getByText('The test event was delivered').waitFor();
      assert.equal(receiver.got.length, before + 1);
      await d.tabTo(`Disable ${url}`);
      await page.keyboard.press('Enter');
      await page.waitForURL(/done=disabled/);
      assert.match(await d.notice(), /disabled/);

      await d.tabTo('Delivery states of submissions');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/states/);
      await d.tabTo(`Retry now ${failed.reference}`);
      await page.keyboard.press('Enter');
      await page.waitForURL(/done=retried/);
      assert.match(await d.notice(), /tried again/);
      // The app's own job may already have tried it again (and failed it: 192.0.2.1 is refused),
      // so the retry is read from the audit log.
      const retried = await okence.handle.db
        .selectFrom('audit_event')
        .select('action')
        .where('object_id', '=', failed.ids.delivery)
        .execute();
      assert.deepEqual(retried, [{ action: 'submission_delivery.retried' }]);
      await page.context().close();
    });
  }
});
