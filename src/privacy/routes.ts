import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { renderPage } from '../http/page.ts';
import { requireStaff } from '../http/session.ts';
import { AppError } from '../lib/errors.ts';
import type { FieldErrors } from '../views/form.ts';
import { emailForm, privacyQuery, settingsForm, settingsErrors } from './schema.ts';
import type { PrivacyService, PrivacySettings } from './service.ts';
import { privacyNoticePage } from './views/notice.ts';
import { erasureConfirmPage, staffPrivacyPage, type StaffPrivacyData } from './views/staff.ts';

const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * /staff/privacy (admins of their own organisation) and the public notice /o/:org/privacy.
 * The citizen's address travels in POST bodies, never in a URL, so it stays out of browser
 * history, proxies' logs and Referer headers.
 */
export function privacyRoutes(privacy: PrivacyService) {
  type Extra = Partial<Pick<StaffPrivacyData, 'errors' | 'email' | 'results' | 'notice'>> & {
    form?: StaffPrivacyData['form'];
  };

  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Extra = {},
    status = 200,
  ) {
    const data = await privacy.overview(requireStaff(request));
    const s = data.settings;
    const form = extra.form ?? {
      retentionDays: String(s.retentionDays),
      dpoName: s.dpoName ?? '',
      dpoEmail: s.dpoEmail ?? '',
      postalAddress: s.postalAddress ?? '',
    };
    return renderPage(
      request,
      reply,
      (ctx) =>
        staffPrivacyPage(ctx, {
          ...data,
          errors: {},
          email: '',
          results: null,
          notice: null,
          ...extra,
          form,
        }),
      status,
    );
  }

  return async (app: FastifyInstance) => {
    app.get('/staff/privacy', async (request, reply) => {
      const q = privacyQuery.parse(request.query);
      const notice = q.saved
        ? request.t('privacy.saved')
        : q.erased
          ? request.t('privacy.erased', q.erased)
          : null;
      return show(request, reply, { notice });
    });

    app.post('/staff/privacy/settings', async (request, reply) => {
      const staff = requireStaff(request);
      const parsed = settingsForm.safeParse(body(request));
      if (!parsed.success) {
        const b = body(request);
        const form = {
          retentionDays: text(b.retentionDays),
          dpoName: text(b.dpoName),
          dpoEmail: text(b.dpoEmail),
          postalAddress: text(b.postalAddress),
        };
        return show(request, reply, { errors: settingsErrors(parsed.error, request.t), form }, 400);
      }
      await privacy.saveSettings(staff, parsed.data satisfies PrivacySettings);
      return reply.redirect('/staff/privacy?saved=1#settings', 303);
    });

    app.post('/staff/privacy/search', async (request, reply) => {
      const staff = requireStaff(request);
      const email = emailForm.safeParse(body(request));
      if (!email.success)
        return show(
          request,
          reply,
          { errors: emailError(request), email: text(body(request).email) },
          400,
        );
      return show(request, reply, {
        email: email.data.email,
        results: await privacy.search(staff, email.data.email),
      });
    });

    app.post('/staff/privacy/export', async (request, reply) => {
      const staff = requireStaff(request);
      const email = emailForm.safeParse(body(request));
      if (!email.success)
        return show(
          request,
          reply,
          { errors: emailError(request), email: text(body(request).email) },
          400,
        );
      const file = await privacy.exportFor(staff, email.data.email);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.json);
    });

    app.post('/staff/privacy/erase', async (request, reply) => {
      const staff = requireStaff(request);
      const email = emailForm.safeParse(body(request));
      if (!email.success)
        return show(
          request,
          reply,
          { errors: emailError(request), email: text(body(request).email) },
          400,
        );
      const found = await privacy.search(staff, email.data.email);
      if (found.bookings.length === 0)
        return show(request, reply, { email: found.email, results: found });
      const { organisation } = await privacy.overview(staff);
      return renderPage(request, reply, (ctx) =>
        erasureConfirmPage(ctx, { organisation, ...found, problem: null }),
      );
    });

    app.post('/staff/privacy/erase/confirm', async (request, reply) => {
      const staff = requireStaff(request);
      const b = body(request);
      const email = emailForm.safeParse(b);
      if (!email.success)
        return show(request, reply, { errors: emailError(request), email: text(b.email) }, 400);
      try {
        const done = await privacy.erase(staff, email.data.email, {
          cancelFuture: b.cancelFuture === 'yes',
        });
        return reply.redirect(`/staff/privacy?erased=${done.erased}-${done.cancelled}`, 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'conflict') throw err;
        // Something changed since the confirmation page: show it again as it is now, with why.
        const found = await privacy.search(staff, email.data.email);
        const { organisation } = await privacy.overview(staff);
        const problem = found.bookings.some(
          (x) => x.state === 'held' && x.erasure === 'cancel_first',
        )
          ? request.t('privacy.error.held')
          : request.t('privacy.error.ahead');
        return renderPage(
          request,
          reply,
          (ctx) => erasureConfirmPage(ctx, { organisation, ...found, problem }),
          409,
        );
      }
    });

    app.get('/o/:org/privacy', async (request, reply) => {
      const { org } = z.object({ org: z.string().max(80) }).parse(request.params);
      const data = await privacy.notice(org);
      return renderPage(request, reply, (ctx) => privacyNoticePage(ctx, data));
    });
  };
}

function emailError(request: FastifyRequest): FieldErrors {
  return { email: request.t('privacy.error.email') };
}
