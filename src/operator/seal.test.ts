import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sealer } from './seal.ts';

test('a sealed secret opens with the same key and purpose only, and not when tampered with', () => {
  const secret = Buffer.from('12345678901234567890');
  const a = sealer('s'.repeat(43), 'operator-totp');
  const sealed = a.seal(secret);
  assert.ok(!sealed.includes(secret.toString('base64url')), 'not readable in the database');
  assert.notEqual(a.seal(secret), sealed, 'a fresh IV each time');
  assert.deepEqual(a.open(sealed), secret);
  assert.equal(
    sealer('t'.repeat(43), 'operator-totp').open(sealed),
    null,
    'another session secret',
  );
  assert.equal(sealer('s'.repeat(43), 'other').open(sealed), null, 'another purpose');
  const [v, iv, tag, body] = sealed.split('.');
  const flipped = Buffer.from(body!, 'base64url');
  flipped[0]! ^= 1;
  assert.equal(a.open([v, iv, tag, flipped.toString('base64url')].join('.')), null, 'tampered');
  assert.equal(a.open('garbage'), null);
});
