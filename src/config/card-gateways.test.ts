import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { emulatedMerchant, type EmulatedMerchant } from '../payments/gateway/testing.ts';
import { cardGatewayPlan, merchantFor } from './card-gateways.ts';
import { parseConfig } from './config.ts';

let m: EmulatedMerchant;
before(async () => {
  m = await emulatedMerchant({ organisations: ['koprivnice'] });
});
after(() => m.emulator.close());

const production = {
  NODE_ENV: 'production',
  SMTP_URL: 'smtp://mail.example:25',
  FILE_SCAN: 'off',
  PUBLIC_URL: 'https://okence.example.org',
};

test('a merchants file loads with its encrypted key, and serves the organisations it names', () => {
  const r = parseConfig({ GPWEBPAY_MERCHANTS_FILE: m.file });
  assert.ok(r.ok);
  const [merchant] = r.config.cardMerchants;
  assert.equal(merchant?.merchantNumber, '1234567890');
  assert.equal(merchant?.wsUrl, m.emulator.wsUrl);
  assert.equal(merchantFor(r.config.cardMerchants, 'koprivnice'), merchant);
  assert.equal(merchantFor(r.config.cardMerchants, 'maribor'), null);
  assert.equal(cardGatewayPlan(r.config), 'configured');
});

test('a wrong password, a missing key, a bad entry or one organisation twice stop the start', () => {
  const dir = dirname(m.file);
  const entry = JSON.parse(readFileSync(m.file, 'utf8'))[0] as Record<string, unknown>;
  const write = (name: string, list: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(list));
    return path;
  };
  writeFileSync(join(dir, 'wrong.pass'), 'not-it');
  const cases: [unknown, RegExp][] = [
    [[{ ...entry, privateKeyPasswordFile: 'wrong.pass' }], /a key cannot be read/],
    [[{ ...entry, gpPublicKeyFile: 'missing.pem' }], /a key cannot be read/],
    [[{ ...entry, provider: '1' }], /provider: four digits/],
    [[{ ...entry, extra: 1 }], /Unrecognized key/],
    [[entry, entry], /koprivnice has two merchants/],
    [[], /config|Too small|>=1/i],
  ];
  for (const [i, [list, message]] of cases.entries()) {
    const r = parseConfig({ GPWEBPAY_MERCHANTS_FILE: write(`case${i}.json`, list) });
    assert.ok(!r.ok, `case ${i}`);
    assert.match(r.errors[0] ?? '', /^GPWEBPAY_MERCHANTS_FILE: /);
    assert.match(r.errors[0] ?? '', message, `case ${i}`);
  }
});

test('the emulator is for trying Okence out only: never in production, not without demo data', () => {
  const dev = parseConfig({});
  assert.ok(dev.ok);
  assert.equal(cardGatewayPlan(dev.config), 'emulator');
  const noDemo = parseConfig({ DEMO_DATA: 'false' });
  assert.ok(noDemo.ok && cardGatewayPlan(noDemo.config) === 'none');
  const tests = parseConfig({ NODE_ENV: 'test', DEMO_DATA: 'true' });
  assert.ok(tests.ok && cardGatewayPlan(tests.config) === 'none');
  const prodDemo = parseConfig({ ...production, DEMO_DATA: 'true' });
  assert.ok(prodDemo.ok && prodDemo.config.demoData);
  assert.equal(cardGatewayPlan(prodDemo.config), 'none');
});
