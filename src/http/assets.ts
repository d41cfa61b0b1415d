import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

const PUBLIC_DIR = join(import.meta.dirname, '..', '..', 'public');
const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

type Asset = { body: Buffer; gzip: Buffer; type: string; hash: string };

// Assets are few and small: read once at start, served from memory with a
// content hash in the URL so browsers may cache them for a year.
const assets = new Map<string, Asset>(
  readdirSync(PUBLIC_DIR)
    .filter((name) => TYPES[extname(name)])
    .map((name) => {
      const body = readFileSync(join(PUBLIC_DIR, name));
      const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
      return [name, { body, gzip: gzipSync(body), type: TYPES[extname(name)] ?? 'application/octet-stream', hash }];
    }),
);

/** URL of a file in public/, versioned by its content. */
export function assetUrl(name: string): string {
  const asset = assets.get(name);
  if (!asset) throw new Error(`Unknown asset ${name}`);
  return `/assets/${name}?v=${asset.hash}`;
}

/** Serves public/ under /assets/ (served by us: no CDN, no third-party origin). */
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
