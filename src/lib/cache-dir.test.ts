// Code is kept in the compile cache's folder only when no other user can have written there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onlyOursToWrite } from './cache-dir.mjs';

test('a folder of ours under /tmp is ours to write; one others may write in, or below one, is not', () => {
  const top = mkdtempSync(join(tmpdir(), 'okence-cache-dir-'));
  try {
    const cache = join(top, 'node-compile-cache', 'v24');
    mkdirSync(cache, { recursive: true, mode: 0o755 });
    assert.equal(
      onlyOursToWrite(cache),
      true,
      "/tmp is root's and sticky: others replace nothing of ours",
    );
    chmodSync(join(top, 'node-compile-cache'), 0o777);
    assert.equal(onlyOursToWrite(cache), false, 'a folder above it that anyone may write in');
    if (process.getuid?.() === 0) {
      // As root (CI), a folder of another user's: sticky or not, its owner may replace.
      chownSync(join(top, 'node-compile-cache'), 65534, 65534);
      chmodSync(join(top, 'node-compile-cache'), 0o1777);
      assert.equal(onlyOursToWrite(cache), false, "sticky, but another user's");
      chmodSync(join(top, 'node-compile-cache'), 0o755);
      assert.equal(onlyOursToWrite(cache), false, "another user's, writable by them alone");
      chownSync(join(top, 'node-compile-cache'), 0, 0);
    }
    chmodSync(join(top, 'node-compile-cache'), 0o755);
    chmodSync(cache, 0o757);
    assert.equal(onlyOursToWrite(cache), false, 'the folder itself');
    chmodSync(cache, 0o775);
    assert.equal(onlyOursToWrite(cache), true, 'writable by our own group');
    assert.equal(onlyOursToWrite(join(top, 'missing')), false, 'a folder that is not there');
  } finally {
    rmSync(top, { recursive: true, force: true });
  }
});
