import type { Page, PageContext } from '../../http/page.ts';
import { localize, type MessageKey } from '../../i18n/i18n.ts';
import { formatWhen } from '../../booking/emails.ts';
import { localParts } from '../../booking/time.ts';
import { html, type Html } from '../../views/html.ts';
import { errorSummary, type FieldErrors } from '../../views/form.ts';
import { csrfField } from '../../views/layout.ts';
import type { HistoryItem } from '../domain.ts';
import { isOpen } from '../domain.ts';
import type { AgendaService } from '../service.ts';
import { stampOf } from '../../views/dates.ts';
import { STATE_KEYS } from './format.ts';

type Appointment = Awaited<ReturnType<AgendaService['appointment']>>;

/** The longest reason the form accepts (booking_event.reason's CHECK). */
export const MAX_REASON = 500;

const LANGUAGE_KEYS: Record<string, MessageKey> = { sl: 'agenda.language.sl', cs: 'agenda.language.cs', en: 'agenda.language.en' };

function historyLine(ctx: PageContext, item: HistoryItem, timeZone: string): Html {
  const { t, lang } = ctx;
  const when = (d: Date | undefined) => (d ? formatWhen(d, timeZone, lang) : '');
  const who = item.who ?? '';
  let text: string;
  switch (item.kind) {
    case 'moved':
      text = t(item.role === 'staff' ? 'agenda.history.moved_by' : 'agenda.history.moved', { from: when(item.from), to: when(item.to), who });
      break;
    case 'cancelled':
      text = item.role === 'staff' ? t('agenda.history.cancelled_by', { who }) : item.role === 'citizen' ? t('agenda.history.cancelled_citizen') : t('agenda.history.cancelled');
      break;
    case 'knocked':
    case 'admitted':
    case 'joined':
      text = t(`agenda.history.${item.kind}`, { who });
      break;
    default:
      text = t(`agenda.history.${item.kind}`);
  }
  return html`<li><time datetime="${item.at.toISOString()}">${stampOf(item.at, timeZone, lang)}</time> ${text}${item.reason ? html`<span class="hint">${t('agenda.reason')}: ${item.reason}</span>` : ''}</li>`;
}

/** The cancel form: a required reason, kept when it comes back with an error. */
function cancelForm(ctx: PageContext, a: Appointment, values: { reason: string }, errors: FieldErrors): Html {
  const { t } = ctx;
  const error = errors.reason;
  return html`<h2 id="cancel">${t('agenda.cancel_title')}</h2>
<form method="post" action="/staff/appointments/${a.booking.id}/cancel" class="stack" novalidate>
  ${csrfField(ctx)}
  <div class="${error ? 'field-error' : ''}">
    <label for="reason">${t('agenda.cancel_reason')} <span class="hint" id="reason-hint">${t('agenda.cancel_reason_hint', { max: MAX_REASON })}</span></label>
    ${error ? html`<span class="error-message" id="reason-error">${error}</span>` : ''}
    <textarea id="reason" name="reason" rows="3" maxlength="${MAX_REASON}" required ${error ? html`aria-invalid="true"` : ''} aria-describedby="reason-hint${error ? ' reason-error' : ''}">${values.reason}</textarea>
  </div>
  <div><button type="submit">${t('agenda.cancel_submit')}</button></div>
</form>`;
}

/** An appointment's page for staff: details, actions, history, minutes, chat and survey. */
export function appointmentPage(ctx: PageContext, a: Appointment, form: { values: { reason: string }; errors: FieldErrors; notice: string | null }): Page {
  const { t, lang } = ctx;
  const b = a.booking;
  const fb = b.target.organisation.defaultLanguage;
  const tz = b.target.office.timeZone;
  const title = t('agenda.appointment_title', { name: b.name });
  return {
    title,
    body: html`${errorSummary(t, form.errors)}
<h1>${title}</h1>
${form.notice ? html`<p class="notice" role="status">${form.notice}</p>` : ''}
<p><a href="/staff/agenda?day=${localParts(b.start, tz).date}">${t('agenda.back')}</a></p>
<dl class="facts">
  <dt>${t('meeting.col_state')}</dt><dd data-state="${a.state}">${t(STATE_KEYS[a.state])}</dd>
  <dt>${t('book.when')}</dt><dd>${formatWhen(b.start, tz, lang)}</dd>
  <dt>${t('book.service')}</dt><dd>${localize(b.target.service.name, lang, fb)}</dd>
  <dt>${t('book.office')}</dt><dd>${localize(b.target.office.name, lang, fb)}</dd>
  <dt>${t('book.official')}</dt><dd>${b.target.officialName ?? ''}</dd>
  <dt>${t('agenda.citizen')}</dt><dd>${b.name}</dd>
  <dt>${t('agenda.email')}</dt><dd>${b.email}</dd>
  <dt>${t('agenda.phone')}</dt><dd>${b.phone ?? '—'}</dd>
  <dt>${t('agenda.language')}</dt><dd>${t(LANGUAGE_KEYS[b.language]!)}</dd>
  <dt>${t('agenda.notes')}</dt><dd class="minutes-text">${b.notes ?? '—'}</dd>
</dl>
${isOpen(a.state)
  ? html`<p><a class="button" href="/staff/meetings/${b.id}">${t('meeting.open_room', { name: b.name })}</a></p>
${a.state === 'not_arrived' ? html`<form method="post" action="/staff/meetings/${b.id}/no-show" class="inline-form">${csrfField(ctx)}<input type="hidden" name="back" value="appointment"><button type="submit" class="secondary">${t('meeting.mark_no_show', { name: b.name })}</button></form>` : ''}`
  : ''}
<h2 id="history">${t('agenda.history')}</h2>
<ol class="history">${a.history.map((item) => historyLine(ctx, item, tz))}</ol>
<h2 id="minutes">${t('agenda.minutes')}</h2>
${a.minutes.trim() ? html`<div class="minutes-text">${a.minutes}</div>` : html`<p>${t('agenda.none')}</p>`}
<h2 id="chat">${t('agenda.chat')}</h2>
${a.chat.length
  ? html`<ol class="chat-transcript">${a.chat.map((l) => html`<li><time datetime="${l.at}">${stampOf(new Date(l.at), tz, lang)}</time> <strong>${l.name}:</strong> ${l.text}</li>`)}</ol>`
  : html`<p>${t('agenda.none')}</p>`}
<h2 id="survey">${t('agenda.survey')}</h2>
${a.survey
  ? html`<dl class="facts"><dt>${t('agenda.rating')}</dt><dd>${t('agenda.rating_value', { rating: a.survey.rating })}</dd>
  <dt>${t('agenda.comment')}</dt><dd>${a.survey.comment ?? '—'}</dd></dl>`
  : html`<p>${t('agenda.none')}</p>`}
${a.cancellable ? cancelForm(ctx, a, form.values, form.errors) : ''}`,
  };
}
