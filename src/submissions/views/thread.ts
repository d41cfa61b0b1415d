// The citizen's side of a submission (decision 041): its state, the thread of what the office
// asked and the citizen answered, the form to answer while asked, and the account's list.
import type { AccountSection } from '../../citizens/sections.ts';
import type { Attachment } from '../../forms/service.ts';
import type { Page, PageContext } from '../../http/page.ts';
import { dateFormat } from '../../views/dates.ts';
import { errorSummary, type FieldErrors } from '../../views/form.ts';
import { html, type Html } from '../../views/html.ts';
import { csrfField } from '../../views/layout.ts';
import { formatSize } from '../../views/sizes.ts';
import { FILES_FIELD } from '../answer-post.ts';
import { titleOf, type SubmissionHandling } from '../handling.ts';
import type { EventRow } from '../handling-repo.ts';
import { awaitsCitizen, MESSAGE_MAX, type SubmissionState } from '../states.ts';
import { answersHtml, filesOfAnswers, fileList } from './answers.ts';

const stateName = (ctx: PageContext, s: SubmissionState) => ctx.t(`submissions.state.${s}`);

export type ThreadData = {
  submission: {
    reference: string;
    state: SubmissionState;
    submittedAt: Date;
    definition: unknown;
    answers: unknown;
  };
  history: EventRow[];
  timeZone: string;
  /** Where the answer form posts: the account's page or the link's. */
  action: string;
  answered: boolean;
  message: string;
  errors: FieldErrors;
  /** The submission's files; the thread shows those of the citizen's answers. */
  files: Attachment[];
  /** The label of the answer being written: files a refused post already attached. */
  pending: string;
  limits: { typeNames: string[]; maxBytes: number };
};

function entry(
  ctx: PageContext,
  e: EventRow,
  when: (d: Date) => string,
  files: Attachment[],
): Html {
  const { t } = ctx;
  const who =
    e.actorKind === 'citizen'
      ? t('submissions.thread.you')
      : e.actorKind === 'system'
        ? t('submissions.thread.received')
        : t('submissions.thread.office', { state: stateName(ctx, e.toState) });
  return html`<li><time datetime="${e.at.toISOString()}">${when(e.at)}</time> ${who}${e.message ? html`<blockquote class="pre-line">${e.message}</blockquote>` : ''}${fileList(ctx, files)}</li>`;
}

function answerForm(ctx: PageContext, d: ThreadData): Html {
  const { t } = ctx;
  const error = d.errors.message;
  const fileError = d.errors[FILES_FIELD];
  const pending = d.files.filter((f) => f.field === d.pending);
  const hint = t('submissions.thread.files_hint', {
    types: d.limits.typeNames.join(', '),
    max: formatSize(d.limits.maxBytes, ctx.lang),
  });
  // Multipart: the files are read as a stream after the CSRF check, so its token is in the action.
  return html`<h2 id="answer-title">${t('submissions.thread.answer_title')}</h2>
<form method="post" action="${d.action}?_csrf=${ctx.csrfToken()}" enctype="multipart/form-data" class="stack" novalidate aria-labelledby="answer-title">${csrfField(ctx)}
<div class="${error ? 'field-error' : ''}"><label for="message">${t('submissions.thread.answer_label')} <span class="hint" id="message-hint">${t('submissions.thread.answer_hint')}</span></label>
${error ? html`<span class="error-message" id="message-error">${error}</span>` : ''}
<textarea id="message" name="message" rows="8" maxlength="${MESSAGE_MAX}" aria-describedby="message-hint${error ? ' message-error' : ''}"${error ? html` aria-invalid="true"` : ''}>${d.message}</textarea></div>
${pending.length ? html`<div>${t('submissions.thread.files_pending')}${fileList(ctx, pending)}</div>` : ''}
<div class="${fileError ? 'field-error' : ''}"><label for="${FILES_FIELD}">${t('submissions.thread.files_label')} <span class="hint" id="files-hint">${hint}</span></label>
${fileError ? html`<span class="error-message" id="files-error">${fileError}</span>` : ''}
<input type="file" id="${FILES_FIELD}" name="${FILES_FIELD}" multiple accept=".pdf,.jpg,.jpeg,.png" aria-describedby="files-hint${fileError ? ' files-error' : ''}"${fileError ? html` aria-invalid="true"` : ''}></div>
<div><button type="submit">${t('submissions.thread.answer_submit')}</button></div>
</form>`;
}

/** A submission as its citizen sees it, with the answer form while the office awaits one. */
export function threadPage(ctx: PageContext, d: ThreadData): Page {
  const { t, lang } = ctx;
  const s = d.submission;
  const when = (x: Date) => dateFormat(lang, d.timeZone, 'short').format(x);
  const title = t('submissions.detail.title', { reference: s.reference });
  return {
    title,
    body: html`${errorSummary(t, d.errors)}${d.answered ? html`<p class="notice" role="status">${t('submissions.thread.answered')}</p>` : ''}
<h1>${title}</h1>
<dl class="facts">
<dt>${t('submissions.col.form')}</dt><dd>${titleOf(s.definition, lang)}</dd>
<dt>${t('submissions.col.sent')}</dt><dd>${when(s.submittedAt)}</dd>
<dt>${t('submissions.thread.state')}</dt><dd><strong>${stateName(ctx, s.state)}</strong></dd>
</dl>
${awaitsCitizen(s.state) ? answerForm(ctx, d) : ''}
<h2>${t('submissions.thread.messages')}</h2>
<ol class="history">${(() => {
      const byEvent = filesOfAnswers(d.history, d.files);
      return d.history.map((e) => entry(ctx, e, when, byEvent.get(e.id) ?? []));
    })()}</ol>
<h2>${t('submissions.detail.answers')}</h2>
${answersHtml(ctx, s.definition, s.answers, 3)}`,
  };
}

/** "My submissions" on /account: each one the account sent, its state, a link to its thread. */
export function submissionsAccountSection(
  handling: Pick<SubmissionHandling, 'ofAccount'>,
): AccountSection {
  return {
    id: 'submissions',
    order: 25,
    async render({ citizen, ctx }) {
      const { t, lang } = ctx;
      const list = await handling.ofAccount(citizen.accountId);
      const date = (d: Date, zone: string) => dateFormat(lang, zone, 'date').format(d);
      const org = (name: Record<string, string>) => name[lang] ?? Object.values(name)[0] ?? '';
      return html`<section aria-labelledby="account-submissions">
<h2 id="account-submissions">${t('submissions.account.title')}</h2>
${
  list.length === 0
    ? html`<p>${t('submissions.account.empty')}</p>`
    : html`<div class="table-wrap"><table>
<caption class="visually-hidden">${t('submissions.account.title')}</caption>
<thead><tr><th scope="col">${t('submissions.col.reference')}</th><th scope="col">${t('submissions.col.form')}</th><th scope="col">${t('submissions.col.organisation')}</th><th scope="col">${t('submissions.col.sent')}</th><th scope="col">${t('submissions.col.state')}</th></tr></thead>
<tbody>${list.map(
        (
          s,
        ) => html`<tr><th scope="row"><a href="/account/submissions/${s.id}">${s.reference}</a></th>
<td>${titleOf(s.definition, lang)}</td><td>${org(s.organisationName as Record<string, string>)}</td><td>${date(s.submittedAt, s.timeZone)}</td><td>${stateName(ctx, s.state)}</td></tr>`,
      )}</tbody></table></div>`
}
</section>`;
    },
  };
}
