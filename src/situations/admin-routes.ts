import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { renderPage } from '../http/page.ts';
import { requireStaff } from '../http/session.ts';
import { AppError } from '../lib/errors.ts';
import { queryFlag } from '../lib/query.ts';
import { translateErrors, type Values } from '../views/admin-form.ts';
import type { FormBody } from '../tenants/admin-schema.ts';
import { idParams, issueKeys, parseSituationForm } from './schema.ts';
import type { SituationsService } from './service.ts';
import { adminListPage, deletePage, situationFormPage, situationValues } from './views/admin.ts';

const BASE = '/staff/admin/situations';
const body = (request: FastifyRequest) => (request.body ?? {}) as FormBody;
const noticeQuery = z.object({ saved: queryFlag, deleted: queryFlag });
const confirmBody = z.object({ confirm: z.literal('yes') });

/** The admin's pages of the organisation's life situations (admins of that organisation only). */
export function situationAdminRoutes(situations: SituationsService) {
  return async (app: FastifyInstance) => {
    app.get(BASE, async (request, reply) => {
      const data = await situations.adminList(requireStaff(request));
      const q = noticeQuery.parse(request.query);
      const notice = q.saved ? 'saved' : q.deleted ? 'deleted' : null;
      return renderPage(request, reply, (ctx) => adminListPage(ctx, { ...data, notice }));
    });

    /** The form, as stored or as typed (then with its errors and status 400). */
    const show = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string | null,
      typed?: { values: Values; fields: Record<string, string> },
    ) => {
      const data = await situations.adminForm(requireStaff(request), id);
      const saved = !typed && noticeQuery.parse(request.query).saved;
      return renderPage(
        request,
        reply,
        (ctx) =>
          situationFormPage(ctx, {
            ...data,
            values: typed?.values ?? situationValues(data.situation),
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
      // Who may, and which situation, before what was posted: a stranger gets 403 or 404, not field errors.
      const { organisation } = await situations.adminForm(staff, id);
      const b = body(request);
      const parsed = parseSituationForm(b, organisation.defaultLanguage);
      if (!parsed.ok)
        return show(request, reply, id, { values: b, fields: issueKeys(parsed.issues) });
      try {
        const saved = await situations.save(staff, id, parsed.input);
        return reply.redirect(`${BASE}/${saved}?saved=1`, 303);
      } catch (err) {
        if (err instanceof AppError && err.code === 'invalid_input' && err.fields)
          return show(request, reply, id, { values: b, fields: err.fields });
        throw err;
      }
    };
    app.post(BASE, async (request, reply) => save(request, reply, null));
    app.post(`${BASE}/:id`, async (request, reply) =>
      save(request, reply, idParams.parse(request.params).id),
    );

    app.get(`${BASE}/:id/delete`, async (request, reply) => {
      const data = await situations.adminForm(
        requireStaff(request),
        idParams.parse(request.params).id,
      );
      return renderPage(request, reply, (ctx) =>
        deletePage(ctx, { organisation: data.organisation, situation: data.situation! }),
      );
    });
    // Deleting asks first: a post without confirm=yes is sent to the question.
    app.post(`${BASE}/:id/delete`, async (request, reply) => {
      const staff = requireStaff(request);
      const { id } = idParams.parse(request.params);
      await situations.adminForm(staff, id);
      if (!confirmBody.safeParse(body(request)).success)
        return reply.redirect(`${BASE}/${id}/delete`, 303);
      await situations.remove(staff, id);
      return reply.redirect(`${BASE}?deleted=1`, 303);
    });
  };
}
