// Plain JavaScript, run as its own process by lib/bundle.mjs: `node bundle-build.mjs <entry>
// <outdir>`. It bundles Okence's server (src/main.ts and everything it imports) with esbuild into
// a few large modules, so that `npm start` loads ~20 files instead of ~1,100: each ES module costs
// ~20 KB of RSS beyond its text (decision 059). Its own process, so esbuild's code and its
// service never sit in the server's memory. Writes <outdir>/manifest.json (the inputs) last.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { ZOD_LOCALES } from './zod-locales.mjs';

/** The checkout Okence runs from: packages the bundle leaves out are resolved from here. */
const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Packages left out of the bundle and imported from node_modules as they are. PGlite finds its
 * WebAssembly and data files beside its own modules, and is loaded only without DATABASE_URL.
 */
const EXTERNAL = /^@electric-sql\/pglite(\/.*)?$/;

/**
 * Every module keeps the location of its own file: `import.meta.url`, `import.meta.dirname` and
 * `import.meta.filename` (ES modules) and `__dirname`, `__filename` (CommonJS) become the
 * original file's, as text, so files found beside a module (migrations, password lists, fonts,
 * public/) are found from the bundle in the cache directory too.
 * @param {string} path
 * @param {string} text
 * @returns {string}
 */
export function keepLocation(path, text) {
  if (!/import\.meta|__dirname|__filename/.test(text)) return text;
  const dir = JSON.stringify(dirname(path));
  const file = JSON.stringify(path);
  let out = text
    .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href))
    .replaceAll('import.meta.dirname', dir)
    .replaceAll('import.meta.filename', file);
  if (!/\.(m?ts|mjs)$/.test(path))
    out = out.replace(/\b__dirname\b/g, dir).replace(/\b__filename\b/g, file);
  return out;
}

/**
 * `js` (a module's JavaScript or TypeScript) with every character outside ASCII written as a
 * `\uXXXX` escape. V8 keeps a module's text for its life, as one byte a character when all of
 * it is Latin-1 and two otherwise; esbuild escapes strings but leaves tagged templates
 * (`html\`…·…\``) and regular expressions as they are, which made the largest module two-byte:
 * ~3 MB. The escape means the same character in a string, a template's cooked text, a regular
 * expression and an identifier (and nothing in a comment); only a template's raw text would
 * differ, and Okence's tags (html, sql) read the cooked text.
 * A character escaped already (`\·`) would change meaning, so it stops the build.
 * @param {string} js
 * @returns {string}
 */
export function asciiOnly(js) {
  return js.replace(/[\u0080-\uffff]/g, (c, /** @type {number} */ at) => {
    let slashes = 0;
    while (js[at - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 1) throw new Error(`an escaped non-ASCII character at ${at}`);
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** @type {esbuild.Plugin} */
const okenceModules = {
  name: 'okence-modules',
  setup(build) {
    build.onResolve({ filter: EXTERNAL }, async (args) => {
      // Asked again by the resolve below: esbuild's own resolution answers.
      if (args.pluginData === 'external') return undefined;
      const found = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: 'external',
      });
      if (found.errors.length > 0) return { errors: found.errors };
      // By its file's URL: the bundle lives in the cache directory, where no node_modules is.
      return { path: pathToFileURL(found.path).href, external: true };
    });
    build.onLoad({ filter: /\.(m?ts|[mc]?js)$/ }, (args) => {
      // zod imports all ~60 of its message locales; Okence uses three (lib/zod-locales.mjs).
      if (args.path.endsWith('/node_modules/zod/v4/locales/index.js')) {
        const source = ZOD_LOCALES.map((l) => `export { default as ${l} } from './${l}.js';`);
        return { contents: source.join('\n'), loader: 'js', resolveDir: dirname(args.path) };
      }
      const text = readFileSync(args.path, 'utf8');
      return {
        // ASCII before esbuild reads it, so that the source maps' lines and columns stay true
        // (escaping its output would shift every column after the first escape on a line).
        contents: asciiOnly(keepLocation(args.path, text)),
        loader: args.path.endsWith('.ts') ? 'ts' : 'js',
        resolveDir: dirname(args.path),
      };
    });
  },
};

/**
 * Bundles `entry` into `outdir` and returns the absolute paths of the files it is made of.
 * @param {string} entry
 * @param {string} outdir
 */
export async function buildBundle(entry, outdir) {
  const result = await esbuild.build({
    entryPoints: { main: entry },
    bundle: true,
    // Modules imported at their first use (nodemailer, SAML, PDF receipts, the SFU) stay apart
    // and are loaded then, as without the bundle.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    outdir,
    absWorkingDir: ROOT,
    // Whitespace and syntax only: names stay, and keepNames keeps every function's and class's
    // `name` as written (renaming on collision would change them), for stack traces and for
    // libraries that read names (fastify-plugin).
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    legalComments: 'none',
    // A map beside each file, not loaded unless asked: NODE_OPTIONS=--enable-source-maps turns
    // a stack trace's bundle positions back into Okence's files and lines.
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    write: false,
    logLevel: 'error',
    // Packages that call require() (CommonJS inside an ES module bundle) find Node's modules
    // and the packages installed with Okence.
    banner: {
      js: `import{createRequire as __okenceCreateRequire}from"node:module";const require=__okenceCreateRequire(${JSON.stringify(join(ROOT, 'package.json'))});`,
    },
    plugins: [okenceModules],
  });
  mkdirSync(outdir, { recursive: true });
  for (const file of result.outputFiles) {
    // Its input was made ASCII above, and esbuild escapes what it prints: this only makes sure.
    const text = file.path.endsWith('.js') ? asciiOnly(file.text) : file.text;
    writeFileSync(file.path, text);
  }
  return Object.keys(result.metafile.inputs).map((p) => join(ROOT, p));
}

if (import.meta.main) {
  const [entry, outdir] = process.argv.slice(2);
  if (!entry || !outdir) throw new Error('usage: bundle-build.mjs <entry> <outdir>');
  const inputs = await buildBundle(entry, outdir);
  writeFileSync(join(outdir, 'manifest.json'), JSON.stringify({ inputs }));
}
