import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { renderPage } from '../http/page.ts';
import { requireStaff } from '../http/session.ts';
import { AppError } from '../lib/errors.ts';
import { keepAlive, sameOrigin } from '../http/websocket.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { tokenBucket } from './domain.ts';
import { maySend } from './lobby.ts';
import type { Connection } from './hub.ts';
import { browserSecret, ensureBrowserSecret } from './browser.ts';
import { clientMessage } from './protocol.ts';
import type { Entrant, MeetingService } from './service.ts';
import {
  earlyPage,
  helpPage,
  meetingPage,
  minutesPage,
  overPage,
  surveyDonePage,
  surveyPage,
} from './views/pages.ts';

const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
const bookingParams = z.object({ id: z.uuid() });
const surveyForm = z.object({
  rating: z.coerce
    .number()
    .int()
    .min(1, 'meeting.error.rating')
    .max(5, 'meeting.error.rating')
    .catch(0)
    .pipe(z.number().min(1, 'meeting.error.rating')),
  comment: z
    .string()
    .trim()
    .max(2000, 'meeting.error.comment')
    .optional()
    .transform((v) => v || null),
});

// Signalling comes in bursts (a dozen ICE candidates at once); chat should not. A
// socket that keeps going past its limits after being told is closed.
const MESSAGES_BURST = 60;
const MESSAGES_PER_SECOND = 20;
const CHAT_BURST = 5;
const CHAT_PER_SECOND = 0.5;
const MAX_STRIKES = 50;
/**
 * Meeting pages (join link, guest link, staff room, survey, minutes, help) and their WebSockets;
 * `testHooks` (outside production) lets the meeting page load the browser tests' hook.
 */
export function meetingRoutes(meeting: MeetingService, opts: { testHooks: boolean }) {
  return async function routes(app: FastifyInstance): Promise<void> {
    /**
     * Runs one socket: validates, limits and dispatches every frame; never lets a bad frame take
     * the server down. `name` is the one the door knows (booking, guest link, staff account):
     * nobody chooses the name the others see.
     */
    function serve(
      socket: WebSocket,
      request: FastifyRequest,
      entrant: Entrant | null,
      name: string,
    ): void {
      if (!entrant || !sameOrigin(request)) {
        socket.close(1008, 'not allowed');
        return;
      }
      keepAlive(socket);
      const log = request.log;
      const all = tokenBucket(MESSAGES_BURST, MESSAGES_PER_SECOND, Date.now);
      const chat = tokenBucket(CHAT_BURST, CHAT_PER_SECOND, Date.now);
      let strikes = 0;
      let connection: Connection | null = null;
      const pending: (string | null)[] = [];
      const strike = (code: 'rate_limited' | 'forbidden' | 'invalid', why: string) => {
        log.warn({ participant: connection?.participantId, why }, 'meeting message dropped');
        if (connection) meeting.hub.send(socket, { type: 'error', code });
        if (++strikes > MAX_STRIKES) socket.close(1008, 'too many bad messages');
      };
      const handle = (text: string | null) => {
        const c = connection;
        if (!c) return;
        if (text === null) return strike('invalid', 'binary frame');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          return strike('invalid', 'not JSON');
        }
        const parsed = clientMessage.safeParse(json);
        if (!parsed.success) return strike('invalid', 'schema');
        const m = parsed.data;
        if (!maySend(c.role, c.admitted, m.type))
          return strike('forbidden', `${m.type} not allowed`);
        if (!all.take() || (m.type === 'chat' && !chat.take()))
          return strike('rate_limited', m.type);
        meeting.receive(c, m).catch((err: unknown) => {
          if (err instanceof AppError) return strike('invalid', err.message);
          log.error({ err }, 'meeting message failed');
        });
      };
      socket.on('message', (data, isBinary) => {
        // A binary frame waits its turn like any other, so its refusal is answered once the socket is known.
        const text = isBinary
          ? null
          : Buffer.isBuffer(data)
            ? data.toString('utf8')
            : Buffer.concat(data as Buffer[]).toString('utf8');
        if (connection) handle(text);
        else if (pending.length < 20) pending.push(text);
      });
      socket.on('error', (err) => log.warn({ err }, 'meeting socket error'));
      let closed = false;
      socket.on('close', () => {
        closed = true;
        if (connection)
          meeting
            .disconnect(connection)
            .catch((err: unknown) => log.error({ err }, 'leaving the meeting failed'));
      });
      meeting.connect(entrant, name, socket).then(
        (c) => {
          if (c === 'over') return socket.close(4410, 'over');
          if (c === 'full') return socket.close(4429, 'too many browsers on this link');
          connection = c;
          if (closed)
            return void meeting
              .disconnect(c)
              .catch((err: unknown) => log.error({ err }, 'leaving the meeting failed'));
          for (const text of pending.splice(0)) handle(text);
        },
        (err: unknown) => {
          log.error({ err }, 'joining the meeting failed');
          socket.close(1011, 'error');
        },
      );
    }

    async function citizen(token: string, request: FastifyRequest) {
      const e = await meeting.citizenByToken(token, browserSecret(request));
      if (!e) throw new AppError('not_found');
      return e;
    }

    /** The join link: the meeting when its window is open, otherwise when to come back, or that it is over. */
    async function joinPage(
      request: FastifyRequest,
      reply: FastifyReply,
      e: Entrant,
      token: string | null,
      ws: string,
      name: string,
    ) {
      const window = await meeting.windowOf(e.booking);
      if (window.kind === 'early')
        return renderPage(request, reply, (ctx) => earlyPage(ctx, e.booking, window));
      if (window.kind === 'over') {
        const after = await meeting.afterMeeting(e.booking.id);
        const data = {
          token,
          minutes: after.minutes.trim() !== '',
          surveyOpen: after.startedAt !== null && !after.survey,
        };
        return renderPage(
          request,
          reply,
          (ctx) => overPage(ctx, e.booking, data),
          e.booking.state === 'cancelled' ? 410 : 200,
        );
      }
      return renderPage(request, reply, (ctx) =>
        meetingPage(ctx, { booking: e.booking, ws, role: e.role, name, testHook: opts.testHooks }),
      );
    }

    app.get('/j/:token', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const e = await citizen(token, request);
      ensureBrowserSecret(request, reply);
      return joinPage(request, reply, e, token, `/j/${token}/ws`, e.booking.name);
    });

    app.get('/j/:token/ws', { websocket: true }, (socket, request) => {
      const parsed = tokenParams.safeParse(request.params);
      const ready = parsed.success
        ? meeting.citizenByToken(parsed.data.token, browserSecret(request))
        : Promise.resolve(null);
      void ready.then(
        (e) => serve(socket, request, e, e?.booking.name ?? ''),
        () => socket.close(1011, 'error'),
      );
    });

    app.get('/g/:token', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const e = await meeting.guestByToken(token, browserSecret(request));
      if (!e) throw new AppError('not_found');
      ensureBrowserSecret(request, reply);
      return joinPage(request, reply, e, null, `/g/${token}/ws`, e.name);
    });

    app.get('/g/:token/ws', { websocket: true }, (socket, request) => {
      const parsed = tokenParams.safeParse(request.params);
      const ready = parsed.success
        ? meeting.guestByToken(parsed.data.token, browserSecret(request))
        : Promise.resolve(null);
      void ready.then(
        (e) => serve(socket, request, e, e?.name ?? ''),
        () => socket.close(1011, 'error'),
      );
    });

    app.get('/staff/meetings/:id', async (request, reply) => {
      const staff = requireStaff(request);
      const { id } = bookingParams.parse(request.params);
      const e = await meeting.forStaff(staff, id);
      const window = await meeting.windowOf(e.booking);
      if (window.kind === 'over') return joinPage(request, reply, e, null, '', staff.displayName);
      return renderPage(request, reply, (ctx) =>
        meetingPage(ctx, {
          booking: e.booking,
          ws: `/staff/meetings/${id}/ws`,
          role: 'staff',
          name: staff.displayName,
          testHook: opts.testHooks,
        }),
      );
    });

    app.get('/staff/meetings/:id/ws', { websocket: true }, (socket, request) => {
      const parsed = bookingParams.safeParse(request.params);
      const staff = request.staff;
      const ready =
        parsed.success && staff ? meeting.forStaff(staff, parsed.data.id) : Promise.resolve(null);
      void ready.then(
        (e) => serve(socket, request, e, staff?.displayName ?? ''),
        () => socket.close(1008, 'not allowed'),
      );
    });

    // Knocks at the lobbies of the offices a staff member works at, for the start page.
    app.get('/staff/lobby/ws', { websocket: true }, (socket, request) => {
      const staff = request.staff;
      if (!staff || !sameOrigin(request)) return socket.close(1008, 'not allowed');
      socket.on('message', () => socket.close(1008, 'this socket only listens'));
      keepAlive(socket);
      meeting.officesOf(staff).then(
        (offices) => meeting.hub.watchOffices(socket, offices, staff.id),
        () => socket.close(1011, 'error'),
      );
    });

    app.get('/j/:token/survey', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const e = await citizen(token, request);
      const after = await meeting.afterMeeting(e.booking.id);
      if (after.survey) return renderPage(request, reply, (ctx) => surveyDonePage(ctx, true));
      return renderPage(request, reply, (ctx) =>
        surveyPage(ctx, { token, values: {}, errors: {}, minutes: after.minutes.trim() !== '' }),
      );
    });

    app.post('/j/:token/survey', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const e = await citizen(token, request);
      const body = (request.body ?? {}) as Record<string, string>;
      const form = surveyForm.safeParse(body);
      const values = { rating: String(body.rating ?? ''), comment: String(body.comment ?? '') };
      const again = (errors: Record<string, string>) =>
        renderPage(
          request,
          reply,
          (ctx) => surveyPage(ctx, { token, values, errors, minutes: false }),
          400,
        );
      if (!form.success) {
        return again(
          Object.fromEntries(
            form.error.issues.map((i) => [String(i.path[0]), request.t(i.message as MessageKey)]),
          ),
        );
      }
      const outcome = await meeting.submitSurvey(e, form.data.rating, form.data.comment);
      if (outcome === 'not_yet') return again({ rating: request.t('meeting.error.not_yet') });
      return renderPage(request, reply, (ctx) => surveyDonePage(ctx, outcome === 'already'));
    });

    app.get('/j/:token/minutes', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const e = await citizen(token, request);
      const { minutes } = await meeting.afterMeeting(e.booking.id);
      if (!minutes.trim()) throw new AppError('not_found');
      return renderPage(request, reply, (ctx) => minutesPage(ctx, e.booking, minutes));
    });

    app.get('/help/meeting', async (request, reply) => renderPage(request, reply, helpPage));
  };
}
