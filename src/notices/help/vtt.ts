// The videos' captions as WebVTT (W3C WebVTT, §4): one cue per step, shown while that step's
// screenshot is on screen. Pure: the video script writes what captionsFor returns, and the tests
// read it back with parseVtt (and with Chromium's own parser).
import { MESSAGES, type Lang } from '../../i18n/i18n.ts';
import { stepPlainText, type Guide } from './guides.ts';

/** How long each step's screenshot stays in a video, in seconds. */
export const SECONDS_PER_STEP = 6;

/** A cue: from and to (seconds), and its text. */
export type Cue = { start: number; end: number; text: string };

/** `hh:mm:ss.ttt`, the one timestamp form every WebVTT reader takes. */
export function vttTime(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** A WebVTT file of the cues. A cue's text may not hold "-->" or a blank line (§4.1); they are folded. */
export function toVtt(cues: readonly Cue[]): string {
  const body = cues.map(
    (c, i) =>
      `${i + 1}\n${vttTime(c.start)} --> ${vttTime(c.end)}\n${c.text
        .replace(/-->/g, '→')
        .replace(/\s*\n\s*/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')}`,
  );
  return `WEBVTT\n\n${body.join('\n\n')}\n`;
}

/** A guide's cues in a language: step n from (n-1)·SECONDS_PER_STEP for SECONDS_PER_STEP seconds. */
export function guideCues(lang: Lang, guide: Guide): Cue[] {
  const messages = MESSAGES[lang];
  return guide.steps.map((step, i) => ({
    start: i * SECONDS_PER_STEP,
    end: (i + 1) * SECONDS_PER_STEP,
    text: stepPlainText(lang, messages[step.text], messages[step.control.key]),
  }));
}

const TIMING = /^(\d{2,}):([0-5]\d):([0-5]\d)\.(\d{3}) --> (\d{2,}):([0-5]\d):([0-5]\d)\.(\d{3})$/;

/**
 * Reads back a file toVtt wrote: the signature, then blocks of an identifier, a timing line and
 * text. Throws on anything else; the tests also give the file to Chromium's own parser.
 */
export function parseVtt(text: string): Cue[] {
  const [head, ...blocks] = text
    .replace(/\r\n/g, '\n')
    .trimEnd()
    .split(/\n{2,}/);
  if (!head || !/^WEBVTT( |\t|$)/.test(head)) throw new Error('not a WebVTT file');
  return blocks.map((block) => {
    const lines = block.split('\n');
    const timing = lines.findIndex((l) => l.includes('-->'));
    const m = TIMING.exec(lines[timing] ?? '');
    if (!m) throw new Error(`a cue without timing: ${block}`);
    const n = m.slice(1).map(Number);
    const at = (i: number) =>
      (n[i] ?? 0) * 3600 + (n[i + 1] ?? 0) * 60 + (n[i + 2] ?? 0) + (n[i + 3] ?? 0) / 1000;
    const cue = { start: at(0), end: at(4), text: lines.slice(timing + 1).join('\n') };
    if (cue.end <= cue.start) throw new Error(`a cue that ends before it starts: ${block}`);
    return cue;
  });
}
