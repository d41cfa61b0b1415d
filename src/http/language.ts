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

/** Resolves the language of each request and remembers an explicit choice in a cookie. */
export const language = fp(async (app: FastifyInstance) => {
  app.decorateRequest('lang', 'sl');
  app.decorateRequest('t', translators.sl);
  app.addHook('onRequest', (request, reply, done) => {
    const query = (request.query as Record<string, unknown> | undefined)?.lang;
    const cookie = request.cookies[LANG_COOKIE];
    const lang = negotiateLanguage({ query, cookie, acceptLanguage: request.headers['accept-language'] });
    request.lang = lang;
    request.t = translators[lang];
    if (isLang(query) && query !== cookie) {
      reply.setCookie(LANG_COOKIE, query, { ...HOST_COOKIE, maxAge: 365 * 24 * 3600 });
    }
    done();
  });
});
