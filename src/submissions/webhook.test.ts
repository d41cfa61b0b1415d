import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  TOLERANCE_SECONDS,
  newWebhookSecret,
  signWebhook,
  webhookHeaders,
  webhookRefusal,
} from './webhook.ts';

// The scheme's own test vector (standard-webhooks, libraries/javascript/src/webhook.test.ts).
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const AT = new Date(1614265330 * 1000);
const BODY = '{"test": 2432232314}';

test('the Standard Webhooks test vector, with and without the whsec_ prefix', () => {
  const expected = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
  assert.equal(signWebhook(SECRET, ID, AT, BODY), expected);
  assert.equal(signWebhook(SECRET.slice('whsec_'.length), ID, AT, BODY), expected);
  assert.throws(() => signWebhook('whsec_', ID, AT, BODY), /empty/);
});

test('a receiver accepts the headers, and refuses every change', () => {
  const headers = webhookHeaders(SECRET, ID, AT, BODY);
  const at = (s: number) => new Date(AT.getTime() + s * 1000);
  assert.equal(webhookRefusal(SECRET, headers, BODY, AT), null);
  assert.equal(webhookRefusal(SECRET, headers, BODY, at(TOLERANCE_SECONDS)), null);
  assert.equal(
    webhookRefusal(SECRET, headers, BODY, at(TOLERANCE_SECONDS + 1)),
    'timestamp too old or new',
  );
  assert.equal(
    webhookRefusal(SECRET, headers, BODY, at(-TOLERANCE_SECONDS - 1)),
    'timestamp too old or new',
  );
  assert.equal(webhookRefusal(SECRET, headers, BODY + ' ', AT), 'no valid signature');
  assert.equal(webhookRefusal(newWebhookSecret(), headers, BODY, AT), 'no valid signature');
  assert.equal(
    webhookRefusal(SECRET, { ...headers, 'webhook-id': 'msg_other' }, BODY, AT),
    'no valid signature',
  );
  assert.equal(
    webhookRefusal(SECRET, { ...headers, 'webhook-timestamp': '1614265331' }, BODY, at(1)),
    'no valid signature',
  );
  assert.equal(
    webhookRefusal(SECRET, { ...headers, 'webhook-timestamp': '16e8' }, BODY, AT),
    'bad timestamp',
  );
  assert.equal(
    webhookRefusal(SECRET, { ...headers, 'webhook-signature': 'v1,' }, BODY, AT),
    'no valid signature',
  );
  const { 'webhook-signature': _, ...unsigned } = headers;
  assert.equal(webhookRefusal(SECRET, unsigned, BODY, AT), 'missing headers');
  // Several signatures (a key being rotated): one valid is enough.
  const several = `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= ${headers['webhook-signature']}`;
  assert.equal(
    webhookRefusal(SECRET, { ...headers, 'webhook-signature': several }, BODY, AT),
    null,
  );
});

test('new secrets are 32 random bytes in the scheme’s form', () => {
  const a = newWebhookSecret();
  assert.match(a, /^whsec_[A-Za-z0-9+/]{43}=$/);
  assert.equal(Buffer.from(a.slice(6), 'base64').length, 32);
  assert.notEqual(a, newWebhookSecret());
});
