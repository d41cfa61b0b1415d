import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderPage } from '../http/page.ts';
import { requireStaff } from '../http/session.ts';
import { AppError } from '../lib/errors.ts';
import { readFilter } from './schema.ts';
import type { StatsService } from './service.ts';
import { statsCsv } from './views/csv.ts';
import { statsPage } from './views/stats.ts';

/** The statistics page and its CSV export, for admins of their own organisation. */
export function statsRoutes(stats: StatsService) {
  async function read(request: FastifyRequest) {
    const staff = requireStaff(request);
    const options = await stats.options(staff);
    return { staff, options, ...readFilter(request.query, options.today, request.t) };
  }

  return async (app: FastifyInstance) => {
    app.get('/staff/stats', async (request, reply: FastifyReply) => {
      const { staff, options, filter, typed, errors } = await read(request);
      const ok = Object.keys(errors).length === 0;
      const figures = ok ? await stats.figures(staff, filter) : null;
      return renderPage(
        request,
        reply,
        (ctx) => statsPage(ctx, { ...options, typed, errors, figures }),
        ok ? 200 : 400,
      );
    });

    app.get('/staff/stats.csv', async (request, reply) => {
      const { staff, filter, errors } = await read(request);
      if (Object.keys(errors).length)
        throw new AppError('invalid_input', 'invalid statistics filter', errors);
      const figures = await stats.figures(staff, filter);
      return reply
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          `attachment; filename="statistics-${filter.from}-${filter.to}.csv"`,
        )
        .type('text/csv; charset=utf-8')
        .send(statsCsv(figures, request.t, request.lang));
    });
  };
}
