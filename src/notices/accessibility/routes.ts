// The accessibility statement over HTTP: the public page /o/{org}/accessibility and the admin's
// form /staff/admin/accessibility (admins of the organisation only).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { renderPage } from '../../http/page.ts';
import { requireStaff } from '../../http/session.ts';
import { queryFlag } from '../../lib/query.ts';
import { translateErrors, type Values } from '../../views/admin-form.ts';
import type { FormBody } from '../../tenants/admin-schema.ts';
import { orgParams, parseStatementForm } from './schema.ts';
import type { AccessibilityService } from './service.ts';
import { statementPage } from './views/statement.ts';
import { ADMIN_PATH, statementFormPage, statementValues } from './views/admin.ts';

const savedQuery = z.object({ saved: queryFlag });

/** The public statement and its admin form. */
export function accessibilityRoutes(accessibility: AccessibilityService) {
  return async (app: FastifyInstance) => {
    app.get('/o/:org/accessibility', async (request, reply) => {
      const data = await accessibility.statement(orgParams.parse(request.params).org);
      return renderPage(request, reply, (ctx) => statementPage(ctx, data));
    });

    const show = async (
      request: FastifyRequest,
      reply: FastifyReply,
      typed?: { values: Values; fields: Record<string, string> },
    ) => {
      const data = await accessibility.adminForm(requireStaff(request));
      const saved = !typed && savedQuery.parse(request.query).saved;
      return renderPage(
        request,
        reply,
        (ctx) =>
          statementFormPage(ctx, {
            organisation: data.organisation,
            platform: data.statement.platform,
            values: typed?.values ?? statementValues(data.statement),
            errors: typed ? translateErrors(ctx.t, typed.fields) : {},
            saved,
          }),
        typed ? 400 : 200,
      );
    };
    app.get(ADMIN_PATH, async (request, reply) => show(request, reply));
    app.post(ADMIN_PATH, async (request, reply) => {
      const staff = requireStaff(request);
      // Who may before what was posted: an official gets 403, not field errors.
      await accessibility.adminForm(staff);
      const b = (request.body ?? {}) as FormBody;
      const parsed = parseStatementForm(b);
      if (!parsed.ok) return show(request, reply, { values: b, fields: parsed.fields });
      await accessibility.save(staff, parsed.input);
      return reply.redirect(`${ADMIN_PATH}?saved=1`, 303);
    });
  };
}
