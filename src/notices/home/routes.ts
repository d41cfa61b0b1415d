// The organisation's home page, /o/{org}: the one page that leads everywhere a citizen may go.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { renderPage } from '../../http/page.ts';
import type { HomeService } from './service.ts';
import { homePage } from './views/home.ts';

const orgParams = z.object({ org: z.string().max(80) });

/** Registers /o/{org}. Rendered per request: its news change with the organisation's day. */
export function homeRoutes(home: HomeService) {
  return async (app: FastifyInstance) => {
    app.get('/o/:org', async (request, reply) => {
      const data = await home.home(orgParams.parse(request.params).org);
      return renderPage(request, reply, (ctx) => homePage(ctx, data));
    });
  };
}
