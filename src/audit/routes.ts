import type { FastifyInstance } from 'fastify';
import { renderPage } from '../http/page.ts';
import { requireStaff } from '../http/session.ts';
import { AppError } from '../lib/errors.ts';
import { readSearch } from './schema.ts';
import type { AuditService } from './service.ts';
import { auditLogPage } from './views/audit-log.ts';
import { auditCsv } from './views/csv.ts';

/** The audit log page and the CSV of a search, for admins of their own organisation. */
export function auditRoutes(audit: AuditService) {
  return async (app: FastifyInstance) => {
    app.get('/staff/audit', async (request, reply) => {
      const staff = requireStaff(request);
      const { search, typed, errors } = readSearch(request.query, request.t);
      const ok = Object.keys(errors).length === 0;
      // With errors, the form comes back with the newest entries' filter options and no results.
      const page = await audit.browse(staff, ok ? search : { beforeId: '0' }, request.lang);
      return renderPage(
        request,
        reply,
        (ctx) => auditLogPage(ctx, { ...page, typed, errors, searched: ok }),
        ok ? 200 : 400,
      );
    });

    app.get('/staff/audit.csv', async (request, reply) => {
      const staff = requireStaff(request);
      const { search, errors } = readSearch(request.query, request.t);
      if (Object.keys(errors).length)
        throw new AppError('invalid_input', 'invalid audit search', errors);
      // The whole search, not a page: the cursor of the page links does not apply.
      const { beforeId: _page, ...all } = search;
      const { rows, timeZone, names } = await audit.export(staff, all, request.lang);
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', 'attachment; filename="audit-log.csv"')
        .type('text/csv; charset=utf-8')
        .send(auditCsv(rows, { t: request.t, lang: request.lang, timeZone, names }));
    });
  };
}
