import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import {
  assetRoutes,
  assetUrl,
  clientScripts,
  meetingPageScripts,
  rewriteClientImports,
} from './assets.ts';

// Run in a child with VM modules: parses each served script as a browser would, lists its
// static imports, and links each one to the scripts it names (so a missing export fails too).
const LINK_MODULES = `
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
const sources = JSON.parse(readFileSync(0, 'utf8'));
const modules = new Map(Object.entries(sources).map(([url, js]) => [url, new vm.SourceTextModule(js, { identifier: url })]));
const result = {};
for (const [url, module] of modules) {
  result[url] = { imports: module.moduleRequests.map((r) => r.specifier), linkError: null };
}
for (const [url, module] of modules) {
  // Linking one links what it imports too.
  if (module.status !== 'unlinked') continue;
  try {
    await module.link((specifier) => {
      const target = modules.get(specifier);
      if (!target) throw new Error('no served script at ' + specifier);
      return target;
    });
  } catch (err) {
    result[url].linkError = String(err);
  }
}
process.stdout.write(JSON.stringify(result));
`;

/** Every served client script, by the URL pages and imports use, as the browser receives it. */
async function servedScripts(): Promise<
  Map<string, { name: string; js: string; gzipBytes: number }>
> {
  const app = Fastify();
  await app.register(assetRoutes, { testHooks: true });
  try {
    const served = new Map<string, { name: string; js: string; gzipBytes: number }>();
    for (const { name } of clientScripts()) {
      const url = assetUrl(name);
      const res = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
      assert.equal(res.statusCode, 200, url);
      assert.match(String(res.headers['content-type']), /^text\/javascript/);
      served.set(url, {
        name,
        js: gunzipSync(res.rawPayload).toString('utf8'),
        gzipBytes: res.rawPayload.length,
      });
    }
    return served;
  } finally {
    await app.close();
  }
}

test('every client script is served as JavaScript that parses as a module', async () => {
  const served = await servedScripts();
  const names = [...served.values()].map((s) => s.name);
  assert.ok(names.includes('meeting.js') && names.includes('staff-lobby.js'), names.join(', '));
  const dir = mkdtempSync(join(tmpdir(), 'okence-client-'));
  try {
    for (const { name, js } of served.values()) {
      const file = join(dir, name.replace(/\.js$/, '.mjs'));
      writeFileSync(file, js);
      const check = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
      assert.equal(check.status, 0, `${name} does not parse: ${check.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('client scripts import only served client scripts, by their versioned URLs, and link', async () => {
  const served = await servedScripts();
  const child = spawnSync(
    process.execPath,
    [
      '--experimental-vm-modules',
      '--disable-warning=ExperimentalWarning',
      '--input-type=module',
      '-e',
      LINK_MODULES,
    ],
    {
      input: JSON.stringify(Object.fromEntries([...served].map(([url, s]) => [url, s.js]))),
      encoding: 'utf8',
    },
  );
  assert.equal(child.status, 0, child.stderr);
  const graph = JSON.parse(child.stdout) as Record<
    string,
    { imports: string[]; linkError: string | null }
  >;
  const hash = clientScripts()[0]?.hash ?? '';
  assert.match(hash, /^[0-9a-f]{12}$/);
  for (const [url, { name, js }] of served) {
    assert.equal(
      url,
      `/assets/${name}?v=${hash}`,
      'every client script carries the one hash over all of them',
    );
    const { imports, linkError } = graph[url]!;
    for (const specifier of imports) {
      assert.match(
        specifier,
        /^\/assets\/[\w-]+\.js\?v=[0-9a-f]{12}$/,
        `${name} imports ${specifier}`,
      );
      assert.ok(served.has(specifier), `${name} imports ${specifier}, which is not served`);
    }
    assert.equal(linkError, null, `${name}: ${linkError}`);
    // Browsers could not follow import('./x.ts') either.
    assert.doesNotMatch(js, /\bimport\s*\(/, `${name} has a dynamic import`);
  }

  // The meeting page's scripts are meeting.js and everything it reaches, as the benchmark counts them.
  const reached = new Set<string>();
  const visit = (url: string) => {
    if (reached.has(url)) return;
    reached.add(url);
    graph[url]?.imports.forEach(visit);
  };
  visit(assetUrl('meeting.js'));
  assert.deepEqual(new Set(meetingPageScripts().map((s) => assetUrl(s.name))), reached);
  assert.ok(reached.size > 1, 'meeting.js imports its modules');
  const gzipTotal = [...reached].reduce((sum, url) => sum + served.get(url)!.gzipBytes, 0);
  assert.ok(gzipTotal <= 60 * 1024, `the meeting page's JavaScript is ${gzipTotal} bytes gzipped`);
});

test('a client module may import values only from modules beside it', () => {
  const known = new Set(['dom.js', 'peers.js']);
  const { js, imports } = rewriteClientImports(
    'x.ts',
    "import { a,\n  b } from './dom.ts';\nimport './peers.ts';\nexport function f() {\n  // from 'x'\n}",
    known,
    'abc',
  );
  assert.equal(
    js,
    "import { a,\n  b } from '/assets/dom.js?v=abc';\nimport '/assets/peers.js?v=abc';\nexport function f() {\n  // from 'x'\n}",
  );
  assert.deepEqual(imports, ['dom.js', 'peers.js']);
  for (const source of [
    "import { maySend } from '../protocol.ts';",
    "import { z } from 'zod';",
    "import { x } from './missing.ts';",
  ]) {
    assert.throws(
      () => rewriteClientImports('x.ts', source, known, 'abc'),
      /x\.ts imports .*beside them/,
      source,
    );
  }
});
