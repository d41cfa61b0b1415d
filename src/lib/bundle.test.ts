// When `npm start` makes its bundle again, and what it does when it cannot (decision 059).
import { mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledMain, pruneBundles, signature } from './bundle.mjs';

test('any change to a file the bundle is made of changes its signature', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okence-bundle-sig-'));
  try {
    const a = join(dir, 'a.ts');
    const b = join(dir, 'b.ts');
    writeFileSync(a, 'export const a = 1;');
    writeFileSync(b, 'export const b = 2;');
    const first = signature([a, b]);
    assert.equal(signature([a, b]), first, 'nothing changed');
    writeFileSync(a, 'export const a = 3;');
    utimesSync(a, new Date(2026, 0, 1), new Date(2026, 0, 1));
    const edited = signature([a, b]);
    assert.notEqual(edited, first, 'an edit of the same size, at another time');
    writeFileSync(b, 'export const b = 22;');
    utimesSync(b, new Date(2026, 0, 1), new Date(2026, 0, 1));
    utimesSync(a, new Date(2026, 0, 1), new Date(2026, 0, 1));
    assert.notEqual(signature([a, b]), edited, 'another size at the same time');
    rmSync(b);
    assert.notEqual(signature([a, b]), edited, 'a file gone');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bundle that cannot be made leaves Okence to run from its sources, and says why', () => {
  const cache = mkdtempSync(join(tmpdir(), 'okence-bundle-fail-'));
  let said = '';
  const write = mock.method(process.stderr, 'write', (text: string) => ((said += text), true));
  try {
    assert.equal(bundledMain(cache, join(cache, 'no-such-main.ts')), undefined);
  } finally {
    write.mock.restore();
    rmSync(cache, { recursive: true, force: true });
  }
  assert.match(said, /could not bundle its modules, so it runs from its sources/);
  assert.match(said, /no-such-main\.ts/);
  assert.equal(bundledMain(undefined, 'src/main.ts'), undefined, 'no cache directory, no bundle');
});

test('pruning keeps the bundle in use and recent ones, and removes old ones and old half-builds', () => {
  const cache = mkdtempSync(join(tmpdir(), 'okence-bundle-prune-'));
  const root = join(cache, 'okence-bundle');
  const old = new Date(Date.now() - 8 * 24 * 3_600_000);
  const made = (name: string, at?: Date) => {
    mkdirSync(join(root, name), { recursive: true });
    if (at) utimesSync(join(root, name), at, at);
  };
  try {
    made('b-current', old);
    made('b-recent');
    made('b-old', old);
    made('1-2.part', new Date(Date.now() - 2 * 3_600_000));
    made('3-4.part');
    writeFileSync(join(root, 'current.json'), '{}');
    pruneBundles(cache, 'b-current');
    assert.deepEqual(readdirSync(root).sort(), [
      '3-4.part',
      'b-current',
      'b-recent',
      'current.json',
    ]);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});
