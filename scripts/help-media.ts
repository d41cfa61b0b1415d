// npm run help:screenshots: takes the help guides' screenshots from the real pages (the same walk
// e2e/help.test.ts runs: e2e/help-walk.ts) in every language into public/help/{lang}/, then makes
// each guide's video from them with Debian's ffmpeg (VP9 WebM, one still per step) and its WebVTT
// captions (decision 053). Commit what it writes. With --captions it writes only the captions
// again (after a change of the guides' texts alone: the pictures and videos stay).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, launchCallBrowser, startSite } from '../e2e/harness.ts';
import { WALK_START, walkTask } from '../e2e/help-walk.ts';
import { LANGS } from '../src/i18n/i18n.ts';
import { fixedClock } from '../src/lib/clock.ts';
import {
  GUIDES,
  HELP_TASKS,
  shotName,
  VIDEO_LANGS,
  type Guide,
} from '../src/notices/help/guides.ts';
import { HELP_MEDIA_DIR } from '../src/notices/help/media.ts';
import { guideCues, SECONDS_PER_STEP, toVtt } from '../src/notices/help/vtt.ts';

/**
 * A screenshot in 64 colours without dithering: the pages are flat colours and text, so it looks
 * the same at about a third of Chromium's bytes (decision 053). Written aside, then renamed.
 */
function shrinkPng(path: string): void {
  const palette =
    'split[a][b];[a]palettegen=max_colors=64:stats_mode=full[p];[b][p]paletteuse=dither=none';
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', path, '-vf', palette, `${path}.tmp.png`]);
  renameSync(`${path}.tmp.png`, path);
}

/** A guide's video from its screenshots: each a still for SECONDS_PER_STEP, VP9 at a low frame rate. */
function makeVideo(dir: string, guide: Guide): void {
  const work = mkdtempSync(join(tmpdir(), 'okence-help-video-'));
  const shots = guide.steps.map((_, i) => join(dir, shotName(guide.task, i)));
  // The concat demuxer takes each file's duration from the line after it; the last file is
  // named twice, or its duration is dropped.
  const list = [
    ...shots.flatMap((s) => [`file '${s}'`, `duration ${SECONDS_PER_STEP}`]),
    `file '${shots.at(-1)}'`,
  ];
  writeFileSync(join(work, 'list.txt'), `${list.join('\n')}\n`);
  const out = join(dir, `${guide.task}.webm`);
  execFileSync(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-y'],
      ...['-f', 'concat', '-safe', '0', '-i', join(work, 'list.txt')],
      ...['-vf', 'fps=5,format=yuv420p', '-t', String(guide.steps.length * SECONDS_PER_STEP)],
      ...['-c:v', 'libvpx-vp9', '-b:v', '0', '-crf', '42', '-row-mt', '1'],
      ...['-deadline', 'good', '-cpu-used', '4', '-g', '50', '-an'],
      ...['-metadata', `title=${guide.task}`, out],
    ],
    { stdio: 'inherit' },
  );
  rmSync(work, { recursive: true, force: true });
}

/** Each guide's captions in each video language, from the guides' texts. */
function writeCaptions(): void {
  for (const lang of VIDEO_LANGS) {
    for (const guide of GUIDES) {
      writeFileSync(join(HELP_MEDIA_DIR, lang, `${guide.task}.vtt`), toVtt(guideCues(lang, guide)));
    }
  }
}

if (process.argv.includes('--captions')) {
  writeCaptions();
  process.exit(0);
}

const clock = fixedClock(WALK_START);
const site = await startSite({ NODE_ENV: 'development' }, { clock });
const browser = await launchBrowser();
const callBrowser = await launchCallBrowser();
try {
  rmSync(HELP_MEDIA_DIR, { recursive: true, force: true });
  const walk = { ...site, browser, callBrowser, clock, outDir: HELP_MEDIA_DIR };
  for (const lang of LANGS) {
    for (const task of HELP_TASKS) {
      const shots = await walkTask(walk, lang, task);
      for (const shot of shots) shrinkPng(join(HELP_MEDIA_DIR, lang, shot));
      console.log(`${lang} ${task}: screenshots taken`);
    }
  }
  for (const lang of VIDEO_LANGS) {
    for (const guide of GUIDES) makeVideo(join(HELP_MEDIA_DIR, lang), guide);
  }
  writeCaptions();
  for (const lang of LANGS) {
    const dir = join(HELP_MEDIA_DIR, lang);
    const kb = readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0) / 1024;
    console.log(`public/help/${lang}: ${Math.round(kb)} KiB`);
  }
} finally {
  await browser.close();
  await callBrowser.close();
  await site.okence.close();
}
