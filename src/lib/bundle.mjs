// Plain JavaScript: src/main.mjs imports it before Node's type stripper would be needed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const BUILDER = join(import.meta.dirname, 'bundle-build.mjs');
/** The builder's own imports beside esbuild: a change to them changes what it makes. */
const BUILDER_IMPORTS = [join(import.meta.dirname, 'zod-locales.mjs')];
/** What npm writes at every install: a package added, removed or upgraded changes it. */
const INSTALLED = join(import.meta.dirname, '..', '..', 'node_modules', '.package-lock.json');
/** How long a bundle no start has used is kept: another version may still be running from it. */
const KEEP_UNUSED_MS = 7 * 24 * 3_600_000;
/** A build left half-made by a process that died is removed after this. */
const KEEP_PARTIAL_MS = 3_600_000;

/**
 * @typedef {{ dir: string, signature: string, inputs: string[] }} Current
 */

/**
 * The URL of `entry`'s bundle (lib/bundle-build.mjs, decision 059) in
 * `<cacheDir>/okence-bundle/`, made now when there is none or when a file it was made from has
 * changed since; undefined without a cache directory, or when the bundle cannot be made: then
 * Okence runs from its sources, as it does under `node src/main.ts`, and says so.
 * @param {string | undefined} cacheDir
 * @param {string} entry the path of the entry module
 * @returns {{ url: string, dir: string } | undefined}
 */
export function bundledMain(cacheDir, entry) {
  if (!cacheDir) return undefined;
  const root = join(cacheDir, 'okence-bundle');
  const current = readCurrent(root);
  if (current && signature(current.inputs) === current.signature) {
    const dir = join(root, current.dir);
    try {
      // Its time says when a start last used it: pruning keeps what is in use.
      const now = new Date();
      utimesSync(dir, now, now);
      return { url: pathToFileURL(join(dir, 'main.js')).href, dir: current.dir };
    } catch {
      // Removed meanwhile: made again below.
    }
  }
  return build(root, entry);
}

/**
 * Removes bundles other than `keep` that no start has used for a week, and builds left
 * half-made for an hour.
 * @param {string | undefined} cacheDir
 * @param {string | undefined} keep
 */
export function pruneBundles(cacheDir, keep) {
  if (!cacheDir) return;
  const root = join(cacheDir, 'okence-bundle');
  let names = [];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    if (name === keep || name === 'current.json') continue;
    const path = join(root, name);
    try {
      const age = now - statSync(path).mtimeMs;
      if (age > (name.endsWith('.part') ? KEEP_PARTIAL_MS : KEEP_UNUSED_MS))
        rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
}

/**
 * What the bundle depends on, as one hash: Node's version, the builder, what npm installed, and
 * the size and time of every file it was made from (a checkout or an edit changes the time; npm
 * gives every package file one fixed time, hence its lock above).
 * @param {string[]} inputs
 * @returns {string}
 */
export function signature(inputs) {
  const hash = createHash('sha256').update(`${process.version}\0`);
  for (const file of [BUILDER, ...BUILDER_IMPORTS, INSTALLED, ...inputs]) {
    try {
      const s = statSync(file);
      hash.update(`${file}\0${s.size}\0${s.mtimeMs}\0`);
    } catch {
      hash.update(`${file}\0gone\0`);
    }
  }
  try {
    hash.update(readFileSync(INSTALLED));
  } catch {
    // No npm lock (a copy installed otherwise): the files' sizes and times still count.
  }
  return hash.digest('hex');
}

/**
 * @param {string} root
 * @returns {Current | undefined}
 */
function readCurrent(root) {
  try {
    /** @type {unknown} */
    const parsed = JSON.parse(readFileSync(join(root, 'current.json'), 'utf8'));
    const current = /** @type {Partial<Current> | null} */ (parsed);
    if (typeof current?.dir !== 'string' || !Array.isArray(current.inputs)) return undefined;
    return /** @type {Current} */ (current);
  } catch {
    return undefined;
  }
}

/**
 * Builds the bundle in a process of its own into a folder of its own, then names it current.
 * Processes starting at once may each build one: each uses its own, and the last one named
 * is the next start's.
 * @param {string} root
 * @param {string} entry
 * @returns {{ url: string, dir: string } | undefined}
 */
function build(root, entry) {
  const partial = join(root, `${process.pid}-${Date.now()}.part`);
  const run = spawnSync(process.execPath, [BUILDER, entry, partial], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  try {
    if (run.status !== 0) throw new Error(run.error?.message ?? run.stderr.trim());
    /** @type {unknown} */
    const manifest = JSON.parse(readFileSync(join(partial, 'manifest.json'), 'utf8'));
    const { inputs } = /** @type {{ inputs: string[] }} */ (manifest);
    const sig = signature(inputs);
    const dir = `b-${sig.slice(0, 16)}`;
    try {
      renameSync(partial, join(root, dir));
    } catch {
      // Another process built the same bundle first: use theirs.
      rmSync(partial, { recursive: true, force: true });
    }
    const aside = join(root, `current.json.${process.pid}`);
    writeFileSync(aside, JSON.stringify({ dir, signature: sig, inputs }));
    renameSync(aside, join(root, 'current.json'));
    return { url: pathToFileURL(join(root, dir, 'main.js')).href, dir };
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    const reason = err instanceof Error ? err.message : String(err);
    process.stderr.write(
      `Okence could not bundle its modules, so it runs from its sources (about 15 MB more memory): ${reason}\n`,
    );
    return undefined;
  }
}
