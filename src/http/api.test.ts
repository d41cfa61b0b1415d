import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { JsonBytes, acceptsGzip } from './api.ts';

test('Accept-Encoding: gzip is taken unless refused with q=0', () => {
  assert.equal(acceptsGzip(undefined), false);
  assert.equal(acceptsGzip(''), false);
  assert.equal(acceptsGzip('identity'), false);
  assert.equal(acceptsGzip('br, deflate'), false);
  assert.equal(acceptsGzip('gzip, deflate, br'), true);
  assert.equal(acceptsGzip('GZIP'), true);
  assert.equal(acceptsGzip('br;q=1.0, gzip;q=0.5'), true);
  assert.equal(acceptsGzip('gzip;q=0'), false);
  assert.equal(acceptsGzip('*'), true);
  assert.equal(acceptsGzip('*;q=0, identity'), false);
});

test('JsonBytes keeps the JSON and its gzip, compressed once', () => {
  const body = new JsonBytes({ a: 'čšž', n: [1, 2, 3] });
  assert.deepEqual(JSON.parse(body.bytes.toString()), { a: 'čšž', n: [1, 2, 3] });
  assert.equal(body.gzipped, body.gzipped);
  assert.deepEqual(gunzipSync(body.gzipped), body.bytes);
});
