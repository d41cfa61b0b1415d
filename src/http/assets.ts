import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { trustedCacheDir } from '../lib/cache-dir.mjs';
import { strippedSource } from '../lib/stripped-sources.mjs';

/**
 * A client module with its types stripped. With Node's compile cache on (`npm start`, decision
 * 028), the result is kept beside it, keyed by the source and Node's version: Node's type
 * stripper (amaro, WebAssembly) then never loads on a later start, which is ~40 MB of RSS.
 * Without the cache, when it cannot be written, or when others may write in it (what is kept
 * there is served to browsers: lib/cache-dir.mjs), it is stripped every start as before.
 */
function stripClientModule(source: string): string {
  const cacheDir = trustedCacheDir();
  return strippedSource(cacheDir && join(cacheDir, 'okence-client-scripts'), source).js;
}

const PUBLIC_DIR = join(import.meta.dirname, '..', '..', 'public');
/** Browser scripts written in erasable TypeScript: an entry module per page, and the modules they import. */
const CLIENT_DIR = join(import.meta.dirname, '..', 'meeting', 'client');
const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

type Asset = { body: Buffer; gzip: Buffer; type: string; hash: string };
/** A served client module: its body, the modules it imports (as x.js), and the one hash over all of them. */
type ClientScript = { name: string; body: Buffer; imports: string[]; hash: string };

const contentHash = (data: string | Buffer) =>
  createHash('sha256').update(data).digest('hex').slice(0, 12);

function asset(name: string, body: Buffer, hash = contentHash(body)): [string, Asset] {
  return [
    name,
    { body, gzip: gzipSync(body), type: TYPES[extname(name)] ?? 'application/octet-stream', hash },
  ];
}

// A static import or re-export and its specifier: `import { a, b as c } from './x.ts'` (over
// several lines too), `import * as x from`, `import './x.ts'`, `export { a } from './x.ts'`.
// Between the keyword and `from` only names and punctuation, so `export function f() { // from 'x'`
// is not one. Type-only imports are whitespace by now. assets.test.ts parses what is served.
const STATIC_IMPORT = /^([ \t]*(?:import|export)\s(?:[\w$\s{},*]*?\bfrom\s*)?)(['"])([^'"\n]*)\2/gm;

/**
 * Points a stripped client module's imports at their served URLs: `./x.ts` becomes
 * `/assets/x.js?v=<hash>`. Only modules beside it can be served, so any other specifier
 * (`../protocol.ts` imported for a value, a package) throws at start rather than in browsers.
 */
export function rewriteClientImports(
  file: string,
  js: string,
  known: ReadonlySet<string>,
  hash: string,
): { js: string; imports: string[] } {
  const imports: string[] = [];
  const rewritten = js.replace(
    STATIC_IMPORT,
    (_whole, head: string, quote: string, specifier: string) => {
      const name = /^\.\/([\w-]+)\.ts$/.exec(specifier)?.[1];
      if (!name || !known.has(`${name}.js`)) {
        throw new Error(
          `${file} imports ${specifier}: client modules may import values only from ./x.ts beside them`,
        );
      }
      imports.push(`${name}.js`);
      return `${head}${quote}/assets/${name}.js?v=${hash}${quote}`;
    },
  );
  return { js: rewritten, imports: [...new Set(imports)] };
}

/**
 * The browser scripts as served: src/meeting/client/x.ts becomes x.js. Node strips the
 * types (whitespace in their place, so line and column numbers match the source), with no
 * build step, and imports of sibling modules point at their served URLs. All of them carry
 * one hash over every client module, so a change to any of them reaches browsers as new
 * URLs for all (an entry's URL alone would not change when only a module it imports did).
 * Also read by the benchmark for the shipped size.
 */
export function clientScripts(): ClientScript[] {
  const stripped = readdirSync(CLIENT_DIR)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .sort()
    .map((file) => ({
      file,
      js: stripClientModule(readFileSync(join(CLIENT_DIR, file), 'utf8')),
    }));
  const known = new Set(stripped.map(({ file }) => file.replace(/\.ts$/, '.js')));
  const hash = clientHash(stripped);
  return stripped.map(({ file, js }) => {
    const served = rewriteClientImports(file, js, known, hash);
    return {
      name: file.replace(/\.ts$/, '.js'),
      body: Buffer.from(served.js),
      imports: served.imports,
      hash,
    };
  });
}

function clientHash(stripped: { file: string; js: string }[]): string {
  return contentHash(stripped.map(({ file, js }) => `${file}\0${js}`).join('\0'));
}

/** What the meeting page loads: meeting.js and every module it imports, directly or not. */
export function meetingPageScripts(): ClientScript[] {
  const scripts = new Map(clientScripts().map((s) => [s.name, s]));
  const loaded = new Map<string, ClientScript>();
  const visit = (name: string) => {
    const script = scripts.get(name);
    if (!script || loaded.has(name)) return;
    loaded.set(name, script);
    script.imports.forEach(visit);
  };
  visit('meeting.js');
  return [...loaded.values()];
}

// Assets are few and small: read once at start, served from memory with a
// content hash in the URL so browsers may cache them for a year.
const assets = new Map<string, Asset>([
  ...readdirSync(PUBLIC_DIR)
    .filter((name) => TYPES[extname(name)])
    .map((name) => asset(name, readFileSync(join(PUBLIC_DIR, name)))),
  ...clientScripts().map(({ name, body, hash }) => asset(name, body, hash)),
]);

/** URL of a file in public/ (or a client script, as name.js), versioned by its content. */
export function assetUrl(name: string): string {
  const asset = assets.get(name);
  if (!asset) throw new Error(`Unknown asset ${name}`);
  return `/assets/${name}?v=${asset.hash}`;
}

/** Client scripts only the browser tests load (the meeting's test hook): never served in production. */
export const TEST_ONLY_SCRIPTS: ReadonlySet<string> = new Set(['test-hook.js']);

/**
 * Serves public/ and the client scripts under /assets/ (served by us: no CDN, no third-party
 * origin); the test-only scripts only with `testHooks` (outside production).
 */
export async function assetRoutes(
  app: FastifyInstance,
  opts: { testHooks?: boolean } = {},
): Promise<void> {
  app.get<{ Params: { name: string } }>('/assets/:name', async (request, reply) => {
    const { name } = request.params;
    const asset = opts.testHooks || !TEST_ONLY_SCRIPTS.has(name) ? assets.get(name) : undefined;
    if (!asset) return reply.callNotFound();
    const etag = `"${asset.hash}"`;
    reply
      .header('etag', etag)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .type(asset.type);
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      return reply
        .header('content-encoding', 'gzip')
        .header('vary', 'Accept-Encoding')
        .send(asset.gzip);
    }
    return reply.send(asset.body);
  });
}
