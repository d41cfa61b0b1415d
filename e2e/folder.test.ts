// The meeting folder in Chromium: opened from the room, files exchanged both ways with a
// progress bar and a live list, a virus caught by a real clamd, the plain form without
// JavaScript, and everything closed and deleted when the meeting ends.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, FileChooser, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { DB_KINDS, openTestDatabase } from '../src/db/testing.ts';
import { concat } from '../src/files/testing.ts';
import { readZipDirectory } from '../src/files/zip.ts';
import { shiftedClock } from '../src/lib/clock.ts';
import { EICAR, startClamd } from './clamd.ts';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  launchCallBrowser,
  startSite,
} from './harness.ts';
import {
  admit,
  bookAndStandBefore,
  newCallPage,
  officialJoins,
  prejoinAndJoin,
  signIn,
  stage,
  tabAndPress,
  text,
} from './meeting-pages.ts';

const MB = 1024 * 1024;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * A PDF of about `size` bytes: a real header and trailer around a stream of hex digits, which
 * can hold no HTML or ZIP marker for the type sniffer to refuse, and differs by `label`.
 */
function pdf(label: string, size = 2_000, inside: Uint8Array | string = ''): Uint8Array {
  const chunks: string[] = [];
  for (let i = 0, n = 0; n < size; i++, n += 64)
    chunks.push(createHash('sha256').update(`${label}:${i}`).digest('hex'));
  const stream = chunks.join('');
  return concat(
    `%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Title (${label}) >>\nendobj\n`,
    `3 0 obj\n<< /Length ${stream.length} >>\nstream\n${stream}\nendstream\nendobj\n`,
    inside,
    'trailer\n<< /Root 1 0 R >>\n%%EOF\n',
  );
}

/** Follows the folder link posted in the room's chat (it opens a new tab) and waits for the live list. */
async function openFolderFromChat(room: Page, pathname: string): Promise<Page> {
  const link = room.getByRole('log').locator('a[data-folder-link]');
  await link.waitFor({ timeout: 15_000 });
  assert.equal(new URL(String(await link.getAttribute('href')), room.url()).pathname, pathname);
  assert.equal(await link.getAttribute('target'), '_blank');
  const [folder] = await Promise.all([room.context().waitForEvent('page'), link.click()]);
  await folder.waitForLoadState('domcontentloaded');
  await expectLive(folder);
  return folder;
}

async function expectLive(folder: Page): Promise<void> {
  await folder.waitForFunction(() => document.body.dataset.folderLive === 'yes', undefined, {
    timeout: 15_000,
  });
}

/** Chooses a file in the folder form and presses Upload (the script sends it by XHR, or the browser posts the form). */
async function chooseAndUpload(folder: Page, name: string, buffer: Uint8Array): Promise<void> {
  await folder
    .locator('#file')
    .setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(buffer) });
  await folder.getByRole('button', { name: text('files.upload'), exact: true }).click();
}

/** The list item of a file, by its exact name. */
const item = (folder: Page, name: string) =>
  folder.locator('#folder-files li').filter({ has: folder.getByText(name, { exact: true }) });

/** Clicks a file's link and returns what Chromium saved: its suggested name and SHA-256. */
async function download(folder: Page, name: string): Promise<{ name: string; sha: string }> {
  const [saved] = await Promise.all([
    folder.waitForEvent('download'),
    item(folder, name).locator('a[download]').click(),
  ]);
  const path = await saved.path();
  return { name: saved.suggestedFilename(), sha: sha(await readFile(path)) };
}

/** Presses Tab until the focused element matches `selector` (the keyboard-only path). */
async function tabTo(page: Page, selector: string, maxTabs = 60): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector))
      return;
  }
  assert.fail(`${selector} was not reachable by Tab on ${page.url()}`);
}

/**
 * Presses Space on the focused file input until the file chooser opens. Playwright switches
 * chooser interception on without waiting for the browser, so a press right after listening can
 * meet an uncaught native dialog (headless cancels it): the press is repeated, never the check.
 */
async function chooseByKeyboard(page: Page): Promise<FileChooser> {
  const chooser = page.waitForEvent('filechooser', { timeout: 30_000 });
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Space');
    const opened = await Promise.race([
      chooser,
      new Promise<null>((r) => setTimeout(() => r(null), 3_000)),
    ]);
    if (opened) return opened;
    assert.ok(
      await page.evaluate(() => document.activeElement?.id === 'file'),
      'the file input kept the focus',
    );
  }
  return chooser;
}

/** Waits until a condition holds, polling: the folder is deleted just after the end, not during it. */
async function eventually(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 15_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// The flow on each database in turn (they share the browser and clamd). Not both at once: one
// process serves both, and PGlite's work blocks its event loop, so on a machine busy with the
// rest of the suite the PostgreSQL side's page loads went past Playwright's 30 s.
describe('the meeting folder in Chromium, with uploads scanned by a real clamd', () => {
  let browser: Browser;
  let clamd: Awaited<ReturnType<typeof startClamd>>;
  before(async () => {
    // One after the other: a browser that fails to start then leaves no clamd running.
    browser = await launchCallBrowser();
    clamd = await startClamd();
  });
  after(async () => {
    await browser.close();
    await clamd.stop();
  });

  for (const kind of DB_KINDS) {
    // A generous limit, so that a hang fails the test rather than holding the run.
    test(
      `on ${kind}: open from the room, exchange files both ways, a virus blocked, no-JS upload, closed and deleted at the end`,
      { timeout: 300_000 },
      async () => {
        const dataDir = await mkdtemp(join(tmpdir(), 'okence-e2e-folder-'));
        const filesDir = join(dataDir, 'files');
        const clock = shiftedClock();
        const handle = kind === 'postgres' ? await openTestDatabase('postgres') : undefined;
        const { baseUrl, okence } = await startSite(
          { DATA_DIR: dataDir, CLAMAV_URL: clamd.url },
          { clock, handle },
        );
        try {
          await exchangeFiles(okence, baseUrl, clock, filesDir);
        } finally {
          await okence.close();
          await rm(dataDir, { recursive: true, force: true });
        }
      },
    );
  }

  async function exchangeFiles(
    okence: Okence,
    baseUrl: string,
    clock: ReturnType<typeof shiftedClock>,
    filesDir: string,
  ): Promise<void> {
    const db = okence.handle.db;
    const b = await bookAndStandBefore(okence, clock, {
      name: 'Ana Kranjc',
      email: 'ana@example.si',
    });
    const citizenBase = `/j/${b.joinToken}`;
    const staffBase = `/staff/meetings/${b.id}`;

    // 1. The citizen is admitted; the official opens the folder and its link reaches both chats.
    const citizenRoom = await newCallPage(browser);
    await prejoinAndJoin(citizenRoom, `${baseUrl}${citizenBase}`);
    await stage(citizenRoom, 'lobby');
    const officialRoom = await newCallPage(browser);
    await signIn(officialRoom, baseUrl, 'uradnik@domzale.example');
    await officialJoins(officialRoom, baseUrl, b.id);
    await admit(officialRoom, 'Ana Kranjc');
    await stage(citizenRoom, 'room');
    await officialRoom.locator('#open-folder').click();
    const citizenFolder = await openFolderFromChat(citizenRoom, `${citizenBase}/files`);
    const officialFolder = await openFolderFromChat(officialRoom, `${staffBase}/files`);
    await citizenFolder.getByText(text('files.empty')).waitFor();
    // Marks that must survive until the end: the lists below change without a reload.
    for (const p of [citizenFolder, officialFolder])
      await p.evaluate(() => (document.body.dataset.e2eLoaded = 'once'));

    // 2. The citizen uploads 4 MB on a slow uplink: a progress bar moves, and the official's list shows the file live.
    const application = {
      name: 'Vloga za potrdilo o stalnem prebivališču.pdf',
      bytes: pdf('Vloga', 4 * MB),
    };
    const cdp = await citizenFolder.context().newCDPSession(citizenFolder);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 1 * MB,
    });
    await chooseAndUpload(citizenFolder, application.name, application.bytes);
    // Part way: the bar, named for the file, has moved but not finished.
    await citizenFolder.waitForFunction(
      (label) => {
        const bar = document.querySelector<HTMLProgressElement>('#folder-progress progress');
        return bar?.getAttribute('aria-label') === label && bar.value > 0 && bar.value < 100;
      },
      text('folder.progress', { name: application.name }),
      { timeout: 20_000 },
    );
    await citizenFolder
      .locator('#folder-progress')
      .getByText(text('folder.done', { name: application.name }))
      .waitFor({ timeout: 30_000 });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await cdp.detach();
    await item(officialFolder, application.name)
      .locator('a[download]')
      .waitFor({ timeout: 15_000 });
    await item(citizenFolder, application.name).locator('a[download]').waitFor({ timeout: 15_000 });
    // The room beside it keeps a standing link with the count, for whoever closed the tab.
    await officialRoom
      .locator('.meeting-folder a')
      .getByText(text('room.folder_count', { count: '1' }))
      .waitFor({ timeout: 15_000 });

    // 3. The official downloads it byte for byte, under its own name, as an attachment.
    assert.deepEqual(await download(officialFolder, application.name), {
      name: application.name,
      sha: sha(application.bytes),
    });
    const href = await item(officialFolder, application.name)
      .locator('a[download]')
      .getAttribute('href');
    assert.match(String(href), new RegExp(`^${staffBase}/files/[0-9a-f-]{36}$`));
    const fetched = await officialFolder.request.get(`${baseUrl}${href}`);
    assert.equal(fetched.status(), 200);
    assert.equal(fetched.headers()['content-type'], 'application/octet-stream');
    assert.match(
      fetched.headers()['content-disposition'] ?? '',
      /^attachment; filename=".*"; filename\*=UTF-8''Vloga%20za%20potrdilo/,
    );

    // 4. Keyboard only: the official chooses the certificate with Space and uploads with Enter;
    //    the citizen's list updates and the citizen downloads it intact, with Enter on its link.
    const certificate = {
      name: 'Potrdilo_o_stalnem_prebivaliscu_st_2026-0415_Domzale.pdf',
      bytes: pdf('Potrdilo', 300_000),
    };
    // Keys go to the tab in front: each browser window here holds a room and a folder tab.
    await officialFolder.bringToFront();
    await tabTo(officialFolder, '#file');
    const chooser = await chooseByKeyboard(officialFolder);
    await chooser.setFiles({
      name: certificate.name,
      mimeType: 'application/pdf',
      buffer: Buffer.from(certificate.bytes),
    });
    await tabAndPress(officialFolder, text('files.upload'));
    await officialFolder
      .locator('#folder-progress')
      .getByText(text('folder.done', { name: certificate.name }))
      .waitFor({ timeout: 30_000 });
    const link = item(citizenFolder, certificate.name).locator('a[download]');
    await link.waitFor({ timeout: 15_000 });
    await citizenFolder.bringToFront();
    await tabTo(citizenFolder, `a[href="${await link.getAttribute('href')}"]`);
    const [saved] = await Promise.all([
      citizenFolder.waitForEvent('download'),
      citizenFolder.keyboard.press('Enter'),
    ]);
    assert.deepEqual(
      { name: saved.suggestedFilename(), sha: sha(await readFile(await saved.path())) },
      { name: certificate.name, sha: sha(certificate.bytes) },
    );

    // 5. EICAR inside a PDF passes the type check, is caught by clamd, kept aside and never served.
    const infected = { name: 'Priloga.pdf', bytes: pdf('Priloga', 2_000, EICAR) };
    await chooseAndUpload(citizenFolder, infected.name, infected.bytes);
    const alert = citizenFolder.getByRole('alert');
    await alert
      .getByText(/the virus scanner found Eicar-Test-Signature/)
      .waitFor({ timeout: 30_000 });
    const quarantined = await db
      .selectFrom('meeting_file')
      .select(['id', 'signature', 'sha256'])
      .where('booking_id', '=', b.id)
      .where('scan_state', '=', 'infected')
      .execute();
    assert.equal(quarantined.length, 1);
    const bad = quarantined[0]!;
    assert.equal(bad.sha256, sha(infected.bytes));
    assert.equal(
      await alert.textContent(),
      text('files.error.infected', { name: infected.name, signature: bad.signature ?? '?' }),
    );
    for (const p of [citizenFolder, officialFolder]) {
      await item(p, infected.name)
        .getByText(text('files.infected', { signature: bad.signature ?? '?' }))
        .waitFor({ timeout: 15_000 });
      assert.equal(
        await item(p, infected.name).locator('a').count(),
        0,
        'no link to a blocked file',
      );
    }
    assert.equal(readdirSync(join(filesDir, b.id, 'quarantine')).length, 1);
    const blocked = await citizenFolder.context().newPage();
    const refused = await blocked.goto(`${baseUrl}${citizenBase}/files/${bad.id}?lang=en`);
    assert.equal(refused?.status(), 403);
    await blocked.getByRole('heading', { name: text('files.blocked_title') }).waitFor();
    await blocked.close();

    // 6. Without JavaScript the plain form uploads, and the folder it returns to lists the file.
    const plain = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false });
    // The same browser with its script off: the place in the meeting belongs to its cookie (decision 019).
    await plain.addCookies(await citizenFolder.context().cookies());
    const noJs = await plain.newPage();
    const authority = { name: 'Pooblastilo.pdf', bytes: pdf('Pooblastilo') };
    await noJs.goto(`${baseUrl}${citizenBase}/files?lang=en`);
    assert.equal(await noJs.locator('.drop-enhanced').count(), 0, 'the script did not run');
    await chooseAndUpload(noJs, authority.name, authority.bytes);
    await noJs
      .getByRole('status')
      .getByText(text('files.uploaded', { count: '1' }))
      .waitFor();
    assert.equal(
      new URL(noJs.url()).pathname,
      `${citizenBase}/files`,
      'back on the folder, so a reload sends nothing again',
    );
    await item(noJs, authority.name).locator('a[download]').waitFor();
    await item(officialFolder, authority.name).locator('a[download]').waitFor({ timeout: 15_000 });

    // The official takes everything clean as one zip.
    const [zip] = await Promise.all([
      officialFolder.waitForEvent('download'),
      officialFolder.locator('#folder-zip').click(),
    ]);
    assert.match(zip.suggestedFilename(), /\.zip$/);
    const listing = readZipDirectory(new Uint8Array(await readFile(await zip.path())), {
      maxEntries: 10,
      maxTotalUncompressed: 20 * MB,
      maxRatio: 1000,
      ratioFloor: MB,
    });
    assert.ok(listing.ok);
    assert.deepEqual(
      listing.entries.map((e) => e.name).sort(),
      [application.name, certificate.name, authority.name].sort(),
    );

    // 7. The folder with files, a blocked one and an error is accessible, with and without the script, and fits 320 px.
    // (axe runs in the page, so the page as it is without JavaScript is scanned with only the folder's script blocked.)
    const unscripted = await citizenFolder.context().newPage();
    await unscripted.route('**/assets/folder.js?*', (route) => route.abort());
    await unscripted.goto(noJs.url());
    await unscripted
      .getByRole('status')
      .getByText(text('files.uploaded', { count: '1' }))
      .waitFor();
    assert.equal(
      await unscripted.locator('.drop-enhanced').count(),
      0,
      'the folder script was blocked',
    );
    for (const p of [citizenFolder, officialFolder, unscripted]) {
      await expectAccessible(p);
      await p.setViewportSize({ width: 320, height: 700 });
      await expectNoHorizontalScroll(p);
      await expectAccessible(p);
    }
    for (const p of [citizenFolder, officialFolder])
      assert.equal(
        await p.evaluate(() => document.body.dataset.e2eLoaded),
        'once',
        `${p.url()} was not reloaded`,
      );

    // 8. The official ends the meeting: both folder pages close live, and every folder address is gone.
    const appFileId = href?.split('/').pop() ?? '';
    await officialRoom.getByRole('button', { name: text('room.end') }).click();
    await officialRoom.getByRole('button', { name: text('room.confirm_yes') }).click();
    for (const p of [citizenFolder, officialFolder]) {
      await p
        .locator('#folder-progress')
        .getByText(text('folder.closed'))
        .waitFor({ timeout: 15_000 });
      assert.equal(await p.locator('#folder-files a').count(), 0);
      assert.ok(await p.locator('#file').isDisabled());
    }
    for (const [p, base] of [
      [citizenFolder, citizenBase],
      [officialFolder, staffBase],
      [noJs, citizenBase],
    ] as const) {
      for (const path of ['/files', `/files/${appFileId}`, '/files/all.zip']) {
        const gone = await p.goto(`${baseUrl}${base}${path}`);
        assert.equal(gone?.status(), 410, `${base}${path}`);
        await p.getByRole('heading', { name: text('files.closed_title') }).waitFor();
      }
    }
    assert.equal((await citizenFolder.reload())?.status(), 410);

    // 9. No grace period: the files are deleted right after the end; the audit log keeps names and hashes.
    await eventually('the folder is deleted from disk', () => !existsSync(join(filesDir, b.id)));
    await eventually(
      'its rows are deleted',
      async () =>
        (await db.selectFrom('meeting_file').select('id').where('booking_id', '=', b.id).execute())
          .length === 0,
    );
    assert.equal(await okence.jobs.purgeFiles(), 0, 'the end already deleted everything');
    const audit = await db
      .selectFrom('meeting_file_audit')
      .select(['action', 'file_name', 'sha256', 'actor_role', 'detail'])
      .where('booking_id', '=', b.id)
      .orderBy('id')
      .execute();
    const hashes = (action: string) =>
      audit.filter((a) => a.action === action).map((a) => a.sha256);
    assert.equal(audit[0]?.action, 'opened');
    assert.deepEqual(hashes('uploaded'), [
      sha(application.bytes),
      sha(certificate.bytes),
      sha(authority.bytes),
    ]);
    assert.deepEqual(hashes('quarantined'), [sha(infected.bytes)]);
    assert.ok(
      hashes('downloaded').includes(sha(application.bytes)) &&
        hashes('downloaded').includes(sha(certificate.bytes)),
    );
    assert.deepEqual(
      hashes('downloaded_all').sort(),
      [sha(application.bytes), sha(certificate.bytes), sha(authority.bytes)].sort(),
    );
    assert.deepEqual(audit.at(-1), {
      action: 'deleted',
      file_name: null,
      sha256: null,
      actor_role: 'system',
      detail: '4 files',
    });
    await unscripted.close();
    for (const c of [citizenRoom.context(), officialRoom.context(), plain]) await c.close();
  }
});
