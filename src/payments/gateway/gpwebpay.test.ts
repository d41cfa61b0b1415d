import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import {
  DECLINED_CARD,
  startGpWebpayEmulator,
  type GpWebpayEmulator,
} from './gpwebpay-emulator.ts';
import {
  asciiDescription,
  digestText,
  outcomeOfCodes,
  privateKeyFromPem,
  publicKeyFromPem,
  REQUEST_DIGEST_ORDER,
  signDigest,
  verifyDigest,
} from './gpwebpay-protocol.ts';
import {
  createOrderParams,
  GatewayUnavailable,
  gpWebpayGateway,
  type GpWebpayMerchant,
} from './gpwebpay.ts';

const merchantKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const request = {
  orderNumber: '100001',
  amountMinor: 150000,
  currency: 'CZK',
  description: 'Poplatek ze psů | 2026',
  reference: '2026001',
  returnUrl: 'http://okence.test/pay/card/return',
};

let emu: GpWebpayEmulator;
let merchant: GpWebpayMerchant;
before(async () => {
  emu = await startGpWebpayEmulator({
    merchantPublicKey: merchantKeys.publicKey,
    merchantNumber: '1234567890',
  });
  merchant = {
    merchantNumber: emu.merchantNumber,
    provider: emu.provider,
    orderUrl: emu.orderUrl,
    wsUrl: emu.wsUrl,
    privateKey: merchantKeys.privateKey,
    gpPublicKey: emu.publicKey,
  };
});
after(() => emu.close());

/** Opens the payment page our redirect points to, as the browser would (GET). */
async function openPage(url: string): Promise<Response> {
  return fetch(url, { redirect: 'manual' });
}
/** Presses a button on the emulator's page; the 303's Location is our return URL. */
async function press(
  orderNumber: string,
  action: 'pay' | 'cancel',
  card = '4111111111111111',
): Promise<string> {
  const res = await fetch(`${emu.origin}/pgw/pay`, {
    method: 'POST',
    body: new URLSearchParams({ ORDERNUMBER: orderNumber, action, card }),
    redirect: 'manual',
  });
  assert.equal(res.status, 303);
  return res.headers.get('location') ?? '';
}
const paramsOf = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('GP webpay signatures', () => {
  test('CREATE_ORDER is signed over the specification field order', () => {
    const p = createOrderParams(merchant, request);
    assert.equal(
      digestText(p, REQUEST_DIGEST_ORDER),
      `${merchant.merchantNumber}|CREATE_ORDER|100001|150000|203|1|2026001|http://okence.test/pay/card/return|Poplatek ze psu 2026`,
    );
    assert.ok(verifyDigest(digestText(p, REQUEST_DIGEST_ORDER), p.DIGEST, merchantKeys.publicKey));
    assert.equal(createOrderParams(merchant, { ...request, currency: 'EUR' }).CURRENCY, '978');
    assert.throws(() => createOrderParams(merchant, { ...request, currency: 'XXX' }));
  });

  test('a fixed vector: the digest OpenSSL made for a fixed key and CREATE_ORDER text', () => {
    // testdata/: a throwaway 1024-bit key and `openssl dgst -sha1 -sign vector.key vector.txt |
    // base64 -w0` (OpenSSL 3.0.19) — an independent implementation of the same RSA-SHA1 PKCS#1 v1.5.
    const dir = join(import.meta.dirname, 'testdata');
    const key = privateKeyFromPem(readFileSync(join(dir, 'vector.key'), 'utf8'));
    const text = readFileSync(join(dir, 'vector.txt'), 'utf8');
    const expected = readFileSync(join(dir, 'vector.digest'), 'utf8').trim();
    const p = createOrderParams(
      { ...merchant, merchantNumber: '1234567890', privateKey: key },
      {
        ...request,
        returnUrl: 'https://okence.example/pay/card/return',
      },
    );
    assert.equal(digestText(p, REQUEST_DIGEST_ORDER), text);
    assert.equal(p.DIGEST, expected);
    assert.ok(
      verifyDigest(
        text,
        expected,
        publicKeyFromPem(String(createPublicKey(key).export({ type: 'spki', format: 'pem' }))),
      ),
    );
  });

  test('sign/verify round trip; any other text or digest fails', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (text, other) => {
        const d = signDigest(text, merchantKeys.privateKey);
        assert.ok(verifyDigest(text, d, merchantKeys.publicKey));
        if (other !== text) assert.ok(!verifyDigest(other, d, merchantKeys.publicKey));
      }),
      { numRuns: 25 },
    );
    assert.ok(!verifyDigest('x', 'not base64!', merchantKeys.publicKey));
    assert.ok(!verifyDigest('x', undefined, merchantKeys.publicKey));
  });

  test('keys load from PEM, an encrypted private key with its password', () => {
    const pem = merchantKeys.privateKey.export({
      type: 'pkcs8',
      format: 'pem',
      cipher: 'aes-256-cbc',
      passphrase: 'heslo',
    });
    const key = privateKeyFromPem(String(pem), 'heslo');
    assert.ok(
      verifyDigest(
        'a',
        signDigest('a', key),
        publicKeyFromPem(String(merchantKeys.publicKey.export({ type: 'spki', format: 'pem' }))),
      ),
    );
    assert.throws(() => privateKeyFromPem(String(pem), 'wrong'));
  });

  test('PRCODE/SRCODE: 0/0 approved, 50 cancelled, declines and request errors never approved', () => {
    assert.equal(outcomeOfCodes('0', '0'), 'approved');
    assert.equal(outcomeOfCodes('50', '0'), 'cancelled');
    assert.equal(outcomeOfCodes('30', '1002'), 'declined');
    assert.equal(outcomeOfCodes('28', '3000'), 'declined');
    assert.equal(outcomeOfCodes('0', '1'), 'declined');
    assert.equal(outcomeOfCodes('14', '0'), 'declined');
  });

  test('the description is ASCII without the digest separator', () => {
    assert.equal(
      asciiDescription('Občina Žužemberk – takse | 2026'),
      'Obcina Zuzemberk takse 2026',
    );
    fc.assert(
      fc.property(fc.string(), (s) =>
        assert.match(asciiDescription(s), /^[\x20-\x7b\x7d\x7e]{0,255}$/),
      ),
    );
  });
});

describe('GP webpay against the emulator', () => {
  const gateway = () => gpWebpayGateway(merchant);

  test('pay: the page opens, the return verifies as approved, the state query says paid', async () => {
    const start = gateway().startUrl({ ...request, orderNumber: '200001' });
    assert.ok(start.startsWith(emu.orderUrl));
    const page = await openPage(start);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<button name="action" value="pay">Pay<\/button>/);
    const waiting = await gateway().queryState('200001');
    assert.equal(waiting.outcome, 'pending');
    assert.equal(waiting.answer.status, 'PENDING_AUTHORIZATION');
    assert.match(waiting.answer.messageId ?? '', /^[0-9a-f]{32}$/);
    const back = paramsOf(await press('200001', 'pay'));
    const read = gateway().readReturn(back);
    assert.ok(read.ok);
    assert.equal(read.orderNumber, '200001');
    assert.equal(read.outcome, 'approved');
    const state = await gateway().queryState('200001');
    assert.equal(state.outcome, 'paid');
    assert.equal(state.answer.status, 'CAPTURED');
  });

  test('decline and cancel come back signed, and the state query agrees', async () => {
    await openPage(gateway().startUrl({ ...request, orderNumber: '200002' }));
    const declined = gateway().readReturn(paramsOf(await press('200002', 'pay', DECLINED_CARD)));
    assert.ok(declined.ok && declined.outcome === 'declined');
    assert.equal((await gateway().queryState('200002')).outcome, 'declined');
    await openPage(gateway().startUrl({ ...request, orderNumber: '200003' }));
    const cancelled = gateway().readReturn(paramsOf(await press('200003', 'cancel')));
    assert.ok(cancelled.ok && cancelled.outcome === 'cancelled');
  });

  test('a forged DIGEST, a tampered field, another merchant’s DIGEST1 are refused', async () => {
    await openPage(gateway().startUrl({ ...request, orderNumber: '200004' }));
    emu.decide('200004', 'decline');
    const good = paramsOf(emu.signedReturnUrl('200004'));
    assert.ok(gateway().readReturn(good).ok);
    assert.deepEqual(gateway().readReturn({ ...good, PRCODE: '0', SRCODE: '0' }), {
      ok: false,
      reason: 'bad_signature',
    });
    assert.deepEqual(gateway().readReturn({ ...good, ORDERNUMBER: '200005' }), {
      ok: false,
      reason: 'bad_signature',
    });
    const forger = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const text = digestText({ ...good, PRCODE: '0', SRCODE: '0' }, [
      'OPERATION',
      'ORDERNUMBER',
      'MERORDERNUM',
      'PRCODE',
      'SRCODE',
      'RESULTTEXT',
    ]);
    const forged = {
      ...good,
      PRCODE: '0',
      SRCODE: '0',
      DIGEST: signDigest(text, forger.privateKey),
      DIGEST1: signDigest(`${text}|${merchant.merchantNumber}`, forger.privateKey),
    };
    assert.equal(gateway().readReturn(forged).ok, false);
    const otherMerchant = gpWebpayGateway({ ...merchant, merchantNumber: '999' });
    assert.equal(otherMerchant.readReturn(good).ok, false, 'DIGEST1 binds the merchant number');
    assert.equal(
      gateway().readReturn({ ...good, DIGEST1: undefined as unknown as string }).ok,
      false,
    );
  });

  test('the emulator refuses a request not signed by the merchant', async () => {
    const url = new URL(gateway().startUrl({ ...request, orderNumber: '200006' }));
    url.searchParams.set('AMOUNT', '1');
    assert.equal((await openPage(url.toString())).status, 400);
    assert.equal(emu.orders.has('200006'), false);
  });

  test('an order the gateway never saw is unknown; a gateway down or a forged answer throws', async () => {
    assert.equal((await gateway().queryState('299999')).outcome, 'unknown');
    emu.wsDown = true;
    await assert.rejects(gateway().queryState('200001'), GatewayUnavailable);
    emu.wsDown = false;
    const notGp = gpWebpayGateway({ ...merchant, gpPublicKey: merchantKeys.publicKey });
    await assert.rejects(notGp.queryState('200001'), GatewayUnavailable);
    const notUs = gpWebpayGateway({
      ...merchant,
      privateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
    });
    await assert.rejects(
      notUs.queryState('200001'),
      /31/,
      'the gateway refuses a query we did not sign',
    );
  });
});
