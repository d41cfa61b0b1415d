// The citizens' pages of life situations: the list with its search, and one guide. No
// JavaScript: the search is a GET form, so a result list has its own address.
import type { Page, PageContext } from '../../http/page.ts';
import type { Lang, Localized } from '../../i18n/i18n.ts';
import { html, type Html } from '../../views/html.ts';
import type { Organisation, Service } from '../../tenants/domain.ts';
import type { OfferedForm } from '../service.ts';
import { handledByBlock } from '../../notices/contacts/views/handled-by.ts';
import { GUIDE_PARTS, lines, videoType, type GuidePart, type Situation } from '../domain.ts';

/**
 * A text in the reader's language, else in the organisation's (or any it has), with the language
 * it is in, so that a fallback is marked up with its own `lang` (WCAG 3.1.2).
 */
export function shown(text: Localized, lang: Lang, fallback: Lang): { value: string; lang: Lang } {
  for (const l of [lang, fallback, 'en', 'sl', 'cs'] as const) {
    const value = text[l]?.trim();
    if (value) return { value, lang: l };
  }
  return { value: '', lang };
}

/** `lang="…"` where a text is not in the page's language. */
function langAttr(ctx: PageContext, l: Lang): Html {
  return l === ctx.lang ? html`` : html` lang="${l}"`;
}

function orgName(ctx: PageContext, org: Organisation): string {
  return shown(org.name, ctx.lang, org.defaultLanguage).value;
}

/** The list of an organisation's life situations, with the search form and its result. */
export function listPage(
  ctx: PageContext,
  data: { organisation: Organisation; situations: Situation[]; total: number; query: string },
): Page {
  const { t } = ctx;
  const org = data.organisation;
  const fb = org.defaultLanguage;
  const name = orgName(ctx, org);
  const base = `/o/${org.slug}/situations`;
  const q = data.query;
  return {
    title: `${t('situations.title')} – ${name}`,
    body: html`<p><a href="/o/${org.slug}">${t('situations.back_to_org', { organisation: name })}</a></p>
<h1>${t('situations.title')}</h1>
<p class="lead">${name}: ${t('situations.list.lead')}</p>
${
  data.total === 0
    ? html`<p>${t('situations.list.empty')}</p>`
    : html`<form method="get" action="${base}" role="search" class="stack">
  <div><label for="q">${t('situations.search.label')}</label> <span class="hint" id="q-hint">${t('situations.search.hint')}</span>
  <input type="search" id="q" name="q" value="${q}" maxlength="200" aria-describedby="q-hint"></div>
  <div><button type="submit">${t('situations.search.button')}</button></div>
</form>
${
  q
    ? html`<p role="status" id="results">${
        data.situations.length
          ? t('situations.search.results', { query: q, count: data.situations.length })
          : t('situations.search.none', { query: q })
      } <a href="${base}">${t('situations.search.all')}</a></p>`
    : ''
}
<ul class="cards" aria-label="${t('situations.title')}">${data.situations.map((s) => {
        const title = shown(s.texts.title, ctx.lang, fb);
        const summary = shown(s.texts.summary, ctx.lang, fb);
        return html`<li class="card"><h2${langAttr(ctx, title.lang)}><a href="${base}/${s.slug}">${title.value}</a></h2>
  ${summary.value ? html`<p${langAttr(ctx, summary.lang)}>${summary.value}</p>` : ''}</li>`;
      })}</ul>`
}`,
  };
}

/** One part of a guide: lists where a line is an item (what to prepare, the law), else paragraphs. */
function part(ctx: PageContext, key: GuidePart, text: { value: string; lang: Lang }): Html {
  const items = lines(text.value);
  const asList = key === 'preparation' || key === 'legalBasis';
  const body = asList
    ? html`<ul${langAttr(ctx, text.lang)}>${items.map((i) => html`<li>${i}</li>`)}</ul>`
    : html`<div${langAttr(ctx, text.lang)}>${items.map((i) => html`<p>${i}</p>`)}</div>`;
  return html`<section aria-labelledby="part-${key}">
<h2 id="part-${key}">${ctx.t(`situations.guide.${key}`)}</h2>
${body}
</section>`;
}

/** The help video: our own file in the browser's own player, captions when given, and a download link. */
function video(ctx: PageContext, s: Situation, captionsLang: Lang): Html {
  if (!s.videoPath) return html``;
  const { t } = ctx;
  return html`<section aria-labelledby="part-video"><h2 id="part-video">${t('situations.guide.video')}</h2>
<video controls preload="none" class="help-video" aria-labelledby="part-video">
  <source src="${s.videoPath}" type="${videoType(s.videoPath)}">
  ${s.captionsPath ? html`<track kind="captions" src="${s.captionsPath}" srclang="${captionsLang}" label="${t('situations.guide.captions')}" default>` : ''}
</video>
<p><a href="${s.videoPath}" download>${t('situations.guide.video_download')}</a></p></section>`;
}

/** A guide: who it is for, what to prepare, fees, deadlines, law, department; services to book; video; register codes. */
export function guidePage(
  ctx: PageContext,
  data: {
    organisation: Organisation;
    situation: Situation;
    bookable: Service[];
    forms: OfferedForm[];
    /** The departments that handle it, for the "handled by" block (decision 051). */
    handledBy: { slug: string; name: Localized }[];
  },
): Page {
  const { t } = ctx;
  const { organisation: org, situation: s } = data;
  const fb = org.defaultLanguage;
  const title = shown(s.texts.title, ctx.lang, fb);
  const summary = shown(s.texts.summary, ctx.lang, fb);
  return {
    title: `${title.value} – ${orgName(ctx, org)}`,
    body: html`<p><a href="/o/${org.slug}/situations">${t('situations.guide.back', { organisation: orgName(ctx, org) })}</a></p>
<h1${langAttr(ctx, title.lang)}>${title.value}</h1>
${summary.value ? html`<p class="lead"${langAttr(ctx, summary.lang)}>${summary.value}</p>` : ''}
${handledByBlock(ctx, { orgSlug: org.slug, fallback: fb, departments: data.handledBy })}
${GUIDE_PARTS.map((key) => {
  const text = shown(s.texts[key], ctx.lang, fb);
  return text.value ? part(ctx, key, text) : '';
})}
${
  data.forms.length
    ? html`<section aria-labelledby="part-forms"><h2 id="part-forms">${t('situations.guide.forms')}</h2>
<p>${t('situations.guide.forms_lead')}</p>
<ul>${data.forms.map((f) => {
        const name = shown(f.title, ctx.lang, fb);
        return html`<li><a href="/o/${org.slug}/forms/${f.slug}"${langAttr(ctx, name.lang)}>${name.value}</a></li>`;
      })}</ul></section>`
    : ''
}
${
  data.bookable.length
    ? html`<section aria-labelledby="part-services"><h2 id="part-services">${t('situations.guide.services')}</h2>
<p>${t('situations.guide.services_lead')}</p>
<ul>${data.bookable.map((sv) => {
        const name = shown(sv.name, ctx.lang, fb);
        return html`<li><a href="/o/${org.slug}/s/${sv.slug}"${langAttr(ctx, name.lang)}>${name.value}</a></li>`;
      })}</ul></section>`
    : ''
}
${video(ctx, s, fb)}
${
  s.rppCodes.length
    ? html`<section aria-labelledby="part-rpp"><h2 id="part-rpp">${t('situations.guide.rpp')}</h2>
<p>${t('situations.guide.rpp_lead')} ${s.rppCodes.map((c, i) => html`${i ? ', ' : ''}<code>${c}</code>`)}</p></section>`
    : ''
}`,
  };
}
