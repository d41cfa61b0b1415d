import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { html } from '../views/html.ts';
import {
  AppError,
  codeForStatus,
  ERROR_TABLE,
  isFault,
  type ErrorCode,
  type FieldIssue,
} from '../lib/errors.ts';
import { problemDocument } from './problem.ts';
import { renderPage } from './page.ts';
import { negotiateLanguage } from '../i18n/i18n.ts';
import { fallbackLanguage, isApiUrl, translators } from './language.ts';
import { zodIssues } from './api.ts';
import { setSecurityHeaders } from './security.ts';

const isOperatorPath = (url: string) => url === '/operator' || /^\/operator[/?]/.test(url);

function wantsJson(request: FastifyRequest): boolean {
  return isApiUrl(request.url);
}

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  publicUrl: URL,
  code: ErrorCode,
  issues?: readonly FieldIssue[],
  data?: Record<string, unknown>,
) {
  const entry = ERROR_TABLE[code];
  const t = request.t;
  if (wantsJson(request)) {
    // A wait the refusal knows goes in Retry-After, where clients and proxies look for it.
    // And the scheme a 401 wants in WWW-Authenticate (RFC 9110 §11.6.1, RFC 6750 §3).
    const { retryAfterSeconds, wwwAuthenticate, ...members } = data ?? {};
    if (typeof retryAfterSeconds === 'number')
      reply.header('retry-after', String(retryAfterSeconds));
    if (typeof wwwAuthenticate === 'string') reply.header('www-authenticate', wwwAuthenticate);
    return (
      reply
        .status(entry.status)
        .type('application/problem+json')
        .header('content-language', request.lang)
        .header('vary', 'accept-language')
        // As every answer of the API (a 404 is cacheable by default; a proxy must not keep one).
        .header('cache-control', 'no-store')
        .send(
          problemDocument({
            publicUrl,
            code,
            t,
            lang: request.lang,
            requestId: request.id,
            issues,
            data: members,
          }),
        )
    );
  }
  // A citizen page names its own sign-in (with the level it needs and the way back);
  // a staff or operator page without a session goes to its own sign-in.
  if (code === 'unauthenticated' && typeof data?.signIn === 'string')
    return reply.redirect(data.signIn, 303);
  if (code === 'unauthenticated')
    return reply.redirect(
      isOperatorPath(request.url) ? '/operator/sign-in' : '/staff/sign-in',
      303,
    );
  return renderPage(
    request,
    reply,
    () => ({
      title: t(entry.title),
      body: html`<h1>${t(entry.title)}</h1>
<p>${t(entry.detail)}</p>
${isFault(code) ? html`<p class="muted">${t('error.reference', { id: request.id })}</p>` : ''}
<p><a href="/">${t('error.back_home')}</a></p>`,
    }),
    entry.status,
  );
}

/**
 * Fastify's errors found before routing (a URL that does not decode, a parameter too
 * long): no hook has run, so the security headers are set here, and the answer is our
 * own 400 page or problem document, not the framework's JSON.
 */
export function frameworkErrorHandler(publicUrl: URL) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    setSecurityHeaders(reply);
    // This request skipped the plugins' hooks and decorators: give it what a page needs.
    const lang = negotiateLanguage({
      acceptLanguage: request.headers['accept-language'],
      fallback: fallbackLanguage(request.url),
    });
    Object.assign(request, {
      lang,
      t: translators[lang],
      cookies: {},
      staff: null,
      citizen: null,
      staffPanel: null,
      operatorSession: null,
    });
    request.log.info({ code: error.code }, 'request refused');
    void send(request, reply, publicUrl, codeForStatus(error.statusCode ?? 400));
  };
}

/**
 * The one place errors become responses: AppErrors by their code, library errors
 * by their status, anything else as a 500 that is logged but shows no internals.
 */
export function installErrorHandling(app: FastifyInstance, publicUrl: URL): void {
  app.setNotFoundHandler((request, reply) => send(request, reply, publicUrl, 'not_found'));
  app.setErrorHandler((error: FastifyError | AppError | ZodError, request, reply) => {
    if (error instanceof AppError) {
      if (isFault(error.code)) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: error.code, msg: error.message }, 'request refused');
      return send(request, reply, publicUrl, error.code, error.issues, error.data);
    }
    if (error instanceof ZodError)
      return send(request, reply, publicUrl, 'invalid_input', zodIssues(error));
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    const code = codeForStatus(status);
    if (code === 'internal') request.log.error({ err: error }, 'request failed');
    else request.log.info({ status, msg: error.message }, 'request refused');
    return send(request, reply, publicUrl, code);
  });
}
