import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { RETRY_WAITS_MS, nextAttemptAt, postWebhook } from './delivery.ts';
import { newWebhookSecret, webhookRefusal } from './webhook.ts';

test('the retry schedule: eight attempts over about 27.5 hours, then given up', () => {
  const t0 = new Date('2026-12-02T10:00:00Z');
  assert.equal(nextAttemptAt(1, t0)?.toISOString(), '2026-12-02T10:00:05.000Z');
  assert.equal(nextAttemptAt(2, t0)?.toISOString(), '2026-12-02T10:05:00.000Z');
  assert.equal(nextAttemptAt(7, t0)?.toISOString(), '2026-12-02T20:00:00.000Z');
  assert.equal(nextAttemptAt(8, t0), null);
  const total = RETRY_WAITS_MS.reduce((a, b) => a + b, 0);
  assert.equal(total, 27.5 * 3_600_000 + 5 * 60_000 + 5_000);
});

describe('a webhook to a receiver on loopback', () => {
  const secret = newWebhookSecret();
  let answer: (req: IncomingMessage, res: ServerResponse, body: string) => void;
  const received: { id: string; body: string; refusal: string | null }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      received.push({
        id: String(req.headers['webhook-id']),
        body,
        refusal: webhookRefusal(secret, req.headers, body, new Date()),
      });
      answer(req, res, body);
    });
  });
  let url: string;
  before(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/intake`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  const message = (id: string) => ({
    url,
    secret,
    id,
    body: JSON.stringify({ reference: 'MUKO/2026/00001', žádost: 'Přihlášení psa' }),
    at: new Date(),
    allowLoopback: true,
  });

  test('a 2xx delivers; the receiver finds the signature valid and the body intact', async () => {
    answer = (_req, res) => res.writeHead(204).end();
    assert.deepEqual(await postWebhook(message('msg_1')), { delivered: true, status: 204 });
    const last = received.at(-1)!;
    assert.equal(last.refusal, null);
    assert.equal(JSON.parse(last.body).žádost, 'Přihlášení psa');
  });

  test('an error answer, a redirect and a silent receiver are failures with their reason', async () => {
    answer = (_req, res) => res.writeHead(503).end('busy');
    assert.deepEqual(await postWebhook(message('msg_2')), {
      delivered: false,
      status: 503,
      reason: 'HTTP 503',
    });
    answer = (_req, res) => res.writeHead(302, { location: 'http://127.0.0.1:1/' }).end();
    assert.deepEqual(await postWebhook(message('msg_3')), {
      delivered: false,
      status: 302,
      reason: 'HTTP 302',
    });
    let hold: ServerResponse | undefined;
    answer = (_req, res) => (hold = res);
    const slow = await postWebhook({ ...message('msg_4'), timeoutMs: 300 });
    hold?.writeHead(200).end();
    assert.deepEqual(slow, { delivered: false, status: null, reason: 'timed out' });
  });

  test('a receiver that is down: connection refused', async () => {
    const down = createServer();
    await new Promise<void>((r) => down.listen(0, '127.0.0.1', r));
    const port = (down.address() as AddressInfo).port;
    await new Promise<void>((r) => down.close(() => r()));
    const attempt = await postWebhook({ ...message('msg_5'), url: `http://127.0.0.1:${port}/` });
    assert.deepEqual(attempt, { delivered: false, status: null, reason: 'connection refused' });
  });

  test('without the loopback setting, loopback is refused by address and by name, and nothing is sent', async () => {
    const before = received.length;
    for (const target of [url, url.replace('127.0.0.1', 'localhost')]) {
      const attempt = await postWebhook({
        ...message('msg_6'),
        url: target.replace('http:', 'https:'),
        allowLoopback: false,
      });
      assert.deepEqual(
        attempt,
        { delivered: false, status: null, reason: 'address not allowed (not a public address)' },
        target,
      );
    }
    // http to loopback is refused too unless the setting is on, whatever the name says.
    const plain = await postWebhook({ ...message('msg_7'), allowLoopback: false });
    assert.equal(plain.delivered, false);
    assert.equal(received.length, before, 'the receiver saw nothing');
  });
});
