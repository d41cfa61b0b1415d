import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import { pendingMigrationCount } from '../db/migrate.ts';

/** `/healthz`: the process is alive. `/readyz`: the database answers and every migration is applied. */
export function healthRoutes(db: Db) {
  return async (app: FastifyInstance) => {
    app.get('/healthz', async () => ({ status: 'ok' }));
    app.get('/readyz', async (request, reply) => {
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
