// A citizen attaches a file to a form with JavaScript off and the keyboard only (decision 039):
// the limits read before choosing, a PDF chosen from the file input by the keyboard and
// uploaded, listed, removed, chosen again and sent; a file carrying the EICAR test signature is
// refused by a real clamd (Debian's, started with one signature) with what was typed kept; the
// receipt carries the PDF (pdfdetach). axe scans each state of the page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { concat, samplePdf } from '../src/files/testing.ts';
import { publishForm } from '../src/forms/fill-testing.ts';
import { EICAR, startClamd } from './clamd.ts';
import { expectAccessible, launchBrowser, startSite } from './harness.ts';

let site: { baseUrl: string; okence: Okence };
let browser: Browser;
let clamd: Awaited<ReturnType<typeof startClamd>>;
const dir = mkdtempSync(join(tmpdir(), 'okence-attach-e2e-'));
before(async () => {
  clamd = await startClamd();
  site = await startSite({ CLAMAV_URL: clamd.url });
  const { organisation } = await site.okence.services.tenants.getOrganisation('ue-domzale');
  await publishForm(site.okence.handle.db, site.okence.services.forms, organisation.id, 'newborns');
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.okence.close();
  await clamd?.stop();
});

/** Presses Tab until the focused element matches, at most 80 times. */
async function tabTo(
  page: Page,
  matches: (el: { tag: string; text: string; id: string; type: string }) => boolean,
  what: string,
): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLInputElement | null;
      return {
        tag: a?.tagName ?? '',
        text: a?.textContent?.trim() ?? '',
        id: a?.id ?? '',
        type: a?.type ?? '',
      };
    });
    if (matches(el)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

describe('attaching a file to a form, JavaScript off, keyboard only', () => {
  test('upload, see it listed, remove, a virus refused, upload again and send', async () => {
    const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false });
    const scanner = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    /** axe on exactly what the plain browser shows, served at its URL to a browser with scripts. */
    const scan = async () => {
      const url = page.url();
      const body = await page.content();
      await scanner.route(url, (r) => r.fulfill({ body, contentType: 'text/html; charset=utf-8' }));
      await scanner.goto(url);
      await expectAccessible(scanner);
      await scanner.unrouteAll();
    };
    const press = async (text: string) => {
      await tabTo(page, (e) => e.tag === 'BUTTON' && e.text.startsWith(text), text);
      // Every button here posts its form: wait for the page it answers with.
      await Promise.all([
        page.waitForNavigation({ waitUntil: 'domcontentloaded' }),
        page.keyboard.press('Enter'),
      ]);
    };
    const typeInto = async (id: string, text: string) => {
      await tabTo(page, (e) => e.id === id, id);
      await page.keyboard.type(text);
    };
    /**
     * Tab to the file input and give the focused field a file. The file is chosen in the system's
     * dialog, not the page; waiting for Chromium's chooser event after Space timed out at CI's
     * load in the statements' test, so the focused field is given the file directly.
     */
    const choose = async (name: string, buffer: Buffer) => {
      await tabTo(page, (e) => e.type === 'file', 'the file input');
      await page
        .locator('input[type=file]:focus')
        .setInputFiles({ name, mimeType: 'application/pdf', buffer });
    };

    await page.goto(`${site.baseUrl}/o/ue-domzale/forms/newborns?lang=en`);
    await typeInto('email', 'stars@example.org');
    await press('Start');
    await typeInto('parent.givenName', 'Maja');
    await typeInto('parent.familyName', 'Kovač');
    // Into the yes/no group, then the arrow moves to "No" and chooses it.
    await tabTo(page, (e) => e.id === 'invite', 'the invitation question');
    await page.keyboard.press('ArrowDown');
    await press('Save and continue');
    assert.match(page.url(), /\/pages\/children$/, page.url());

    // The limits are there before anything is chosen.
    const hint = await page.locator('#proof-hint').innerText();
    assert.match(hint, /One file: PDF, at most 1 MB\./);
    assert.match(hint, /up to 20 files, 50 MB in all/);
    await scan();

    // Upload: listed with its size and a remove button, what was typed kept.
    await typeInto('child.0.name', 'Eva');
    const pdf = Buffer.from(samplePdf('rojstni list'));
    await choose('rojstni-list.pdf', pdf);
    await press('Upload the file');
    await page.locator('text=rojstni-list.pdf has been attached.').waitFor();
    assert.equal(await page.locator('[id="child.0.name"]').inputValue(), 'Eva');
    assert.match(await page.locator('#proof').innerText(), /Remove/);
    await scan();

    // Remove it: the file input is back.
    await press('Remove');
    await page.locator('text=The file has been removed.').waitFor();
    assert.equal(await page.locator('input[type=file]#proof').count(), 1);

    // A PDF carrying the EICAR signature: clamd refuses it, the page keeps what was typed.
    const infected = Buffer.from(concat(samplePdf('x'), EICAR, '\n%%EOF\n'));
    await choose('racun.pdf', infected);
    await press('Upload the file');
    await page.locator('.error-summary').waitFor();
    assert.match(
      await page.locator('#proof-error').innerText(),
      /racun\.pdf: the virus scanner found a virus in this file, so it was not attached\./,
    );
    assert.equal(await page.locator('[id="child.0.name"]').inputValue(), 'Eva');
    await scan();
    const rows = await site.okence.handle.db.selectFrom('form_attachments').select('id').execute();
    assert.deepEqual(rows, [], 'nothing of it kept');

    // Chosen again and sent with "Save and continue".
    await typeInto('child.0.born', '1.10.2026');
    await choose('rojstni-list.pdf', pdf);
    await press('Save and continue');
    assert.match(page.url(), /\/check$/);
    assert.match(await page.locator('main').innerText(), /rojstni-list\.pdf \(1 kB\)/);
    await press('Send');
    await page.locator('.reference').waitFor();

    const href = await page.locator('a[download]').getAttribute('href');
    const receipt = await page.request.get(new URL(href!, page.url()).href);
    const path = join(dir, 'sent.pdf');
    writeFileSync(path, await receipt.body());
    const list = execFileSync('pdfdetach', ['-enc', 'UTF-8', '-list', path], { encoding: 'utf8' });
    assert.match(list, /^1: rojstni-list\.pdf$/m);
    execFileSync('pdfdetach', ['-save', '1', '-o', join(dir, 'back.pdf'), path]);
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    assert.equal(sha(readFileSync(join(dir, 'back.pdf'))), sha(pdf));
    await context.close();
  });
});
