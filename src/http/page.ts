import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang, Translate } from '../i18n/i18n.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import type { Html } from '../views/html.ts';
import { layout } from '../views/layout.ts';

/** What every view needs to know about the request it renders for. */
export type PageContext = {
  lang: Lang;
  t: Translate;
  nonce: string;
  /** The CSRF token for a form; sets its cookie on first use, so pages without forms set none. */
  csrfToken: () => string;
  staff: StaffPrincipal | null;
  /** Path and query of this request, for the language switcher. */
  url: string;
};

/** A rendered page: its title (also the h1 unless the body says otherwise) and main content. */
export type Page = { title: string; body: Html };

/** Builds the context a view renders with. */
export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  return {
    lang: request.lang,
    t: request.t,
    nonce: reply.cspNonce,
    csrfToken: () => request.csrfToken(reply),
    staff: request.staff,
    url: request.url,
  };
}

/** Renders a view inside the site layout and sends it. */
export function renderPage(
  request: FastifyRequest,
  reply: FastifyReply,
  view: (ctx: PageContext) => Page,
  status = 200,
): FastifyReply {
  const ctx = pageContext(request, reply);
  const page = view(ctx);
  // Pages vary by language and by who is signed in; staff pages must never sit in a shared cache.
  reply.header('cache-control', ctx.staff ? 'no-store' : 'private, no-cache');
  reply.header('vary', 'Cookie, Accept-Language');
  return reply.status(status).type('text/html; charset=utf-8').send(layout(ctx, page).value);
}
