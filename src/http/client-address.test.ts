import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { parseConfig } from '../config/config.ts';
import { trustProxyOption } from './client-address.ts';

async function ipSeen(
  trustProxy: string,
  remoteAddress: string,
  forwarded: string,
): Promise<string> {
  const parsed = parseConfig({ TRUST_PROXY: trustProxy });
  assert.ok(parsed.ok);
  const app = Fastify({ trustProxy: trustProxyOption(parsed.config.trustProxy) });
  app.get('/', async (request) => request.ip);
  const res = await app.inject({
    method: 'GET',
    url: '/',
    remoteAddress,
    headers: { 'x-forwarded-for': forwarded },
  });
  await app.close();
  return res.body;
}

test('a hop count believes that many proxies and no entry a client wrote before them', async () => {
  assert.equal(await ipSeen('1', '10.0.0.2', '127.0.0.1, 203.0.113.5'), '203.0.113.5');
  assert.equal(await ipSeen('2', '10.0.0.2', '127.0.0.1, 203.0.113.5, 10.0.0.9'), '203.0.113.5');
  assert.equal(await ipSeen('false', '10.0.0.2', '127.0.0.1'), '10.0.0.2');
});

test('proxy addresses: only a listed peer is believed, a direct client is taken at its socket', async () => {
  assert.equal(await ipSeen('10.0.0.0/24', '10.0.0.2', '127.0.0.1, 203.0.113.5'), '203.0.113.5');
  assert.equal(await ipSeen('10.0.0.0/24', '198.51.100.7', '127.0.0.1'), '198.51.100.7');
  // Through two listed proxies the client is the first address not on the list.
  assert.equal(
    await ipSeen('10.0.0.0/24,loopback', '127.0.0.1', '1.1.1.1, 203.0.113.5, 10.0.0.2'),
    '203.0.113.5',
  );
});
