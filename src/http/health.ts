import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import { pendingMigrationCount } from '../db/migrate.ts';
import type { Drain } from '../lib/drain.ts';

/**
 * `/healthz`: the process is alive. `/readyz`: the database answers, every migration is applied
 * and the instance is not shutting down (a rolling restart drains it first, decision 055).
 */
export function healthRoutes(db: Db, drain: Drain) {
  return async (app: FastifyInstance) => {
    app.get('/healthz', async () => ({ status: 'ok' }));
    app.get('/readyz', async (request, reply) => {
      if (drain.draining) return reply.status(503).send({ status: 'draining' });
      try {
        await sql`SELECT 1`.execute(db);
        const pending = await pendingMigrationCount(db);
        if (pending > 0)
          return reply.status(503).send({ status: 'migrating', pendingMigrations: pending });
        return { status: 'ready' };
      } catch (err) {
        request.log.warn({ err }, 'database not ready');
        return reply.status(503).send({ status: 'database unavailable' });
      }
    });
  };
}
