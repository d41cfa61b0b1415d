import type { FastifyInstance, FastifyRequest } from 'fastify';
import { renderPage } from '../../http/page.ts';
import { downloadHeaders } from '../../files/service.ts';
import * as s from './schema.ts';
import type { BoardFilter, PublicNoticeBoard } from './service.ts';
import { listPage } from './views/list.ts';
import { noticePage } from './views/notice.ts';

function filterOf(request: FastifyRequest): BoardFilter {
  const query = s.listQuery.parse(request.query);
  return { category: query.category ?? null, q: (query.q ?? '').trim(), page: query.page ?? 1 };
}

/**
 * Citizens' pages of the official notice board: the documents on the board, the archive, one
 * document and its older versions, and an attachment. Rendered per request (renderPage, not the
 * snapshot cache): what is on the board changes with the clock, not only with the data.
 */
export function noticeBoardPages(board: PublicNoticeBoard) {
  return async (app: FastifyInstance) => {
    app.get('/o/:org/notices', async (request, reply) => {
      const { org } = s.orgParams.parse(request.params);
      const data = await board.current(org, filterOf(request));
      return renderPage(request, reply, (ctx) => listPage(ctx, data, false));
    });

    app.get('/o/:org/notices/archive', async (request, reply) => {
      const { org } = s.orgParams.parse(request.params);
      const data = await board.archive(org, filterOf(request));
      return renderPage(request, reply, (ctx) => listPage(ctx, data, true));
    });

    app.get('/o/:org/notices/:number', async (request, reply) => {
      const { org, number } = s.noticeParams.parse(request.params);
      const data = await board.notice(org, number);
      return renderPage(request, reply, (ctx) => noticePage(ctx, data));
    });

    app.get('/o/:org/notices/:number/v/:version', async (request, reply) => {
      const { org, number, version } = s.versionParams.parse(request.params);
      const data = await board.notice(org, number, version);
      return renderPage(request, reply, (ctx) => noticePage(ctx, data));
    });

    app.get('/o/:org/notices/:number/files/:fileId', async (request, reply) => {
      const { org, number, fileId } = s.fileParams.parse(request.params);
      const file = await board.file(org, number, fileId);
      // Set here, after the app's headers: the download's sandbox CSP replaces the page CSP.
      reply.headers(downloadHeaders(file.name, file.size));
      return reply.send(file.open());
    });
  };
}
