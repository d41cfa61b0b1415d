import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { OperatorPrincipal } from '../operator/domain.ts';
import type { OperatorService, OperatorSession } from '../operator/service.ts';
import { AppError } from '../lib/errors.ts';
import { HOST_COOKIE } from './security.ts';

/** The operator console's own cookie: a staff session never opens /operator, nor this one a staff page. */
export const OPERATOR_COOKIE = '__Host-okence-operator';
/** Every operator route lives under this path; the cookie is read nowhere else. */
export const OPERATOR_PREFIX = '/operator';

declare module 'fastify' {
  interface FastifyRequest {
    /** The operator session of a request under /operator (any stage), or null. */
    operatorSession: OperatorSession | null;
  }
}

const underConsole = (url: string) =>
  url === OPERATOR_PREFIX ||
  url.startsWith(`${OPERATOR_PREFIX}/`) ||
  url.startsWith(`${OPERATOR_PREFIX}?`);

/** Attaches the operator session (or null) to requests under /operator that carry the operator cookie. */
export const operatorSession = fp<{ operators: OperatorService }>(
  async (app: FastifyInstance, opts) => {
    app.decorateRequest('operatorSession', null);
    app.addHook('onRequest', (request, _reply, done) => {
      const token = request.cookies[OPERATOR_COOKIE];
      if (!token || !underConsole(request.url)) return done();
      opts.operators.resolveSession(token).then(
        (session) => {
          request.operatorSession = session && {
            ...session,
            operator: { ...session.operator, ip: request.ip },
          };
          done();
        },
        (err: Error) => done(err),
      );
    });
  },
);

/**
 * The signed-in operator (password and second factor), or an `unauthenticated` error, which
 * a page under /operator turns into a redirect to /operator/sign-in. Put it first in every
 * operator route: `const operator = requireOperator(request);`.
 */
export function requireOperator(request: FastifyRequest): OperatorPrincipal {
  const session = request.operatorSession;
  if (!session || session.stage !== 'full')
    throw new AppError('unauthenticated', 'operator console');
  return session.operator;
}

/** The same as a Fastify preHandler, for a plugin whose routes are all operator routes. */
export async function operatorOnly(request: FastifyRequest): Promise<void> {
  requireOperator(request);
}

export function setOperatorCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(OPERATOR_COOKIE, token, HOST_COOKIE);
}

export function clearOperatorCookie(reply: FastifyReply): void {
  reply.clearCookie(OPERATOR_COOKIE, HOST_COOKIE);
}
