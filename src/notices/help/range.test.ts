import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseRange } from './range.ts';

test('a range from a byte, to a byte, or the last bytes', () => {
  assert.deepEqual(parseRange('bytes=0-99', 1000), { start: 0, end: 99 });
  assert.deepEqual(parseRange('bytes=900-', 1000), { start: 900, end: 999 });
  assert.deepEqual(parseRange('bytes=-100', 1000), { start: 900, end: 999 });
  assert.deepEqual(parseRange('bytes=990-5000', 1000), { start: 990, end: 999 }, 'cut at the end');
  assert.deepEqual(parseRange('bytes=-5000', 1000), { start: 0, end: 999 });
});

test('past the end is unsatisfiable; what does not parse is the whole body', () => {
  assert.equal(parseRange('bytes=1000-', 1000), 'unsatisfiable');
  assert.equal(parseRange('bytes=-0', 1000), 'unsatisfiable');
  assert.equal(parseRange('bytes=-10', 0), 'unsatisfiable');
  for (const header of [undefined, 'bytes=5-1', 'bytes=-', 'items=0-1', 'bytes=0-1,5-9', 'x']) {
    assert.equal(parseRange(header, 1000), null, String(header));
  }
});

test('any range it gives lies inside the body and is not empty', () => {
  fc.assert(
    fc.property(
      fc.nat(10_000),
      fc.option(fc.nat(20_000), { nil: undefined }),
      fc.option(fc.nat(20_000), { nil: undefined }),
      (size, a, b) => {
        const header = `bytes=${a ?? ''}-${b ?? ''}`;
        const range = parseRange(header, size);
        if (range === null || range === 'unsatisfiable') return;
        assert.ok(range.start >= 0 && range.start <= range.end && range.end < size, header);
      },
    ),
  );
});
