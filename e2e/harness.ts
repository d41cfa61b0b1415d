import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type * as AxeCore from 'axe-core';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Okence } from '../src/boot.ts';
import { bootOkence } from '../src/boot.ts';
import { bootTestApp, testConfig } from '../src/http/testing.ts';
import { systemClock, type Clock } from '../src/lib/clock.ts';
import type { DatabaseHandle } from '../src/db/db.ts';
import { LANGS, type Lang } from '../src/i18n/i18n.ts';

/** Okence with demo data on a free port, reachable as http://localhost:PORT (a secure context for __Host- cookies). */
export async function startSite(
  env: Record<string, string> = {},
  opts: { clock?: Clock; handle?: DatabaseHandle } = {},
): Promise<{ baseUrl: string; okence: Okence }> {
  const okence = opts.handle
    ? await bootOkence(testConfig(env), { clock: opts.clock ?? systemClock, handle: opts.handle })
    : await bootTestApp('pglite', { clock: opts.clock ?? systemClock, env });
  await okence.app.listen({ port: 0, host: 'localhost' });
  const address = okence.app.server.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  return { baseUrl: `http://localhost:${address.port}`, okence };
}

/**
 * Debian's Chromium headless shell (decision 057), with the flags this sandbox needs (no
 * background traffic) and the suite's time needs (no optimising compilers).
 */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Pages' JavaScript runs on V8's interpreter and baseline code only. Most of it is axe,
      // evaluated afresh in each checked page and run once there: optimising its hot functions
      // is work thrown away at the next navigation (e2e/pages and e2e/forms-builder: 166 → 135
      // CPU-s, decision 057). The same code runs; only the tiers that never pay off here are off.
      '--js-flags=--no-opt --no-maglev',
      ...extraArgs,
    ],
  });
}

/**
 * Chromium for real calls on loopback: a fake camera and microphone, no permission
 * prompts, and ICE candidates on 127.0.0.1 (without that flag Chromium gathers none).
 */
export function launchCallBrowser(extraArgs: string[] = []): Promise<Browser> {
  return launchBrowser([
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${smallCameraFile()}`,
    '--use-fake-ui-for-media-stream',
    '--allow-loopback-in-peer-connection',
    // No sound card here: Chromium's audio service otherwise plays every received stream into
    // a fake output in real time. In the six-person call that was 27 of Chromium's 170
    // CPU-seconds. No test listens to the sound (the speaker rule is unit-tested, state.ts).
    '--disable-audio-output',
    ...extraArgs,
  ]);
}

/**
 * A microphone's sound for `--use-file-for-fake-audio-capture` (Chromium loops it): a steady
 * 440 Hz tone at half of full scale, or silence. Chromium's own fake microphone beeps in every
 * page of a browser at once, which says nothing about who speaks.
 */
export function fakeAudioFile(sound: 'tone' | 'silence'): string {
  return tmpFileOnce(`okence-microphone-${sound}.wav`, () => {
    const rate = 48_000;
    const samples = Buffer.alloc(rate * 2); // one second of 16-bit mono
    if (sound === 'tone')
      for (let i = 0; i < rate; i++)
        samples.writeInt16LE(Math.round(16_000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
    const header = Buffer.alloc(44);
    header.write('RIFF', 0);
    header.writeUInt32LE(36 + samples.length, 4);
    header.write('WAVEfmt ', 8);
    header.writeUInt32LE(16, 16); // the fmt chunk's size
    header.writeUInt16LE(1, 20); // PCM
    header.writeUInt16LE(1, 22); // mono
    header.writeUInt32LE(rate, 24);
    header.writeUInt32LE(rate * 2, 28); // bytes per second
    header.writeUInt16LE(2, 32); // bytes per sample
    header.writeUInt16LE(16, 34); // bits per sample
    header.write('data', 36);
    header.writeUInt32LE(samples.length, 40);
    return Buffer.concat([header, samples]);
  });
}

/**
 * The fake camera's picture: 320×240 at 15 frames a second, a bar sweeping across a gradient
 * (every frame differs, as a real camera's do). Chromium's own fake camera sends 640×480 at
 * up to 30 fps; in a three-person call every browser then encodes and decodes several such
 * streams, and on this 2-core machine beside other test files the links judged poor made the
 * room fall back to audio (meeting/client/state.ts), and the video tests fail. A quarter of the
 * pixels at half the rate keeps real encoding, relaying and decoding at a cost the machine bears.
 */
function smallCameraFile(): string {
  const [width, height, fps, frames] = [320, 240, 15, 30];
  return tmpFileOnce(`okence-camera-${width}x${height}-${fps}.y4m`, () => {
    const chroma = (width / 2) * (height / 2);
    const parts: Buffer[] = [
      Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`),
    ];
    for (let f = 0; f < frames; f++) {
      const luma = Buffer.alloc(width * height);
      const bar = Math.floor((f / frames) * width);
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++)
          luma[y * width + x] =
            Math.abs(x - bar) < 12 ? 235 : 16 + ((x + y) * 200) / (width + height);
      parts.push(
        Buffer.from('FRAME\n'),
        luma,
        Buffer.alloc(chroma, 128),
        Buffer.alloc(chroma, 128),
      );
    }
    return Buffer.concat(parts);
  });
}

/**
 * A file of the suite's in the temporary folder, made by `make` unless it is there: written under
 * a temporary name and renamed, as test files start in parallel.
 */
function tmpFileOnce(name: string, make: () => Buffer): string {
  const file = join(tmpdir(), name);
  if (existsSync(file)) return file;
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, make());
  renameSync(partial, file);
  return file;
}

export async function newPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ locale: 'sl-SI', ...options });
  return context.newPage();
}

/**
 * axe-core's own build, the one @axe-core/playwright ships. It is evaluated in the page and run
 * there directly: AxeBuilder.analyze() opens a second page per check to finish its run, which made
 * each check cost 2.6 s here against 1.2 s (the suite checks some hundred pages).
 */
const AXE_SOURCE = readFileSync(
  createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright')).resolve(
    'axe-core/axe.min.js',
  ),
  'utf8',
);
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Fails with a readable list when axe finds any WCAG 2.1 A/AA violation on the page. */
export async function expectAccessible(page: Page): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const summary = await page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: typeof AxeCore };
    // Violations in full; passes and the rest are not gathered node by node (~15 % of a run).
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  }, WCAG_21_AA);
  assert.deepEqual(summary, [], `axe violations on ${page.url()}`);
}

/**
 * Each of `items` with one language, sl, cs and en in turn (from `first`). Staff and admin pages
 * are scanned by axe in one language each: their structure does not change with the language,
 * the public pages are scanned in all three, and every language still comes to some staff page.
 * A scan costs about a second of Chromium's CPU, and the suite's budget is CPU (decision 053).
 */
export function inTurn<T>(items: readonly T[], first = 0): [T, Lang][] {
  return items.map((item, i) => [item, LANGS[(first + i) % LANGS.length]!]);
}

/** Fails when the page scrolls sideways at the current viewport width. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(
    scrollWidth <= clientWidth,
    `${page.url()} scrolls sideways: ${scrollWidth} > ${clientWidth}`,
  );
}

/** A real SMTP server on loopback that keeps every message it receives, parsed. */
export async function startSmtpSink(): Promise<{
  port: number;
  messages: ParsedMail[];
  close(): Promise<void>;
}> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          messages.push(mail);
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Waits for a message to an address matching a pattern and returns the first capture. */
export async function waitForMail(
  messages: ParsedMail[],
  to: string,
  pattern: RegExp,
  timeoutMs = 15_000,
): Promise<string> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    for (const m of messages) {
      const recipients = Array.isArray(m.to) ? m.to : m.to ? [m.to] : [];
      if (!recipients.some((a) => a.text.includes(to))) continue;
      const match = pattern.exec(m.text ?? '');
      if (match) return match[1] ?? match[0];
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to} matching ${pattern}`);
}

/** Okence sending its mail to a real SMTP server on loopback, and a browser: what the booking tests stand on. */
export async function startMailedSite() {
  const smtp = await startSmtpSink();
  const site = await startSite({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
  const browser = await launchBrowser();
  return {
    smtp,
    site,
    browser,
    async close() {
      await browser.close();
      await site.okence.close();
      await smtp.close();
    },
  };
}
