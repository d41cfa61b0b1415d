import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarQuery, holdQuery, instant, manageQuery, moveQuery, typedCode } from './schema.ts';

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

test('a calendar link with a malformed month or day shows the calendar without them', () => {
  assert.deepEqual(calendarQuery.parse({ month: '2026-12', day: '2026-12-24' }), {
    month: '2026-12',
    day: '2026-12-24',
  });
  // A day that does not exist once crashed the page's date format (a 500).
  for (const day of ['2026-12-99', '2026-02-30', '2026-13-01', '24. 12.', ['2026-12-24', 'x']])
    assert.equal(calendarQuery.parse({ day }).day, undefined, String(day));
  for (const month of ['2026-13', '2026-1', 'december', ['2026-12', '2027-01']])
    assert.equal(calendarQuery.parse({ month }).month, undefined, String(month));
  assert.equal(calendarQuery.parse({ day: '2028-02-29' }).day, '2028-02-29');
});

test('notice flags are set by exactly 1; the move page shows the calendar unless one start is given', () => {
  assert.deepEqual(manageQuery.parse({ confirmed: '1', moved: ['1', '1'], cancelled: 'yes' }), {
    confirmed: true,
    cancelled: false,
    moved: false,
  });
  // A link without the flag (most of them) is no flag, not a 400.
  assert.deepEqual(manageQuery.parse({}), { confirmed: false, cancelled: false, moved: false });
  assert.deepEqual(holdQuery.parse({ lang: 'en' }), { resent: false });
  assert.equal(moveQuery.parse({}).start, undefined);
  assert.equal(moveQuery.parse({ start: ['2026-12-07T08:00:00Z', 'x'] }).start, undefined);
  assert.equal(
    moveQuery.parse({ start: '2026-12-07T08:00:00Z' }).start?.toISOString(),
    '2026-12-07T08:00:00.000Z',
  );
  assert.equal(moveQuery.safeParse({ start: 'soon' }).success, false);
  assert.deepEqual(typedCode.parse({ code: '12345678' }), { code: '123456' });
  assert.deepEqual(typedCode.parse({ code: ['1', '2'] }), { code: '' });
});
