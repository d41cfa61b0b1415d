import type { Page, PageContext } from '../../http/page.ts';
import { localize, type Localized } from '../../i18n/i18n.ts';
import { html } from '../../views/html.ts';
import { formatMoney, lines, type Office, type Official, type Service } from '../domain.ts';
import type { OrganisationView } from '../service.ts';
import { officeDetails, organisationHeading } from './parts.ts';
import { handledByBlock } from '../../notices/contacts/views/handled-by.ts';

type ServiceData = OrganisationView & {
  service: Service;
  serviceOffices: Office[];
  officials: Official[];
  /** The departments that handle the service, for the "handled by" block (decision 051). */
  handledBy: { slug: string; name: Localized }[];
};

/** A service: what it is, what to prepare, fee, duration, how and where it is held. */
export function servicePage(ctx: PageContext, data: ServiceData): Page {
  const { t, lang } = ctx;
  const { organisation: org, service } = data;
  const fb = org.defaultLanguage;
  const name = localize(service.name, lang, fb);
  const prep = lines(localize(service.preparation, lang, fb));
  const feeNote = localize(service.feeNote, lang, fb);
  const fee =
    service.feeMinor === null
      ? t('tenants.service.free')
      : formatMoney(service.feeMinor, org.currency, lang);
  return {
    title: name,
    body: html`<p><a href="/o/${org.slug}">${t('tenants.service.back', { organisation: localize(org.name, lang, fb) })}</a></p>
${organisationHeading(ctx, org, name)}
<p class="lead">${localize(service.description, lang, fb)}</p>
${handledByBlock(ctx, { orgSlug: org.slug, fallback: fb, departments: data.handledBy })}
<dl class="facts">
  <dt>${t('tenants.service.fee')}</dt><dd>${fee}${feeNote ? html`<br><span class="muted">${feeNote}</span>` : ''}</dd>
  <dt>${t('tenants.service.duration')}</dt><dd>${t('tenants.service.duration_minutes', { minutes: service.durationMinutes })}</dd>
  <dt>${t('tenants.service.how_held')}</dt><dd>${[
    service.byVideo ? t('tenants.service.by_video') : null,
    service.inPerson ? t('tenants.service.in_person') : null,
  ]
    .filter(Boolean)
    .map((m) => html`<span class="tag">${m}</span> `)}</dd>
  ${
    data.officials.length
      ? html`<dt>${t('tenants.service.officials')}</dt><dd>${data.officials.map((o) => o.displayName).join(', ')}</dd>`
      : ''
  }
</dl>
<h2>${t('tenants.service.what_to_prepare')}</h2>
${prep.length ? html`<ul>${prep.map((p) => html`<li>${p}</li>`)}</ul>` : html`<p>${t('tenants.service.nothing_to_prepare')}</p>`}
<h2>${t('tenants.service.how_to_book')}</h2>
${
  service.byVideo && data.serviceOffices.length > 0 && data.officials.length > 0
    ? html`<p><a class="button" href="/o/${org.slug}/s/${service.slug}/book">${t('tenants.service.book')}</a></p>`
    : html`<p class="notice">${t('tenants.service.how_to_book_text')}</p>`
}
<h2>${t('tenants.service.where')}</h2>
<div class="cards">${data.serviceOffices.map((o) => officeDetails(ctx, o, 'h3', fb))}</div>`,
  };
}
