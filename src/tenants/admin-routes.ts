import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { renderPage } from '../http/page.ts';
import { requireStaff } from '../http/session.ts';
import { AppError } from '../lib/errors.ts';
import { queryFlag } from '../lib/query.ts';
import { translateErrors, type Values } from '../views/admin-form.ts';
import { missingTranslations } from './admin-domain.ts';
import {
  issueKeys,
  localizedFrom,
  parseOfficeForm,
  parseServiceForm,
  parseSettingsForm,
  type FormBody,
} from './admin-schema.ts';
import type { OrganisationAdmin } from './admin.ts';
import {
  adminHomePage,
  officeFormPage,
  officesPage,
  officeValues,
  serviceFormPage,
  servicesPage,
  serviceValues,
  settingsPage,
  settingsValues,
} from './views/admin.ts';

const idParam = z.object({ id: z.uuid() });
const body = (request: FastifyRequest) => (request.body ?? {}) as FormBody;
/** `?saved=1` after a change on an administration page. */
const savedQuery = z.object({ saved: queryFlag });
const savedFlag = (request: FastifyRequest) => savedQuery.parse(request.query).saved;

/** Runs a save; a refused form (invalid_input with fields) comes back as field errors instead. */
async function attempt<T>(
  save: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; fields: Record<string, string> }> {
  try {
    return { ok: true, value: await save() };
  } catch (err) {
    if (err instanceof AppError && err.code === 'invalid_input' && err.fields)
      return { ok: false, fields: err.fields };
    throw err;
  }
}

/** The organisation's administration pages under /staff/admin (admins of that organisation only). */
export function organisationAdminRoutes(admin: OrganisationAdmin, opts: { mailFrom: string }) {
  return async (app: FastifyInstance) => {
    app.get('/staff/admin', async (request, reply) => {
      await admin.organisation(requireStaff(request));
      return renderPage(request, reply, (ctx) => adminHomePage(ctx));
    });

    // Offices
    app.get('/staff/admin/offices', async (request, reply) => {
      const data = await admin.offices(requireStaff(request));
      return renderPage(request, reply, (ctx) =>
        officesPage(ctx, { ...data, saved: savedFlag(request) }),
      );
    });
    app.get('/staff/admin/offices/new', async (request, reply) => {
      const org = await admin.organisation(requireStaff(request));
      return renderPage(request, reply, (ctx) =>
        officeFormPage(ctx, {
          values: officeValues(undefined, org.time_zone),
          errors: {},
          saved: false,
        }),
      );
    });
    app.get('/staff/admin/offices/:id', async (request, reply) => {
      const { office, organisation } = await admin.office(
        requireStaff(request),
        idParam.parse(request.params).id,
      );
      return renderPage(request, reply, (ctx) =>
        officeFormPage(ctx, {
          office,
          values: officeValues(office, organisation.time_zone),
          errors: {},
          saved: savedFlag(request),
        }),
      );
    });
    const saveOffice = async (request: FastifyRequest, reply: FastifyReply, id: string | null) => {
      const staff = requireStaff(request);
      const b = body(request);
      // Authorise before reading the form: an official gets 403, not a list of field errors.
      const org = await admin.organisation(staff);
      const existing = id ? (await admin.office(staff, id)).office : undefined;
      const parsed = parseOfficeForm(
        existing ? { ...b, slug: existing.slug } : b,
        org.default_language,
      );
      const result = parsed.ok
        ? await attempt(() => admin.saveOffice(staff, id, parsed.input))
        : { ok: false as const, fields: issueKeys(parsed.issues) };
      if (!result.ok)
        return renderPage(
          request,
          reply,
          (ctx) =>
            officeFormPage(ctx, {
              ...(existing ? { office: existing } : {}),
              values: b,
              errors: translateErrors(ctx.t, result.fields),
              saved: false,
            }),
          400,
        );
      return reply.redirect(`/staff/admin/offices/${result.value}?saved=1`, 303);
    };
    app.post('/staff/admin/offices', async (request, reply) => saveOffice(request, reply, null));
    app.post('/staff/admin/offices/:id', async (request, reply) =>
      saveOffice(request, reply, idParam.parse(request.params).id),
    );
    app.post('/staff/admin/offices/:id/active', async (request, reply) => {
      const staff = requireStaff(request);
      const { id } = idParam.parse(request.params);
      await admin.office(staff, id); // who may, before what was posted
      const active = z.enum(['0', '1']).parse(body(request).active) === '1';
      await admin.setOfficeActive(staff, id, active);
      return reply.redirect(`/staff/admin/offices/${id}?saved=1`, 303);
    });

    // Services
    app.get('/staff/admin/services', async (request, reply) => {
      const data = await admin.services(requireStaff(request));
      return renderPage(request, reply, (ctx) =>
        servicesPage(ctx, { ...data, saved: savedFlag(request) }),
      );
    });
    const showService = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string | null,
      typed?: { values: Values; fields: Record<string, string> },
    ) => {
      const data = await admin.serviceForm(requireStaff(request), id);
      const values = typed?.values ?? serviceValues(data.service, data.offices);
      const texts = (['name', 'description', 'preparation', 'feeNote'] as const).map(
        (f) => [f, localizedFrom(values, f)] as const,
      );
      const gaps = missingTranslations(
        Object.fromEntries(texts) as Parameters<typeof missingTranslations>[0],
      );
      const saved = !typed && savedFlag(request);
      return renderPage(
        request,
        reply,
        (ctx) =>
          serviceFormPage(ctx, {
            ...data,
            values,
            gaps,
            saved,
            errors: typed ? translateErrors(ctx.t, typed.fields) : {},
          }),
        typed ? 400 : 200,
      );
    };
    app.get('/staff/admin/services/new', async (request, reply) =>
      showService(request, reply, null),
    );
    app.get('/staff/admin/services/:id', async (request, reply) =>
      showService(request, reply, idParam.parse(request.params).id),
    );
    const saveService = async (request: FastifyRequest, reply: FastifyReply, id: string | null) => {
      const b = body(request);
      const org = await admin.organisation(requireStaff(request));
      const parsed = parseServiceForm(b, org.default_language, id === null);
      const result = parsed.ok
        ? await attempt(() => admin.saveService(requireStaff(request), id, parsed.input))
        : { ok: false as const, fields: issueKeys(parsed.issues) };
      if (!result.ok) return showService(request, reply, id, { values: b, fields: result.fields });
      return reply.redirect(`/staff/admin/services/${result.value.id}?saved=1`, 303);
    };
    app.post('/staff/admin/services', async (request, reply) => saveService(request, reply, null));
    app.post('/staff/admin/services/:id', async (request, reply) =>
      saveService(request, reply, idParam.parse(request.params).id),
    );

    // Organisation settings
    app.get('/staff/admin/settings', async (request, reply) => {
      const org = await admin.organisation(requireStaff(request));
      return renderPage(request, reply, (ctx) =>
        settingsPage(ctx, {
          values: settingsValues(org),
          errors: {},
          saved: savedFlag(request),
          mailFrom: opts.mailFrom,
        }),
      );
    });
    app.post('/staff/admin/settings', async (request, reply) => {
      const staff = requireStaff(request);
      const b = body(request);
      const parsed = parseSettingsForm(b);
      const result = parsed.ok
        ? await attempt(() => admin.saveSettings(staff, parsed.input))
        : { ok: false as const, fields: issueKeys(parsed.issues) };
      if (!result.ok) {
        await admin.organisation(staff);
        return renderPage(
          request,
          reply,
          (ctx) =>
            settingsPage(ctx, {
              values: b,
              errors: translateErrors(ctx.t, result.fields),
              saved: false,
              mailFrom: opts.mailFrom,
            }),
          400,
        );
      }
      return reply.redirect('/staff/admin/settings?saved=1', 303);
    });
  };
}
