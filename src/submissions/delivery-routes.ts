import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { renderPage } from '../http/page.ts';
import { requireStaff } from '../http/session.ts';
import { AppError } from '../lib/errors.ts';
import { translateErrors, type Values } from '../views/admin-form.ts';
import type { DeliveryAdmin } from './delivery-admin.ts';
import {
  createdPage,
  removePage,
  settingsPage,
  statesPage,
  type Notice,
} from './delivery-views.ts';

const BASE = '/staff/admin/deliveries';
const idParam = z.object({ id: z.uuid() });
const DONE = ['saved', 'disabled', 'enabled', 'removed', 'retried'] as const;
const settingsQuery = z.object({ done: z.enum(DONE).optional().catch(undefined) });
const statesQuery = z.object({
  state: z.enum(['all', 'queued', 'delivered', 'failed']).catch('all'),
  before: z.uuid().optional().catch(undefined),
  submission: z.uuid().optional().catch(undefined),
  done: z.enum(DONE).optional().catch(undefined),
});
const emailForm = z.object({ intakeEmail: z.string().max(1000).default('') });
const webhookForm = z.object({ url: z.string().max(4000).default('') });
/** Adding a receiver resolves a name; a test event posts out of the installation. */
const OUTBOUND_LIMIT = { config: { rateLimit: { max: 10, timeWindow: 60_000 } } };

const doneNotice = (done: (typeof DONE)[number] | undefined): Notice | null => {
  if (!done) return null;
  const key = done === 'saved' ? 'delivery.email.saved' : (`delivery.${done}` as const);
  return { key, ok: true };
};

/** An admin's pages for the delivery of submissions: settings, receivers, states, retry. */
export function deliveryRoutes(admin: DeliveryAdmin) {
  return async (app: FastifyInstance) => {
    const settings = async (
      request: FastifyRequest,
      reply: FastifyReply,
      shown: { values?: Values; fields?: Record<string, string>; notice?: Notice | null } = {},
    ) => {
      const data = await admin.settings(requireStaff(request));
      const notice = shown.notice ?? doneNotice(settingsQuery.parse(request.query).done);
      return renderPage(
        request,
        reply,
        (ctx) =>
          settingsPage(ctx, {
            ...data,
            values: shown.values ?? {},
            errors: shown.fields ? translateErrors(ctx.t, shown.fields) : {},
            notice: shown.fields ? null : notice,
          }),
        shown.fields ? 400 : 200,
      );
    };
    /** A rejected form: the settings again with its errors and what was typed. */
    const rejected =
      (request: FastifyRequest, reply: FastifyReply, values: Values) => (err: unknown) => {
        if (!(err instanceof AppError && err.code === 'invalid_input' && err.fields)) throw err;
        return settings(request, reply, { values, fields: err.fields });
      };

    app.get(BASE, async (request, reply) => settings(request, reply));

    app.post(`${BASE}/email`, async (request, reply) => {
      const form = emailForm.parse(request.body ?? {});
      try {
        await admin.setIntakeEmail(requireStaff(request), form.intakeEmail);
      } catch (err) {
        return rejected(request, reply, form)(err);
      }
      return reply.redirect(`${BASE}?done=saved`, 303);
    });

    app.post(`${BASE}/webhooks`, OUTBOUND_LIMIT, async (request, reply) => {
      const staff = requireStaff(request);
      const form = webhookForm.parse(request.body ?? {});
      try {
        const created = await admin.addWebhook(staff, form);
        // The secret is in this answer only: no store may keep it, and no URL leads back to it.
        reply.header('cache-control', 'no-store');
        return renderPage(request, reply, (ctx) => createdPage(ctx, created));
      } catch (err) {
        return rejected(request, reply, form)(err);
      }
    });

    // Before removal: the authorisation sweep lets owners through routes in this order.
    app.post(`${BASE}/webhooks/:id/test`, OUTBOUND_LIMIT, async (request, reply) => {
      const staff = requireStaff(request);
      const { url, attempt } = await admin.testWebhook(staff, idParam.parse(request.params).id);
      const notice: Notice = attempt.delivered
        ? { key: 'delivery.test.ok', params: { url, status: attempt.status }, ok: true }
        : { key: 'delivery.test.failed', params: { url, reason: attempt.reason }, ok: false };
      return settings(request, reply, { notice });
    });

    for (const action of ['disable', 'enable'] as const)
      app.post(`${BASE}/webhooks/:id/${action}`, async (request, reply) => {
        const { id } = idParam.parse(request.params);
        const staff = requireStaff(request);
        if (action === 'disable') await admin.disableWebhook(staff, id);
        else await admin.enableWebhook(staff, id);
        return reply.redirect(`${BASE}?done=${action}d`, 303);
      });

    app.get(`${BASE}/webhooks/:id/remove`, async (request, reply) => {
      const hook = await admin.webhook(requireStaff(request), idParam.parse(request.params).id);
      return renderPage(request, reply, (ctx) => removePage(ctx, hook));
    });
    app.post(`${BASE}/webhooks/:id/remove`, async (request, reply) => {
      await admin.removeWebhook(requireStaff(request), idParam.parse(request.params).id);
      return reply.redirect(`${BASE}?done=removed`, 303);
    });

    app.get(`${BASE}/states`, async (request, reply) => {
      const q = statesQuery.parse(request.query);
      const data = await admin.deliveries(requireStaff(request), {
        filter: q.state,
        submissionId: q.submission,
        before: q.before,
      });
      return renderPage(request, reply, (ctx) =>
        statesPage(ctx, {
          ...data,
          filter: q.state,
          submission: q.submission ?? null,
          notice: doneNotice(q.done),
        }),
      );
    });

    app.post(`${BASE}/:id/retry`, async (request, reply) => {
      await admin.retry(requireStaff(request), idParam.parse(request.params).id);
      return reply.redirect(`${BASE}/states?state=all&done=retried`, 303);
    });
  };
}
