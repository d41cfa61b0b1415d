import { pino } from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config/config.ts';

// Path parts that are keys to something: the join, guest, manage and set-password links' tokens, the hold id
// (its code page), a submission's thread link, a draft's resume link, and the API's hold ids,
// manage tokens, receipt tokens and payment tokens. Whatever follows the prefix up to the next
// slash is masked, so an encoded or malformed token is masked too.
const KEY_IN_PATH =
  /(\/(?:j|g|m|h|set-password|resume|submissions\/thread|api\/v1\/(?:holds|bookings|receipts|payment-tokens)))\/[^/]+/g;
// A payment link's page, /pay/{token}: only at the start (the card's /o/{org}/pay/card is no key).
const PAYMENT_LINK = /^\/pay\/[^/]+/;

/** A request path as logged: the query dropped and every key in the path masked. */
export function loggableUrl(url: string): string {
  return url.split(/[?#]/)[0]!.replace(PAYMENT_LINK, '/pay/…').replace(KEY_IN_PATH, '$1/…');
}

/**
 * The process's one logger (JSON lines on stdout), made before any service so that every
 * service and the HTTP app write through it; Fastify takes it as its `loggerInstance`.
 */
export function appLogger(config: Pick<Config, 'logLevel'>): FastifyBaseLogger {
  return pino({
    level: config.logLevel,
    redact: ['req.headers.cookie', 'req.headers.authorization'],
    // Request lines without secrets: no query (an upload's CSRF token) and no link tokens in paths.
    // No client address either (personal data); lines are tied together by Fastify's reqId.
    serializers: {
      req: (req: { method: string; url: string }) => ({
        method: req.method,
        url: loggableUrl(req.url),
      }),
    },
  });
}
