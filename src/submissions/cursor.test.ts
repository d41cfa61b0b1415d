import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeCursor, encodeCursor } from './cursor.ts';

test('property: a cursor reads back as the position it was made from', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: 1n, max: 2n ** 62n }), fc.uuid(), (x, id) => {
      const p = { xact: String(x), id };
      assert.deepEqual(decodeCursor(encodeCursor(p)), p);
    }),
  );
});

test('a cursor the API did not give is refused, never read as some position', () => {
  for (const bad of [
    '',
    'abc',
    '../etc',
    Buffer.from('1.0.x').toString('base64url'),
    Buffer.from("1.5.00000000-0000-0000-0000-000000000000' OR 1=1").toString('base64url'),
    Buffer.from('2.5.00000000-0000-0000-0000-000000000000').toString('base64url'),
    Buffer.from('1.5.00000000-0000-0000-0000-000000000000.1').toString('base64url'),
  ])
    assert.equal(decodeCursor(bad), null, bad);
});

test('property: arbitrary strings never throw', () => {
  fc.assert(fc.property(fc.string(), (s) => void decodeCursor(s)));
});
