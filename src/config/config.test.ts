import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from './config.ts';
import { resolveSessionSecret } from './secret.ts';

test('defaults give a development setup on port 3000 with demo data', () => {
  const r = parseConfig({});
  assert.ok(r.ok);
  assert.equal(r.config.port, 3000);
  assert.equal(r.config.publicUrl.href, 'http://localhost:3000/');
  assert.equal(r.config.dataDir, './data');
  assert.equal(r.config.demoData, true);
  assert.equal(r.config.databaseUrl, undefined);
});

test('production turns demo data off unless asked for, and needs SMTP', () => {
  const r = parseConfig({
    NODE_ENV: 'production',
    SMTP_URL: 'smtp://mail.example:25',
    FILE_SCAN: 'off',
    PUBLIC_URL: 'https://okence.example.org',
  });
  assert.ok(r.ok && r.config.demoData === false);
  const noSmtp = parseConfig({ NODE_ENV: 'production' });
  assert.ok(!noSmtp.ok && noSmtp.errors[0]?.startsWith('SMTP_URL:'));
  const r2 = parseConfig({
    NODE_ENV: 'production',
    DEMO_DATA: 'true',
    SMTP_URL: 'smtp://mail.example:25',
    CLAMAV_URL: 'tcp://127.0.0.1:3310',
    PUBLIC_URL: 'https://okence.example.org',
  });
  assert.ok(r2.ok && r2.config.demoData === true);
});

test('production needs PUBLIC_URL (links in e-mails are built on it), and PUBLIC_URL has no path', () => {
  const base = { NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example:25', FILE_SCAN: 'off' };
  const missing = parseConfig(base);
  assert.ok(
    !missing.ok && missing.errors[0]?.startsWith('PUBLIC_URL: required'),
    String(!missing.ok && missing.errors),
  );
  assert.ok(parseConfig({ ...base, PUBLIC_URL: 'https://okence.example.org/' }).ok);
  const withPath = parseConfig({ PUBLIC_URL: 'https://example.org/okence/' });
  assert.ok(
    !withPath.ok && withPath.errors[0]?.startsWith('PUBLIC_URL: must be an address without a path'),
  );
});

test('every problem is reported on its own line, naming the variable', () => {
  const r = parseConfig({
    PORT: 'abc',
    DATABASE_URL: 'mysql://x',
    SESSION_SECRET: 'short',
    LOG_LEVEL: 'loud',
  });
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.errors.length, 4);
  for (const name of ['PORT', 'DATABASE_URL', 'SESSION_SECRET', 'LOG_LEVEL']) {
    assert.ok(
      r.errors.some((e) => e.startsWith(`${name}:`)),
      `no line for ${name}: ${r.errors.join(' | ')}`,
    );
  }
  assert.ok(r.errors.every((e) => !e.includes('\n')));
});

test('empty strings count as unset', () => {
  const r = parseConfig({ PORT: '', SMTP_URL: '' });
  assert.ok(r.ok && r.config.port === 3000 && r.config.smtpUrl === undefined);
});

test('session secret is generated once, kept private, and reused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okence-secret-'));
  const a = resolveSessionSecret(undefined, dir);
  const b = resolveSessionSecret(undefined, dir);
  assert.equal(a, b);
  assert.ok(a.length >= 32);
  assert.equal(statSync(join(dir, 'session-secret')).mode & 0o777, 0o600);
  assert.equal(resolveSessionSecret('x'.repeat(40), dir), 'x'.repeat(40));
});

test('the meeting folder keeps files under DATA_DIR by default, with 20 MB / 200 MB limits and every known type', () => {
  const r = parseConfig({ DATA_DIR: '/srv/okence' });
  assert.ok(r.ok);
  assert.equal(r.config.files.dir, '/srv/okence/files');
  assert.equal(r.config.files.maxFileBytes, 20 * 1024 * 1024);
  assert.equal(r.config.files.maxFolderBytes, 200 * 1024 * 1024);
  assert.ok(r.config.files.types.includes('pdf') && r.config.files.types.includes('docx'));
  assert.equal(r.config.files.clamavUrl, undefined);
});

test('file types, limits and the virus scanner are configurable, and bad values are named', () => {
  const r = parseConfig({
    FILE_TYPES: 'PDF, png',
    FILE_MAX_MB: '5',
    CLAMAV_URL: 'tcp://127.0.0.1:3310',
  });
  assert.ok(r.ok);
  assert.deepEqual(r.config.files.types, ['pdf', 'png']);
  assert.equal(r.config.files.maxFileBytes, 5 * 1024 * 1024);
  assert.ok(parseConfig({ CLAMAV_URL: 'unix:///run/clamav/clamd.ctl' }).ok);
  const bad = parseConfig({ FILE_TYPES: 'pdf,exe', CLAMAV_URL: 'http://x' });
  assert.ok(!bad.ok);
  if (bad.ok) return;
  assert.ok(
    bad.errors.some((e) => e.startsWith('FILE_TYPES')),
    bad.errors.join(' | '),
  );
  assert.ok(
    bad.errors.some((e) => e.startsWith('CLAMAV_URL:')),
    bad.errors.join(' | '),
  );
});

test('production scans uploads with clamd unless FILE_SCAN=off says otherwise', () => {
  const base = {
    NODE_ENV: 'production',
    SMTP_URL: 'smtp://mail.example:25',
    PUBLIC_URL: 'https://okence.example.org',
  };
  const missing = parseConfig(base);
  assert.ok(!missing.ok && missing.errors[0]?.startsWith('CLAMAV_URL:'));
  assert.ok(parseConfig({ ...base, CLAMAV_URL: 'unix:///run/clamav/clamd.ctl' }).ok);
  assert.ok(parseConfig({ ...base, FILE_SCAN: 'off' }).ok);
  assert.ok(!parseConfig({ FILE_SCAN: 'clamav' }).ok, 'asking for scanning needs a scanner');
});

test('TRUST_PROXY takes a hop count or proxy addresses, never a blanket true', () => {
  const trust = (v: string | undefined) => {
    const r = parseConfig({ TRUST_PROXY: v });
    return r.ok ? r.config.trustProxy : r.errors;
  };
  assert.equal(trust(undefined), false);
  assert.equal(trust('false'), false);
  assert.equal(trust('0'), false);
  assert.equal(trust('1'), 1);
  assert.equal(trust('2'), 2);
  assert.deepEqual(trust('10.0.0.5, 10.1.0.0/16,::1,fd00::/8,loopback'), [
    '10.0.0.5',
    '10.1.0.0/16',
    '::1',
    'fd00::/8',
    'loopback',
  ]);
  for (const blanket of ['true', 'yes', 'TRUE']) {
    const errors = trust(blanket);
    assert.ok(Array.isArray(errors) && errors.length === 1, `${blanket} is refused`);
    assert.match(String(errors[0]), /^TRUST_PROXY: .*number of proxies .*addresses/);
  }
  for (const bad of ['10.0.0.300', '10.0.0.0/33', 'proxy.example', '11', '-1', '10.0.0.1/8/8']) {
    const errors = trust(bad);
    assert.ok(
      Array.isArray(errors) && /^TRUST_PROXY:/.test(String(errors[0])),
      `${bad} is refused`,
    );
  }
});

test('webhooks to loopback are off unless asked for, and never in production', () => {
  const dev = parseConfig({});
  assert.ok(dev.ok && dev.config.webhookAllowLoopback === false);
  const asked = parseConfig({ WEBHOOK_ALLOW_LOOPBACK: 'true' });
  assert.ok(asked.ok && asked.config.webhookAllowLoopback === true);
  const prod = parseConfig({
    NODE_ENV: 'production',
    SMTP_URL: 'smtp://mail.example:25',
    FILE_SCAN: 'off',
    PUBLIC_URL: 'https://okence.example.org',
    WEBHOOK_ALLOW_LOOPBACK: 'true',
  });
  assert.ok(!prod.ok && prod.errors[0]?.startsWith('WEBHOOK_ALLOW_LOOPBACK:'));
});
