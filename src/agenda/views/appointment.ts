import type { Page, PageContext } from '../../http/page.ts';
import { localize, type MessageKey } from '../../i18n/i18n.ts';
import { formatWhen, stampOf } from '../../views/dates.ts';
import { localParts } from '../../lib/zoned-time.ts';
import { html, type Html } from '../../views/html.ts';
import { errorSummary, type FieldErrors } from '../../views/form.ts';
import { csrfField } from '../../views/layout.ts';
import type { IdentityDocument } from '../../db/tables.ts';
import { formatSize } from '../../views/sizes.ts';
import { IDENTITY_DOCUMENTS } from '../../meeting/protocol.ts';
import type { HistoryItem } from '../domain.ts';
import { isOpen } from '../domain.ts';
import { NO_SHOW_GRACE_MINUTES } from '../../booking/domain.ts';
import type { AgendaService } from '../service.ts';
import { STATE_KEYS } from './format.ts';

type Appointment = Awaited<ReturnType<AgendaService['appointment']>>;

/** The longest reason the form accepts (booking_event.reason's CHECK). */
export const MAX_REASON = 500;

/** The names of the identity documents, as the form and the history show them. */
export const DOCUMENT_KEYS: Record<IdentityDocument, MessageKey> = {
  id_card: 'agenda.document.id_card',
  passport: 'agenda.document.passport',
  driving_licence: 'agenda.document.driving_licence',
  other: 'agenda.document.other',
};

const LANGUAGE_KEYS: Record<string, MessageKey> = {
  sl: 'agenda.language.sl',
  cs: 'agenda.language.cs',
  en: 'agenda.language.en',
};

function historyLine(ctx: PageContext, item: HistoryItem, timeZone: string): Html {
  const { t, lang } = ctx;
  const when = (d: Date | undefined) => (d ? formatWhen(d, timeZone, lang) : '');
  const who = item.who ?? '';
  let text: string;
  switch (item.kind) {
    case 'moved':
      text = t(item.role === 'staff' ? 'agenda.history.moved_by' : 'agenda.history.moved', {
        from: when(item.from),
        to: when(item.to),
        who,
      });
      break;
    case 'cancelled':
      text =
        item.role === 'staff'
          ? t('agenda.history.cancelled_by', { who })
          : item.role === 'citizen'
            ? t('agenda.history.cancelled_citizen')
            : t('agenda.history.cancelled');
      break;
    case 'knocked':
    case 'admitted':
    case 'joined':
    case 'no_show_undone':
    case 'identity_withdrawn':
      text = t(`agenda.history.${item.kind}`, { who });
      break;
    case 'no_show':
      text = item.who ? t('agenda.history.no_show_by', { who }) : t('agenda.history.no_show');
      break;
    case 'identity_checked':
      text = item.document
        ? t('agenda.history.identity_checked', { who, document: t(DOCUMENT_KEYS[item.document]) })
        : t('agenda.history.identity_checked_unrecorded');
      break;
    default:
      text = t(`agenda.history.${item.kind}`);
  }
  return html`<li><time datetime="${item.at.toISOString()}">${stampOf(item.at, timeZone, lang)}</time> ${text}${item.reason ? html`<span class="hint">${t('agenda.reason')}: ${item.reason}</span>` : ''}</li>`;
}

/** The cancel form: a required reason, kept when it comes back with an error. */
function cancelForm(
  ctx: PageContext,
  a: Appointment,
  values: { reason: string },
  errors: FieldErrors,
): Html {
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
export function appointmentPage(
  ctx: PageContext,
  a: Appointment,
  form: { values: { reason: string }; errors: FieldErrors; notice: string | null },
): Page {
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
  <dt>${t('agenda.col_state')}</dt><dd data-state="${a.state}">${t(STATE_KEYS[a.state])}</dd>
  <dt>${t('agenda.when')}</dt><dd>${formatWhen(b.start, tz, lang)}</dd>
  <dt>${t('agenda.service')}</dt><dd>${localize(b.target.service.name, lang, fb)}</dd>
  <dt>${t('agenda.office')}</dt><dd>${localize(b.target.office.name, lang, fb)}</dd>
  <dt>${t('agenda.official')}</dt><dd>${b.target.officialName ?? ''}</dd>
  <dt>${t('agenda.citizen')}</dt><dd>${b.name}</dd>
  <dt>${t('agenda.email')}</dt><dd>${b.email}</dd>
  <dt>${t('agenda.phone')}</dt><dd>${b.phone ?? '—'}</dd>
  <dt>${t('agenda.language')}</dt><dd>${t(LANGUAGE_KEYS[b.language]!)}</dd>
  <dt>${t('agenda.notes')}</dt><dd class="minutes-text">${b.notes ?? '—'}</dd>
</dl>
${isOpen(a.state) ? html`<p><a class="button" href="/staff/meetings/${b.id}">${t('agenda.open_room', { name: b.name })}</a></p>` : ''}
${noShowPart(ctx, a)}
${identityPart(ctx, a)}
<h2 id="history">${t('agenda.history')}</h2>
<ol class="history">${a.history.map((item) => historyLine(ctx, item, tz))}</ol>
<h2 id="minutes">${t('agenda.minutes')}</h2>
${a.minutes.trim() ? html`<div class="minutes-text">${a.minutes}</div>` : html`<p>${t('agenda.none')}</p>`}
<h2 id="chat">${t('agenda.chat')}</h2>
${
  a.chat.length
    ? html`<ol class="chat-transcript">${a.chat.map((l) => html`<li><time datetime="${l.at}">${stampOf(new Date(l.at), tz, lang)}</time> <strong>${l.name}:</strong> ${l.text}</li>`)}</ol>`
    : html`<p>${t('agenda.none')}</p>`
}
<h2 id="survey">${t('agenda.survey')}</h2>
${
  a.survey
    ? html`<dl class="facts"><dt>${t('agenda.rating')}</dt><dd>${t('agenda.rating_value', { rating: a.survey.rating })}</dd>
  <dt>${t('agenda.comment')}</dt><dd>${a.survey.comment ?? '—'}</dd></dl>`
    : html`<p>${t('agenda.none')}</p>`
}
${filesPart(ctx, a)}
${a.actions.staffCancel ? cancelForm(ctx, a, form.values, form.errors) : ''}`,
  };
}

/** The no-show: a link to its confirmation once allowed, when it becomes possible, or who recorded it with one-step undo. */
function noShowPart(ctx: PageContext, a: Appointment): Html {
  const { t, lang } = ctx;
  const b = a.booking;
  const tz = b.target.office.timeZone;
  if (a.noShow || a.actions.undoNoShow) {
    const recorded = a.noShow
      ? t('agenda.no_show_recorded', {
          who: a.noShow.actorName,
          when: formatWhen(a.noShow.at, tz, lang),
        })
      : t('agenda.history.no_show');
    return html`<p>${recorded}</p>
${a.actions.undoNoShow ? html`<form method="post" action="/staff/appointments/${b.id}/no-show/undo" class="inline-form">${csrfField(ctx)}<button type="submit" class="secondary">${t('agenda.no_show_undo')}</button></form>` : ''}`;
  }
  if (a.actions.noShow)
    return html`<p><a class="button secondary" href="/staff/appointments/${b.id}/no-show">${t('agenda.no_show_link', { name: b.name })}</a></p>`;
  if (a.noShowFrom)
    return html`<p class="hint">${t('agenda.no_show_too_early', { time: formatWhen(a.noShowFrom, tz, lang), minutes: NO_SHOW_GRACE_MINUTES })}</p>`;
  return html``;
}

/** The identity check as it stands, and the form that records or corrects it (a new history line each time). */
function identityPart(ctx: PageContext, a: Appointment): Html {
  const { t, lang } = ctx;
  const b = a.booking;
  const tz = b.target.office.timeZone;
  const id = a.identity;
  const current =
    !id || id.kind === 'identity_withdrawn'
      ? t('agenda.identity_none')
      : id.documentType
        ? t('agenda.identity_current', {
            who: id.actorName,
            when: formatWhen(id.at, tz, lang),
            document: t(DOCUMENT_KEYS[id.documentType]),
          })
        : t('agenda.identity_current_unrecorded', { when: formatWhen(id.at, tz, lang) });
  const selected = id?.kind === 'identity_checked' ? (id.documentType ?? '') : 'none';
  const form = a.actions.checkIdentity
    ? html`<form method="post" action="/staff/appointments/${b.id}/identity" class="stack">
  ${csrfField(ctx)}
  <div><label for="document">${t('agenda.identity_document')} <span class="hint" id="document-hint">${t('agenda.identity_hint')}</span></label>
  <select id="document" name="document" aria-describedby="document-hint">
    ${IDENTITY_DOCUMENTS.map((d) => html`<option value="${d}"${selected === d ? html` selected` : ''}>${t(DOCUMENT_KEYS[d])}</option>`)}
    <option value="none"${selected === 'none' ? html` selected` : ''}>${t('agenda.identity_not_checked')}</option>
  </select></div>
  <div><button type="submit" class="secondary">${t('agenda.identity_save')}</button></div>
</form>`
    : a.state === 'not_arrived' || a.state === 'in_lobby'
      ? html`<p class="hint">${t('agenda.identity_later')}</p>`
      : html``;
  return html`<h2 id="identity">${t('agenda.identity')}</h2>
<p data-identity="${id?.kind === 'identity_checked' ? (id.documentType ?? 'unrecorded') : 'none'}">${current}</p>
${form}`;
}

/** The meeting folder's files (name, size, who, when), and how many were deleted when the folder's files went. */
function filesPart(ctx: PageContext, a: Appointment): Html {
  const { t, lang } = ctx;
  const tz = a.booking.target.office.timeZone;
  const f = a.folder;
  if (!f) return html`<h2 id="files">${t('agenda.files')}</h2><p>${t('agenda.files_none')}</p>`;
  const list = f.files.length
    ? html`<div class="table-wrap"><table aria-labelledby="files"><thead><tr><th scope="col">${t('agenda.files_col_name')}</th><th scope="col">${t('agenda.files_col_size')}</th><th scope="col">${t('agenda.files_col_by')}</th><th scope="col">${t('agenda.files_col_at')}</th></tr></thead>
<tbody>${f.files.map((x) => html`<tr data-file="${x.id}"><td>${x.name}</td><td>${formatSize(x.size, lang)}</td><td>${x.uploaderName} (${t(`agenda.files_role.${x.uploaderRole}`)})</td><td><time datetime="${x.uploadedAt.toISOString()}">${stampOf(x.uploadedAt, tz, lang)}</time></td></tr>`)}</tbody></table></div>`
    : html`<p>${t('agenda.files_empty')}</p>`;
  const deleted =
    f.deleted.count > 0 && f.deleted.purgedAt
      ? html`<p data-files-deleted="${f.deleted.count}">${t('agenda.files_deleted', { count: f.deleted.count, size: formatSize(f.deleted.bytes, lang), when: formatWhen(f.deleted.purgedAt, tz, lang) })}</p>`
      : html``;
  return html`<h2 id="files">${t('agenda.files')}</h2>
${list}
${deleted}`;
}
