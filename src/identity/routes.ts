import type { FastifyInstance } from 'fastify';
import type { MessageKey } from '../i18n/i18n.ts';
import { renderPage } from '../http/page.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../http/session.ts';
import { signInForm, signInQuery } from './schema.ts';
import type { IdentityService } from './service.ts';
import { signInPage } from './views/sign-in.ts';

/** Staff sign-in and sign-out (the start page they lead to is the agenda's). */
export function identityRoutes(deps: { identity: IdentityService }) {
  const { identity } = deps;
  return async (app: FastifyInstance) => {
    app.get('/staff/sign-in', async (request, reply) => {
      if (request.staff) return reply.redirect('/staff', 303);
      const query = signInQuery.parse(request.query);
      return renderPage(request, reply, (ctx) =>
        signInPage(ctx, {
          email: '',
          errors: {},
          signedOut: query.signed_out,
          passwordSet: query.password_set,
        }),
      );
    });

    app.post(
      '/staff/sign-in',
      { config: { rateLimit: { max: 10, timeWindow: 60_000 } } },
      async (request, reply) => {
        const body = (request.body ?? {}) as Record<string, unknown>;
        const typedEmail = typeof body.email === 'string' ? body.email.slice(0, 254) : '';
        const parsed = signInForm.safeParse(body);
        if (!parsed.success) {
          const errors = Object.fromEntries(
            parsed.error.issues.map((i) => [String(i.path[0]), request.t(i.message as MessageKey)]),
          );
          return renderPage(
            request,
            reply,
            (ctx) => signInPage(ctx, { email: typedEmail, errors }),
            400,
          );
        }
        const result = await identity.signIn({
          ...parsed.data,
          ip: request.ip,
          previousToken: request.cookies[SESSION_COOKIE],
        });
        if (!result.ok) {
          const message =
            result.reason === 'throttled'
              ? request.t('identity.sign_in.throttled', {
                  minutes: Math.ceil(result.retryAfterSeconds / 60),
                })
              : result.reason === 'suspended'
                ? request.t('identity.sign_in.suspended')
                : request.t('identity.sign_in.invalid');
          if (result.reason === 'throttled') reply.header('retry-after', result.retryAfterSeconds);
          return renderPage(
            request,
            reply,
            (ctx) => signInPage(ctx, { email: typedEmail, errors: { email: message } }),
            { throttled: 429, suspended: 403, invalid: 401 }[result.reason],
          );
        }
        setSessionCookie(reply, result.token);
        request.log.info({ staffId: result.staff.id }, 'staff signed in');
        return reply.redirect('/staff', 303);
      },
    );

    app.post('/staff/sign-out', async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await identity.signOut(token);
      clearSessionCookie(reply);
      return reply.redirect('/staff/sign-in?signed_out=1', 303);
    });
  };
}
