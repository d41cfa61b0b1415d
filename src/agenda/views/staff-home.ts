import type { Page, PageContext } from '../../http/page.ts';
import { localize } from '../../i18n/i18n.ts';
import type { Office, Official, Organisation, Service } from '../../tenants/domain.ts';
import { html, type Html } from '../../views/html.ts';

type Overview = {
  organisation: Organisation;
  myOffices: Office[];
  myServices: Service[];
  team: Official[];
};

/** The staff start page: today's appointments first, then who you are, where you work, what you hold; admins also see their team. */
export function staffHomePage(ctx: PageContext, data: Overview, agenda: Html): Page {
  const { t, lang } = ctx;
  const staff = ctx.staff;
  const fb = data.organisation.defaultLanguage;
  const role = (r: 'admin' | 'official') =>
    r === 'admin' ? t('staff.home.role_admin') : t('staff.home.role_official');
  return {
    title: t('staff.home.title', { name: staff?.displayName ?? '' }),
    body: html`<h1>${t('staff.home.title', { name: staff?.displayName ?? '' })}</h1>
<dl class="facts">
  <dt>${t('staff.home.organisation')}</dt><dd>${localize(data.organisation.name, lang, fb)}</dd>
  <dt>${t('staff.home.role')}</dt><dd>${staff ? role(staff.role) : ''}</dd>
</dl>
${agenda}
<p><a href="/o/${data.organisation.slug}">${t('staff.home.public_page')}</a></p>
${staff?.role === 'admin' ? html`<p><a href="/staff/availability">${t('admin.link')}</a></p>` : ''}
<h2>${t('staff.home.your_offices')}</h2>
${data.myOffices.length ? html`<ul>${data.myOffices.map((o) => html`<li>${localize(o.name, lang, fb)}, ${o.street}, ${o.city}</li>`)}</ul>` : html`<p>${t('staff.home.none')}</p>`}
<h2>${t('staff.home.your_services')}</h2>
${
  data.myServices.length
    ? html`<ul>${data.myServices.map((s) => html`<li><a href="/o/${data.organisation.slug}/s/${s.slug}">${localize(s.name, lang, fb)}</a></li>`)}</ul>`
    : html`<p>${t('staff.home.none')}</p>`
}
${
  data.team.length
    ? html`<h2 id="team">${t('staff.home.team')}</h2>
<div class="table-wrap"><table aria-labelledby="team">
  <thead><tr><th scope="col">${t('staff.home.name')}</th><th scope="col">${t('staff.home.role')}</th></tr></thead>
  <tbody>${data.team.map((m) => html`<tr><td>${m.displayName}</td><td>${role(m.role)}</td></tr>`)}</tbody>
</table></div>`
    : ''
}`,
  };
}
