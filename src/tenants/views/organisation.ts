import type { Page, PageContext } from '../../http/page.ts';
import { localize } from '../../i18n/i18n.ts';
import { html } from '../../views/html.ts';
import type { OrganisationView } from '../service.ts';
import { officeDetails, organisationHeading } from './parts.ts';

/** An organisation: its services first (what people come for), then locations and contacts. */
export function organisationPage(ctx: PageContext, data: OrganisationView): Page {
  const { t, lang } = ctx;
  const { organisation: org } = data;
  const fb = org.defaultLanguage;
  const name = localize(org.name, lang, fb);
  return {
    title: name,
    body: html`${organisationHeading(ctx, org, name)}
<p class="lead">${localize(org.description, lang, fb)}</p>
<h2 id="services">${t('tenants.org.services')}</h2>
${
  data.services.length === 0
    ? html`<p>${t('tenants.org.no_services')}</p>`
    : html`<p>${t('tenants.org.services_lead')}</p>
<ul class="cards" aria-labelledby="services">${data.services.map(
        (
          s,
        ) => html`<li class="card"><h3><a href="/o/${org.slug}/s/${s.slug}">${localize(s.name, lang, fb)}</a></h3>
      <p>${localize(s.description, lang, fb)}</p></li>`,
      )}</ul>`
}
<h2 id="situations">${t('tenants.org.situations')}</h2>
<p>${t('tenants.org.situations_lead')} <a href="/o/${org.slug}/situations">${t('tenants.org.situations_link')}</a></p>
<h2 id="fees">${t('tenants.org.fees')}</h2>
<p>${t('tenants.org.fees_lead')} <a href="/o/${org.slug}/pay">${t('tenants.org.fees_link')}</a></p>
<h2 id="offices">${t('tenants.org.offices')}</h2>
<div class="cards">${data.offices.map((o) => officeDetails(ctx, o, 'h3', fb))}</div>
${
  org.email || org.phone || org.website
    ? html`<h2>${t('tenants.org.contact')}</h2><dl class="facts">
  ${org.email ? html`<dt>${t('tenants.org.email')}</dt><dd><a href="mailto:${org.email}">${org.email}</a></dd>` : ''}
  ${org.phone ? html`<dt>${t('tenants.org.phone')}</dt><dd><a href="tel:${org.phone.replace(/\s/g, '')}">${org.phone}</a></dd>` : ''}
  ${org.website ? html`<dt>${t('tenants.org.website')}</dt><dd><a href="${org.website}" rel="noopener">${org.website}</a></dd>` : ''}
</dl>`
    : ''
}`,
  };
}
