import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { assetRoutes, assetUrl, clientScripts } from './assets.ts';

test('every client script is served as JavaScript with no import left and parses as a module', async () => {
  const app = Fastify();
  await app.register(assetRoutes);
  const dir = mkdtempSync(join(tmpdir(), 'okence-client-'));
  try {
    const names = clientScripts().map((s) => s.name);
    assert.ok(names.includes('meeting.js') && names.includes('staff-lobby.js'), names.join(', '));
    for (const name of names) {
      const res = await app.inject({ url: assetUrl(name), headers: { 'accept-encoding': 'gzip' } });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/javascript/);
      const gzipped = res.rawPayload;
      const js = gunzipSync(gzipped).toString('utf8');
      // Browsers cannot load ../protocol.ts: only type imports (stripped to nothing) are allowed.
      assert.doesNotMatch(js, /^\s*import\s/m, `${name} still imports something`);
      assert.doesNotMatch(js, /^\s*export\s/m, `${name} exports something`);
      if (name === 'meeting.js') assert.ok(gzipped.length <= 60 * 1024, `meeting.js is ${gzipped.length} bytes gzipped`);
      const file = join(dir, name.replace(/\.js$/, '.mjs'));
      writeFileSync(file, js);
      const check = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
      assert.equal(check.status, 0, `${name} does not parse: ${check.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await app.close();
  }
});
