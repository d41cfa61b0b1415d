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
    r === 'admin' ? t('agenda.home.role_admin') : t('agenda.home.role_official');
  return {
    title: t('agenda.home.title', { name: staff?.displayName ?? '' }),
    body: html`<h1>${t('agenda.home.title', { name: staff?.displayName ?? '' })}</h1>
<dl class="facts">
  <dt>${t('agenda.home.organisation')}</dt><dd>${localize(data.organisation.name, lang, fb)}</dd>
  <dt>${t('agenda.home.role')}</dt><dd>${staff ? role(staff.role) : ''}</dd>
</dl>
${agenda}
<p><a href="/o/${data.organisation.slug}">${t('agenda.home.public_page')}</a></p>
${staff?.role === 'admin' ? html`<p><a href="/staff/availability">${t('agenda.home.availability_link')}</a></p>` : ''}
<h2>${t('agenda.home.your_offices')}</h2>
${data.myOffices.length ? html`<ul>${data.myOffices.map((o) => html`<li>${localize(o.name, lang, fb)}, ${o.street}, ${o.city}</li>`)}</ul>` : html`<p>${t('agenda.home.none')}</p>`}
<h2>${t('agenda.home.your_services')}</h2>
${
  data.myServices.length
    ? html`<ul>${data.myServices.map((s) => html`<li><a href="/o/${data.organisation.slug}/s/${s.slug}">${localize(s.name, lang, fb)}</a></li>`)}</ul>`
    : html`<p>${t('agenda.home.none')}</p>`
}
${
  data.team.length
    ? html`<h2 id="team">${t('agenda.home.team')}</h2>
<div class="table-wrap"><table aria-labelledby="team">
  <thead><tr><th scope="col">${t('agenda.home.name')}</th><th scope="col">${t('agenda.home.role')}</th></tr></thead>
  <tbody>${data.team.map((m) => html`<tr><td>${m.displayName}</td><td>${role(m.role)}</td></tr>`)}</tbody>
</table></div>`
    : ''
}`,
  };
}
