// The citizens' news pages of an organisation: the list of the news shown today and one item.
import type { Page, PageContext } from '../../../http/page.ts';
import type { Lang, Localized } from '../../../i18n/i18n.ts';
import { html, type Html } from '../../../views/html.ts';
import { dateOf } from '../../../views/dates.ts';
import type { Organisation } from '../../../tenants/domain.ts';
import type { NewsItem } from '../domain.ts';

/**
 * A text in the reader's language, else the organisation's (or any it has), with the language it
 * is in, so that a fallback is marked up with its own `lang` (WCAG 3.1.2).
 */
export function shownText(
  text: Localized,
  lang: Lang,
  fallback: Lang,
): { value: string; lang: Lang } {
  for (const l of [lang, fallback, 'en', 'sl', 'cs'] as const) {
    const value = text[l]?.trim();
    if (value) return { value, lang: l };
  }
  return { value: '', lang };
}

/** ` lang="…"` where a text is not in the page's language. */
export function langAttr(ctx: PageContext, l: Lang): Html {
  return l === ctx.lang ? html`` : html` lang="${l}"`;
}

/** The organisation's name in the reader's language. */
export function orgName(ctx: PageContext, org: Organisation): string {
  return shownText(org.name, ctx.lang, org.defaultLanguage).value;
}

/** A news item's title (a link to it), date and first paragraph, in a list of news. */
export function newsCard(
  ctx: PageContext,
  org: Organisation,
  n: NewsItem,
  heading: 'h2' | 'h3',
): Html {
  const title = shownText(n.title, ctx.lang, org.defaultLanguage);
  const first = shownText(n.body, ctx.lang, org.defaultLanguage);
  const lead = first.value.split(/\n\s*\n/)[0] ?? '';
  const link = html`<a href="/o/${org.slug}/news/${n.id}"${langAttr(ctx, title.lang)}>${title.value}</a>`;
  return html`<li class="card">${heading === 'h2' ? html`<h2>${link}</h2>` : html`<h3>${link}</h3>`}
  <p class="muted"><time datetime="${n.publishedOn}">${dateOf(n.publishedOn, ctx.lang)}</time></p>
  ${lead ? html`<p${langAttr(ctx, first.lang)}>${lead.length > 300 ? `${lead.slice(0, 299)}…` : lead}</p>` : ''}</li>`;
}

/** Every news item the organisation shows today, newest first. */
export function newsListPage(
  ctx: PageContext,
  data: { organisation: Organisation; news: NewsItem[] },
): Page {
  const { t } = ctx;
  const org = data.organisation;
  const name = orgName(ctx, org);
  return {
    title: `${t('frontdoor.news.title')} – ${name}`,
    body: html`<p><a href="/o/${org.slug}">${t('frontdoor.back_to_org', { organisation: name })}</a></p>
<h1>${t('frontdoor.news.title')}</h1>
${
  data.news.length === 0
    ? html`<p>${t('frontdoor.news.none')}</p>`
    : html`<ul class="cards" aria-label="${t('frontdoor.news.title')}">${data.news.map((n) => newsCard(ctx, org, n, 'h2'))}</ul>`
}`,
  };
}

/** One news item: its title, day and text, paragraph by paragraph. */
export function newsItemPage(
  ctx: PageContext,
  data: { organisation: Organisation; item: NewsItem },
): Page {
  const { t } = ctx;
  const org = data.organisation;
  const title = shownText(data.item.title, ctx.lang, org.defaultLanguage);
  const text = shownText(data.item.body, ctx.lang, org.defaultLanguage);
  const paragraphs = text.value.split(/\n\s*\n/).filter((p) => p.trim());
  return {
    title: `${title.value} – ${orgName(ctx, org)}`,
    body: html`<p><a href="/o/${org.slug}/news">${t('frontdoor.news.all')}</a></p>
<article>
<h1${langAttr(ctx, title.lang)}>${title.value}</h1>
<p class="muted">${t('frontdoor.news.published')} <time datetime="${data.item.publishedOn}">${dateOf(data.item.publishedOn, ctx.lang)}</time></p>
<div${langAttr(ctx, text.lang)}>${paragraphs.map((p) => html`<p>${p}</p>`)}</div>
</article>`,
  };
}
