import type { Page, PageContext } from '../../http/page.ts';
import { localize, type MessageKey } from '../../i18n/i18n.ts';
import { html } from '../../views/html.ts';
import { SUPERVISORY_AUTHORITIES } from '../domain.ts';
import type { PrivacyService } from '../service.ts';

type Notice = Awaited<ReturnType<PrivacyService['notice']>>;

// What the notice lists, with its legal basis (GDPR Art. 13(1)(c)); the same purposes as the export's meta.
const PURPOSES: { code: string; basis: 'public_task' | 'consent' | 'security' }[] = [
  { code: 'appointment', basis: 'public_task' },
  { code: 'meeting', basis: 'public_task' },
  { code: 'record', basis: 'public_task' },
  { code: 'documents', basis: 'public_task' },
  { code: 'feedback', basis: 'consent' },
  { code: 'security', basis: 'security' },
];
const RIGHTS = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'objection',
  'withdraw',
] as const;

/** The public privacy notice of one organisation (GDPR Art. 13), filled from its settings. */
export function privacyNoticePage(ctx: PageContext, data: Notice): Page {
  const { t, lang } = ctx;
  const org = data.organisation;
  const name = localize(org.name, lang, org.defaultLanguage);
  const s = data.settings;
  const authority = SUPERVISORY_AUTHORITIES[org.country];
  const requestsTo = s.dpoEmail ?? org.email;
  const k = (key: string) => t(key as MessageKey);
  return {
    title: `${t('notice.title')}: ${name}`,
    body: html`<h1>${t('notice.title')}: ${name}</h1>
<p class="lead">${t('notice.intro', { organisation: name })}</p>
<h2>${t('notice.controller.heading')}</h2>
<p>${t('notice.controller.text', { organisation: name })}</p>
<dl class="facts">
  ${org.email ? html`<dt>${t('notice.contact.email')}</dt><dd><a href="mailto:${org.email}">${org.email}</a></dd>` : ''}
  ${org.phone ? html`<dt>${t('notice.contact.phone')}</dt><dd>${org.phone}</dd>` : ''}
  ${org.website ? html`<dt>${t('notice.contact.website')}</dt><dd><a href="${org.website}">${org.website}</a></dd>` : ''}
  ${s.postalAddress ? html`<dt>${t('notice.contact.address')}</dt><dd class="pre-line">${s.postalAddress}</dd>` : ''}
</dl>
${
  !s.postalAddress && data.offices.length
    ? html`<h3>${t('notice.contact.offices')}</h3><ul>${data.offices.map((o) => html`<li>${localize(o.name, lang, org.defaultLanguage)}: ${o.street}, ${o.postcode} ${o.city}${o.email ? html`, <a href="mailto:${o.email}">${o.email}</a>` : ''}</li>`)}</ul>`
    : ''
}
<h2>${t('notice.dpo.heading')}</h2>
${
  s.dpoEmail || s.dpoName
    ? html`<p>${t('notice.dpo.text')}</p><p>${s.dpoName ?? ''}${s.dpoName && s.dpoEmail ? ', ' : ''}${s.dpoEmail ? html`<a href="mailto:${s.dpoEmail}">${s.dpoEmail}</a>` : ''}</p>`
    : html`<p>${t('notice.dpo.none')}</p>`
}
<h2 id="purposes">${t('notice.purposes.heading')}</h2>
<div class="table-wrap" role="region" aria-labelledby="purposes" tabindex="0"><table>
  <thead><tr><th scope="col">${t('notice.col.purpose')}</th><th scope="col">${t('notice.col.data')}</th><th scope="col">${t('notice.col.basis')}</th></tr></thead>
  <tbody>${PURPOSES.map((p) => html`<tr><th scope="row">${k(`notice.purpose.${p.code}`)}</th><td>${k(`notice.data.${p.code}`)}</td><td>${k(`notice.basis.${p.basis}`)}</td></tr>`)}</tbody>
</table></div>
<h2>${t('notice.recipients.heading')}</h2>
<ul>
  <li>${t('notice.recipient.officials', { organisation: name })}</li>
  <li>${t('notice.recipient.participants')}</li>
  <li>${t('notice.recipient.operator')}</li>
</ul>
<p>${t('notice.recipients.nothing_else')}</p>
<h2 id="retention">${t('notice.retention.heading')}</h2>
<p>${t('notice.retention.text', { days: s.retentionDays })}</p>
<p>${t('notice.retention.files')}</p>
<h2>${t('notice.rights.heading')}</h2>
<ul>${RIGHTS.map((r) => html`<li>${k(`notice.right.${r}`)}</li>`)}</ul>
<p>${requestsTo ? t('notice.rights.how_email', { email: requestsTo }) : t('notice.rights.how_office')}</p>
<h2>${t('notice.authority.heading')}</h2>
<p>${t('notice.authority.text')}</p>
<p lang="${org.country === 'SI' ? 'sl' : 'cs'}">${authority.name}<br>${authority.address}<br>
<a href="mailto:${authority.email}">${authority.email}</a> · <a href="${authority.url}">${authority.url}</a></p>`,
  };
}
