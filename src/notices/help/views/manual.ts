// The staff's user manual (/staff/help): contents, then each section with its paragraphs and a
// link to the page it is about; sections about pages only administrators see are marked.
import type { Page, PageContext } from '../../../http/page.ts';
import { html } from '../../../views/html.ts';
import { manualIn } from '../manual.ts';

/** The manual in the reader's language; `role` marks the sections the reader cannot open. */
export function manualPage(ctx: PageContext, role: 'admin' | 'official'): Page {
  const t = ctx.t;
  const sections = manualIn(ctx.lang);
  return {
    title: t('help.manual.title'),
    body: html`<h1>${t('help.manual.title')}</h1>
<p class="lead">${t('help.manual.lead')}</p>
<nav aria-labelledby="manual-contents"><h2 id="manual-contents">${t('help.manual.contents')}</h2>
<ol>${sections.map((s) => html`<li><a href="#${s.id}">${s.title}</a></li>`)}</ol></nav>
${sections.map(
  (s) => html`<section id="${s.id}" aria-labelledby="${s.id}-title" class="manual-section">
<h2 id="${s.id}-title">${s.title}</h2>
${s.adminOnly ? html`<p><span class="tag">${t('help.manual.admin_only')}</span></p>` : ''}
${s.items.map((p) => html`<p>${p}</p>`)}
${s.href && (!s.adminOnly || role === 'admin') ? html`<p><a href="${s.href}">${t('help.manual.open')}<span class="visually-hidden">: ${s.title}</span></a></p>` : ''}
</section>`,
)}`,
  };
}
