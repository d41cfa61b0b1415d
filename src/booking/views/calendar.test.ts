import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translator, type Lang } from '../../i18n/i18n.ts';
import { html } from '../../views/html.ts';
import { calendarPage } from './calendar.ts';

function render(lang: Lang, day: string): string {
  const ctx = {
    lang,
    t: translator(lang),
    nonce: 'n',
    csrfToken: () => 'c',
    staff: null,
    citizen: null,
    operator: null,
    url: '/',
    staffPanel: null,
  };
  const start = new Date(`${day}T08:00:00Z`);
  return calendarPage(ctx, {
    heading: 'H',
    intro: html``,
    baseUrl: '/b',
    month: day.slice(0, 7),
    prevMonth: null,
    nextMonth: null,
    freeByDay: new Map([[day, [{ start, label: '09:00', href: '/h' }]]]),
    day,
    timeZone: 'Europe/Ljubljana',
  }).body.value;
}

const headings = (page: string) =>
  [...page.matchAll(/<th scope="col" abbr="[^"]+">([^<]+)<\/th>/g)].map((m) => m[1]);

test('weekday headings are the short names of each language, for every weekday', () => {
  assert.deepEqual(headings(render('cs', '2026-12-02')), [
    'po',
    'út',
    'st',
    'čt',
    'pá',
    'so',
    'ne',
  ]);
  assert.deepEqual(headings(render('sl', '2026-12-02')), [
    'pon',
    'tor',
    'sre',
    'čet',
    'pet',
    'sob',
    'ned',
  ]);
});

test('the free times name the office zone as people write it, in winter and in summer', () => {
  assert.match(render('cs', '2026-12-02'), /\(SEČ\)/);
  assert.match(render('cs', '2026-07-02'), /\(SELČ\)/);
  assert.match(render('sl', '2026-12-02'), /\(CET\)/);
  assert.match(render('sl', '2026-07-02'), /\(CEST\)/);
  for (const lang of ['sl', 'cs', 'en'] as const)
    assert.doesNotMatch(render(lang, '2026-12-02'), /Europe\/|GMT/);
});
