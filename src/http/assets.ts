import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

const PUBLIC_DIR = join(import.meta.dirname, '..', '..', 'public');
/** Browser scripts written in erasable TypeScript, one self-contained module per page. */
const CLIENT_DIR = join(import.meta.dirname, '..', 'meeting', 'client');
const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

type Asset = { body: Buffer; gzip: Buffer; type: string; hash: string };

function asset(name: string, body: Buffer): [string, Asset] {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return [name, { body, gzip: gzipSync(body), type: TYPES[extname(name)] ?? 'application/octet-stream', hash }];
}

/**
 * The browser scripts as served: src/meeting/client/x.ts becomes x.js. Node strips the
 * types (whitespace in their place, so line and column numbers match the source), with no
 * build step. The scripts import types only, which strip to nothing; assets.test.ts checks
 * that no import is left. Also read by the benchmark for the shipped size.
 */
export function clientScripts(): { name: string; body: Buffer }[] {
  return readdirSync(CLIENT_DIR)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => {
      const source = readFileSync(join(CLIENT_DIR, name), 'utf8');
      return { name: name.replace(/\.ts$/, '.js'), body: Buffer.from(stripTypeScriptTypes(source, { mode: 'strip' })) };
    });
}

// Assets are few and small: read once at start, served from memory with a
// content hash in the URL so browsers may cache them for a year.
const assets = new Map<string, Asset>([
  ...readdirSync(PUBLIC_DIR)
    .filter((name) => TYPES[extname(name)])
    .map((name) => asset(name, readFileSync(join(PUBLIC_DIR, name)))),
  ...clientScripts().map(({ name, body }) => asset(name, body)),
]);

/** URL of a file in public/ (or a client script, as name.js), versioned by its content. */
export function assetUrl(name: string): string {
  const asset = assets.get(name);
  if (!asset) throw new Error(`Unknown asset ${name}`);
  return `/assets/${name}?v=${asset.hash}`;
}

/** Serves public/ and the client scripts under /assets/ (served by us: no CDN, no third-party origin). */
export async function assetRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { name: string } }>('/assets/:name', async (request, reply) => {
    const asset = assets.get(request.params.name);
    if (!asset) return reply.callNotFound();
    const etag = `"${asset.hash}"`;
    reply.header('etag', etag).header('cache-control', 'public, max-age=31536000, immutable').type(asset.type);
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      return reply.header('content-encoding', 'gzip').header('vary', 'Accept-Encoding').send(asset.gzip);
    }
    return reply.send(asset.body);
  });
}
