import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { renderPage } from '../../http/page.ts';
import { requireStaff } from '../../http/session.ts';
import { AppError } from '../../lib/errors.ts';
import { queryFlag } from '../../lib/query.ts';
import { translateErrors, type Values } from '../../views/admin-form.ts';
import type { FormBody } from '../../tenants/admin-schema.ts';
import * as s from './schema.ts';
import type { ContactsService } from './service.ts';
import {
  adminListPage,
  BASE,
  deletePage,
  departmentFormPage,
  departmentValues,
} from './views/admin.ts';
import { personDeletePage, personFormPage, personValues } from './views/admin-person.ts';

const body = (request: FastifyRequest) => (request.body ?? {}) as FormBody;
const noticeQuery = z.object({ saved: queryFlag, deleted: queryFlag });
const confirmBody = z.object({ confirm: z.literal('yes') });
type Typed = { values: Values; fields: Record<string, string> };

/** Field errors a service reports (a taken slug, a cycle, a missing consent) as a re-rendered form. */
async function orFormErrors(
  save: () => Promise<FastifyReply>,
  show: (typed: Typed) => Promise<FastifyReply>,
  values: Values,
): Promise<FastifyReply> {
  try {
    return await save();
  } catch (err) {
    if (err instanceof AppError && err.code === 'invalid_input' && err.fields)
      return show({ values, fields: err.fields });
    throw err;
  }
}

/** The admin's pages of the organisation's departments and their people (admins of that organisation only). */
export function contactsAdminRoutes(contacts: ContactsService) {
  return async (app: FastifyInstance) => {
    app.get(BASE, async (request, reply) => {
      const data = await contacts.adminList(requireStaff(request));
      const q = noticeQuery.parse(request.query);
      const notice = q.saved ? 'saved' : q.deleted ? 'deleted' : null;
      return renderPage(request, reply, (ctx) => adminListPage(ctx, { ...data, notice }));
    });

    /** The department form, as stored or as typed (then with its errors and status 400). */
    const show = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string | null,
      typed?: Typed,
    ) => {
      const data = await contacts.departmentForm(requireStaff(request), id);
      const saved = !typed && noticeQuery.parse(request.query).saved;
      return renderPage(
        request,
        reply,
        (ctx) =>
          departmentFormPage(ctx, {
            ...data,
            values: typed?.values ?? departmentValues(data.department),
            errors: typed ? translateErrors(ctx.t, typed.fields) : {},
            saved,
          }),
        typed ? 400 : 200,
      );
    };
    app.get(`${BASE}/new`, async (request, reply) => show(request, reply, null));
    app.get(`${BASE}/:id`, async (request, reply) =>
      show(request, reply, s.idParams.parse(request.params).id),
    );

    const save = async (request: FastifyRequest, reply: FastifyReply, id: string | null) => {
      const staff = requireStaff(request);
      // Who may, and which department, before what was posted: a stranger gets 403 or 404, not field errors.
      const { organisation } = await contacts.departmentForm(staff, id);
      const b = body(request);
      const parsed = s.parseDepartmentForm(b, organisation.defaultLanguage);
      const again = (typed: Typed) => show(request, reply, id, typed);
      if (!parsed.ok) return again({ values: b, fields: s.issueKeys(parsed.issues) });
      return orFormErrors(
        async () => {
          const saved = await contacts.saveDepartment(staff, id, parsed.input);
          return reply.redirect(`${BASE}/${saved}?saved=1`, 303);
        },
        again,
        b,
      );
    };
    app.post(BASE, async (request, reply) => save(request, reply, null));
    app.post(`${BASE}/:id`, async (request, reply) =>
      save(request, reply, s.idParams.parse(request.params).id),
    );

    app.get(`${BASE}/:id/delete`, async (request, reply) => {
      const { id } = s.idParams.parse(request.params);
      const scope = await contacts.deletionScope(requireStaff(request), id);
      return renderPage(request, reply, (ctx) => deletePage(ctx, scope));
    });
    // Deleting asks first: a post without confirm=yes is sent to the question.
    app.post(`${BASE}/:id/delete`, async (request, reply) => {
      const staff = requireStaff(request);
      const { id } = s.idParams.parse(request.params);
      await contacts.deletionScope(staff, id);
      if (!confirmBody.safeParse(body(request)).success)
        return reply.redirect(`${BASE}/${id}/delete`, 303);
      await contacts.removeDepartment(staff, id);
      return reply.redirect(`${BASE}?deleted=1`, 303);
    });

    await app.register(personRoutes(contacts));
  };
}

/** A department's people: the form, saving (publishing needs the consent confirmed), deleting. */
function personRoutes(contacts: ContactsService) {
  return async (app: FastifyInstance) => {
    const show = async (
      request: FastifyRequest,
      reply: FastifyReply,
      ids: { id: string; person: string | null },
      typed?: Typed,
    ) => {
      const data = await contacts.personForm(requireStaff(request), ids.id, ids.person);
      const saved = !typed && noticeQuery.parse(request.query).saved;
      return renderPage(
        request,
        reply,
        (ctx) =>
          personFormPage(ctx, {
            ...data,
            values: typed?.values ?? personValues(data.person),
            errors: typed ? translateErrors(ctx.t, typed.fields) : {},
            saved,
          }),
        typed ? 400 : 200,
      );
    };
    app.get(`${BASE}/:id/people/new`, async (request, reply) =>
      show(request, reply, { id: s.idParams.parse(request.params).id, person: null }),
    );
    app.get(`${BASE}/:id/people/:person`, async (request, reply) =>
      show(request, reply, s.personParams.parse(request.params)),
    );

    const save = async (
      request: FastifyRequest,
      reply: FastifyReply,
      ids: { id: string; person: string | null },
    ) => {
      const staff = requireStaff(request);
      await contacts.personForm(staff, ids.id, ids.person);
      const b = body(request);
      const parsed = s.parsePersonForm(b);
      const again = (typed: Typed) => show(request, reply, ids, typed);
      if (!parsed.ok) return again({ values: b, fields: s.issueKeys(parsed.issues) });
      return orFormErrors(
        async () => {
          const saved = await contacts.savePerson(staff, ids.id, ids.person, parsed.input);
          return reply.redirect(`${BASE}/${ids.id}/people/${saved}?saved=1`, 303);
        },
        again,
        b,
      );
    };
    app.post(`${BASE}/:id/people`, async (request, reply) =>
      save(request, reply, { id: s.idParams.parse(request.params).id, person: null }),
    );
    app.post(`${BASE}/:id/people/:person`, async (request, reply) =>
      save(request, reply, s.personParams.parse(request.params)),
    );

    app.get(`${BASE}/:id/people/:person/delete`, async (request, reply) => {
      const { id, person } = s.personParams.parse(request.params);
      const data = await contacts.personForm(requireStaff(request), id, person);
      return renderPage(request, reply, (ctx) =>
        personDeletePage(ctx, { ...data, person: data.person! }),
      );
    });
    app.post(`${BASE}/:id/people/:person/delete`, async (request, reply) => {
      const staff = requireStaff(request);
      const { id, person } = s.personParams.parse(request.params);
      await contacts.personForm(staff, id, person);
      if (!confirmBody.safeParse(body(request)).success)
        return reply.redirect(`${BASE}/${id}/people/${person}/delete`, 303);
      await contacts.removePerson(staff, id, person);
      return reply.redirect(`${BASE}/${id}?saved=1`, 303);
    });
  };
}
