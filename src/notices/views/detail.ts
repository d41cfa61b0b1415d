// One notice for its organisation's admins: the current version, every version with who saved it
// and why, the record of what happened when, the attachments, and the correction and withdrawal.
import type { Page, PageContext } from '../../http/page.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import { stampOf } from '../../views/dates.ts';
import { errorSummary, type FieldErrors } from '../../views/form.ts';
import { html, type Html } from '../../views/html.ts';
import { csrfField } from '../../views/layout.ts';
import { formatSize } from '../../views/sizes.ts';
import { isOpen } from '../domain.ts';
import type { NoticeBoard } from '../service.ts';
import { NOTICES_PATH, categoryLabel, daysText, done, statusTag } from './common.ts';

type Detail = Awaited<ReturnType<NoticeBoard['detail']>>;
type Version = Detail['versions'][number];

function fileList(ctx: PageContext, id: string, v: Version): Html {
  const { t, lang } = ctx;
  if (!v.files.length) return html`<p class="muted">${t('notices.admin.attachments.none')}</p>`;
  return html`<ul>${v.files.map((f) => html`<li><a href="${NOTICES_PATH}/${id}/attachments/${f.id}">${f.name}</a> (${formatSize(f.size, lang)})</li>`)}</ul>`;
}

function facts(ctx: PageContext, d: Detail): Html {
  const { t } = ctx;
  const v = d.latest;
  const row = (label: string, value: Html | string | null) =>
    value ? html`<dt>${label}</dt><dd>${value}</dd>` : html``;
  const days = { postOn: v.post_on, removeAfter: v.remove_after };
  return html`<dl class="facts">
  ${row(t('notices.admin.fact.status'), statusTag(ctx, d.status))}
  ${row(t('notices.admin.fact.days'), daysText(ctx, days))}
  ${row(t('notices.admin.field.category'), categoryLabel(ctx, v.category))}
  ${row(t('notices.admin.field.reference'), v.reference_number)}
  ${row(t('notices.admin.field.file_mark'), v.file_mark)}
  ${row(t('notices.admin.field.department'), v.department_name)}
  ${row(t('notices.admin.fact.language'), t(`notices.admin.language.${v.language}`))}
</dl>`;
}

function versions(ctx: PageContext, d: Detail): Html {
  const { t, lang } = ctx;
  const tz = d.org.timeZone;
  return html`<h2>${t('notices.admin.versions')}</h2>
<ol class="stack-list">${[...d.versions].reverse().map(
    (
      v,
    ) => html`<li><h3>${t('notices.admin.version', { version: String(v.version) })}: <span lang="${v.language}">${v.title}</span></h3>
  <p class="muted">${t('notices.admin.version.created', { when: stampOf(v.created_at, tz, lang), who: v.createdByName ?? '–' })}</p>
  ${v.correction_note ? html`<p><strong>${t('notices.admin.version.note')}</strong> ${v.correction_note}</p>` : ''}
  <p>${daysText(ctx, { postOn: v.post_on, removeAfter: v.remove_after })}</p>
  ${fileList(ctx, d.notice.id, v)}</li>`,
  )}</ol>`;
}

function events(ctx: PageContext, d: Detail): Html {
  const { t, lang } = ctx;
  if (!d.events.length)
    return html`<h2>${t('notices.admin.events')}</h2><p>${t('notices.admin.events.none')}</p>`;
  return html`<h2>${t('notices.admin.events')}</h2>
<ul>${d.events.map(
    (e) =>
      html`<li>${stampOf(e.at, d.org.timeZone, lang)}: ${t(`notices.admin.event.${e.kind}` as MessageKey, { version: String(e.version) })} (${e.actorName ?? t('notices.admin.event.system')})</li>`,
  )}</ul>`;
}

function actions(ctx: PageContext, d: Detail, errors: FieldErrors, reason: string): Html {
  const { t, lang } = ctx;
  const n = d.notice;
  if (n.withdrawn_at)
    return html`<p>${t('notices.admin.withdrawn_info', { when: stampOf(n.withdrawn_at, d.org.timeZone, lang), reason: n.withdrawal_reason ?? '' })}</p>`;
  if (!isOpen(d.status)) return html`<p>${t('notices.admin.closed')}</p>`;
  const error = errors.reason;
  return html`<p class="actions"><a class="button" href="${NOTICES_PATH}/${n.id}/correct">${t('notices.admin.correct_link')}</a></p>
<h2 id="withdraw-title">${t('notices.admin.withdraw.title')}</h2>
<p>${t('notices.admin.withdraw.intro')}</p>
<form method="post" action="${NOTICES_PATH}/${n.id}/withdraw" class="stack" novalidate aria-labelledby="withdraw-title">${csrfField(ctx)}
  <div class="${error ? 'field-error' : ''}"><label for="reason">${t('notices.admin.withdraw.reason')}</label>${error ? html`<span class="error-message" id="reason-error">${error}</span>` : ''}
  <textarea id="reason" name="reason" rows="3"${error ? html` aria-invalid="true" aria-describedby="reason-error"` : ''}>${reason}</textarea></div>
  <div><button type="submit">${t('notices.admin.withdraw.submit')}</button></div>
</form>`;
}

/** The notice's page. */
export function detailPage(
  ctx: PageContext,
  d: Detail & { done: string | null; errors: FieldErrors; reason: string },
): Page {
  const { t } = ctx;
  const v = d.latest;
  const title = t('notices.admin.detail.title', { number: String(d.notice.number) });
  return {
    title,
    body: html`${errorSummary(t, d.errors)}${done(d.done)}
<p><a href="${NOTICES_PATH}">${t('notices.admin.back')}</a></p>
<h1>${title}</h1>
${facts(ctx, d)}
<p><a href="/o/${d.org.slug}/notices/${d.notice.number}">${t('notices.admin.detail.public_link')}</a></p>
<h2>${t('notices.admin.detail.current')}: <span lang="${v.language}">${v.title}</span></h2>
<div class="notice-text" lang="${v.language}">${v.body.split(/\n{2,}/).map((p) => html`<p>${p}</p>`)}</div>
<h2>${t('notices.admin.attachments')}</h2>
${fileList(ctx, d.notice.id, v)}
${actions(ctx, d, d.errors, d.reason)}
${events(ctx, d)}
${versions(ctx, d)}`,
  };
}
