import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { renderPage } from '../http/page.ts';
import { setOperatorCookie } from '../http/operator-session.ts';
import { AppError } from '../lib/errors.ts';
import type { OperatorService } from '../operator/service.ts';
import { translateErrors } from '../views/admin-form.ts';
import { SET_PASSWORD_PATH, type InvitationService } from './invitations.ts';
import { deadLinkPage, setPasswordPage } from './views/set-password.ts';

// A token is 32 bytes in base64url (43 characters); anything else is simply an unknown link.
const tokenParam = z.object({ token: z.string().max(100) });

/**
 * The page behind a set-password link, for staff and operators alike. A staff member then signs
 * in; an operator goes straight on to enrol the second factor, which is mandatory.
 */
export function invitationRoutes(deps: {
  invitations: InvitationService;
  operators: OperatorService;
}) {
  const { invitations, operators } = deps;
  return async (app: FastifyInstance) => {
    // The token is a key: its pages are never stored by a browser or proxy (and the referrer policy is same-origin).
    app.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });
    const show = async (
      request: FastifyRequest,
      reply: FastifyReply,
      token: string,
      fields?: Record<string, string>,
    ) => {
      const link = await invitations.view(token);
      if (link.state !== 'open')
        return renderPage(
          request,
          reply,
          (ctx) => deadLinkPage(ctx, link),
          link.state === 'unknown' ? 404 : 410,
        );
      const action = `${SET_PASSWORD_PATH}/${encodeURIComponent(token)}`;
      return renderPage(
        request,
        reply,
        (ctx) =>
          setPasswordPage(ctx, {
            link,
            action,
            errors: fields ? translateErrors(ctx.t, fields) : {},
          }),
        fields ? 400 : 200,
      );
    };

    app.get(`${SET_PASSWORD_PATH}/:token`, async (request, reply) =>
      show(request, reply, tokenParam.parse(request.params).token),
    );

    app.post(
      `${SET_PASSWORD_PATH}/:token`,
      { config: { rateLimit: { max: 10, timeWindow: 60_000 } } },
      async (request, reply) => {
        const { token } = tokenParam.parse(request.params);
        const typed = ((request.body ?? {}) as Record<string, unknown>).password;
        const password = typeof typed === 'string' ? typed : '';
        try {
          const set = await invitations.setPassword(token, password, request.ip);
          if (set.kind === 'staff') return reply.redirect('/staff/sign-in?password_set=1', 303);
          setOperatorCookie(reply, await operators.enrolmentSession(set.operatorId));
          return reply.redirect('/operator/enrol', 303);
        } catch (err) {
          if (err instanceof AppError && err.code === 'invalid_input' && err.fields)
            return show(request, reply, token, err.fields);
          // Used, expired or replaced while the form was open: the page says so.
          if (err instanceof AppError && err.code === 'not_found')
            return show(request, reply, token);
          throw err;
        }
      },
    );
  };
}
