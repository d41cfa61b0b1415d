import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bearerToken,
  hashApiToken,
  lastUseDue,
  looksLikeToken,
  newToken,
  parseScopes,
} from './domain.ts';

test('a new token is okn_ and 43 base64url characters, different each time, and looks like one', () => {
  const a = newToken();
  const b = newToken();
  assert.match(a, /^okn_[A-Za-z0-9_-]{43}$/);
  assert.notEqual(a, b);
  assert.ok(looksLikeToken(a));
  assert.equal(Buffer.from(a.slice(4), 'base64url').length, 32);
  for (const bad of ['', 'okn_', a.slice(0, -1), `${a}x`, a.replace('okn_', 'okx_'), `${a} `])
    assert.equal(looksLikeToken(bad), false, bad);
});

test('the hash is hex SHA-256 of the whole token', () => {
  assert.equal(
    hashApiToken('abc'),
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  );
  assert.match(hashApiToken(newToken()), /^[0-9a-f]{64}$/);
  assert.notEqual(hashApiToken('okn_a'), hashApiToken('okn_b'));
});

test('the bearer token is read from the Authorization header, any case of the scheme', () => {
  assert.equal(bearerToken('Bearer okn_abc'), 'okn_abc');
  assert.equal(bearerToken('bearer  okn_abc'), 'okn_abc');
  assert.equal(bearerToken(undefined), null);
  assert.equal(bearerToken('Basic dXNlcjpwYXNz'), null);
  assert.equal(bearerToken('Bearer'), null);
  assert.equal(bearerToken('Bearer a b'), null);
});

test('a use is written down at most once a minute', () => {
  const t = new Date('2026-12-03T10:00:00Z');
  assert.ok(lastUseDue(null, t));
  assert.equal(lastUseDue(new Date(t.getTime() - 59_999), t), false);
  assert.ok(lastUseDue(new Date(t.getTime() - 60_000), t));
});

test('scopes: known ones each once in a fixed order, an unknown one refused', () => {
  assert.deepEqual(parseScopes(['submissions:read', 'submissions:read']), ['submissions:read']);
  assert.deepEqual(parseScopes([]), []);
  assert.equal(parseScopes(['submissions:write']), null);
});
