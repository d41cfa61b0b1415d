import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../lib/errors.ts';
import {
  DEFAULT_REFERENCE_PATTERN,
  formatReference,
  parsePattern,
  referenceYear,
} from './reference.ts';

test('the issue example: MUKO/{year}/{seq:5}', () => {
  assert.equal(formatReference('MUKO/{year}/{seq:5}', 2026, 123), 'MUKO/2026/00123');
  assert.equal(formatReference('UEDOM-{seq:3}/{year}', 2026, 7), 'UEDOM-007/2026');
  assert.equal(formatReference(DEFAULT_REFERENCE_PATTERN, 2027, 1), '2027/00001');
  // Padding is a minimum: the 100,000th number of a year is not cut.
  assert.equal(formatReference('{year}/{seq:5}', 2026, 123456), '2026/123456');
  assert.equal(formatReference('{year}-{seq}', 2026, 9), '2026-9');
});

test('a pattern without exactly one year and one sequence, or with odd characters, is refused', () => {
  for (const bad of [
    '',
    'MUKO/{seq:5}',
    'MUKO/{year}',
    '{year}/{year}/{seq}',
    '{year}/{seq}/{seq}',
    '{year} {seq}',
    '{year}/{seq:0}',
    '{year}/{seq:10}',
    '{year}/{seq}<script>',
    'Č/{year}/{seq}',
    '{yy}/{seq}',
    `${'A'.repeat(40)}{year}{seq}`,
  ])
    assert.throws(
      () => parsePattern(bad),
      (err: unknown) => err instanceof AppError && err.code === 'invalid_input',
      bad,
    );
});

test('distinct sequences of one year and pattern never give the same reference (property)', () => {
  const literal = fc.stringMatching(/^[A-Za-z0-9/._-]{0,6}$/);
  fc.assert(
    fc.property(
      literal,
      literal,
      literal,
      fc.integer({ min: 1, max: 9 }),
      fc.integer({ min: 1900, max: 2200 }),
      fc.integer({ min: 1, max: 10_000_000 }),
      fc.integer({ min: 1, max: 10_000_000 }),
      (a, b, c, width, year, s1, s2) => {
        const pattern = `${a}{year}${b}{seq:${width}}${c}`;
        fc.pre(s1 !== s2);
        assert.notEqual(formatReference(pattern, year, s1), formatReference(pattern, year, s2));
      },
    ),
  );
});

test('the year is the organisation’s local year, at both ends of it', () => {
  // 31 Dec 2026 23:30 UTC is 1 Jan 2027 00:30 in Prague and Ljubljana (winter time, UTC+1).
  assert.equal(referenceYear(new Date('2026-12-31T23:30:00Z'), 'Europe/Prague'), 2027);
  assert.equal(referenceYear(new Date('2026-12-31T22:59:59Z'), 'Europe/Ljubljana'), 2026);
  assert.equal(referenceYear(new Date('2026-12-31T23:00:00Z'), 'Europe/Ljubljana'), 2027);
  assert.equal(referenceYear(new Date('2027-01-01T00:30:00Z'), 'America/New_York'), 2026);
});
