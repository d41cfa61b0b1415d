import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateFormat, dateOf, dayName, monthName, stampOf, timeOf } from './dates.ts';

test('local dates read the same in every zone, in the reader\'s language', () => {
  assert.equal(dayName('2026-11-24', 'en'), 'Tuesday, 24 November 2026');
  assert.match(dayName('2026-11-24', 'sl'), /^torek, 24\. november 2026$/);
  assert.match(dateOf('2026-03-01', 'cs'), /^1\. ?3\. ?2026$/);
  assert.match(monthName('2026-03', 'en'), /^March 2026$/);
});

test('instants are shown in the zone asked for, across a change of summer time', () => {
  assert.equal(timeOf(new Date('2026-03-28T08:30:00Z'), 'Europe/Ljubljana', 'en'), '09:30');
  assert.equal(timeOf(new Date('2026-03-30T08:30:00Z'), 'Europe/Ljubljana', 'en'), '10:30');
  assert.match(stampOf(new Date('2026-03-30T08:30:05Z'), 'Europe/Prague', 'en'), /30\/03\/2026, 10:30:05/);
});

test('a format is made once per language, zone and kind', () => {
  assert.equal(dateFormat('sl', 'Europe/Ljubljana', 'short'), dateFormat('sl', 'Europe/Ljubljana', 'short'));
  assert.notEqual(dateFormat('sl', 'Europe/Ljubljana', 'short'), dateFormat('sl', 'Europe/Prague', 'short'));
  assert.notEqual(dateFormat('sl', 'Europe/Ljubljana', 'short'), dateFormat('cs', 'Europe/Ljubljana', 'short'));
});
