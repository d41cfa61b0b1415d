// The operator's first minutes on an empty production installation: the real command line
// creates the operator and prints (and mails, to a real SMTP server) a one-time link; while
// Okence runs on the same DATA_DIR the command refuses in one line; the link sets a password,
// the console makes enrolling an authenticator app (TOTP) the next step, and the operator then
// signs in again by keyboard only with password and code. axe runs on every page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { bootOkence, type Okence } from '../src/boot.ts';
import { parseConfig } from '../src/config/config.ts';
import { shiftedClock } from '../src/lib/clock.ts';
import { base32Decode, totpAt } from '../src/operator/totp.ts';
import { expectAccessible, launchBrowser, startSmtpSink, waitForMail } from './harness.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EMAIL = 'ops@example.org';
const PASSWORD = 'zelena trava ob savi 2026';

/** Runs `npm run operator -- …` as npm does (node scripts/operator.ts), with the given environment. */
function operatorCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && k !== 'NODE_TEST_CONTEXT'),
  ) as Record<string, string>;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['scripts/operator.ts', ...args],
      // A fresh embedded database is created and migrated first: minutes on a loaded machine.
      { cwd: ROOT, env: { ...base, ...env }, timeout: 400_000 },
      (err, stdout, stderr) => {
        const killed = err?.killed ? `\n(killed by the test's timeout: ${err.signal})` : '';
        resolve({
          code: err ? ((err as { code?: number }).code ?? 1) : 0,
          stdout,
          stderr: stderr + killed,
        });
      },
    );
  });
}

/** Presses Tab until the element with `id` has focus: how a keyboard user gets there. */
async function tabTo(page: Page, id: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await page.evaluate(() => document.activeElement?.id ?? '')) === id) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`#${id} never took focus by Tab`);
}

describe('the operator on an empty production installation', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let env: Record<string, string>;
  let okence: Okence | undefined;
  let browser: Browser;
  let baseUrl: string;
  let printedLink: string;
  const clock = shiftedClock();

  before(async () => {
    smtp = await startSmtpSink();
    env = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      FILE_SCAN: 'off',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'okence-operator-')),
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'Okence <okence@example.org>',
      PUBLIC_URL: 'https://okence.example.org',
    };
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await okence?.close();
    await smtp?.close();
  });

  test('create-admin on the stopped installation prints the link; while Okence runs, the command refuses in one line', async () => {
    const made = await operatorCli(['create-admin', EMAIL], env);
    assert.equal(made.code, 0, made.stderr);
    printedLink =
      /https:\/\/okence\.example\.org\/set-password\/[A-Za-z0-9_-]{43}/.exec(made.stdout)?.[0] ??
      '';
    assert.ok(printedLink, made.stdout);
    assert.match(made.stdout, /works once, until \d{4}-\d\d-\d\d \d\d:\d\d UTC/);

    const parsed = parseConfig(env);
    assert.ok(parsed.ok);
    okence = await bootOkence(parsed.config, { clock });
    assert.equal(okence.demoAccounts.length, 0, 'production: no demo data');
    assert.equal(
      await okence.handle.db.selectFrom('organisation').select('id').executeTakeFirst(),
      undefined,
      'an empty installation',
    );
    await okence.app.listen({ port: 0, host: 'localhost' });
    const address = okence.app.server.address();
    baseUrl = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;

    const locked = await operatorCli(['create-admin', 'second@example.org'], env);
    assert.notEqual(locked.code, 0);
    assert.equal(locked.stderr.trim().split('\n').length, 1, locked.stderr);
    assert.match(locked.stderr, /Okence is running on .* stop it/);
  });

  test('the mailed link sets the password; enrolment comes next and is confirmed by a code', async () => {
    // The invitation waited in the outbox while Okence was stopped; its mail worker sends it now.
    const mailed = await waitForMail(
      smtp.messages,
      EMAIL,
      /(https:\/\/okence\.example\.org\/set-password\/\S+)/,
    );
    assert.equal(mailed, printedLink, 'the mail and the command line carry the same link');
    const mail = smtp.messages.find((m) => m.text?.includes(mailed));
    assert.match(mail?.text ?? '', /for 72\u00a0hours/);

    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${new URL(mailed).pathname}?lang=en`);
    await expectAccessible(page);
    await page.getByLabel(/^New password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.waitForURL(/\/operator\/enrol$/);
    await expectAccessible(page);
    assert.equal(await page.locator('svg.qr').count(), 1, 'the key as a QR code');
    const secret = base32Decode(await page.locator('#totp-secret').innerText())!;
    assert.equal(secret.length, 20);
    await page.getByLabel(/^The code the app shows now/).fill(totpAt(secret, clock.now()));
    await page.getByRole('button', { name: 'Confirm and sign in' }).click();
    await page.waitForURL(/\/operator$/);
    assert.ok(await page.getByRole('heading', { name: 'Operator console' }).isVisible());
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/operator\/sign-in\?signed_out=1/);

    // The next code: the one just used cannot be used again within its 30 seconds.
    clock.setNow(new Date(clock.now().getTime() + 30_000));
    const k = page.keyboard;
    await page.goto(`${baseUrl}/operator/sign-in?lang=en`);
    await expectAccessible(page);
    await tabTo(page, 'email');
    await k.type(EMAIL);
    await tabTo(page, 'password');
    await k.type(PASSWORD);
    await k.press('Enter');
    await page.waitForURL(/\/operator\/sign-in\/code$/);
    await expectAccessible(page);
    await tabTo(page, 'code');
    await k.type(totpAt(secret, clock.now()));
    await k.press('Enter');
    await page.waitForURL(/\/operator$/);
    assert.match(await page.locator('main').innerText(), /Signed in as ops@example\.org/);
    // The link is dead now, and says so in every language.
    await page.goto(`${baseUrl}${new URL(mailed).pathname}?lang=en`);
    assert.ok(await page.getByRole('heading', { name: 'This link no longer works' }).isVisible());
    await expectAccessible(page);
    for (const [lang, heading] of [
      ['sl', 'Ta povezava ne deluje več'],
      ['cs', 'Tento odkaz už nefunguje'],
    ] as const) {
      await page.goto(`${baseUrl}${new URL(mailed).pathname}?lang=${lang}`);
      assert.ok(await page.getByRole('heading', { name: heading }).isVisible(), lang);
      await expectAccessible(page);
    }
    await context.close();
    // The console's first page in Slovenian and Czech, as a stranger sees it.
    const other = await browser.newContext({ locale: 'sl-SI' });
    const stranger = await other.newPage();
    for (const [lang, heading] of [
      ['sl', 'Prijava operaterja'],
      ['cs', 'Přihlášení provozovatele'],
    ] as const) {
      await stranger.goto(`${baseUrl}/operator?lang=${lang}`);
      await stranger.waitForURL(/\/operator\/sign-in/);
      assert.ok(await stranger.getByRole('heading', { name: heading }).isVisible(), lang);
      await expectAccessible(stranger);
    }
    await other.close();
  });
});
