import type { Page, PageContext } from '../../http/page.ts';
import { localize, type MessageKey } from '../../i18n/i18n.ts';
import { formatWhen } from '../../views/dates.ts';
import { html, type Html } from '../../views/html.ts';
import { errorSummary, field, type FieldErrors } from '../../views/form.ts';
import { csrfField } from '../../views/layout.ts';
import type { FoundBooking, PrivacyService } from '../service.ts';

type Overview = Awaited<ReturnType<PrivacyService['overview']>>;

export type StaffPrivacyData = Overview & {
  errors: FieldErrors;
  /** What the settings form shows: the saved settings, or what was typed when it came back with errors. */
  form: { retentionDays: string; dpoName: string; dpoEmail: string; postalAddress: string };
  email: string;
  results: { email: string; bookings: FoundBooking[] } | null;
  notice: string | null;
};

/** /staff/privacy: the organisation's retention and data protection officer, and the search for a citizen's request. */
export function staffPrivacyPage(ctx: PageContext, data: StaffPrivacyData): Page {
  const { t } = ctx;
  const e = data.errors;
  return {
    title: t('privacy.title'),
    body: html`${errorSummary(t, e)}
${data.notice ? html`<p class="notice" role="status">${data.notice}</p>` : ''}
<h1>${t('privacy.title')}</h1>
<p class="lead">${t('privacy.intro')}</p>
<p><a href="/o/${data.organisation.slug}/privacy">${t('privacy.notice_link')}</a></p>
<h2 id="request">${t('privacy.search.heading')}</h2>
<p class="muted" id="search-hint">${t('privacy.search.hint')}</p>
<form method="post" action="/staff/privacy/search" class="search" novalidate>
  ${csrfField(ctx)}
  ${field({ name: 'email', label: t('privacy.search.label'), type: 'email', value: data.email, error: e.email, autocomplete: 'off', required: true })}
  <div><button type="submit">${t('privacy.search.submit')}</button></div>
</form>
${data.results ? results(ctx, data, data.results) : ''}
<h2 id="settings">${t('privacy.settings.heading')}</h2>
<form method="post" action="/staff/privacy/settings" class="stack" novalidate>
  ${csrfField(ctx)}
  <div class="${e.retentionDays ? 'field-error' : ''}">
    <label for="retentionDays">${t('privacy.retention.label')} <span class="hint" id="retentionDays-hint">${t('privacy.retention.hint')}</span></label>
    ${e.retentionDays ? html`<span class="error-message" id="retentionDays-error">${e.retentionDays}</span>` : ''}
    <input type="text" inputmode="numeric" id="retentionDays" name="retentionDays" value="${data.form.retentionDays}" required size="6"
      aria-describedby="retentionDays-hint${e.retentionDays ? ' retentionDays-error' : ''}" ${e.retentionDays ? html`aria-invalid="true"` : ''}>
  </div>
  ${field({ name: 'dpoName', label: t('privacy.dpo_name.label'), type: 'text', value: data.form.dpoName, error: e.dpoName, autocomplete: 'off' })}
  ${field({ name: 'dpoEmail', label: t('privacy.dpo_email.label'), type: 'email', value: data.form.dpoEmail, error: e.dpoEmail, autocomplete: 'off' })}
  <div class="${e.postalAddress ? 'field-error' : ''}">
    <label for="postalAddress">${t('privacy.postal.label')} <span class="hint" id="postalAddress-hint">${t('privacy.postal.hint')}</span></label>
    ${e.postalAddress ? html`<span class="error-message" id="postalAddress-error">${e.postalAddress}</span>` : ''}
    <textarea id="postalAddress" name="postalAddress" rows="3" aria-describedby="postalAddress-hint${e.postalAddress ? ' postalAddress-error' : ''}" ${e.postalAddress ? html`aria-invalid="true"` : ''}>${data.form.postalAddress}</textarea>
  </div>
  <div><button type="submit">${t('privacy.save')}</button></div>
</form>`,
  };
}

function results(
  ctx: PageContext,
  data: StaffPrivacyData,
  r: { email: string; bookings: FoundBooking[] },
): Html {
  const { t } = ctx;
  if (r.bookings.length === 0)
    return html`<h3 id="results">${t('privacy.results.heading', { email: r.email })}</h3><p>${t('privacy.results.none')}</p>`;
  return html`<h3 id="results">${t('privacy.results.heading', { email: r.email })}</h3>
${bookingTable(ctx, data, r.bookings, true)}
<form method="post" action="/staff/privacy/export" class="inline-form">
  ${csrfField(ctx)}<input type="hidden" name="email" value="${r.email}">
  <p class="muted" id="export-hint">${t('privacy.export.hint')}</p>
  <button type="submit" aria-describedby="export-hint">${t('privacy.export.submit')}</button>
</form>
<form method="post" action="/staff/privacy/erase" class="inline-form">
  ${csrfField(ctx)}<input type="hidden" name="email" value="${r.email}">
  <button type="submit">${t('privacy.erase.submit')}</button>
</form>`;
}

/** The appointments as a table: when, what, where, who, state and (optionally) what erasure does. */
export function bookingTable(
  ctx: PageContext,
  data: Pick<Overview, 'organisation'>,
  bookings: FoundBooking[],
  withErasure: boolean,
): Html {
  const { t, lang } = ctx;
  const fb = data.organisation.defaultLanguage;
  return html`<div class="table-wrap" role="region" aria-labelledby="results" tabindex="0"><table>
  <thead><tr><th scope="col">${t('privacy.col.when')}</th><th scope="col">${t('privacy.col.service')}</th><th scope="col">${t('privacy.col.office')}</th>
  <th scope="col">${t('privacy.col.official')}</th><th scope="col">${t('privacy.col.state')}</th>${withErasure ? html`<th scope="col">${t('privacy.col.erasure')}</th>` : ''}</tr></thead>
  <tbody>${bookings.map(
    (
      b,
    ) => html`<tr><th scope="row">${formatWhen(b.start, data.organisation.timeZone, lang)}</th><td>${localize(b.serviceName, lang, fb)}</td>
    <td>${localize(b.officeName, lang, fb)}</td><td>${b.officialName}</td><td>${t(`privacy.state.${b.state}` as MessageKey)}</td>
    ${withErasure ? html`<td>${t(`privacy.erasure.${b.erasure}` as MessageKey)}</td>` : ''}</tr>`,
  )}</tbody>
</table></div>`;
}

/** The confirmation step before erasing: what goes, which appointments ahead are cancelled first. */
export function erasureConfirmPage(
  ctx: PageContext,
  data: Pick<Overview, 'organisation'> & {
    email: string;
    bookings: FoundBooking[];
    problem: string | null;
  },
): Page {
  const { t } = ctx;
  const ahead = data.bookings.filter((b) => b.erasure === 'cancel_first');
  return {
    title: t('privacy.erase.title', { email: data.email }),
    body: html`${data.problem ? html`<div class="error-summary" role="alert" tabindex="-1"><h2>${t('form.error_summary')}</h2><p>${data.problem}</p></div>` : ''}
<h1>${t('privacy.erase.title', { email: data.email })}</h1>
<p>${t('privacy.erase.text', { count: data.bookings.length })}</p>
<h2 id="results">${t('privacy.results.heading', { email: data.email })}</h2>
${bookingTable(ctx, data, data.bookings, true)}
${ahead.length ? html`<p class="notice">${t('privacy.erase.ahead')}</p><ul>${ahead.map((b) => html`<li>${formatWhen(b.start, data.organisation.timeZone, ctx.lang)}</li>`)}</ul>` : ''}
<form method="post" action="/staff/privacy/erase/confirm" class="inline-form">
  ${csrfField(ctx)}<input type="hidden" name="email" value="${data.email}">
  ${ahead.length ? html`<input type="hidden" name="cancelFuture" value="yes">` : ''}
  <button type="submit" class="danger">${ahead.length ? t('privacy.erase.cancel_confirm') : t('privacy.erase.confirm')}</button>
</form>
<p><a href="/staff/privacy">${t('privacy.erase.back')}</a></p>`,
  };
}
