import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { MessageKey } from '../i18n/i18n.ts';
import { ERROR_TABLE, type ErrorCode } from '../lib/errors.ts';
import { html } from '../views/html.ts';
import { renderPage, type Page, type PageContext } from './page.ts';
import { ERROR_CODES, problemPath, problemText } from './problem.ts';

const codeParams = z.object({ code: z.enum(ERROR_CODES) });

function problemPage(ctx: PageContext, code: ErrorCode): Page {
  const { t } = ctx;
  const entry = ERROR_TABLE[code];
  const title = t(problemText(code).title);
  return {
    title,
    body: html`<h1>${title}</h1>
<p>${t('problem.page.facts', { code, status: entry.status })}</p>
<h2>${t('problem.page.what')}</h2>
<p>${t(`problem.${code}.what` as MessageKey)}</p>
<h2>${t('problem.page.todo')}</h2>
<p>${t(`problem.${code}.todo` as MessageKey)}</p>
<p><a href="/problems">${t('problem.page.all')}</a></p>`,
  };
}

function indexPage(ctx: PageContext): Page {
  const { t } = ctx;
  return {
    title: t('problem.page.index_title'),
    body: html`<h1>${t('problem.page.index_title')}</h1>
<p>${t('problem.page.index_intro')}</p>
<ul>
${ERROR_CODES.map((code) => html`<li><a href="${problemPath(code)}"><code>${code}</code></a>: ${t(problemText(code).title)}</li>`)}
</ul>`,
  };
}

/**
 * The pages that the `type` URIs of the API's problem documents name: one per error code,
 * in the page language (decision 021). An unknown code is the usual 404.
 */
export async function problemPages(app: FastifyInstance): Promise<void> {
  app.get('/problems', async (request, reply) => renderPage(request, reply, indexPage));
  app.get('/problems/:code', async (request, reply) => {
    const parsed = codeParams.safeParse(request.params);
    if (!parsed.success) return reply.callNotFound();
    return renderPage(request, reply, (ctx) => problemPage(ctx, parsed.data.code));
  });
}
