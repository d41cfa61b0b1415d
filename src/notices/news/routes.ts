// The organisation's news over HTTP: the citizens' list and items under /o/{org}/news, and the
// admins' pages under /staff/admin/news (list, new, edit, delete after a confirmation page).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { renderPage } from '../../http/page.ts';
import { requireStaff } from '../../http/session.ts';
import { queryFlag } from '../../lib/query.ts';
import { translateErrors, type Values } from '../../views/admin-form.ts';
import type { FormBody } from '../../tenants/admin-schema.ts';
import { idParams, newsParams, orgParams, parseNewsForm } from './schema.ts';
import type { NewsService } from './service.ts';
import { newsItemPage, newsListPage } from './views/public.ts';
import { newsAdminListPage, newsDeletePage, newsFormPage, newsValues } from './views/admin.ts';

const BASE = '/staff/admin/news';
const body = (request: FastifyRequest) => (request.body ?? {}) as FormBody;
const noticeQuery = z.object({ saved: queryFlag, deleted: queryFlag });
const confirmBody = z.object({ confirm: z.literal('yes') });

/** Citizens' pages: the news an organisation shows today, and one item while it is shown. */
export function newsPages(news: NewsService) {
  return async (app: FastifyInstance) => {
    app.get('/o/:org/news', async (request, reply) => {
      const data = await news.current(orgParams.parse(request.params).org);
      return renderPage(request, reply, (ctx) => newsListPage(ctx, data));
    });
    app.get('/o/:org/news/:id', async (request, reply) => {
      const { org, id } = newsParams.parse(request.params);
      const data = await news.item(org, id);
      return renderPage(request, reply, (ctx) => newsItemPage(ctx, data));
    });
  };
}

/** The admin's pages of the organisation's news (admins of that organisation only). */
export function newsAdminRoutes(news: NewsService) {
  return async (app: FastifyInstance) => {
    app.get(BASE, async (request, reply) => {
      const data = await news.adminList(requireStaff(request));
      const q = noticeQuery.parse(request.query);
      const notice = q.saved ? 'saved' : q.deleted ? 'deleted' : null;
      return renderPage(request, reply, (ctx) =>
        newsAdminListPage(ctx, {
          ...data,
          notice: notice && ctx.t(`frontdoor.news.admin.${notice}`),
        }),
      );
    });

    /** The form, as stored or as typed (then with its errors and status 400). */
    const show = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string | null,
      typed?: { values: Values; fields: Record<string, string> },
    ) => {
      const data = await news.adminForm(requireStaff(request), id);
      const saved = !typed && noticeQuery.parse(request.query).saved;
      return renderPage(
        request,
        reply,
        (ctx) =>
          newsFormPage(ctx, {
            ...data,
            values: typed?.values ?? newsValues(data.item, data.today),
            errors: typed ? translateErrors(ctx.t, typed.fields) : {},
            saved,
          }),
        typed ? 400 : 200,
      );
    };
    app.get(`${BASE}/new`, async (request, reply) => show(request, reply, null));
    app.get(`${BASE}/:id`, async (request, reply) =>
      show(request, reply, idParams.parse(request.params).id),
    );

    const save = async (request: FastifyRequest, reply: FastifyReply, id: string | null) => {
      const staff = requireStaff(request);
      // Who may, and which item, before what was posted: a stranger gets 403 or 404, not field errors.
      const { organisation } = await news.adminForm(staff, id);
      const b = body(request);
      const parsed = parseNewsForm(b, organisation.defaultLanguage);
      if (!parsed.ok) return show(request, reply, id, { values: b, fields: parsed.fields });
      const saved = await news.save(staff, id, parsed.input);
      return reply.redirect(`${BASE}/${saved}?saved=1`, 303);
    };
    app.post(BASE, async (request, reply) => save(request, reply, null));
    app.post(`${BASE}/:id`, async (request, reply) =>
      save(request, reply, idParams.parse(request.params).id),
    );

    app.get(`${BASE}/:id/delete`, async (request, reply) => {
      const data = await news.adminForm(requireStaff(request), idParams.parse(request.params).id);
      return renderPage(request, reply, (ctx) =>
        newsDeletePage(ctx, { organisation: data.organisation, item: data.item! }),
      );
    });
    // Deleting asks first: a post without confirm=yes is sent to the question.
    app.post(`${BASE}/:id/delete`, async (request, reply) => {
      const staff = requireStaff(request);
      const { id } = idParams.parse(request.params);
      await news.adminForm(staff, id);
      if (!confirmBody.safeParse(body(request)).success)
        return reply.redirect(`${BASE}/${id}/delete`, 303);
      await news.remove(staff, id);
      return reply.redirect(`${BASE}?deleted=1`, 303);
    });
  };
}
