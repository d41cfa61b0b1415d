import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirLockedError, lockDataDir } from './lock.ts';

test('a second lock on the same directory fails while the first is held', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okence-lock-'));
  const release = lockDataDir(dir);
  assert.throws(() => lockDataDir(dir), DataDirLockedError);
  release();
  assert.equal(existsSync(join(dir, 'okence.lock')), false);
  lockDataDir(dir)();
});

test('a stale lock from a dead process is taken over', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okence-lock-'));
  writeFileSync(join(dir, 'okence.lock'), '999999999');
  const release = lockDataDir(dir);
  release();
});

test('a lock held by another live process is refused with its pid', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okence-lock-'));
  writeFileSync(join(dir, 'okence.lock'), String(process.ppid));
  assert.throws(() => lockDataDir(dir), new RegExp(`pid ${process.ppid}`));
});
