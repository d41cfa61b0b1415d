// SAML sign-in in Chromium, as a person does it (issue 16): from Okence's sign-in page to the
// IdP's own login page (Debian's simplesamlphp on loopback, set up like NIA:
// src/eid/testing-simplesamlphp.ts), back to /account with the name the IdP sent, and out
// again: the one sign-out ends the IdP's session too. Okence's pages are used by keyboard only.
// One browser, one Okence and one IdP serve the whole file.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { CITIZEN_COOKIE } from '../src/http/citizen-session.ts';
import { bootTestApp } from '../src/http/testing.ts';
import { systemClock } from '../src/lib/clock.ts';
import { makeKeyPair, personAttributes } from '../src/eid/testing.ts';
import {
  samlProvidersFile,
  spOf,
  startSimpleSamlPhp,
  type RunningIdp,
} from '../src/eid/testing-simplesamlphp.ts';
import { publishForm } from '../src/forms/fill-testing.ts';
import { expectAccessible, launchBrowser, newPage } from './harness.ts';
import { freePort } from './net.ts';

/** Presses Tab until the focused element's text is `label`, then Enter: a keyboard-only step. */
async function tabAndPress(page: Page, label: string, maxTabs = 60): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (focused === label) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  assert.fail(`"${label}" was not reachable by Tab on ${page.url()}`);
}

const l = (t: string) => ({ cs: t, en: t });
/** A form whose act is authorised by a fresh eID sign-in (decision 042). */
const ACT_FORM = {
  format: 1,
  languages: ['cs', 'en'],
  title: l('Žádost o souhlas'),
  assurance: 'substantial',
  authoriseAct: true,
  pages: [
    {
      id: 'p',
      title: l('Žádost'),
      questions: [{ id: 'ok', type: 'yesNo', label: l('Souhlasím'), required: true }],
    },
  ],
};

describe('SAML sign-in in the browser, through the IdP’s own login page', () => {
  let okence: Okence;
  let idp: RunningIdp;
  let browser: Browser;
  let site: string;

  before(async () => {
    const port = await freePort();
    site = `http://localhost:${port}`;
    const sp = makeKeyPair('localhost');
    idp = await startSimpleSamlPhp({
      sp: spOf(site, 'nia', sp),
      users: [
        { user: 'jana', password: 'heslo', attributes: personAttributes('Jana', 'Dvořáková') },
      ],
    });
    okence = await bootTestApp('pglite', {
      clock: systemClock,
      env: { EID_PROVIDERS_FILE: await samlProvidersFile(idp, sp, 'nia'), PUBLIC_URL: site },
    });
    await okence.app.listen({ port, host: 'localhost' });
    const { organisation } = await okence.services.tenants.getOrganisation('koprivnice');
    await publishForm(okence.handle.db, okence.services.forms, organisation.id, 'act', ACT_FORM);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await okence?.close();
    await idp?.stop();
  });

  /** From Okence's sign-in page, by keyboard, to the provider: the page where the IdP shows up. */
  async function toIdp(page: Page): Promise<void> {
    await page.goto(`${site}/account/sign-in`);
    await tabAndPress(page, 'Přihlásit se přes Identita občana');
    await page.waitForURL((url) => url.origin === idp.base);
  }

  /** Signs in at the IdP's own login form; waits until the browser is back at Okence. */
  async function signIn(page: Page): Promise<void> {
    await toIdp(page);
    await page.getByLabel('Username').fill('jana');
    await page.getByLabel('Password').fill('heslo');
    await page.locator('#submit_button').click();
    // simplesamlphp posts the answer to our assertion consumer, which sends us on to /account.
    await page.waitForURL(`${site}/account`);
  }

  test('a person signs in at the IdP’s page and lands on /account showing the name it sent', async () => {
    const page = await newPage(browser, { locale: 'cs-CZ' });
    await signIn(page);
    await page.getByText('Jste přihlášeni jako Jana Dvořáková.').waitFor();
    const cookie = (await page.context().cookies(site)).find((c) => c.name === CITIZEN_COOKIE);
    const citizen = await okence.services.citizens.resolveSession(cookie!.value);
    assert.equal(citizen?.loa, 'substantial');
    await expectAccessible(page);
    await page.context().close();
  });

  test('signing out ends the IdP’s session too: signing in again asks for the password', async () => {
    const page = await newPage(browser, { locale: 'cs-CZ' });
    await signIn(page);
    // While the IdP's session lives, choosing the provider again passes straight through.
    await toIdp(page);
    await page.waitForURL(`${site}/account`);

    await tabAndPress(page, 'Odhlásit se');
    // Our sign-out → the IdP's single logout → its LogoutResponse → the signed-out page.
    await page.waitForURL(`${site}/account/signed-out`);
    await page.getByRole('heading', { level: 1, name: 'Jste odhlášeni' }).waitFor();
    assert.equal(await page.getByText('Nepodařilo se ověřit').count(), 0);
    const cookies = await page.context().cookies(site);
    assert.ok(!cookies.some((c) => c.name === CITIZEN_COOKIE && c.value));
    await expectAccessible(page);

    await toIdp(page);
    await page.getByLabel('Password').waitFor();
    await page.context().close();
  });

  test('an act authorised by a fresh sign-in: the IdP asks for the password again, the form is sent', async () => {
    const page = await newPage(browser, { locale: 'cs-CZ' });
    await signIn(page);
    const cookie = (await page.context().cookies(site)).find((c) => c.name === CITIZEN_COOKIE);
    const citizen = (await okence.services.citizens.resolveSession(cookie!.value))!;
    const { organisation } = await okence.services.tenants.getOrganisation('koprivnice');
    const form = await okence.services.forms.published(organisation.id, 'act');
    const { draftId } = await okence.services.formDrafts.startForAccount(
      form,
      citizen.accountId,
      'cs',
      { ok: true },
    );
    await page.goto(`${site}/o/koprivnice/forms/act/drafts/${draftId}/check`);
    await page.getByRole('heading', { level: 2, name: 'Autorizace úkonu' }).waitFor();
    await expectAccessible(page);
    await tabAndPress(page, 'Potvrdit přihlášením a odeslat');
    // ForceAuthn: the IdP's session is alive, yet it shows its login form again.
    await page.waitForURL((url) => url.origin === idp.base);
    await page.getByLabel('Password').waitFor();
    await page.getByLabel('Username').fill('jana');
    await page.getByLabel('Password').fill('heslo');
    await page.locator('#submit_button').click();
    await page.waitForURL((url) => url.pathname.startsWith('/o/koprivnice/forms/act/sent/'));
    await expectAccessible(page);
    const proofs = await okence.handle.db
      .selectFrom('submission_act_authorisations')
      .select(['provider_id', 'protocol'])
      .execute();
    assert.deepEqual(proofs, [{ provider_id: 'nia', protocol: 'saml' }]);

    // The page a refusal lands on, read by keyboard and axe.
    await page.goto(`${site}/o/koprivnice/forms/act/act-refused?reason=stale&draft=${draftId}`);
    await page.getByRole('heading', { level: 1, name: 'Podání nebylo odesláno' }).waitFor();
    await expectAccessible(page);
    await tabAndPress(page, 'Zpět na odpovědi');
    await page.context().close();
  });
});
