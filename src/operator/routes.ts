import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { MessageKey } from '../i18n/i18n.ts';
import { renderPage } from '../http/page.ts';
import {
  clearOperatorCookie,
  OPERATOR_COOKIE,
  requireOperator,
  setOperatorCookie,
} from '../http/operator-session.ts';
import { signInForm } from '../identity/schema.ts';
import { queryFlag } from '../lib/query.ts';
import type { OperatorService, StepResult } from './service.ts';
import {
  operatorCodePage,
  operatorEnrolPage,
  operatorHomePage,
  operatorSignInPage,
} from './views/console.ts';

/** `?signed_out=1` after signing out. */
const signedOutQuery = z.object({ signed_out: queryFlag });
const SIGN_IN_LIMIT = { rateLimit: { max: 10, timeWindow: 60_000 } };
const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
const codeOf = (request: FastifyRequest) => {
  const code = body(request).code;
  return typeof code === 'string' ? code.slice(0, 20) : '';
};

/** A refused step: 429 with Retry-After when throttled, else 401 with the step's own message. */
function refusal(
  request: FastifyRequest,
  reply: FastifyReply,
  result: Exclude<StepResult, { ok: true }>,
  invalid: MessageKey,
): { status: number; message: string } {
  if (result.reason === 'throttled') {
    reply.header('retry-after', result.retryAfterSeconds);
    return {
      status: 429,
      message: request.t('op.sign_in.throttled', {
        minutes: Math.ceil(result.retryAfterSeconds / 60),
      }),
    };
  }
  if (result.reason === 'not_enrolled')
    return { status: 403, message: request.t('op.sign_in.not_enrolled') };
  return { status: 401, message: request.t(invalid) };
}

/**
 * The operator console's sign-in (password, then a TOTP code, or enrolment when the operator
 * has none), its start page and sign-out. Its pages live under /operator and read only the
 * operator cookie; requireOperator guards every page past sign-in.
 */
export function operatorRoutes(operators: OperatorService) {
  return async (app: FastifyInstance) => {
    const stage = (request: FastifyRequest) => request.operatorSession?.stage ?? null;
    const token = (request: FastifyRequest) => request.cookies[OPERATOR_COOKIE] ?? '';

    app.get('/operator/sign-in', async (request, reply) => {
      if (stage(request) === 'full') return reply.redirect('/operator', 303);
      const { signed_out: signedOut } = signedOutQuery.parse(request.query);
      return renderPage(request, reply, (ctx) =>
        operatorSignInPage(ctx, { email: '', errors: {}, signedOut }),
      );
    });

    app.post('/operator/sign-in', { config: SIGN_IN_LIMIT }, async (request, reply) => {
      const typedEmail =
        typeof body(request).email === 'string' ? String(body(request).email).slice(0, 254) : '';
      const parsed = signInForm.safeParse(body(request));
      if (!parsed.success) {
        const errors = Object.fromEntries(
          parsed.error.issues.map((i) => [String(i.path[0]), request.t(i.message as MessageKey)]),
        );
        return renderPage(
          request,
          reply,
          (ctx) => operatorSignInPage(ctx, { email: typedEmail, errors }),
          400,
        );
      }
      const result = await operators.signIn({
        ...parsed.data,
        ip: request.ip,
        previousToken: request.cookies[OPERATOR_COOKIE],
      });
      if (!result.ok) {
        const { status, message } = refusal(request, reply, result, 'op.sign_in.invalid');
        return renderPage(
          request,
          reply,
          (ctx) => operatorSignInPage(ctx, { email: typedEmail, errors: { email: message } }),
          status,
        );
      }
      setOperatorCookie(reply, result.token);
      return reply.redirect('/operator/sign-in/code', 303);
    });

    app.get('/operator/sign-in/code', async (request, reply) => {
      if (stage(request) !== 'code') return reply.redirect('/operator/sign-in', 303);
      return renderPage(request, reply, (ctx) => operatorCodePage(ctx, { errors: {} }));
    });

    app.post('/operator/sign-in/code', { config: SIGN_IN_LIMIT }, async (request, reply) => {
      if (stage(request) !== 'code') return reply.redirect('/operator/sign-in', 303);
      const result = await operators.verifyCode(token(request), codeOf(request), request.ip);
      if (!result.ok) {
        const { status, message } = refusal(request, reply, result, 'op.code.invalid');
        return renderPage(
          request,
          reply,
          (ctx) => operatorCodePage(ctx, { errors: { code: message } }),
          status,
        );
      }
      setOperatorCookie(reply, result.token);
      return reply.redirect('/operator', 303);
    });

    const enrolPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      error?: { status: number; message: string },
    ) => {
      const offered =
        stage(request) === 'enrol' ? await operators.enrolmentSecret(token(request)) : null;
      if (!offered) return reply.redirect('/operator/sign-in', 303);
      return renderPage(
        request,
        reply,
        (ctx) =>
          operatorEnrolPage(ctx, { ...offered, errors: error ? { code: error.message } : {} }),
        error?.status ?? 200,
      );
    };
    app.get('/operator/enrol', async (request, reply) => enrolPage(request, reply));
    app.post('/operator/enrol', { config: SIGN_IN_LIMIT }, async (request, reply) => {
      if (stage(request) !== 'enrol') return reply.redirect('/operator/sign-in', 303);
      const result = await operators.confirmEnrolment(token(request), codeOf(request), request.ip);
      if (!result.ok)
        return enrolPage(request, reply, refusal(request, reply, result, 'op.enrol.invalid'));
      setOperatorCookie(reply, result.token);
      return reply.redirect('/operator', 303);
    });

    app.get('/operator', async (request, reply) => {
      requireOperator(request);
      return renderPage(request, reply, (ctx) => operatorHomePage(ctx));
    });

    app.post('/operator/sign-out', async (request, reply) => {
      const session = request.operatorSession;
      if (token(request))
        await operators.signOut(
          token(request),
          session?.stage === 'full' ? session.operator : null,
        );
      clearOperatorCookie(reply);
      return reply.redirect('/operator/sign-in?signed_out=1', 303);
    });
  };
}
