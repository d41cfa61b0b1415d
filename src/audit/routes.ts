import type { FastifyInstance } from 'fastify';
import { renderPage } from '../http/page.ts';
import { requireStaff } from '../http/session.ts';
import { readSearch } from './schema.ts';
import type { AuditService } from './service.ts';
import { auditLogPage } from './views/audit-log.ts';

/** The audit log page, for admins of their own organisation. */
export function auditRoutes(audit: AuditService) {
  return async (app: FastifyInstance) => {
    app.get('/staff/audit', async (request, reply) => {
      const staff = requireStaff(request);
      const { search, typed, errors } = readSearch(request.query, request.t);
      const ok = Object.keys(errors).length === 0;
      // With errors, the form comes back with the newest entries' filter options and no results.
      const page = await audit.browse(staff, ok ? search : { beforeId: '0' });
      return renderPage(request, reply, (ctx) => auditLogPage(ctx, { ...page, typed, errors, searched: ok }), ok ? 200 : 400);
    });
  };
}
