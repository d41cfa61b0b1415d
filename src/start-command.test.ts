// `npm start`, the README's systemd unit and the benchmarks start Okence the same way: the same
// entry (src/main.mjs, which turns on the compile cache) and the same Node flags (decision 028).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { NODE_FLAGS, START_SCRIPT, startFlags } from '../bench/process.ts';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

test('npm start runs the entry that turns on the compile cache, which runs main.ts', () => {
  assert.equal(START_SCRIPT, 'src/main.mjs');
  const entry = readFileSync(join(root, START_SCRIPT), 'utf8');
  assert.match(entry, /enableCompileCache\(/);
  assert.match(entry, /import\('\.\/main\.ts'\)/);
  assert.deepEqual(startFlags(pkg.scripts.start!), NODE_FLAGS);
});

test("the README's systemd unit starts Okence as npm start does, with a cache directory", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const execStart = /^ExecStart=\/opt\/okence\/node_modules\/\.bin\/(node .*)$/m.exec(readme)?.[1];
  assert.ok(execStart, 'the README has the ExecStart line');
  assert.deepEqual(startFlags(execStart), NODE_FLAGS);
  assert.match(readme, /^CacheDirectory=okence$/m);
});

test('a start command of any other shape is refused, not half-read', () => {
  assert.throws(() => startFlags('node src/main.ts'), /not "node \[flags\] src\/main\.mjs"/);
  assert.deepEqual(startFlags('node --max-semi-space-size=1 src/main.mjs'), [
    '--max-semi-space-size=1',
  ]);
});

test("with the compile cache filled, loading the app's files and the browser modules never loads Node's type stripper", () => {
  const dir = mkdtempSync(join(tmpdir(), 'okence-compile-cache-'));
  const script = `
    import module from 'node:module';
    module.enableCompileCache(${JSON.stringify(dir)});
    await import('./src/http/assets.ts');
    module.flushCompileCache();
    console.log(process.moduleLoadList.some((m) => m.includes('amaro')));`;
  const run = () =>
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      // npm test shares a compile cache across its files (NODE_COMPILE_CACHE), which would
      // turn the cache on at start, before the script's own: this start has none but its own.
      env: { ...process.env, NODE_COMPILE_CACHE: undefined },
    }).trim();
  try {
    assert.equal(run(), 'true', 'a first start strips types');
    assert.equal(run(), 'false', 'a later start finds all of it in the cache');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
