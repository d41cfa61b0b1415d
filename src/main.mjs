// `npm start`'s entry. Plain JavaScript, so that Node needs no type stripping to run it. It turns
// on Node's compile cache, then runs main.ts bundled with everything it imports into a few large
// modules (lib/bundle.mjs, decision 059): ~20 files loaded instead of ~1,100, each of which cost
// ~20 KB of RSS. The bundle is made at the first start after a change (a few seconds) and kept
// beside the compile cache. If it cannot be made, Okence runs from its sources as before, with
// its TypeScript modules kept stripped of their types there (lib/stripped-sources.mjs, decision
// 028). The cache lives in systemd's CacheDirectory= when run as the README's unit
// ($CACHE_DIRECTORY), else in Node's default (<os.tmpdir()>/node-compile-cache), or where
// NODE_COMPILE_CACHE says; NODE_DISABLE_COMPILE_CACHE=1 turns it off, and with it the bundle.
import module from 'node:module';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { bundledMain, pruneBundles } from './lib/bundle.mjs';
import { trustedCacheDir } from './lib/cache-dir.mjs';
import { pruneStrippedSources, serveStrippedSources } from './lib/stripped-sources.mjs';
import { keepOnlyOkenceZodLocales } from './lib/zod-locales.mjs';

module.enableCompileCache(process.env.CACHE_DIRECTORY?.split(':')[0] || undefined);
// Undefined when others may write in it (lib/cache-dir.mjs): then no code is kept there.
const cacheDir = trustedCacheDir(module.getCompileCacheDir());
const bundle = bundledMain(cacheDir, fileURLToPath(new URL('./main.ts', import.meta.url)));
/** @type {Set<string>} */
let used = new Set();
if (bundle) {
  await import(bundle.url);
} else {
  keepOnlyOkenceZodLocales();
  used = serveStrippedSources(cacheDir);
  await import('./main.ts');
}
// Start-up has loaded every module it needs: write their entries now, not only at exit.
module.flushCompileCache();
pruneBundles(cacheDir, bundle?.dir);
pruneStrippedSources(used, cacheDir);
