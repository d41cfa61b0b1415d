import type { PageContext } from '../../http/page.ts';
import { localize } from '../../i18n/i18n.ts';
import { html, type Html } from '../../views/html.ts';
import { logoUrl, weekSchedule, type Office, type Organisation } from '../domain.ts';
import { weekdayName } from '../../views/dates.ts';

/** An office's address, contacts and weekly opening hours as an accessible table. */
export function officeDetails(
  ctx: PageContext,
  office: Office,
  headingLevel: 'h2' | 'h3',
  fallback: PageContext['lang'],
): Html {
  const { t, lang } = ctx;
  const name = localize(office.name, lang, fallback);
  const heading =
    headingLevel === 'h2'
      ? html`<h2 id="office-${office.slug}">${name}</h2>`
      : html`<h3 id="office-${office.slug}">${name}</h3>`;
  return html`<section class="card" aria-labelledby="office-${office.slug}">
  ${heading}
  <dl class="facts">
    <dt>${t('tenants.org.address')}</dt><dd>${office.street}, ${office.postcode} ${office.city}</dd>
    ${office.email ? html`<dt>${t('tenants.org.email')}</dt><dd><a href="mailto:${office.email}">${office.email}</a></dd>` : ''}
    ${office.phone ? html`<dt>${t('tenants.org.phone')}</dt><dd><a href="tel:${office.phone.replace(/\s/g, '')}">${office.phone}</a></dd>` : ''}
  </dl>
  <table class="hours">
    <caption class="muted">${t('tenants.org.opening_hours')}</caption>
    <thead><tr><th scope="col">${t('tenants.org.day')}</th><th scope="col">${t('tenants.org.hours')}</th></tr></thead>
    <tbody>${weekSchedule(office.hours).map(
      (d) =>
        html`<tr><th scope="row">${weekdayName(d.weekday, lang)}</th><td>${
          d.ranges.length
            ? d.ranges.map((r) => `${r.opens}–${r.closes}`).join(', ')
            : t('tenants.org.closed')
        }</td></tr>`,
    )}</tbody>
  </table>
</section>`;
}

/**
 * The organisation's heading: its colour as a stripe (an SVG fill, so no inline
 * style is needed under the CSP), its logo, and the page's one h1.
 */
export function organisationHeading(ctx: PageContext, org: Organisation, title: string): Html {
  const logo = logoUrl(org);
  return html`${
    org.brandColour
      ? html`<svg class="brand-stripe" aria-hidden="true" focusable="false" viewBox="0 0 100 1" preserveAspectRatio="none"><rect width="100" height="1" fill="${org.brandColour}"/></svg>`
      : ''
  }
<div class="org-title">${logo ? html`<img src="${logo}" alt="" width="48" height="48">` : ''}<h1>${title}</h1></div>`;
}
