import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { validGraceMinutes } from '../folder/service.ts';
import { z } from 'zod';
import { renderPage } from '../http/page.ts';
import { requireStaff } from '../http/session.ts';
import { weekdayName } from '../views/dates.ts';
import type { FieldErrors } from '../views/form.ts';
import type { AvailabilityAdmin } from './admin.ts';
import { parseDayHours } from '../lib/calendar.ts';
import { zonedInstant } from '../lib/zoned-time.ts';
import { adminAvailabilityPage } from './views/admin.ts';
import { idParams, savedQuery } from './schema.ts';

const id = z.uuid();
const rulesForm = z.object({
  durationMinutes: z.coerce.number().int().min(5).max(480),
  bufferMinutes: z.coerce.number().int().min(0).max(240),
  capacity: z.coerce.number().int().min(1).max(50),
  minNoticeMinutes: z.coerce.number().int().min(0).max(43200),
  horizonDays: z.coerce.number().int().min(1).max(730),
});

/** Staff pages where admins set when appointments can be booked. */
export function availabilityAdminRoutes(admin: AvailabilityAdmin) {
  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { errors?: FieldErrors; typed?: { form: string; values: Record<string, string> } } = {},
    status = 200,
  ) {
    const data = await admin.overview(requireStaff(request));
    const { saved } = savedQuery.parse(request.query);
    return renderPage(
      request,
      reply,
      (ctx) =>
        adminAvailabilityPage(ctx, {
          ...data,
          errors: extra.errors ?? {},
          saved,
          ...(extra.typed ? { typed: extra.typed } : {}),
        }),
      status,
    );
  }
  const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, string>;

  return async (app: FastifyInstance) => {
    app.get('/staff/availability', async (request, reply) => show(request, reply));

    app.post('/staff/availability/hours', async (request, reply) => {
      const staff = requireStaff(request);
      const b = body(request);
      const staffId = id.parse(b.staffId);
      const officeId = id.parse(b.officeId);
      const form = `hours-${staffId}-${officeId}`;
      const week: { weekday: number; start: number; end: number }[] = [];
      const errors: FieldErrors = {};
      for (let d = 1; d <= 7; d++) {
        const ranges = parseDayHours(String(b[`d${d}`] ?? ''));
        if (ranges === null)
          errors[`${form}-d${d}`] = request.t('book.admin.error.hours', {
            day: weekdayName(d, request.lang),
          });
        else week.push(...ranges.map((r) => ({ weekday: d, ...r })));
      }
      if (Object.keys(errors).length)
        return show(request, reply, { errors, typed: { form, values: b } }, 400);
      await admin.setHours(staff, staffId, officeId, week);
      return reply.redirect('/staff/availability?saved=1', 303);
    });

    app.post('/staff/availability/closures', async (request, reply) => {
      const staff = requireStaff(request);
      const b = body(request);
      const day = z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .safeParse(b.day);
      if (!day.success || Number.isNaN(Date.parse(`${b.day}T00:00:00Z`))) {
        return show(
          request,
          reply,
          {
            errors: { 'closure-day': request.t('book.admin.error.day') },
            typed: { form: 'closure', values: b },
          },
          400,
        );
      }
      const officeId = b.officeId ? id.parse(b.officeId) : null;
      await admin.addClosure(staff, day.data, officeId, String(b.note ?? '').slice(0, 200));
      return reply.redirect('/staff/availability?saved=1#closures', 303);
    });

    app.post('/staff/availability/closures/:id/delete', async (request, reply) => {
      const staff = requireStaff(request);
      await admin.removeClosure(staff, idParams.parse(request.params).id);
      return reply.redirect('/staff/availability?saved=1#closures', 303);
    });

    app.post('/staff/availability/absences', async (request, reply) => {
      const staff = requireStaff(request);
      const b = body(request);
      const { organisation } = await admin.overview(staff);
      // datetime-local gives the office's wall-clock time: turn it into instants in the organisation's zone.
      const at = (v: unknown) => {
        const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(typeof v === 'string' ? v : '');
        return m
          ? zonedInstant(m[1]!, Number(m[2]) * 60 + Number(m[3]), organisation.timeZone)
          : null;
      };
      const from = at(b.from);
      const to = at(b.to);
      if (!from || !to || to <= from) {
        return show(
          request,
          reply,
          {
            errors: { 'absence-from': request.t('book.admin.error.absence') },
            typed: { form: 'absence', values: b },
          },
          400,
        );
      }
      await admin.addAbsence(staff, id.parse(b.staffId), from, to);
      return reply.redirect('/staff/availability?saved=1#absences', 303);
    });

    app.post('/staff/availability/absences/:id/delete', async (request, reply) => {
      const staff = requireStaff(request);
      await admin.removeAbsence(staff, idParams.parse(request.params).id);
      return reply.redirect('/staff/availability?saved=1#absences', 303);
    });

    app.post('/staff/availability/reminders', async (request, reply) => {
      const staff = requireStaff(request);
      const b = body(request);
      const parts = String(b.minutes ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      const minutes = parts.map(Number);
      if (parts.length > 5 || minutes.some((m) => !Number.isInteger(m) || m < 1 || m > 10080)) {
        return show(
          request,
          reply,
          {
            errors: { 'reminder-minutes': request.t('book.admin.error.reminders') },
            typed: { form: 'reminders', values: b },
          },
          400,
        );
      }
      await admin.setReminders(
        staff,
        [...new Set(minutes)].sort((x, y) => y - x),
      );
      return reply.redirect('/staff/availability?saved=1#reminders', 303);
    });

    app.post('/staff/availability/files', async (request, reply) => {
      const staff = requireStaff(request);
      const b = body(request);
      const minutes = Number(String(b.grace ?? '').trim() || NaN);
      if (!validGraceMinutes(minutes)) {
        return show(
          request,
          reply,
          {
            errors: { 'file-grace': request.t('book.admin.files.error_grace') },
            typed: { form: 'files', values: b },
          },
          400,
        );
      }
      await admin.setFileGrace(staff, minutes);
      await admin.setFileMacros(staff, b.macros === 'on');
      return reply.redirect('/staff/availability?saved=1#files', 303);
    });

    app.post('/staff/availability/services/:id', async (request, reply) => {
      const staff = requireStaff(request);
      const serviceId = idParams.parse(request.params).id;
      const b = body(request);
      const rules = rulesForm.safeParse(b);
      const form = `rules-${serviceId}`;
      if (!rules.success)
        return show(
          request,
          reply,
          {
            errors: { [`${form}-durationMinutes`]: request.t('book.admin.error.rules') },
            typed: { form, values: b },
          },
          400,
        );
      await admin.setServiceRules(staff, serviceId, rules.data);
      return reply.redirect('/staff/availability?saved=1#rules', 303);
    });
  };
}
