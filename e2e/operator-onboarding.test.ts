// From an empty production installation to a first booking, as the people involved do it: the
// server's administrator runs the operator command, the operator signs in to the console with a
// TOTP code and creates an organisation, its admin sets a password from the invitation (read
// from a real SMTP server), adds a service and an official (invited the same way), opens hours,
// and a citizen books. One browser, one context per person.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { bootOkence, type Okence } from '../src/boot.ts';
import { testConfig } from '../src/http/testing.ts';
import { runCli } from '../src/operator/cli.ts';
import { base32Decode, totpAt } from '../src/operator/totp.ts';
import { expectAccessible, launchBrowser, startSmtpSink, waitForMail } from './harness.ts';

const OPERATOR = 'ops@region.example';
const ADMIN = 'maja.novak@kamnik.example';
const OFFICIAL = 'luka.kos@kamnik.example';
const LINK = /(https:\/\/okence\.example\.org\/set-password\/[A-Za-z0-9_-]{43})/;

describe('an empty production installation takes its first booking', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let okence: Okence;
  let baseUrl: string;
  let browser: Browser;
  let link: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'okence-onboarding-'));

  before(async () => {
    smtp = await startSmtpSink();
    const env = {
      NODE_ENV: 'production',
      DEMO_DATA: 'false',
      FILE_SCAN: 'off',
      DATA_DIR: dataDir,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      PUBLIC_URL: 'https://okence.example.org',
      LOG_LEVEL: 'silent',
    };
    // The operator command runs before Okence starts: the embedded database is Okence's alone while it runs.
    const out: string[] = [];
    const status = await runCli(['create-admin', OPERATOR], env, {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
    });
    assert.equal(status, 0, out.join('\n'));
    link = LINK.exec(out.join('\n'))?.[1] ?? assert.fail(`no link printed: ${out.join('\n')}`);
    okence = await bootOkence(testConfig(env));
    assert.deepEqual(okence.demoAccounts, []);
    await okence.app.listen({ port: 0, host: 'localhost' });
    const address = okence.app.server.address();
    baseUrl = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await okence?.close();
    await smtp?.close();
  });

  /** A link from a mail or the command line, on this test's port (links are built on PUBLIC_URL). */
  const here = (url: string) => new URL(new URL(url).pathname, baseUrl).href;
  const person = async () => (await browser.newContext({ locale: 'en-GB' })).newPage();
  async function setPassword(page: Page, url: string, password: string) {
    await page.goto(here(url));
    await page.getByLabel(/^New password/).fill(password);
    await page.getByRole('button', { name: 'Set password' }).click();
  }

  test('operator, admin, official and citizen, each in their own browser', async () => {
    // The operator: the printed link, a password, the authenticator app's key, the console.
    const operator = await person();
    await setPassword(operator, link, 'region operator keeps thirty schools');
    await operator.waitForURL(/\/operator\/enrol$/);
    const key = (await operator.locator('#totp-secret').textContent()) ?? '';
    await operator
      .getByLabel(/^The code the app shows now/)
      .fill(totpAt(base32Decode(key)!, new Date()));
    await operator.getByRole('button', { name: 'Confirm and sign in' }).click();
    await operator.waitForURL(/\/operator$/);
    await operator.getByRole('link', { name: 'Organisations' }).first().click();
    await operator.getByText('There are no organisations yet').waitFor();
    await operator.getByRole('link', { name: 'New organisation' }).click();
    await expectAccessible(operator);
    await operator.locator('#name_sl').fill('Upravna enota Kamnik');
    await operator.locator('#name_en').fill('Kamnik Administrative Unit');
    await operator
      .getByLabel(/^Web address/)
      .first()
      .fill('ue-kamnik');
    await operator.locator('#officeName_sl').fill('Glavni urad');
    await operator.locator('#officeSlug').fill('glavni');
    await operator.getByLabel('Street and number').fill('Glavni trg 24');
    await operator.getByLabel('Postcode').fill('1241');
    await operator.getByLabel('Town').fill('Kamnik');
    await operator.getByLabel('Admin’s name').fill('Maja Novak');
    // A mistyped address comes back with everything else as typed.
    await operator.getByLabel('Admin’s email address').fill('maja.novak@');
    await operator
      .getByRole('button', { name: 'Create the organisation and invite its admin' })
      .click();
    await operator.locator('.error-summary').waitFor();
    assert.equal(await operator.locator('#street').inputValue(), 'Glavni trg 24');
    await expectAccessible(operator);
    await operator.getByLabel('Admin’s email address').fill(ADMIN);
    await operator
      .getByRole('button', { name: 'Create the organisation and invite its admin' })
      .click();
    await operator.waitForURL(/\/operator\/organisations\/ue-kamnik\?done=created$/);
    await expectAccessible(operator);
    await operator.getByRole('link', { name: 'Back to the organisations' }).click();
    assert.match(
      await operator.getByRole('row', { name: /Kamnik Administrative Unit/ }).innerText(),
      /Active\s+1\s+1\s+0\s+0 kB/,
    );
    await expectAccessible(operator);

    // The admin: the invitation from the SMTP server, a password, sign-in.
    const admin = await person();
    await setPassword(
      admin,
      await waitForMail(smtp.messages, ADMIN, LINK),
      'kamnik admin sets her own password',
    );
    await admin.waitForURL(/\/staff\/sign-in/);
    await admin.locator('#email').fill(ADMIN);
    await admin.locator('#password').fill('kamnik admin sets her own password');
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.waitForURL(/\/staff$/);
    // A service, then an official who holds it (invited, no password typed by the admin).
    await admin.goto(`${baseUrl}/staff/admin/services/new`);
    await admin.getByLabel(/^Web address/).fill('osebna-izkaznica');
    await admin.locator('#name_sl').fill('Osebna izkaznica');
    await admin.locator('#name_en').fill('Identity card');
    await admin.getByLabel('Glavni urad').check();
    await admin.getByRole('button', { name: 'Save' }).click();
    await admin.waitForURL(/saved=1/);
    await admin.goto(`${baseUrl}/staff/admin/officials/new`);
    await admin.locator('#displayName').fill('Luka Kos');
    await admin.locator('#email').fill(OFFICIAL);
    await admin.getByLabel('Glavni urad').check();
    await admin.getByLabel('Identity card').check();
    await admin.getByRole('button', { name: 'Add and send the invitation' }).click();
    await admin.waitForURL(/saved=1|invited=1/);
    const official = await person();
    await setPassword(
      official,
      await waitForMail(smtp.messages, OFFICIAL, LINK),
      'zelena miza ob oknu sprejema stranke',
    );
    await official.waitForURL(/\/staff\/sign-in/);
    // Hours: the official works every day of the week, so the calendar has times whenever the test runs.
    await admin.goto(`${baseUrl}/staff/availability`);
    const hours = admin.locator('form', {
      has: admin.getByRole('heading', { name: 'Luka Kos · Glavni urad' }),
    });
    for (const day of [
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ])
      await hours.getByLabel(day, { exact: true }).fill('00:00-23:45');
    await hours.getByRole('button', { name: 'Save' }).click();
    await admin.waitForURL(/saved=1/);

    // The citizen books: month, day, time, contact, the code from the mail.
    const citizen = await person();
    await citizen.goto(`${baseUrl}/o/ue-kamnik/s/osebna-izkaznica?lang=en`);
    await citizen.getByRole('link', { name: 'Book a video appointment' }).click();
    await citizen.waitForURL(/\/book\/glavni/);
    // The last free time of the last free day: today's first one may pass its notice meanwhile.
    await citizen.locator('td.day-free a').last().click();
    await citizen.locator('ul.times a').last().click();
    await citizen.waitForURL(/contact\?start=/);
    await citizen.getByLabel('Name and surname').fill('Žan Čuk');
    await citizen.getByLabel(/^Email address/).fill('zan.cuk@example.si');
    await citizen.getByRole('button', { name: 'Reserve' }).click();
    await citizen.waitForURL(/\/h\/[0-9a-f-]{36}$/);
    await citizen
      .getByLabel(/^Code/)
      .fill(await waitForMail(smtp.messages, 'zan.cuk@example.si', /\b(\d{6})\b/));
    await citizen.getByRole('button', { name: 'Confirm the appointment' }).click();
    await citizen.waitForURL(/\/m\/[A-Za-z0-9_-]{43}\?confirmed=1$/);
    assert.equal(await citizen.locator('h1').textContent(), 'Your appointment is booked');

    // The operator sees the appointment as a number, and nothing of the citizen.
    await operator.goto(`${baseUrl}/operator/organisations`);
    const row = await operator.getByRole('row', { name: /Kamnik Administrative Unit/ }).innerText();
    // The first free time may fall in next month (a run on the month's last evening): count what is due.
    const booked = await okence.handle.db
      .selectFrom('booking')
      .select(sql<Date>`lower(during)`.as('start'))
      .where('state', '=', 'confirmed')
      .executeTakeFirstOrThrow();
    const month = (d: Date) =>
      d.toLocaleDateString('en-CA', { timeZone: 'Europe/Ljubljana' }).slice(0, 7);
    const thisMonth = month(booked.start) === month(new Date()) ? 1 : 0;
    assert.match(row, new RegExp(`Active\\s+1\\s+2\\s+${thisMonth}\\s+0 kB`));
    assert.doesNotMatch(await operator.content(), /Čuk|zan\.cuk/);
  });
});
