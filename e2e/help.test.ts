// Help in Chromium (decision 053): the guides' walk over the real pages at a phone's width (each
// guide in one of sl, cs and en, in turn), each step's control found by role and name, the
// screenshots exactly the guides' and the committed ones; the help pages and the staff manual
// with axe; the videos play with their captions parsed by Chromium; the media served with
// ranges; a keyboard-only way in.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Okence } from '../src/boot.ts';
import { LANGS, MESSAGES, type Lang } from '../src/i18n/i18n.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { GUIDES, guideShots, HELP_TASKS, VIDEO_LANGS } from '../src/notices/help/guides.ts';
import { HELP_MEDIA_DIR } from '../src/notices/help/media.ts';
import { MANUAL_SECTIONS } from '../src/notices/help/manual.ts';
import { guideCues, parseVtt, SECONDS_PER_STEP } from '../src/notices/help/vtt.ts';
import { DEMO_PASSWORD } from '../src/tenants/demo-data.ts';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  launchBrowser,
  launchCallBrowser,
  newPage,
  startSite,
} from './harness.ts';
import { PHONE, WALK_START, walkTask } from './help-walk.ts';

const clock = fixedClock(WALK_START);
let site: { baseUrl: string; okence: Okence };
let browser: Browser;
let callBrowser: Browser;
const outDir = mkdtempSync(join(tmpdir(), 'okence-help-walk-'));
before(async () => {
  // Development with demo data: the card gateway's emulator, so the pay guide's card button shows.
  site = await startSite({ NODE_ENV: 'development' }, { clock });
  browser = await launchBrowser();
  callBrowser = await launchCallBrowser();
});
after(async () => {
  await browser?.close();
  await callBrowser?.close();
  await site?.okence.close();
  rmSync(outDir, { recursive: true, force: true });
});

const sorted = (names: string[]) => [...names].sort();
const pngs = (dir: string) => sorted(readdirSync(dir).filter((f) => f.endsWith('.png')));

/**
 * Each guide walked in one language, the languages in turn so that each is walked: the whole walk
 * (four guides in three languages) took two of the suite's fifteen minutes on two cores, and the
 * walks differ by language only in the labels, which come from the same keys. `npm run
 * help:screenshots` walks every guide in every language; every language's committed screenshots
 * are checked here by name and size.
 */
const WALKED = HELP_TASKS.map((task, i) => [task, LANGS[i % LANGS.length]!] as const);

test('the walk takes every step of every guide on the real pages, each language in turn; the screenshots are the guides’ and the committed ones', async () => {
  const walk = { ...site, browser, callBrowser, clock, outDir };
  for (const [task, lang] of WALKED) {
    const written = await walkTask(walk, lang, task);
    assert.deepEqual(
      written,
      guideShots().filter((f) => f.startsWith(`${task}-`)),
      `${lang} ${task}: walked`,
    );
  }
  assert.deepEqual(new Set(WALKED.map(([, lang]) => lang)), new Set(LANGS));
  for (const lang of LANGS) {
    assert.deepEqual(
      pngs(join(HELP_MEDIA_DIR, lang)),
      sorted(guideShots()),
      `${lang}: public/help/${lang} holds exactly the guides' screenshots (npm run help:screenshots)`,
    );
    for (const file of guideShots()) {
      // A PNG's IHDR: width and height at bytes 16 and 20. Taken at the phone's size.
      const png = readFileSync(join(HELP_MEDIA_DIR, lang, file));
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [PHONE.width, PHONE.height]);
    }
  }
  for (const lang of VIDEO_LANGS) {
    const media = readdirSync(join(HELP_MEDIA_DIR, lang)).filter((f) => !f.endsWith('.png'));
    assert.deepEqual(
      sorted(media),
      sorted(HELP_TASKS.flatMap((t) => [`${t}.vtt`, `${t}.webm`])),
      `${lang}: a video and its captions per guide`,
    );
    for (const guide of GUIDES) {
      const vtt = readFileSync(join(HELP_MEDIA_DIR, lang, `${guide.task}.vtt`), 'utf8');
      assert.deepEqual(
        parseVtt(vtt),
        guideCues(lang, guide),
        `${lang} ${guide.task}: the committed captions are the guide's steps (npm run help:screenshots -- --captions)`,
      );
    }
  }
});

/** One h1, axe, no sideways scrolling on a phone. */
async function checkPage(page: Page): Promise<void> {
  assert.equal(await page.locator('h1').count(), 1, page.url());
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
}

test('the help pages on a phone in sl, cs and en: axe, every screenshot served, the footer’s link', async () => {
  const page = await newPage(browser, { viewport: PHONE });
  for (const lang of LANGS) {
    await page.goto(`${site.baseUrl}/o/koprivnice?lang=${lang}`);
    await page
      .locator('footer')
      .getByRole('link', { name: MESSAGES[lang]['help.footer_link'] })
      .click();
    await page.waitForURL(/\/help$/);
    assert.equal(await page.locator('html').getAttribute('lang'), lang);
    await checkPage(page);
    for (const guide of GUIDES) {
      await page.goto(`${site.baseUrl}/help/${guide.task}?lang=${lang}`);
      await checkPage(page);
      const shots = await page
        .locator('img.help-shot')
        .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).getAttribute('src') ?? ''));
      assert.equal(shots.length, guide.steps.length, `${lang} ${guide.task}: a shot per step`);
      for (const src of shots) {
        const response = await page.request.get(`${site.baseUrl}${src}`);
        assert.equal(response.status(), 200, src);
        assert.equal(response.headers()['content-type'], 'image/png');
      }
    }
  }
  await page.context().close();
});

test('the staff manual in sl, cs and en for an admin and an official: axe, the footer’s link', async () => {
  for (const email of ['admin@koprivnice.example', 'urednik@koprivnice.example']) {
    const page = await newPage(browser, { viewport: PHONE });
    await page.goto(`${site.baseUrl}/staff/sign-in?lang=en`);
    await page.locator('#email').fill(email);
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL(/\/staff$/);
    for (const lang of LANGS) {
      await page.goto(`${site.baseUrl}/staff?lang=${lang}`);
      await page
        .locator('footer')
        .getByRole('link', { name: MESSAGES[lang]['help.staff_footer_link'] })
        .click();
      await page.waitForURL(/\/staff\/help$/);
      assert.equal(
        await page.locator('main section.manual-section').count(),
        MANUAL_SECTIONS.length,
      );
      await checkPage(page);
    }
    // Each section's link leads to a page this reader may open; an official gets none to admins' pages.
    const admin = email.startsWith('admin@');
    const links = await page
      .locator('main section.manual-section a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const expected = MANUAL_SECTIONS.filter((s) => s.href && (admin || !s.adminOnly));
    assert.deepEqual(
      links,
      expected.map((s) => s.href),
      email,
    );
    for (const href of links) {
      assert.equal((await page.request.get(`${site.baseUrl}${href}`)).status(), 200, href);
    }
    await page.context().close();
  }
});

test('each video plays in Chromium with its captions, the cues read by Chromium within its length', async () => {
  const page = await newPage(browser, { viewport: PHONE });
  for (const lang of VIDEO_LANGS) {
    for (const guide of GUIDES) {
      await page.goto(`${site.baseUrl}/help/${guide.task}?lang=${lang}`);
      const video = page.locator('video.help-video');
      await page.waitForFunction(
        () => {
          const v = document.querySelector('video');
          return !!v && v.readyState >= 1 && (v.textTracks[0]?.cues?.length ?? 0) > 0;
        },
        undefined,
        { timeout: 15_000 },
      );
      const shown = await video.evaluate((v: HTMLVideoElement) => ({
        duration: v.duration,
        track: v.textTracks[0]?.language,
        cues: Array.from(v.textTracks[0]?.cues ?? []).map((c) => ({
          start: c.startTime,
          end: c.endTime,
          text: (c as VTTCue).text,
        })),
      }));
      const want = guideCues(lang, guide);
      assert.equal(shown.track, lang);
      assert.deepEqual(shown.cues, want, `${lang} ${guide.task}: Chromium read the cues we wrote`);
      const length = guide.steps.length * SECONDS_PER_STEP;
      assert.ok(
        Math.abs(shown.duration - length) < 0.5,
        `${lang} ${guide.task}: ${shown.duration}s`,
      );
      for (const cue of shown.cues) assert.ok(cue.end <= shown.duration + 0.01);
    }
  }
  // It plays: time moves, and a seek lands (which needs the server's ranges).
  await page.goto(`${site.baseUrl}/help/join?lang=cs`);
  const played = await page.locator('video.help-video').evaluate(async (v: HTMLVideoElement) => {
    v.muted = true;
    await v.play();
    await new Promise<void>((resolve) => {
      const check = () => (v.currentTime > 0.3 ? resolve() : requestAnimationFrame(check));
      check();
    });
    v.pause();
    v.currentTime = v.duration - 2;
    await new Promise((resolve) => v.addEventListener('seeked', resolve, { once: true }));
    return { time: v.currentTime, duration: v.duration, seekable: v.seekable.length };
  });
  assert.ok(played.seekable > 0);
  assert.ok(Math.abs(played.time - (played.duration - 2)) < 1, JSON.stringify(played));
  await page.context().close();
});

test('keyboard only: from an organisation’s page through the footer to a guide', async () => {
  const page = await newPage(browser, { locale: 'cs-CZ' });
  await page.goto(`${site.baseUrl}/o/koprivnice?lang=cs`);
  const tabTo = async (text: string) => {
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
      if (focused === text) return;
    }
    assert.fail(`Tab never reached ${text}`);
  };
  await tabTo('Nápověda');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/help$/);
  await tabTo(MESSAGES.cs['help.task.pay.title']);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/help\/pay$/);
  assert.equal(await page.locator('h1').textContent(), MESSAGES.cs['help.task.pay.title']);
  await tabTo(MESSAGES.cs['help.video.download']);
  await page.context().close();
});

test('the media are served with their types and byte ranges; unknown names are 404, malformed ones 400', async () => {
  const lang: Lang = 'sl';
  const video = `${HELP_TASKS[0]}.webm`;
  const get = (url: string, headers: Record<string, string> = {}) =>
    site.okence.app.inject({ method: 'GET', url, headers });
  const size = readFileSync(join(HELP_MEDIA_DIR, lang, video)).length;
  const whole = await get(`/help/media/${lang}/${video}`);
  assert.equal(whole.statusCode, 200);
  assert.equal(whole.headers['content-type'], 'video/webm');
  assert.equal(whole.headers['accept-ranges'], 'bytes');
  assert.equal(whole.rawPayload.length, size);
  const part = await get(`/help/media/${lang}/${video}`, { range: 'bytes=100-199' });
  assert.equal(part.statusCode, 206);
  assert.equal(part.headers['content-range'], `bytes 100-199/${size}`);
  assert.deepEqual(part.rawPayload, whole.rawPayload.subarray(100, 200));
  const past = await get(`/help/media/${lang}/${video}`, { range: `bytes=${size}-` });
  assert.equal(past.statusCode, 416);
  assert.equal(past.headers['content-range'], `bytes */${size}`);
  const vtt = await get(`/help/media/${lang}/book.vtt`);
  assert.equal(vtt.headers['content-type'], 'text/vtt; charset=utf-8');
  assert.ok(existsSync(join(HELP_MEDIA_DIR, lang, 'book-1.png')));
  for (const url of ['/help/media/sl/nothing.png', '/help/media/sl/book-99.png', '/help/nothing']) {
    assert.equal((await get(url)).statusCode, 404, url);
  }
  // A name the script never writes is refused before any file is looked for.
  for (const url of ['/help/media/xx/book.webm', '/help/media/sl/..%2Fen%2Fbook.webm']) {
    assert.equal((await get(url)).statusCode, 400, url);
  }
});
