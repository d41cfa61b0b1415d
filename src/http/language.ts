import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { isLang, negotiateLanguage, translator, type Lang, type Translate } from '../i18n/i18n.ts';
import { HOST_COOKIE } from './security.ts';

export const LANG_COOKIE = '__Host-okence-lang';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    t: Translate;
  }
}

/** One translator per language, shared by every request. */
export const translators = { sl: translator('sl'), cs: translator('cs'), en: translator('en') };

/** Whether a URL is the JSON API's: it speaks the language of Accept-Language only, English without one. */
export function isApiUrl(url: string): boolean {
  return url.startsWith('/api/');
}

/** The language when the request names none it can have: English for the API, Slovenian for pages. */
export function fallbackLanguage(url: string): Lang {
  return isApiUrl(url) ? 'en' : 'sl';
}

/**
 * Resolves the language of each request and remembers an explicit choice in a cookie. The API
 * answers clients, not a browser's reader: no query, no cookie, English by default (decision 021).
 */
export const language = fp(async (app: FastifyInstance) => {
  app.decorateRequest('lang', 'sl');
  app.decorateRequest('t', translators.sl);
  app.addHook('onRequest', (request, reply, done) => {
    if (isApiUrl(request.url)) {
      request.lang = negotiateLanguage({
        acceptLanguage: request.headers['accept-language'],
        fallback: 'en',
      });
      request.t = translators[request.lang];
      return done();
    }
    const query = (request.query as Record<string, unknown> | undefined)?.lang;
    const cookie = request.cookies[LANG_COOKIE];
    const lang = negotiateLanguage({
      query,
      cookie,
      acceptLanguage: request.headers['accept-language'],
    });
    request.lang = lang;
    request.t = translators[lang];
    if (isLang(query) && query !== cookie) {
      reply.setCookie(LANG_COOKIE, query, { ...HOST_COOKIE, maxAge: 365 * 24 * 3600 });
    }
    done();
  });
});
