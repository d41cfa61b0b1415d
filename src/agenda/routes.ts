import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { renderPage, pageContext } from '../http/page.ts';
import { requireStaff } from '../http/session.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { isCalendarDate } from '../lib/zoned-time.ts';
import type { AgendaService } from './service.ts';
import { agendaList, agendaPage, todayList, todaySection } from './views/agenda.ts';
import { staffHomePage } from './views/staff-home.ts';
import { appointmentPage, MAX_REASON } from './views/appointment.ts';
import { lobbyList, lobbyPanel } from './views/lobby.ts';
import { noShowPage } from './views/no-show.ts';
import { AppError } from '../lib/errors.ts';
import { IDENTITY_DOCUMENTS } from '../meeting/protocol.ts';

const day = z.string().refine(isCalendarDate).optional().catch(undefined);
const agendaQuery = z.object({
  day,
  week: day,
  office: z.uuid().optional().catch(undefined),
  official: z.uuid().optional().catch(undefined),
  saved: z.string().optional(),
});
const bookingParams = z.object({ id: z.uuid() });
const cancelForm = z.object({
  reason: z
    .string()
    .trim()
    .min(1, 'agenda.error.reason_missing')
    .max(MAX_REASON, 'agenda.error.reason_long'),
});
const noShowForm = z.object({
  back: z.literal('appointment').optional().catch(undefined),
  confirmed: z.literal('yes').optional().catch(undefined),
});
const backQuery = z.object({ back: z.enum(['appointment', 'agenda']).catch('appointment') });
const identityForm = z.object({ document: z.enum([...IDENTITY_DOCUMENTS, 'none']) });

const NOTICES: Record<string, MessageKey> = {
  cancelled: 'agenda.saved.cancelled',
  no_show: 'agenda.saved.no_show',
  no_show_undone: 'agenda.saved.no_show_undone',
  identity: 'agenda.saved.identity',
};
const noticeOf = (request: FastifyRequest, saved: string | undefined) =>
  saved && NOTICES[saved] ? request.t(NOTICES[saved]) : null;

/** Parts of pages that scripts fetch: no page around them, so no lobby panel either. */
const FRAGMENTS = new Set(['/staff/lobby/panel', '/staff/today/list', '/staff/agenda/list']);

/**
 * Puts the lobby panel on every staff page: for a signed-in staff member's GET of a page
 * under /staff, one indexed query before the handler, so the synchronous layout can draw it.
 * A callback hook, so a citizen's request (no session) passes without even a promise.
 */
export function lobbyPanelHook(agenda: AgendaService) {
  return function lobbyPanelHook(
    request: FastifyRequest,
    _reply: FastifyReply,
    done: (err?: Error) => void,
  ): void {
    const staff = request.staff;
    if (!staff || request.method !== 'GET' || request.headers.upgrade) return done();
    const path = request.url.split('?')[0]!;
    if (
      path !== '/staff' &&
      (!path.startsWith('/staff/') || FRAGMENTS.has(path) || path.startsWith('/staff/sign-'))
    )
      return done();
    agenda.waiting(staff).then(
      (waiting) => {
        request.staffPanel = (ctx) => lobbyPanel(ctx, waiting);
        done();
      },
      (err: Error) => done(err),
    );
  };
}

/** The officials' agenda, the appointment page, cancelling and marking a no-show, and the lobby panel's refresh. */
export function agendaRoutes(agenda: AgendaService) {
  return async function routes(app: FastifyInstance): Promise<void> {
    async function showAppointment(
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      form: { values: { reason: string }; errors: Record<string, string>; notice: string | null },
      status = 200,
    ) {
      const a = await agenda.appointment(requireStaff(request), id);
      return renderPage(request, reply, (ctx) => appointmentPage(ctx, a, form), status);
    }

    const agendaOf = (request: FastifyRequest) => {
      const q = agendaQuery.parse(request.query ?? {});
      const filter = {
        ...(q.day ? { day: q.day } : {}),
        ...(q.week ? { week: q.week } : {}),
        ...(q.office ? { officeId: q.office } : {}),
        ...(q.official ? { officialId: q.official } : {}),
      };
      return { q, agenda: agenda.agenda(requireStaff(request), filter) };
    };

    app.get('/staff/agenda', async (request, reply) => {
      const { q, agenda: a } = agendaOf(request);
      const shown = await a;
      return renderPage(request, reply, (ctx) =>
        agendaPage(ctx, shown, noticeOf(request, q.saved)),
      );
    });

    // The agenda's list alone, for the page's script to swap in (src/meeting/client/live-list.ts).
    app.get('/staff/agenda/list', async (request, reply) => {
      const shown = await agendaOf(request).agenda;
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
      return agendaList(pageContext(request, reply), shown).value;
    });

    app.get('/staff/appointments/:id', async (request, reply) => {
      requireStaff(request);
      const { id } = bookingParams.parse(request.params);
      const { saved } = agendaQuery.parse(request.query ?? {});
      return showAppointment(request, reply, id, {
        values: { reason: '' },
        errors: {},
        notice: noticeOf(request, saved),
      });
    });

    app.post('/staff/appointments/:id/cancel', async (request, reply) => {
      const staff = requireStaff(request);
      const { id } = bookingParams.parse(request.params);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const typed = typeof body.reason === 'string' ? body.reason : '';
      const form = cancelForm.safeParse(body);
      if (!form.success) {
        const errors = Object.fromEntries(
          form.error.issues.map((i) => [
            String(i.path[0]),
            request.t(i.message as MessageKey, { max: MAX_REASON }),
          ]),
        );
        return showAppointment(
          request,
          reply,
          id,
          { values: { reason: typed }, errors, notice: null },
          400,
        );
      }
      await agenda.cancel(staff, id, form.data.reason);
      return reply.redirect(`/staff/appointments/${id}?saved=cancelled`, 303);
    });

    // The confirmation step of a no-show: its own page, so it works without JavaScript.
    app.get('/staff/appointments/:id/no-show', async (request, reply) => {
      const staff = requireStaff(request);
      const { id } = bookingParams.parse(request.params);
      const { back } = backQuery.parse(request.query ?? {});
      const q = await agenda.noShowQuestion(staff, id);
      return renderPage(
        request,
        reply,
        (ctx) => noShowPage(ctx, { ...q, back }),
        q.actions.noShow ? 200 : 409,
      );
    });

    app.post('/staff/meetings/:id/no-show', async (request, reply) => {
      const staff = requireStaff(request);
      const { id } = bookingParams.parse(request.params);
      const { back, confirmed } = noShowForm.parse(request.body ?? {});
      // Only from the confirmation page: an old one-click form (or a stray post) asks first;
      // someone else's appointment is not found either way.
      await agenda.mayWorkOn(staff, id);
      if (!confirmed)
        return reply.redirect(`/staff/appointments/${id}/no-show?back=${back ?? 'agenda'}`, 303);
      await agenda.markNoShow(staff, id);
      return reply.redirect(
        back === 'appointment' ? `/staff/appointments/${id}?saved=no_show` : '/staff#today',
        303,
      );
    });

    app.post('/staff/appointments/:id/no-show/undo', async (request, reply) => {
      const staff = requireStaff(request);
      const { id } = bookingParams.parse(request.params);
      await agenda.undoNoShow(staff, id);
      return reply.redirect(`/staff/appointments/${id}?saved=no_show_undone`, 303);
    });

    app.post('/staff/appointments/:id/identity', async (request, reply) => {
      const staff = requireStaff(request);
      const { id } = bookingParams.parse(request.params);
      await agenda.mayWorkOn(staff, id);
      const form = identityForm.safeParse(request.body ?? {});
      if (!form.success) throw new AppError('invalid_input', 'no such document type');
      await agenda.checkIdentity(
        staff,
        id,
        form.data.document === 'none' ? null : form.data.document,
      );
      return reply.redirect(`/staff/appointments/${id}?saved=identity#identity`, 303);
    });

    // The staff start page, where sign-in leads: today's appointments first.
    app.get('/staff', async (request, reply) => {
      const { overview, today } = await agenda.home(requireStaff(request));
      return renderPage(request, reply, (ctx) =>
        staffHomePage(ctx, overview, todaySection(ctx, today)),
      );
    });

    // Today's appointments alone, for the start page's script to swap in (src/meeting/client/live-list.ts).
    app.get('/staff/today/list', async (request, reply) => {
      const a = await agenda.agenda(requireStaff(request), {});
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
      return todayList(pageContext(request, reply), a).value;
    });

    // The lobby panel's list alone, for the live script to swap in after a knock or a leave.
    app.get('/staff/lobby/panel', async (request, reply) => {
      const staff = requireStaff(request);
      const waiting = await agenda.waiting(staff);
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
      return lobbyList(pageContext(request, reply), waiting).value;
    });
  };
}
