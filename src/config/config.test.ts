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
  const r = parseConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example:25' });
  assert.ok(r.ok && r.config.demoData === false);
  const noSmtp = parseConfig({ NODE_ENV: 'production' });
  assert.ok(!noSmtp.ok && noSmtp.errors[0]?.startsWith('SMTP_URL:'));
  const r2 = parseConfig({ NODE_ENV: 'production', DEMO_DATA: 'true', SMTP_URL: 'smtp://mail.example:25' });
  assert.ok(r2.ok && r2.config.demoData === true);
});

test('every problem is reported on its own line, naming the variable', () => {
  const r = parseConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SESSION_SECRET: 'short', LOG_LEVEL: 'loud' });
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.errors.length, 4);
  for (const name of ['PORT', 'DATABASE_URL', 'SESSION_SECRET', 'LOG_LEVEL']) {
    assert.ok(r.errors.some((e) => e.startsWith(`${name}:`)), `no line for ${name}: ${r.errors.join(' | ')}`);
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
