// NIA sign-in by OpenID Connect in Chromium, as a person does it: from Okence to the NIA-like
// provider's own login page (a real oidc-provider on loopback, src/eid/oidc/testing-provider.ts),
// and back signed in on /account with the name the provider sent. A login at a lower level
// than asked ends on the refusal page (axe-checked) with no session.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { CITIZEN_COOKIE } from '../src/http/citizen-session.ts';
import { bootTestApp } from '../src/http/testing.ts';
import { systemClock } from '../src/lib/clock.ts';
import {
  clientKeyFiles,
  JANA,
  startNiaLike,
  type NiaLike,
} from '../src/eid/oidc/testing-provider.ts';
import { PROVIDER, providersFile } from '../src/eid/testing-oidc.ts';
import { expectAccessible, launchBrowser, newPage } from './harness.ts';
import { freePort } from './net.ts';

describe('NIA sign-in by OpenID Connect in the browser', () => {
  let okence: Okence;
  let nia: NiaLike;
  let browser: Browser;
  let site: string;

  before(async () => {
    const port = await freePort();
    site = `http://localhost:${port}`;
    const keys = clientKeyFiles();
    nia = await startNiaLike({
      clientId: site,
      redirectUri: `${site}/auth/oidc/${PROVIDER}/callback`,
      postLogoutRedirectUri: `${site}/account/signed-out`,
      encryptionKey: keys.key,
    });
    const file = providersFile(nia, keys, { clientId: site });
    okence = await bootTestApp('pglite', {
      clock: systemClock,
      env: { EID_PROVIDERS_FILE: file, PUBLIC_URL: site },
    });
    await okence.app.listen({ port, host: 'localhost' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await okence?.close();
    await nia?.close();
  });

  /** Starts at Okence, fills in the provider's own login form, returns the page where it ends. */
  async function signIn(level: string, loa: string) {
    const page = await newPage(browser, { locale: 'cs-CZ' });
    await page.goto(`${site}/auth/oidc/${PROVIDER}/login?loa=${loa}&o=ue-domzale&return=/account`);
    await page.waitForURL((url) => url.origin === nia.url);
    await page.getByLabel('Identifikátor').fill(JANA.PersonIdentifier);
    await page.getByLabel('Heslo').fill('heslo');
    await page.getByLabel('Prostředek').selectOption(level);
    await page.getByRole('button', { name: 'Přihlásit' }).click();
    await page.waitForURL((url) => url.origin === site);
    return page;
  }

  test('a person signs in at the provider’s page and lands on /account, signed in', async () => {
    const page = await signIn('high', 'substantial');
    assert.equal(new URL(page.url()).pathname, '/account');
    const cookie = (await page.context().cookies(site)).find((c) => c.name === CITIZEN_COOKIE);
    assert.ok(cookie, 'a citizen session cookie');
    const citizen = await okence.services.citizens.resolveSession(cookie.value);
    assert.equal(citizen?.displayName, 'Jana Nováková');
    assert.equal(citizen?.loa, 'high');
    await page.context().close();
  });

  test('/account shows the name the provider sent, and passes axe', async () => {
    const page = await signIn('substantial', 'substantial');
    await page.getByText('Jana Nováková').first().waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  test('a lower level than asked ends on the refusal page, with no session', async () => {
    const page = await signIn('low', 'substantial');
    await page.getByRole('heading', { name: 'Přihlášení se nepodařilo' }).waitFor();
    await page.getByText(/nižší úrovni záruky/).waitFor();
    await expectAccessible(page);
    const cookies = await page.context().cookies(site);
    assert.ok(!cookies.some((c) => c.name === CITIZEN_COOKIE));
    await page.context().close();
  });
});
