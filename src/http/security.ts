import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import rateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { AppError } from '../lib/errors.ts';

export const CSRF_COOKIE = '__Host-okence-csrf';
export const CSRF_FIELD = '_csrf';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Cookie attributes every cookie of ours carries: the `__Host-` prefix requires Secure, Path=/ and no Domain. */
export const HOST_COOKIE = { path: '/', secure: true, httpOnly: true, sameSite: 'lax' } as const;

/** The CSRF token for a cookie value: an HMAC, so a token cannot be forged without the server secret. */
export function csrfTokenFor(secret: string, cookieValue: string): string {
  return createHmac('sha256', secret).update(`csrf:${cookieValue}`).digest('base64url');
}

/** Compares a submitted token with the one expected for the cookie, in constant time. */
export function csrfTokenMatches(
  secret: string,
  cookieValue: string | undefined,
  submitted: unknown,
): boolean {
  if (!cookieValue || typeof submitted !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(secret, cookieValue));
  const given = Buffer.from(submitted);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

declare module 'fastify' {
  interface FastifyReply {
    /** This response's CSP nonce, for the rare inline script or style a page needs. */
    cspNonce: string;
  }
  interface FastifyRequest {
    /** Returns the CSRF token for forms on this page, setting the cookie it is bound to when missing. */
    csrfToken(reply: FastifyReply): string;
  }
}

/** The CSP of a response: our own origin only, scripts and styles also by nonce, never framed. */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

// Headers that are the same on every response, built once. (Written here rather than
// with @fastify/helmet, which re-parses its directives on every request when nonces
// are on; see docs/decisions/004-security-headers.md.)
const STATIC_HEADERS = {
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'x-dns-prefetch-control': 'off',
  'permissions-policy':
    'camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=()',
} as const;

// Nonces come from the CSPRNG in blocks: one 4 KiB draw serves 256 responses.
let pool = randomBytes(4096);
let offset = 0;
function nextNonce(): string {
  if (offset + 16 > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  const nonce = pool.toString('hex', offset, offset + 16);
  offset += 16;
  return nonce;
}

/** Sets the security headers and this response's CSP nonce (also for responses made before any hook ran). */
export function setSecurityHeaders(reply: FastifyReply): void {
  const nonce = nextNonce();
  reply.cspNonce = nonce;
  reply.headers(STATIC_HEADERS);
  reply.header('content-security-policy', contentSecurityPolicy(nonce));
}

type SecurityOptions = {
  secret: string;
  rateLimitPerMinute: number;
  /** Where the limits count: the database (rate-limit-store.ts), so they hold across instances. */
  store?: FastifyRateLimitStoreCtor;
};

/**
 * Security baseline for every response: strict headers with a per-response CSP
 * nonce, signed double-submit CSRF tokens on every state-changing form request,
 * and a per-IP rate limit (routes can set tighter ones), counted in `opts.store`.
 */
export const security = fp<SecurityOptions>(async (app: FastifyInstance, opts) => {
  app.decorateReply('cspNonce', '');
  // Hooks on every request are callback-style: no promise per request on the hot path.
  app.addHook('onRequest', (_request, reply, done) => {
    setSecurityHeaders(reply);
    done();
  });

  await app.register(rateLimit, {
    global: true,
    max: opts.rateLimitPerMinute,
    timeWindow: 60_000,
    ...(opts.store ? { store: opts.store } : {}),
    // Limit headers go out only with a 429 (with Retry-After), not on every response.
    addHeadersOnExceeding: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
    },
    // Assets and probes are cheap and must not lock anyone out. By path: a probe with a query
    // string (a proxy's check, a marker) counted, and an instance whose checks were refused
    // with 429 was taken out of rotation by its proxy.
    allowList: (request) => {
      const path = request.url.split('?', 1)[0]!;
      return path.startsWith('/assets/') || path === '/healthz' || path === '/readyz';
    },
    errorResponseBuilder: (_request, context) => {
      const err = new AppError('rate_limited', `Rate limit of ${context.max} per minute exceeded`);
      return Object.assign(err, { statusCode: 429 });
    },
  });

  app.decorateRequest('csrfToken', function (this: FastifyRequest, reply: FastifyReply): string {
    let value = this.cookies[CSRF_COOKIE];
    if (!value) {
      value = randomBytes(32).toString('base64url');
      this.cookies[CSRF_COOKIE] = value;
      reply.setCookie(CSRF_COOKIE, value, HOST_COOKIE);
    }
    return csrfTokenFor(opts.secret, value);
  });

  // preHandler runs after the body is parsed, so the token can come from a form field.
  app.addHook('preHandler', async (request) => {
    if (!UNSAFE_METHODS.has(request.method)) return;
    // The JSON API carries no cookies of ours and takes JSON only (a cross-site form or
    // no-cors fetch cannot send that; see requireJson in api.ts), so it needs no token.
    // Decided by the route matched, not by how the raw URL begins.
    if ((request.routeOptions.url ?? request.url).startsWith('/api/')) return;
    // A SAML IdP's auto-submitted form (the assertion consumer) comes from the IdP's site by
    // design; the signed answer bound to our pending request is its protection (decision 030).
    if (request.routeOptions.config?.crossSiteForm === true) return;
    if (request.headers['sec-fetch-site'] === 'cross-site')
      throw new AppError('csrf', 'cross-site request');
    const body = request.body as Record<string, unknown> | undefined;
    // A multipart upload is read by its route after this hook, as a stream, so its form
    // carries the token in the action's query instead (bound to the same cookie).
    const multipart = request.headers['content-type']?.startsWith('multipart/form-data') ?? false;
    const query = multipart
      ? (request.query as Record<string, unknown> | undefined)?.[CSRF_FIELD]
      : undefined;
    const submitted = body?.[CSRF_FIELD] ?? request.headers['x-csrf-token'] ?? query;
    if (!csrfTokenMatches(opts.secret, request.cookies[CSRF_COOKIE], submitted)) {
      throw new AppError('csrf', 'missing or invalid CSRF token');
    }
  });
});
