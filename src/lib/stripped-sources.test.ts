// npm start's hook that hands Node Okence's modules already stripped of their types (decision 028).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { pruneStrippedSources } from './stripped-sources.mjs';

const HOOK = pathToFileURL(join(import.meta.dirname, 'stripped-sources.mjs')).href;
const work = mkdtempSync(join(tmpdir(), 'okence-stripped-test-'));
after(() => rmSync(work, { recursive: true, force: true }));

/**
 * A source tree: `src/a.ts` imports `src/b.ts` and (when `outside`, a file outside the folder the
 * hook serves) `outside.ts`, and reports where an error is made.
 */
function tree(name: string, bValue: string, outside = false) {
  const root = join(work, name);
  mkdirSync(join(root, 'src'), { recursive: true });
  writeFileSync(
    join(root, 'src', 'a.ts'),
    [
      "import { b } from './b.ts';",
      outside ? "import { outside } from '../outside.ts';" : 'const outside = 0;',
      'type Pair = { left: string; right: number };',
      "const pair: Pair = { left: 'x', right: 1 };",
      '/** A comment — with a character outside Latin-1. */',
      "function where(): string { return new Error('here').stack!.split('\\n')[1]!; }",
      'console.log(JSON.stringify({ b, outside, pair, at: where() }));',
    ].join('\n'),
  );
  writeFileSync(join(root, 'src', 'b.ts'), `export const b: string = ${JSON.stringify(bValue)};\n`);
  if (outside) writeFileSync(join(root, 'outside.ts'), 'export const outside: number = 42;\n');
  return root;
}

/** Runs `src/a.ts` of `root` in a fresh Node with the hook serving `root/src/` from `cache`. */
function run(root: string, cache: string | null) {
  const script = `
    const { serveStrippedSources } = await import(${JSON.stringify(HOOK)});
    serveStrippedSources(${JSON.stringify(cache ?? '')}, ${JSON.stringify(pathToFileURL(join(root, 'src')).href + '/')});
    await import(${JSON.stringify(pathToFileURL(join(root, 'src', 'a.ts')).href)});
    console.log(process.moduleLoadList.some((m) => m.includes('amaro')));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, NODE_COMPILE_CACHE: undefined },
  }).split('\n');
  return {
    ...(JSON.parse(out[0]!) as { b: string; outside: number; at: string }),
    amaro: out[1] === 'true',
  };
}

const entries = (cache: string) => readdirSync(join(cache, 'okence-stripped')).sort();

test('the modules run as before, and errors point at the TypeScript line and column', () => {
  const root = tree('plain', 'from b', true);
  const cache = join(work, 'plain-cache');
  const first = run(root, cache);
  assert.equal(first.b, 'from b');
  assert.equal(first.outside, 42, 'a file outside the served folder loads as Node loads it');
  // Line 6, and the column of `new` in the TypeScript file: types are blanked, not removed.
  assert.match(first.at, /a\.ts:6:35\)?$/);
  assert.equal(entries(cache).length, 2, 'a.ts and b.ts are kept stripped; outside.ts is not');
});

test('a later start reads the kept entries without stripping, and a changed file is stripped again', () => {
  const root = tree('kept', 'first');
  const cache = join(work, 'kept-cache');
  assert.equal(run(root, cache).amaro, true, 'the first start strips');
  const [one, two] = entries(cache);
  // The entries are what runs: one rewritten by hand shows in the next start.
  for (const name of [one!, two!]) {
    const path = join(cache, 'okence-stripped', name);
    const text = readFileSync(path, 'utf8');
    if (text.includes('"first"')) writeFileSync(path, 'export const b = "from the entry";\n');
  }
  const later = run(root, cache);
  assert.equal(later.b, 'from the entry');
  assert.equal(later.amaro, false, 'nothing is stripped when every entry is there');
  writeFileSync(join(root, 'src', 'b.ts'), 'export const b: string = "changed";\n');
  assert.equal(
    run(root, cache).b,
    'changed',
    'the entry is named by the source, so an edit misses it',
  );
  assert.equal(entries(cache).length, 3);
});

test('without a cache directory the modules load as Node loads them', () => {
  const root = tree('none', 'plain');
  const result = run(root, null);
  assert.equal(result.b, 'plain');
  assert.match(result.at, /a\.ts:6:35\)?$/);
});

test('pruning removes entries no start used for a week, and keeps those in use and recent ones', () => {
  const cache = join(work, 'prune-cache');
  const dir = join(cache, 'okence-stripped');
  mkdirSync(dir, { recursive: true });
  const weekAndDay = (Date.now() - 8 * 24 * 3_600_000) / 1000;
  for (const name of ['old-unused.js', 'old-used.js', 'recent-unused.js']) {
    writeFileSync(join(dir, name), '');
    if (name.startsWith('old')) utimesSync(join(dir, name), weekAndDay, weekAndDay);
  }
  pruneStrippedSources(new Set(['old-used.js']), cache);
  assert.deepEqual(readdirSync(dir).sort(), ['old-used.js', 'recent-unused.js']);
  pruneStrippedSources(new Set(), join(work, 'no-such-cache'));
});
