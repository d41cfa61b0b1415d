// A submission's handling in Chromium (decision 041): an official lists the organisation's
// submissions, opens one and asks the citizen to complete it (the form's errors first), with
// JavaScript off; the citizen, keyboard only and JavaScript off, opens the mailed link and answers;
// a signed-in citizen finds it under "My submissions". axe (WCAG 2.1 AA) scans every new page in
// sl, cs and en, given exactly the HTML the plain browser got.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { CITIZEN_COOKIE } from '../src/http/citizen-session.ts';
import { MESSAGES, type Lang } from '../src/i18n/i18n.ts';
import { publishOpenForm, send } from '../src/submissions/testing-states.ts';
import { DEMO_PASSWORD } from '../src/tenants/demo-data.ts';
import { expectAccessible, launchBrowser, startSite } from './harness.ts';
import { SignInPage } from './pages.ts';

const LOCALES: Record<Lang, string> = { sl: 'sl-SI', cs: 'cs-CZ', en: 'en-GB' };

let okence: Okence;
let baseUrl: string;
let browser: Browser;
let form: Awaited<ReturnType<typeof publishOpenForm>>;
before(async () => {
  ({ okence, baseUrl } = await startSite());
  form = await publishOpenForm(okence, 'ue-domzale');
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await okence?.close();
});

/** A browser without scripts, and axe run on exactly its HTML in one with them. */
async function plainBrowser(lang: Lang) {
  const plain = await browser.newContext({ locale: LOCALES[lang], javaScriptEnabled: false });
  const scanner = await (await browser.newContext({ locale: LOCALES[lang] })).newPage();
  const page = await plain.newPage();
  page.setDefaultTimeout(15_000);
  const scan = async () => {
    const url = page.url();
    const body = await page.content();
    await scanner.route(url, (r) => r.fulfill({ body, contentType: 'text/html; charset=utf-8' }));
    await scanner.goto(url);
    await expectAccessible(scanner);
    await scanner.unrouteAll();
  };
  const close = async () => {
    await plain.close();
    await scanner.context().close();
  };
  return { page, scan, close };
}

/** Presses Tab until the focused element matches, at most 80 times. */
async function tabTo(page: Page, matches: (tag: string, id: string, text: string) => boolean) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { tag: a?.tagName ?? '', id: a?.id ?? '', text: a?.textContent?.trim() ?? '' };
    });
    if (matches(el.tag, el.id, el.text)) return;
  }
  assert.fail('Tab never reached it');
}

const tr =
  (lang: Lang) =>
  (k: keyof (typeof MESSAGES)['en'], p: Record<string, string> = {}) =>
    Object.entries(p).reduce((s, [n, v]) => s.replace(`{${n}}`, v), MESSAGES[lang][k]);

async function linkMailedTo(email: string): Promise<string> {
  const mail = await okence.handle.db
    .selectFrom('mail_outbox')
    .select('text_body')
    .where('to_address', '=', email)
    .where('dedupe_key', 'like', 'submission-state:%')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  return new URL(/https?:\/\/\S+\/submissions\/thread\/\S+/.exec(mail.text_body)![0]).pathname;
}

describe('a submission asked to be completed, and answered', () => {
  for (const lang of ['sl', 'cs', 'en'] as const) {
    test(`in ${lang}: the official asks with JavaScript off, the citizen answers by keyboard only`, async () => {
      const t = tr(lang);
      const email = `ana-${lang}@example.si`;
      const sent = await send(okence, form, { email, text: `Vprašanje (${lang})` });

      const staff = await plainBrowser(lang);
      const signIn = new SignInPage(staff.page, baseUrl);
      await signIn.open(lang);
      await signIn.signIn('uradnik@domzale.example', DEMO_PASSWORD);
      await staff.page.waitForURL(/\/staff$/);
      await staff.page.goto(`${baseUrl}/staff/submissions?lang=${lang}`);
      await staff.page.getByRole('heading', { name: t('submissions.staff.title') }).waitFor();
      await staff.scan();
      await staff.page.getByLabel(t('submissions.col.state')).selectOption('received');
      await staff.page.getByRole('button', { name: t('submissions.staff.show') }).click();
      await staff.page.getByRole('link', { name: sent.reference }).click();
      await staff.page
        .getByRole('heading', {
          name: t('submissions.detail.title', { reference: sent.reference }),
        })
        .waitFor();
      await staff.scan();
      // Asking without a message: the error, at the field, and the choice kept.
      await staff.page.getByLabel(t('submissions.change.ask')).check();
      await staff.page.getByRole('button', { name: t('submissions.change.submit') }).click();
      await staff.page.locator('.error-summary').waitFor();
      assert.ok(await staff.page.getByLabel(t('submissions.change.ask')).isChecked());
      await staff.scan();
      await staff.page.locator('#message').fill('Priložite, prosim, pooblastilo.');
      await staff.page.getByRole('button', { name: t('submissions.change.submit') }).click();
      await staff.page.getByText(t('submissions.detail.changed')).waitFor();
      await staff.scan();
      await staff.close();

      // The citizen, from the mail, keyboard only.
      const citizen = await plainBrowser(lang);
      const { page } = citizen;
      await page.goto(`${baseUrl}${await linkMailedTo(email)}?lang=${lang}`);
      await page.getByRole('heading', { name: t('submissions.thread.answer_title') }).waitFor();
      await citizen.scan();
      await tabTo(page, (_tag, id) => id === 'message');
      await page.keyboard.type('Pooblastilo prinesem v ponedeljek.');
      await tabTo(
        page,
        (tag, _id, text) => tag === 'BUTTON' && text === t('submissions.thread.answer_submit'),
      );
      await page.keyboard.press('Enter');
      await page.getByText(t('submissions.thread.answered')).waitFor();
      assert.equal(await page.locator('#message').count(), 0, 'asked once, answered once');
      await citizen.scan();
      const row = await okence.handle.db
        .selectFrom('submissions')
        .select('state')
        .where('id', '=', sent.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.state, 'in_progress');
      await citizen.close();
    });

    test(`in ${lang}: "My submissions" on the account and its thread pass axe`, async () => {
      const t = tr(lang);
      const { token } = await okence.services.citizens.signIn(
        {
          providerId: 'nia',
          personIdentifier: `SI/SI/states-e2e-${lang}`,
          loa: 'substantial',
          givenName: 'Ana',
          familyName: 'Novak',
        },
        { ip: '192.0.2.1' },
      );
      const identity = await okence.handle.db
        .selectFrom('citizen_identities')
        .select('account_id')
        .where('person_identifier', '=', `SI/SI/states-e2e-${lang}`)
        .executeTakeFirstOrThrow();
      const sent = await send(okence, form, { accountId: identity.account_id });
      const citizen = await plainBrowser(lang);
      await citizen.page.context().addCookies([
        {
          name: CITIZEN_COOKIE,
          value: token,
          domain: new URL(baseUrl).hostname,
          path: '/',
          secure: true,
          httpOnly: true,
          sameSite: 'Lax',
        },
      ]);
      await citizen.page.goto(`${baseUrl}/account?lang=${lang}`);
      await citizen.page.getByRole('heading', { name: t('submissions.account.title') }).waitFor();
      await citizen.scan();
      await citizen.page.getByRole('link', { name: sent.reference }).click();
      await citizen.page.getByText(t('submissions.state.received'), { exact: true }).waitFor();
      await citizen.scan();
      await citizen.close();
    });
  }
});
