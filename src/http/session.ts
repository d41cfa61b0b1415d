import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { StaffPrincipal } from '../identity/domain.ts';
import type { IdentityService } from '../identity/service.ts';
import { AppError } from '../lib/errors.ts';
import { HOST_COOKIE } from './security.ts';

export const SESSION_COOKIE = '__Host-okence-session';

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffPrincipal | null;
  }
}

/** Attaches the signed-in staff member (or null) to every request that carries a session cookie. */
export const staffSession = fp<{ identity: IdentityService }>(
  async (app: FastifyInstance, opts) => {
    app.decorateRequest('staff', null);
    app.addHook('onRequest', (request, _reply, done) => {
      const token = request.cookies[SESSION_COOKIE];
      // Most requests (citizens) carry no session: answer them without a promise.
      // The JSON API never acts for a signed-in staff member, which is also why it
      // needs no CSRF token: a cookie sent to it grants nothing.
      if (!token || request.url.startsWith('/api/')) return done();
      opts.identity.resolveSession(token).then(
        (staff) => {
          request.staff = staff ? { ...staff, ip: request.ip } : staff;
          done();
        },
        (err: Error) => done(err),
      );
    });
  },
);

/** The signed-in staff member, or an `unauthenticated` error (pages turn it into a redirect to sign-in). */
export function requireStaff(request: FastifyRequest): StaffPrincipal {
  if (!request.staff) throw new AppError('unauthenticated');
  return request.staff;
}

export function setSessionCookie(reply: FastifyReply, token: string): void {
  // No max-age: the cookie ends with the browser; the server ends it sooner when idle.
  reply.setCookie(SESSION_COOKIE, token, HOST_COOKIE);
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, HOST_COOKIE);
}
