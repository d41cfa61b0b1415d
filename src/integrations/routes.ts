import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { renderPage } from '../http/page.ts';
import { requireStaff } from '../http/session.ts';
import { AppError } from '../lib/errors.ts';
import { translateErrors, type Values } from '../views/admin-form.ts';
import type { IntegrationsService } from './service.ts';
import { createdPage, revokePage, tokensPage } from './views.ts';

const idParam = z.object({ id: z.uuid() });
const listQuery = z.object({ revoked: z.literal('1').optional() });
/** The create form as posted: a name and the ticked scopes (one or many, or none). */
const createForm = z.object({
  name: z.string().max(1000).default(''),
  scopes: z
    .union([z.string(), z.array(z.string()).max(20)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});

/** An admin's pages for the organisation's API tokens: list, create (shown once), revoke. */
export function integrationsRoutes(integrations: IntegrationsService) {
  return async (app: FastifyInstance) => {
    const list = async (
      request: FastifyRequest,
      reply: FastifyReply,
      typed?: { values: Values; fields: Record<string, string> },
    ) => {
      const data = await integrations.list(requireStaff(request));
      const revoked = !typed && listQuery.parse(request.query).revoked === '1';
      return renderPage(
        request,
        reply,
        (ctx) =>
          tokensPage(ctx, {
            ...data,
            values: typed?.values ?? {},
            errors: typed ? translateErrors(ctx.t, typed.fields) : {},
            revoked,
          }),
        typed ? 400 : 200,
      );
    };
    app.get('/staff/admin/integrations', async (request, reply) => list(request, reply));

    app.post('/staff/admin/integrations', async (request, reply) => {
      const staff = requireStaff(request);
      const form = createForm.parse(request.body ?? {});
      try {
        const { token } = await integrations.create(staff, form);
        // The token is in this answer only: no store may keep it, and there is no URL to go back to.
        reply.header('cache-control', 'no-store');
        return renderPage(request, reply, (ctx) =>
          createdPage(ctx, { name: form.name.trim(), token }),
        );
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'invalid_input' && err.fields)) throw err;
        return list(request, reply, {
          values: { name: form.name, scopes: form.scopes },
          fields: err.fields,
        });
      }
    });

    app.get('/staff/admin/integrations/:id/revoke', async (request, reply) => {
      const token = await integrations.get(requireStaff(request), idParam.parse(request.params).id);
      if (token.revokedAt) return reply.redirect('/staff/admin/integrations', 303);
      return renderPage(request, reply, (ctx) => revokePage(ctx, token));
    });
    app.post('/staff/admin/integrations/:id/revoke', async (request, reply) => {
      await integrations.revoke(requireStaff(request), idParam.parse(request.params).id);
      return reply.redirect('/staff/admin/integrations?revoked=1', 303);
    });
  };
}
