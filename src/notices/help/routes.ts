// The help pages: /help, /help/{task}, their media under /help/media/{lang}/{file} (with byte
// ranges, for seeking in a video), and the staff's manual /staff/help.
import type { FastifyInstance } from 'fastify';
import { renderPage, renderPublicPage } from '../../http/page.ts';
import { requireStaff } from '../../http/session.ts';
import { parseRange } from './range.ts';
import * as s from './schema.ts';
import type { HelpService } from './service.ts';
import { guidePage, helpIndexPage } from './views/guides.ts';
import { manualPage } from './views/manual.ts';

/** Registers the help pages and their media. */
export function helpRoutes(help: HelpService) {
  return async (app: FastifyInstance) => {
    // The guides change only with a release: rendered once per language, like the tenant pages.
    app.get('/help', async (request, reply) =>
      renderPublicPage(request, reply, help.media, helpIndexPage),
    );

    app.get('/help/:task', async (request, reply) => {
      const guide = help.guide(s.guideParams.parse(request.params).task);
      return renderPublicPage(request, reply, help.media, (ctx) =>
        guidePage(ctx, help.media, guide),
      );
    });

    app.get('/help/media/:lang/:file', async (request, reply) => {
      const { lang, file } = s.mediaParams.parse(request.params);
      const found = help.mediaFile(lang, file);
      const etag = `"${found.hash}"`;
      reply
        .header('etag', etag)
        .header('accept-ranges', 'bytes')
        .header('cache-control', 'public, max-age=31536000, immutable')
        .type(found.type);
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      const range = parseRange(request.headers.range, found.size);
      if (range === 'unsatisfiable') {
        return reply.status(416).header('content-range', `bytes */${found.size}`).send();
      }
      if (range) {
        reply
          .status(206)
          .header('content-range', `bytes ${range.start}-${range.end}/${found.size}`)
          .header('content-length', range.end - range.start + 1);
      } else reply.header('content-length', found.size);
      return reply.send(help.media.read(found, range));
    });

    app.get('/staff/help', async (request, reply) => {
      const staff = requireStaff(request);
      return renderPage(request, reply, (ctx) => manualPage(ctx, staff.role));
    });
  };
}
