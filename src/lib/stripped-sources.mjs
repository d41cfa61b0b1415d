// Plain JavaScript: src/main.mjs imports it before Node's type stripper would be needed.
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import module from 'node:module';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { trustedCacheDir } from './cache-dir.mjs';

/** Okence's server modules: the TypeScript files under src/. */
const SOURCE_ROOT = new URL('../', import.meta.url).href;
/** How long an entry no start has used is kept: others may be another version's, still running. */
const KEEP_UNUSED_MS = 7 * 24 * 3_600_000;

/**
 * Hands Node each of Okence's TypeScript modules as the JavaScript it becomes, kept stripped of
 * its types in `<cacheDir>/okence-stripped/<sha256 of Node's version and the source>.js`, as the
 * browser modules are (http/assets.ts). Given TypeScript, Node strips it through its compile
 * cache and the process keeps more malloc for it: 19–22 → 14–17 MB, about 3 MB of RSS after
 * start (decision 028, 2026-12-04 addendum). Given JavaScript,
 * Node compiles it with its compile cache as any JavaScript module. Stripping replaces types
 * with blanks, so lines and columns in stack traces are those of the TypeScript file.
 *
 * Without a cache directory (Node's compile cache off, or one others may write in: lib/cache-dir.mjs)
 * nothing changes. Returns the names of
 * the entries this process used, for `pruneStrippedSources`.
 * @param {string | undefined} cacheDir
 * @param {string} root the URL of the folder served, ending in a slash
 * @returns {Set<string>}
 */
export function serveStrippedSources(cacheDir = trustedCacheDir(), root = SOURCE_ROOT) {
  /** @type {Set<string>} */
  const used = new Set();
  if (!cacheDir) return used;
  const dir = join(cacheDir, 'okence-stripped');
  module.registerHooks({
    load(url, context, next) {
      if (!url.startsWith(root) || !url.endsWith('.ts')) return next(url, context);
      const { name, js } = strippedSource(dir, readFileSync(fileURLToPath(url), 'utf8'));
      used.add(name);
      return { format: 'module', source: js, shortCircuit: true };
    },
  });
  return used;
}

/**
 * `source` with its types stripped, read from the entry in `dir` named by the hash of Node's
 * version and the source, or stripped now (the first start after a change) and written there.
 * Without `dir`, stripped every time.
 * @param {string | undefined} dir
 * @param {string} source
 * @returns {{ name: string, js: string }}
 */
export function strippedSource(dir, source) {
  const name = `${createHash('sha256').update(`${process.version}\0${source}`).digest('hex')}.js`;
  if (!dir) return { name, js: strip(source) };
  try {
    return { name, js: readFileSync(join(dir, name), 'utf8') };
  } catch {
    // Not stripped yet (or unreadable): strip it below.
  }
  const js = strip(source);
  try {
    mkdirSync(dir, { recursive: true });
    // Written aside and renamed, so a process starting at the same time never reads half of it.
    const partial = join(dir, `${name}.${process.pid}`);
    writeFileSync(partial, js);
    renameSync(partial, join(dir, name));
  } catch {
    // A cache that cannot be written costs only the stripping on the next start.
  }
  return { name, js };
}

/**
 * Removes entries that this start did not use and that no start has written for a week: the
 * sources of earlier versions. An entry of another version still running is remade by its
 * next start if it goes.
 * @param {Set<string>} used
 * @param {string | undefined} cacheDir
 */
export function pruneStrippedSources(used, cacheDir = trustedCacheDir()) {
  if (!cacheDir) return;
  const dir = join(cacheDir, 'okence-stripped');
  let names = [];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const before = Date.now() - KEEP_UNUSED_MS;
  for (const name of names) {
    if (used.has(name)) continue;
    try {
      if (statSync(join(dir, name)).mtimeMs < before) rmSync(join(dir, name), { force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
}

/**
 * Node's type stripping, with its one-time "stripTypeScriptTypes is an experimental feature"
 * warning held back: it would greet every first start and says nothing an operator can act on
 * (the same stripping runs Okence itself). Other warnings pass through.
 * @param {string} source
 * @returns {string}
 */
function strip(source) {
  const original = Object.getOwnPropertyDescriptor(process, 'emitWarning');
  const emit = /** @type {(...args: unknown[]) => void} */ (process.emitWarning.bind(process));
  /** @type {(warning: string | Error, ...rest: unknown[]) => void} */
  const quiet = (warning, ...rest) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (String(text).includes('stripTypeScriptTypes')) return;
    emit(warning, ...rest);
  };
  process.emitWarning = /** @type {typeof process.emitWarning} */ (quiet);
  try {
    return module.stripTypeScriptTypes(source, { mode: 'strip' });
  } finally {
    if (original) Object.defineProperty(process, 'emitWarning', original);
  }
}
