import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as s from '../public/schema.ts';
import type { NoticeOpenData, OpenDataDocument } from './service.ts';

const JSON_LD = 'application/ld+json; charset=utf-8';
const ATOM = 'application/atom+xml; charset=utf-8';

/** Whether the client's copy (If-None-Match, else If-Modified-Since) is still the current one. */
function fresh(request: FastifyRequest, etag: string, lastModified: Date | null): boolean {
  const match = request.headers['if-none-match'];
  if (match !== undefined)
    return match.split(',').some((t) => t.trim() === etag || t.trim() === '*');
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return lastModified !== null && !Number.isNaN(since) && lastModified.getTime() < since + 1000;
}

/**
 * Sends a document the same for everyone: an ETag of its bytes and its Last-Modified, so feed
 * readers and harvesters ask again cheaply and get 304 while nothing changed.
 */
function send(request: FastifyRequest, reply: FastifyReply, doc: OpenDataDocument, type: string) {
  const etag = `"${createHash('sha256').update(doc.body).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag);
  if (doc.lastModified) reply.header('last-modified', doc.lastModified.toUTCString());
  // Public data without cookies or personal choices: shared caches may keep it for minutes.
  reply.header('cache-control', 'public, max-age=300');
  reply.header('access-control-allow-origin', '*');
  if (fresh(request, etag, doc.lastModified)) return reply.status(304).send();
  return reply.type(type).send(doc.body);
}

/** The notice board's open data: OFN JSON-LD, Atom, and the DCAT-AP-CZ catalogue and dataset. */
export function noticeOpenDataRoutes(openData: NoticeOpenData) {
  return async (app: FastifyInstance) => {
    app.get('/o/:org/notices.jsonld', async (request, reply) => {
      const { org } = s.orgParams.parse(request.params);
      return send(request, reply, await openData.noticeBoard(org), JSON_LD);
    });
    app.get('/o/:org/notices.atom', async (request, reply) => {
      const { org } = s.orgParams.parse(request.params);
      return send(request, reply, await openData.atom(org), ATOM);
    });
    app.get('/o/:org/open-data/catalog.jsonld', async (request, reply) => {
      const { org } = s.orgParams.parse(request.params);
      return send(request, reply, await openData.catalogue(org), JSON_LD);
    });
    app.get('/o/:org/open-data/notices.jsonld', async (request, reply) => {
      const { org } = s.orgParams.parse(request.params);
      return send(request, reply, await openData.dataset(org), JSON_LD);
    });
  };
}
