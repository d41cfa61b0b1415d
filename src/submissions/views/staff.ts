// Staff pages of submissions (decision 041): the organisation's list with its filters and pages,
// and one submission with its answers, receipt, history and the form to change its state.
import type { Attachment } from '../../forms/service.ts';
import type { Page, PageContext } from '../../http/page.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import { select, type Values } from '../../views/admin-form.ts';
import { dateFormat } from '../../views/dates.ts';
import { errorSummary, type FieldErrors } from '../../views/form.ts';
import { html, type Html } from '../../views/html.ts';
import { csrfField } from '../../views/layout.ts';
import { titleOf } from '../handling.ts';
import type { EventRow } from '../handling-repo.ts';
import { MESSAGE_MAX, STATES, staffActions, type SubmissionState } from '../states.ts';
import { answersHtml, fileList, filesOfAnswers } from './answers.ts';

const stateName = (ctx: PageContext, s: SubmissionState) => ctx.t(`submissions.state.${s}`);
const nameOf = (submitter: unknown) => {
  const s = submitter as { givenName?: string; familyName?: string };
  return `${s.givenName ?? ''} ${s.familyName ?? ''}`.trim();
};

export type ListData = {
  rows: {
    id: string;
    reference: string;
    state: SubmissionState;
    submitter: unknown;
    submittedAt: Date;
    definition: unknown;
  }[];
  total: number;
  forms: { id: string; definition: unknown }[];
  filter: { state?: string; form?: string; page: number };
  pageSize: number;
  timeZone: string;
};

function filterForm(ctx: PageContext, data: ListData): Html {
  const { t } = ctx;
  const values: Values = { state: data.filter.state ?? '', form: data.filter.form ?? '' };
  const any = { value: '', label: t('submissions.staff.any') };
  return html`<form method="get" action="/staff/submissions" class="agenda-filter" aria-label="${t('submissions.staff.filter')}">
${select({ name: 'state', label: t('submissions.col.state'), values, errors: {}, options: [any, ...STATES.map((s) => ({ value: s, label: stateName(ctx, s) }))] })}
${select({ name: 'form', label: t('submissions.col.form'), values, errors: {}, options: [any, ...data.forms.map((f) => ({ value: f.id, label: titleOf(f.definition, ctx.lang) })).sort((a, b) => a.label.localeCompare(b.label, ctx.lang))] })}
<div><button type="submit">${t('submissions.staff.show')}</button></div>
</form>`;
}

function pager(ctx: PageContext, data: ListData): Html {
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  if (pages === 1) return html``;
  const { page } = data.filter;
  const href = (p: number) => {
    const q = new URLSearchParams();
    if (data.filter.state) q.set('state', data.filter.state);
    if (data.filter.form) q.set('form', data.filter.form);
    q.set('page', String(p));
    return `/staff/submissions?${q.toString()}`;
  };
  const { t } = ctx;
  return html`<nav class="pager" aria-label="${t('submissions.staff.pages')}"><ul>
${page > 1 ? html`<li><a href="${href(page - 1)}" rel="prev">${t('submissions.staff.previous')}</a></li>` : ''}
<li aria-current="page">${t('submissions.staff.page', { page, pages })}</li>
${page < pages ? html`<li><a href="${href(page + 1)}" rel="next">${t('submissions.staff.next')}</a></li>` : ''}
</ul></nav>`;
}

/** The organisation's submissions, newest first, filtered and a page at a time. */
export function listPage(ctx: PageContext, data: ListData): Page {
  const { t, lang } = ctx;
  const when = (d: Date) => dateFormat(lang, data.timeZone, 'short').format(d);
  const table = data.rows.length
    ? html`<div class="table-wrap"><table>
<caption class="visually-hidden">${t('submissions.staff.title')}</caption>
<thead><tr><th scope="col">${t('submissions.col.reference')}</th><th scope="col">${t('submissions.col.form')}</th><th scope="col">${t('submissions.col.from')}</th><th scope="col">${t('submissions.col.sent')}</th><th scope="col">${t('submissions.col.state')}</th></tr></thead>
<tbody>${data.rows.map(
        (r) => html`<tr><th scope="row"><a href="/staff/submissions/${r.id}">${r.reference}</a></th>
<td>${titleOf(r.definition, lang)}</td><td>${nameOf(r.submitter)}</td><td>${when(r.submittedAt)}</td><td>${stateName(ctx, r.state)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p>${t('submissions.staff.empty')}</p>`;
  return {
    title: t('submissions.staff.title'),
    body: html`<h1>${t('submissions.staff.title')}</h1>
${filterForm(ctx, data)}
<p role="status">${t('submissions.staff.count', { count: data.total })}</p>
${table}
${pager(ctx, data)}`,
  };
}

/** One line of the history as staff read it. */
function historyLine(
  ctx: PageContext,
  e: EventRow,
  when: (d: Date) => string,
  files: { list: Attachment[]; href: (f: Attachment) => string },
): Html {
  const { t } = ctx;
  const what =
    e.actorKind === 'system'
      ? t('submissions.history.system')
      : e.actorKind === 'citizen'
        ? t('submissions.history.citizen')
        : t('submissions.history.staff', {
            name: e.actorName ?? '—',
            state: stateName(ctx, e.toState),
          });
  return html`<li><time datetime="${e.at.toISOString()}">${when(e.at)}</time> ${what}${e.message ? html`<blockquote class="pre-line">${e.message}</blockquote>` : ''}${fileList(ctx, files.list, files.href)}</li>`;
}

export type DetailData = {
  submission: {
    id: string;
    reference: string;
    state: SubmissionState;
    submitter: unknown;
    submittedAt: Date;
    definition: unknown;
    answers: unknown;
  };
  history: EventRow[];
  timeZone: string;
  /** The submission's files; the history lists those of the citizen's answers. */
  files: Attachment[];
  changed: boolean;
  values: Values;
  errors: FieldErrors;
};

function changeForm(ctx: PageContext, d: DetailData): Html {
  const { t } = ctx;
  const actions = staffActions(d.submission.state);
  if (!actions.length) return html`<p class="notice">${t('submissions.detail.closed')}</p>`;
  const chosen = typeof d.values.action === 'string' ? d.values.action : '';
  const msgError = d.errors.message;
  const actError = d.errors.action;
  return html`<form method="post" action="/staff/submissions/${d.submission.id}/state" class="stack" novalidate>${csrfField(ctx)}
<fieldset class="${actError ? 'field-error' : ''}"${actError ? html` aria-describedby="action-error"` : ''}><legend>${t('submissions.change.legend')}</legend>
${actError ? html`<span class="error-message" id="action-error">${actError}</span>` : ''}
${actions.map((a, i) => {
  const id = i === 0 ? 'action' : `action-${a}`;
  return html`<div class="check"><input type="radio" id="${id}" name="action" value="${a}"${chosen === a ? html` checked` : ''}> <label for="${id}">${t(`submissions.change.${a}` as MessageKey)}</label></div>`;
})}
</fieldset>
<div class="${msgError ? 'field-error' : ''}"><label for="message">${t('submissions.change.message')} <span class="hint" id="message-hint">${t('submissions.change.hint')}</span></label>
${msgError ? html`<span class="error-message" id="message-error">${msgError}</span>` : ''}
<textarea id="message" name="message" rows="6" maxlength="${MESSAGE_MAX}" aria-describedby="message-hint${msgError ? ' message-error' : ''}"${msgError ? html` aria-invalid="true"` : ''}>${typeof d.values.message === 'string' ? d.values.message : ''}</textarea></div>
<div><button type="submit">${t('submissions.change.submit')}</button></div>
</form>`;
}

/** A submission: facts, receipt, answers, history, and what staff may do next. */
export function detailPage(ctx: PageContext, d: DetailData): Page {
  const { t, lang } = ctx;
  const s = d.submission;
  const when = (x: Date) => dateFormat(lang, d.timeZone, 'short').format(x);
  const email = (s.submitter as { email?: string }).email;
  const title = t('submissions.detail.title', { reference: s.reference });
  return {
    title,
    body: html`${errorSummary(t, d.errors)}${d.changed ? html`<p class="notice" role="status">${t('submissions.detail.changed')}</p>` : ''}
<h1>${title}</h1>
<dl class="facts">
<dt>${t('submissions.col.form')}</dt><dd>${titleOf(s.definition, lang)}</dd>
<dt>${t('submissions.col.from')}</dt><dd>${nameOf(s.submitter)}</dd>
<dt>${t('submissions.detail.email')}</dt><dd>${email ?? t('submissions.detail.no_email')}</dd>
<dt>${t('submissions.col.sent')}</dt><dd>${when(s.submittedAt)}</dd>
<dt>${t('submissions.col.state')}</dt><dd><strong>${stateName(ctx, s.state)}</strong></dd>
</dl>
<p><a href="/staff/submissions/${s.id}/receipt.pdf" download>${t('submissions.detail.receipt')}</a></p>
${ctx.staff?.role === 'admin' ? html`<p><a href="/staff/admin/deliveries/states?submission=${s.id}">${t('submissions.detail.deliveries')}</a></p>` : ''}
${changeForm(ctx, d)}
<h2>${t('submissions.detail.history')}</h2>
<ol class="history">${(() => {
      const byEvent = filesOfAnswers(d.history, d.files);
      const href = (f: Attachment) => `/staff/submissions/${s.id}/files/${f.id}`;
      return d.history.map((e) =>
        historyLine(ctx, e, when, { list: byEvent.get(e.id) ?? [], href }),
      );
    })()}</ol>
<h2>${t('submissions.detail.answers')}</h2>
${answersHtml(ctx, s.definition, s.answers, 3)}
<p><a href="/staff/submissions">${t('submissions.detail.back')}</a></p>`,
  };
}
