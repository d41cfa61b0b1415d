import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang, Translate } from '../i18n/i18n.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import type { CitizenPrincipal } from '../citizens/service.ts';
import type { OperatorPrincipal } from '../operator/domain.ts';
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
  /** The signed-in citizen (http/citizen-session.ts), or null. */
  citizen: CitizenPrincipal | null;
  /** The signed-in operator on console pages (both steps done), or null. */
  operator: OperatorPrincipal | null;
  /** Path and query of this request, for the language switcher. */
  url: string;
  /** The lobby panel of staff pages, fetched before the handler (src/agenda/routes.ts), or null. */
  staffPanel: ((ctx: PageContext) => Html) | null;
};

declare module 'fastify' {
  interface FastifyRequest {
    staffPanel: ((ctx: PageContext) => Html) | null;
  }
}

/** A rendered page: its title (also the h1 unless the body says otherwise) and main content. */
export type Page = {
  title: string;
  body: Html;
  /** Extra elements for the head (a meta refresh); most pages have none. */
  head?: Html;
};

/** Builds the context a view renders with. */
export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  return {
    lang: request.lang,
    t: request.t,
    nonce: reply.cspNonce,
    csrfToken: () => request.csrfToken(reply),
    staff: request.staff,
    citizen: request.citizen,
    operator: request.operatorSession?.stage === 'full' ? request.operatorSession.operator : null,
    url: request.url,
    staffPanel: request.staffPanel ?? null,
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
  setPageHeaders(
    reply,
    ctx.staff !== null || ctx.citizen !== null || request.operatorSession !== null,
  );
  return reply
    .status(status)
    .type(HTML)
    .send(layout(ctx, view(ctx)).value);
}

const HTML = 'text/html; charset=utf-8';
const MAX_CACHED_PER_SNAPSHOT = 2000;
const pageCache = new WeakMap<object, Map<string, Buffer>>();

/**
 * Like renderPage, for public pages that are the same for every anonymous visitor
 * in a language: the HTML is rendered once per snapshot of the data it shows and
 * kept as UTF-8 bytes. `snapshot` is that data's identity (the tenant catalogue
 * object): a new snapshot starts an empty cache, so a change shows at once.
 * Signed-in staff and URLs with a query other than `lang` are always rendered.
 */
export function renderPublicPage(
  request: FastifyRequest,
  reply: FastifyReply,
  snapshot: object,
  view: (ctx: PageContext) => Page,
): FastifyReply {
  const queryStart = request.url.indexOf('?');
  const path = queryStart < 0 ? request.url : request.url.slice(0, queryStart);
  const query = queryStart < 0 ? '' : request.url.slice(queryStart + 1);
  const cacheable =
    request.staff === null &&
    request.citizen === null &&
    (query === '' || /^lang=(sl|cs|en)$/.test(query));
  if (!cacheable) return renderPage(request, reply, view);
  let cache = pageCache.get(snapshot);
  if (!cache) {
    cache = new Map();
    pageCache.set(snapshot, cache);
  }
  const key = `${request.lang} ${path}`;
  let body = cache.get(key);
  if (!body) {
    const ctx = pageContext(request, reply);
    // The language switcher keeps only the path, so the cached page fits every URL of this key.
    body = Buffer.from(layout({ ...ctx, url: path }, view(ctx)).value);
    if (cache.size < MAX_CACHED_PER_SNAPSHOT) cache.set(key, body);
  }
  setPageHeaders(reply, false);
  return reply.status(200).type(HTML).send(body);
}

function setPageHeaders(reply: FastifyReply, staff: boolean): void {
  // Pages vary by language and by who is signed in; a signed-in page must never sit in a shared cache.
  reply.header('cache-control', staff ? 'no-store' : 'private, no-cache');
  reply.header('vary', 'Cookie, Accept-Language');
}
