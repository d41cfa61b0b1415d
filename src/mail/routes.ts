import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/db.ts';
import { isLocalRequest } from '../http/client-address.ts';
import { renderPage } from '../http/page.ts';
import { AppError } from '../lib/errors.ts';
import { mailIdParams } from './schema.ts';
import { getMail, listRecentMail } from './service.ts';
import { devMailListPage, devMailPage } from './views/dev-mailbox.ts';

const LISTED = 50;

/**
 * The development mailbox at /dev/mail: mail the outbox kept instead of sending,
 * so a newcomer without SMTP can read a code. Register it only outside
 * production and without SMTP_URL: it shows every message to anyone.
 */
export function devMailRoutes(deps: { db: Db }) {
  const { db } = deps;
  return async (app: FastifyInstance) => {
    // Even in development, only this machine may read the mailbox: an install that
    // forgot NODE_ENV=production must not publish citizens' codes. Not request.ip:
    // behind a trusted proxy that is taken from X-Forwarded-For, which a client writes.
    app.addHook('onRequest', async (request) => {
      if (!isLocalRequest(request))
        throw new AppError('not_found', 'dev mailbox is for loopback only');
    });

    app.get('/dev/mail', async (request, reply) => {
      const messages = await listRecentMail(db, LISTED);
      return renderPage(request, reply, (ctx) => devMailListPage(ctx, messages));
    });

    app.get('/dev/mail/:id', async (request, reply) => {
      const params = mailIdParams.safeParse(request.params);
      const message = params.success ? await getMail(db, params.data.id) : null;
      if (!message) throw new AppError('not_found');
      return renderPage(request, reply, (ctx) => devMailPage(ctx, message));
    });
  };
}
