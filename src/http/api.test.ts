import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { JsonBytes, acceptsGzip, isJsonContentType } from './api.ts';

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

test('only JSON is JSON: the types a cross-site form or no-cors fetch can send are not', () => {
  for (const t of [
    'application/json',
    'application/json; charset=utf-8',
    'Application/JSON',
    ' application/json ;x=y',
  ]) {
    assert.equal(isJsonContentType(t), true, t);
  }
  for (const t of [
    undefined,
    '',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/jsonx',
    'text/plain; application/json',
  ]) {
    assert.equal(isJsonContentType(t), false, String(t));
  }
});
