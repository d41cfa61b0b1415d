import { test } from 'node:test';
import assert from 'node:assert/strict';
import { instant } from './schema.ts';

test('a slot start is an instant within the years the calendar covers, as the API takes it', () => {
  assert.equal(
    instant.parse('2026-12-07T08:00:00+01:00').toISOString(),
    '2026-12-07T07:00:00.000Z',
  );
  for (const bad of [
    '9999-12-31T23:59:59Z',
    '9000-01-01T00:00:00Z',
    '1969-12-31T23:59:59Z',
    '0001-01-01T00:00:00Z',
    '2026-12-07',
    'soon',
  ]) {
    assert.equal(instant.safeParse(bad).success, false, bad);
  }
});
