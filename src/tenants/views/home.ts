import type { Page, PageContext } from '../../http/page.ts';
import { localize } from '../../i18n/i18n.ts';
import { html } from '../../views/html.ts';
import { byLocalizedName, type Organisation } from '../domain.ts';

/** Home: find an organisation (a plain GET form, so it works without JavaScript). */
export function homePage(
  ctx: PageContext,
  data: { query: string; organisations: Organisation[] },
): Page {
  const { t, lang } = ctx;
  const orgs = byLocalizedName(data.organisations, lang);
  return {
    title: t('tenants.home.title'),
    body: html`<h1>${t('tenants.home.title')}</h1>
<p class="lead">${t('tenants.home.lead')}</p>
<form class="search" method="get" action="/" role="search">
  <div>
    <label for="q">${t('tenants.home.search_label')} <span class="hint" id="q-hint">${t('tenants.home.search_hint')}</span></label>
    <input type="search" id="q" name="q" value="${data.query}" aria-describedby="q-hint" autocomplete="off">
  </div>
  <button type="submit">${t('tenants.home.search_button')}</button>
</form>
<h2 id="results">${data.query ? t('tenants.home.results', { count: orgs.length }) : t('tenants.home.all')}</h2>
${
  orgs.length === 0
    ? html`<p>${t('tenants.home.no_results', { query: data.query })}</p>`
    : html`<ul class="cards" aria-labelledby="results">${orgs.map(
        (
          o,
        ) => html`<li class="card"><h3><a href="/o/${o.slug}">${localize(o.name, lang, o.defaultLanguage)}</a></h3>
        <p class="muted">${localize(o.description, lang, o.defaultLanguage)}</p></li>`,
      )}</ul>`
}`,
  };
}
