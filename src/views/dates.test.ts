import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dateFormat,
  dateOf,
  dayName,
  monthName,
  stampOf,
  timeInText,
  timeOf,
  formatWhen,
  weekdayName,
  weekdayShort,
  whenPhrase,
} from './dates.ts';

test("local dates read the same in every zone, in the reader's language", () => {
  assert.equal(dayName('2026-11-24', 'en'), 'Tuesday, 24 November 2026');
  assert.match(dayName('2026-11-24', 'sl'), /^torek, 24\. november 2026$/);
  assert.match(dateOf('2026-03-01', 'cs'), /^1\. ?3\. ?2026$/);
  assert.match(monthName('2026-03', 'en'), /^March 2026$/);
});

test('instants are shown in the zone asked for, across a change of summer time', () => {
  assert.equal(timeOf(new Date('2026-03-28T08:30:00Z'), 'Europe/Ljubljana', 'en'), '09:30');
  assert.equal(timeOf(new Date('2026-03-30T08:30:00Z'), 'Europe/Ljubljana', 'en'), '10:30');
  assert.match(
    stampOf(new Date('2026-03-30T08:30:05Z'), 'Europe/Prague', 'en'),
    /30\/03\/2026, 10:30:05/,
  );
});

test('a format is made once per language, zone and kind', () => {
  assert.equal(
    dateFormat('sl', 'Europe/Ljubljana', 'short'),
    dateFormat('sl', 'Europe/Ljubljana', 'short'),
  );
  assert.notEqual(
    dateFormat('sl', 'Europe/Ljubljana', 'short'),
    dateFormat('sl', 'Europe/Prague', 'short'),
  );
  assert.notEqual(
    dateFormat('sl', 'Europe/Ljubljana', 'short'),
    dateFormat('cs', 'Europe/Ljubljana', 'short'),
  );
});

test('a date inside a sentence takes the case its preposition asks for, every weekday and month', () => {
  // Monday 1 … Sunday 7 June 2026, then the 2nd of each month of 2026, at 08:25 in Ljubljana
  // (summer time in June: 06:25 UTC).
  const week = [1, 2, 3, 4, 5, 6, 7].map((d) => new Date(Date.UTC(2026, 5, d, 6, 25)));
  const at = (instant: Date, lang: 'sl' | 'cs' | 'en', prep?: 'on' | 'to') =>
    whenPhrase(instant, 'Europe/Ljubljana', lang, prep);
  assert.deepEqual(
    week.map((d) => at(d, 'sl')),
    [
      'v ponedeljek, 1. junija 2026, ob 8.25',
      'v torek, 2. junija 2026, ob 8.25',
      'v sredo, 3. junija 2026, ob 8.25',
      'v četrtek, 4. junija 2026, ob 8.25',
      'v petek, 5. junija 2026, ob 8.25',
      'v soboto, 6. junija 2026, ob 8.25',
      'v nedeljo, 7. junija 2026, ob 8.25',
    ],
  );
  assert.deepEqual(
    week.map((d) => at(d, 'cs')),
    [
      'v pondělí 1. června 2026 v 8:25',
      'v úterý 2. června 2026 v 8:25',
      've středu 3. června 2026 v 8:25',
      've čtvrtek 4. června 2026 v 8:25',
      'v pátek 5. června 2026 v 8:25',
      'v sobotu 6. června 2026 v 8:25',
      'v neděli 7. června 2026 v 8:25',
    ],
  );
  assert.deepEqual(
    week.map((d) => at(d, 'en')),
    [
      'on Monday, 1 June 2026 at 08:25',
      'on Tuesday, 2 June 2026 at 08:25',
      'on Wednesday, 3 June 2026 at 08:25',
      'on Thursday, 4 June 2026 at 08:25',
      'on Friday, 5 June 2026 at 08:25',
      'on Saturday, 6 June 2026 at 08:25',
      'on Sunday, 7 June 2026 at 08:25',
    ],
  );
  // Noon on the 15th: the same local day and month whatever the offset.
  const months = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2026, m, 15, 11, 0)));
  const monthWord = (lang: 'sl' | 'cs' | 'en') =>
    months.map((d) => / 15\.? (\S+) 2026/.exec(at(d, lang))?.[1]);
  assert.deepEqual(monthWord('sl'), [
    'januarja',
    'februarja',
    'marca',
    'aprila',
    'maja',
    'junija',
    'julija',
    'avgusta',
    'septembra',
    'oktobra',
    'novembra',
    'decembra',
  ]);
  assert.deepEqual(monthWord('cs'), [
    'ledna',
    'února',
    'března',
    'dubna',
    'května',
    'června',
    'července',
    'srpna',
    'září',
    'října',
    'listopadu',
    'prosince',
  ]);
  assert.deepEqual(monthWord('en'), [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ]);
});

test('the issue\'s example, "moved to", and the office\'s zone decide the day', () => {
  const start = new Date('2026-12-02T07:25:00Z');
  assert.equal(whenPhrase(start, 'Europe/Ljubljana', 'sl'), 'v sredo, 2. decembra 2026, ob 8.25');
  assert.equal(whenPhrase(start, 'Europe/Prague', 'cs'), 've středu 2. prosince 2026 v 8:25');
  assert.equal(
    whenPhrase(start, 'Europe/Ljubljana', 'sl', 'to'),
    'na sredo, 2. decembra 2026, ob 8.25',
  );
  assert.equal(whenPhrase(start, 'Europe/Prague', 'cs', 'to'), 'na středu 2. prosince 2026 v 8:25');
  assert.equal(
    whenPhrase(start, 'Europe/Prague', 'en', 'to'),
    'to Wednesday, 2 December 2026 at 08:25',
  );
  // 23:30 UTC on Tuesday is already Wednesday in Ljubljana.
  assert.match(
    whenPhrase(new Date('2026-12-01T23:30:00Z'), 'Europe/Ljubljana', 'sl'),
    /^v sredo, 2\. decembra 2026, ob 0\.30$/,
  );
});

test('a time in a sentence is written as each language writes it: sl "8.25", cs "8:25"', () => {
  const at = new Date('2026-12-02T07:25:00Z');
  assert.equal(timeInText(at, 'Europe/Ljubljana', 'sl'), '8.25');
  assert.equal(timeInText(at, 'Europe/Prague', 'cs'), '8:25');
  assert.equal(timeInText(at, 'Europe/Ljubljana', 'en'), '08:25');
  assert.equal(timeInText(new Date('2026-07-02T12:05:00Z'), 'Europe/Ljubljana', 'sl'), '14.05');
});

test('times are given in the office zone with the zone named, across DST', () => {
  assert.match(
    formatWhen(new Date('2026-03-30T08:00:00Z'), 'Europe/Ljubljana', 'en'),
    /10:00 CEST/,
  );
  assert.match(formatWhen(new Date('2026-03-27T09:00:00Z'), 'Europe/Prague', 'cs'), /10:00 SEČ$/);
  assert.match(formatWhen(new Date('2026-03-30T08:00:00Z'), 'Europe/Prague', 'cs'), /10:00 SELČ$/);
  assert.match(
    formatWhen(new Date('2026-03-30T08:00:00Z'), 'Europe/Ljubljana', 'sl'),
    /^ponedeljek, .* 10:00 CEST$/,
  );
  assert.match(
    formatWhen(new Date('2026-03-27T09:00:00Z'), 'Europe/Ljubljana', 'sl'),
    /10:00 CET$/,
  );
});

test('weekday names follow the reader language', () => {
  assert.equal(weekdayName(1, 'sl'), 'ponedeljek');
  assert.equal(weekdayName(7, 'cs'), 'neděle');
  assert.equal(weekdayName(3, 'en'), 'Wednesday');
});

test('column headings use the short weekday names each language prints, not cut-off long names', () => {
  const short = (lang: 'sl' | 'cs' | 'en') =>
    [1, 2, 3, 4, 5, 6, 7].map((d) => weekdayShort(d, lang));
  assert.deepEqual(short('sl'), ['pon', 'tor', 'sre', 'čet', 'pet', 'sob', 'ned']);
  assert.deepEqual(short('cs'), ['po', 'út', 'st', 'čt', 'pá', 'so', 'ne']);
  assert.deepEqual(short('en'), ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
});
