// Page objects for the meeting: what a citizen, a guest and an official do in the browser.
import assert from 'node:assert/strict';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { MESSAGES } from '../src/i18n/i18n.ts';
import type { Okence } from '../src/boot.ts';
import type { shiftedClock } from '../src/lib/clock.ts';
import { bookThroughApi } from '../src/meeting/testing.ts';
import { DEMO_PASSWORD } from '../src/tenants/demo-data.ts';

const en = MESSAGES.en;
/** An English interface text with its {placeholders} filled, as the page shows it. */
export const text = (key: keyof typeof en, params: Record<string, string> = {}) =>
  en[key].replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');

type Stats = Record<
  string,
  {
    framesDecoded: number;
    bytesReceived: number;
    candidateType: string | null;
    connectionState: string;
  }
>;
declare global {
  interface Window {
    okenceMeeting: {
      stage(): string;
      peerIds(): string[];
      stats(): Promise<Stats>;
      remoteTracks(): number;
    };
  }
}

const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** A confirmed booking at Domžale in the next two weeks, with the site's clock set to five minutes before it. */
export async function bookAndStandBefore(
  okence: Okence,
  clock: ReturnType<typeof shiftedClock>,
  who: { name: string; email: string },
) {
  clock.setNow(new Date());
  const b = await bookThroughApi(okence, {
    organisation: 'ue-domzale',
    office: 'domzale',
    service: 'splosne-informacije',
    day: days(1),
    to: days(14),
    ...who,
  });
  clock.setNow(new Date(b.start.getTime() - 5 * 60_000));
  return b;
}

/** A page allowed camera and microphone; `options` for a phone's viewport or another time zone. */
export async function newCallPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en-GB',
    permissions: ['camera', 'microphone'],
    ...options,
  });
  return context.newPage();
}

export async function stage(page: Page, name: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction((s) => document.body.dataset.meetingStage === s, name, { timeout });
}

/**
 * Starts keeping every stage the page goes through from now on; `stagesSince` reads them. A
 * reconnect shows as a stage other than "room" (connecting, or a second lobby).
 */
export async function watchStages(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    new MutationObserver(() => seen.push(document.body.dataset.meetingStage ?? '')).observe(
      document.body,
      { attributes: true, attributeFilter: ['data-meeting-stage'] },
    );
    (window as unknown as { stagesSeen: string[] }).stagesSeen = seen;
  });
}

/** The stages the page went through since `watchStages`. */
export function stagesSince(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { stagesSeen: string[] }).stagesSeen);
}

/** Opens a join (or guest) link, waits for the self-view, and joins. */
export async function prejoinAndJoin(
  page: Page,
  url: string,
  scan?: (p: Page) => Promise<void>,
): Promise<void> {
  await page.goto(url.includes('?') ? `${url}&lang=en` : `${url}?lang=en`, {
    waitUntil: 'domcontentloaded',
  });
  await stage(page, 'prejoin');
  await page.locator('video').first().waitFor();
  await scan?.(page);
  await page.getByRole('button', { name: text('room.join_now') }).click();
}

export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/staff/sign-in?lang=en`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/staff$/);
}

/** The official opens the meeting room of a booking and joins it. */
export async function officialJoins(page: Page, baseUrl: string, bookingId: string): Promise<void> {
  await prejoinAndJoin(page, `${baseUrl}/staff/meetings/${bookingId}`);
  await stage(page, 'room');
}

/** Admits whoever knocks with this name. */
export async function admit(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: text('room.admit', { name }) }).click({ timeout: 20_000 });
}

/**
 * Turns the camera back on where the room fell back to audio, as the person would with the
 * notice's button; returns whether it did. The fallback is the room's answer to a link that
 * stays poor for 10 s (meeting/client/state.ts), which a machine busy with four other test
 * files can make of loopback; a test about video then asks for it again.
 */
export async function cameraBackOn(page: Page): Promise<boolean> {
  const notice = page.locator('.meeting-fallback');
  if (!(await notice.isVisible())) return false;
  await notice.getByRole('button', { name: text('room.camera_back_on') }).click();
  console.log(`# ${page.url()} fell back to audio on a poor link; its camera is back on`);
  return true;
}

/**
 * Waits until every remote peer's video decodes frames and keeps decoding. `senders` are the
 * pages whose video this one should see: one that fell back to audio gets its camera back on.
 */
export async function expectVideoFrom(
  page: Page,
  peers: number,
  { timeout = 30_000, senders = [] }: { timeout?: number; senders?: Page[] } = {},
): Promise<Stats> {
  const end = Date.now() + timeout;
  let first: Stats | undefined;
  let restored = 0;
  for (;;) {
    for (const sender of senders) if (await cameraBackOn(sender)) restored++;
    const stats = await page.evaluate(() => window.okenceMeeting.stats());
    const values = Object.values(stats);
    if (values.length === peers && values.every((s) => s.framesDecoded > 0)) {
      if (!first) first = stats;
      else if (
        Object.entries(stats).every(
          ([id, s]) => s.framesDecoded > (first?.[id]?.framesDecoded ?? 0),
        )
      )
        return stats;
    }
    if (Date.now() > end) {
      // What the page showed: a poor link and an audio-only fallback explain a stalled video.
      const shown = await page.evaluate(() => ({
        quality: document.querySelector<HTMLElement>('.meeting-quality')?.dataset.quality,
        fellBackToAudio: document.querySelector<HTMLElement>('.meeting-fallback')?.hidden === false,
      }));
      assert.fail(
        `no rising video from ${peers} peer(s) on ${page.url()}: ${JSON.stringify(stats)}; page: ${JSON.stringify(shown)}; cameras turned back on: ${restored}`,
      );
    }
    await page.waitForTimeout(300);
  }
}

export async function sendChat(page: Page, message: string): Promise<void> {
  await page.locator('#chat-input').fill(message);
  await page.getByRole('button', { name: text('room.chat_send') }).click();
}

export async function expectChat(page: Page, message: string): Promise<void> {
  await page.getByRole('log').getByText(message).waitFor({ timeout: 10_000 });
}

/** Presses Tab until the focused element is a button or link with this text, then Enter: a keyboard-only step. */
export async function tabAndPress(page: Page, label: string, maxTabs = 60): Promise<void> {
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
