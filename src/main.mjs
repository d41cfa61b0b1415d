// `npm start`'s entry. Plain JavaScript, so that Node needs no type stripping to run it: it turns
// on Node's compile cache, then runs main.ts. The cache keeps Okence's files compiled, and beside
// it lib/stripped-sources.mjs keeps them stripped of their types, so from the second start on
// Node's type stripper (amaro, WebAssembly) is never loaded: ~40 MB less RSS and a faster start,
// and the stripped text is not held in memory for the process's life: ~6 MB (decision 028). It
// lives in systemd's CacheDirectory= when run as the README's unit ($CACHE_DIRECTORY), else in
// Node's default (<os.tmpdir()>/node-compile-cache), or where NODE_COMPILE_CACHE says; entries
// are checked against the source and Node's version, and NODE_DISABLE_COMPILE_CACHE=1 turns it
// off.
import module from 'node:module';
import process from 'node:process';
import { pruneStrippedSources, serveStrippedSources } from './lib/stripped-sources.mjs';
import { keepOnlyOkenceZodLocales } from './lib/zod-locales.mjs';

module.enableCompileCache(process.env.CACHE_DIRECTORY?.split(':')[0] || undefined);
keepOnlyOkenceZodLocales();
const used = serveStrippedSources();
await import('./main.ts');
// Start-up has loaded every module it needs: write their entries now, not only at exit.
module.flushCompileCache();
pruneStrippedSources(used);
