// The citizen's pages of filling in a form (decision 038): the start page, one page of questions
// at a time, check your answers with change links, a deleted draft's restore, the link mailed.
import type { Page, PageContext } from '../http/page.ts';
import { localeOf, type Lang } from '../i18n/i18n.ts';
import { html, type Html } from '../views/html.ts';
import { formatSize } from '../views/sizes.ts';
import { csrfField } from '../views/layout.ts';
import type { AnswerValue, MemberValue } from './answer-types.ts';
import type { FormDefinition, MemberQuestion, Page as FormPage, Question } from './definition.ts';
import { question, say, type Rendering } from './fill-questions.ts';
import { anchorFor } from './fill-values.ts';

/** A date and time as the reader's language writes it, in the office's zone. */
export function when(lang: Lang, at: Date): string {
  return new Intl.DateTimeFormat(localeOf(lang), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Ljubljana',
  }).format(at);
}

function summary(
  ctx: PageContext,
  errors: Record<string, string>,
  anchor: (field: string) => string = (f) => f,
): Html {
  const list = Object.entries(errors);
  if (list.length === 0) return html``;
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">${ctx.t('form.error_summary')}</h2>
<ul>${list.map(([field, text]) => html`<li><a href="#${anchor(field)}">${text}</a></li>`)}</ul>
</div>`;
}

/** What the start page knows of the person and their draft. */
export type StartState =
  | { kind: 'sign-in'; href: string; stepUp: boolean }
  | { kind: 'start'; anonymous: boolean; emailError?: string; email?: string }
  | { kind: 'continue'; href: string; updatedAt: Date };

/** The form's start page: title, what it needs, then sign in, start or continue. */
export function startPage(
  ctx: PageContext,
  def: FormDefinition,
  action: string,
  s: StartState,
): Page {
  const { t, lang } = ctx;
  const title = say(def.title, def, lang);
  const errors: Record<string, string> =
    s.kind === 'start' && s.emailError ? { email: s.emailError } : {};
  const body = html`${summary(ctx, errors)}<h1>${title}</h1>
${def.description ? html`<p>${say(def.description, def, lang)}</p>` : ''}
<h2>${t('forms.fill.start.needs')}</h2>
<ol>${def.pages.map((p) => html`<li>${say(p.title, def, lang)}</li>`)}</ol>
<p>${t(`forms.fill.assurance.${def.assurance}`)}</p>
${startAction(ctx, action, s)}`;
  return { title, body };
}

function startAction(ctx: PageContext, action: string, s: StartState): Html {
  const { t } = ctx;
  if (s.kind === 'sign-in')
    return html`<p><a class="button" href="${s.href}">${t(s.stepUp ? 'forms.fill.start.step_up' : 'forms.fill.start.sign_in')}</a></p>`;
  if (s.kind === 'continue')
    return html`<h2>${t('forms.fill.continue.title')}</h2>
<p>${t('forms.fill.continue.saved', { when: when(ctx.lang, s.updatedAt) })}</p>
<p><a class="button" href="${s.href}">${t('forms.fill.continue.button')}</a></p>`;
  if (!s.anonymous)
    return html`<form method="post" action="${action}">${csrfField(ctx)}<button type="submit">${t('forms.fill.start.button')}</button></form>`;
  const error = s.emailError;
  return html`<form method="post" action="${action}" novalidate>${csrfField(ctx)}
<div class="field${error ? ' field-error' : ''}"><label for="email">${t('forms.fill.start.email')}</label>
<div class="hint" id="email-hint">${t('forms.fill.start.email_hint')}</div>
${error ? html`<p class="error-message" id="email-error">${error}</p>` : ''}
<input id="email" name="email" type="email" autocomplete="email" value="${s.email ?? ''}" aria-describedby="email-hint${error ? ' email-error' : ''}"${error ? html` aria-invalid="true"` : ''}></div>
<button type="submit">${t('forms.fill.start.button')}</button></form>`;
}

/** One page of the form: its visible questions, errors at the top, "continue" and "back". */
export function questionPage(
  r: Rendering,
  page: FormPage,
  o: {
    action: string;
    back: string;
    shown: Set<string>;
    questions: Question[];
    notice?: string;
    /** The page takes files: a multipart form, its CSRF token in the action (read first). */
    multipart?: boolean;
  },
): Page {
  const { t, lang } = r.ctx;
  const heading = say(page.title, r.def, lang);
  const body = html`<p><a class="back" href="${o.back}">${t('forms.fill.back')}</a></p>
${o.notice ? html`<p class="notice" role="status">${o.notice}</p>` : ''}
${summary(r.ctx, r.errors, (f) => anchorFor(r.def, f))}
<p class="caption">${say(r.def.title, r.def, lang)}</p>
<h1>${heading}</h1>
${page.help ? html`<p>${say(page.help, r.def, lang)}</p>` : ''}
${
  o.multipart
    ? html`<form method="post" action="${`${o.action}${o.action.includes('?') ? '&' : '?'}_csrf=${r.ctx.csrfToken()}`}" enctype="multipart/form-data" novalidate>`
    : html`<form method="post" action="${o.action}" novalidate>`
}${csrfField(r.ctx)}
${o.questions.map((q) => question(r, q, o.shown))}
<button type="submit" name="_action" value="continue">${t('forms.fill.save_continue')}</button>
</form>`;
  return {
    title: `${Object.keys(r.errors).length ? `${t('forms.fill.error_prefix')} ` : ''}${heading}`,
    body,
  };
}

function money(lang: Lang, minor: number, currency: string): string {
  return new Intl.NumberFormat(localeOf(lang), { style: 'currency', currency }).format(
    `${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, '0')}` as unknown as number,
  );
}

/** An answer as the check page shows it. */
export function answerText(
  ctx: PageContext,
  def: FormDefinition,
  q: MemberQuestion,
  v: MemberValue,
  files?: ReadonlyMap<string, { name: string; size: number }>,
): string {
  const { t, lang } = ctx;
  const option = (x: string) =>
    'options' in q ? say(q.options.find((o) => o.value === x)?.label, def, lang) || x : x;
  if (typeof v === 'boolean') return t(v ? 'forms.fill.yes' : 'forms.fill.no');
  if (Array.isArray(v)) return v.map(option).join(', ');
  if (typeof v === 'number') return new Intl.NumberFormat(localeOf(lang)).format(v);
  if (typeof v === 'string') {
    if (q.type === 'date')
      return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${v}T00:00:00Z`),
      );
    return option(v);
  }
  if ('fileId' in v) {
    const f = files?.get(v.fileId);
    return f ? `${f.name} (${formatSize(f.size, lang)})` : '';
  }
  if ('minor' in v) return money(lang, v.minor, v.currency);
  if ('street' in v) return `${v.street}, ${v.postcode} ${v.city}, ${v.country}`;
  if ('givenName' in v)
    return [
      v.givenName,
      v.familyName,
      v.dateOfBirth
        ? answerText(ctx, def, { ...q, type: 'date' } as MemberQuestion, v.dateOfBirth)
        : '',
    ]
      .filter(Boolean)
      .join(' ');
  return '';
}

function rows(
  ctx: PageContext,
  def: FormDefinition,
  q: Question,
  v: AnswerValue | undefined,
  change: string,
  files?: ReadonlyMap<string, { name: string; size: number }>,
): Html {
  const { t, lang } = ctx;
  const label = say(q.label, def, lang);
  if (q.type !== 'group')
    return html`<div class="summary-row"><dt>${label}</dt><dd>${v === undefined ? t('forms.fill.not_answered') : answerText(ctx, def, q, v as MemberValue, files)}</dd>
<dd><a href="${change}#${q.id}">${t('forms.fill.change')}<span class="visually-hidden"> ${label}</span></a></dd></div>`;
  const items = Array.isArray(v) ? v : [];
  return html`<div class="summary-row"><dt>${label}</dt><dd>${
    items.length === 0
      ? t('forms.fill.not_answered')
      : html`<ol>${items.map(
          (item) =>
            html`<li>${q.questions
              .filter((m) => m.id in (item as object))
              .map(
                (m) =>
                  `${say(m.label, def, lang)}: ${answerText(ctx, def, m, (item as Record<string, MemberValue>)[m.id]!, files)}`,
              )
              .join('; ')}</li>`,
        )}</ol>`
  }</dd>
<dd><a href="${change}#${q.id}">${t('forms.fill.change')}<span class="visually-hidden"> ${label}</span></a></dd></div>`;
}

/** Check your answers: each visible page's answers with a change link, then sending. */
export function checkPage(
  ctx: PageContext,
  def: FormDefinition,
  o: {
    pages: { page: FormPage; questions: Question[] }[];
    answers: Record<string, AnswerValue>;
    pageHref: (pageId: string) => string;
    sendAction: string | null;
    /** Sending is authorised by a fresh eID sign-in first (decision 042): its own words. */
    authoriseAct?: boolean;
    deleteAction: string;
    notice?: string;
    /** The draft's files, by id, named where an answer attaches one. */
    files?: ReadonlyMap<string, { name: string; size: number }>;
  },
): Page {
  const { t, lang } = ctx;
  const title = t('forms.fill.check.title');
  const body = html`${o.notice ? html`<p class="notice" role="status">${o.notice}</p>` : ''}
<p class="caption">${say(def.title, def, lang)}</p><h1>${title}</h1>
${o.pages.map(
  ({ page, questions }) => html`<h2>${say(page.title, def, lang)}</h2>
<dl class="summary">${questions.map((q) => rows(ctx, def, q, o.answers[q.id], `${o.pageHref(page.id)}?change=1`, o.files))}</dl>`,
)}
${
  o.sendAction && o.authoriseAct
    ? html`<h2>${t('forms.act.send.title')}</h2><p>${t('forms.act.send.lead')}</p>
<form method="post" action="${o.sendAction}">${csrfField(ctx)}<button type="submit">${t('forms.act.send.button')}</button></form>`
    : o.sendAction
      ? html`<h2>${t('forms.fill.send.title')}</h2><p>${t('forms.fill.send.lead')}</p>
<form method="post" action="${o.sendAction}">${csrfField(ctx)}<button type="submit">${t('forms.fill.send.button')}</button></form>`
      : html`<p class="notice">${t('forms.fill.send.later')}</p>`
}
<form method="post" action="${o.deleteAction}">${csrfField(ctx)}<button type="submit" class="secondary">${t('forms.fill.delete.button')}</button></form>`;
  return { title, body };
}

/** A deleted draft: until when it can be restored, and the button that does it. */
export function deletedPage(
  ctx: PageContext,
  def: FormDefinition,
  until: Date,
  restoreAction: string,
): Page {
  const { t, lang } = ctx;
  const title = t('forms.fill.deleted.title');
  return {
    title,
    body: html`<p class="caption">${say(def.title, def, lang)}</p><h1>${title}</h1>
<p>${t('forms.fill.deleted.until', { when: when(lang, until) })}</p>
<form method="post" action="${restoreAction}">${csrfField(ctx)}<button type="submit">${t('forms.fill.restore.button')}</button></form>`,
  };
}

/** After starting without an account: where the link went and until when it works. */
export function linkSentNotice(ctx: PageContext, email: string, until: Date): string {
  return ctx.t('forms.fill.link_sent', { email, when: when(ctx.lang, until) });
}

/** A draft already exists for this address: a new link went to it. */
export function linkMailedPage(ctx: PageContext, def: FormDefinition): Page {
  const { t, lang } = ctx;
  const title = t('forms.fill.existing.title');
  return {
    title,
    body: html`<p class="caption">${say(def.title, def, lang)}</p><h1>${title}</h1><p>${t('forms.fill.existing.body')}</p>`,
  };
}

/** Sent: the reference number, and the receipt to download. */
export function sentPage(ctx: PageContext, reference: string, receiptHref: string): Page {
  const { t } = ctx;
  const title = t('forms.fill.sent.title');
  return {
    title,
    body: html`<div class="panel" role="status"><h1>${title}</h1>
<p>${t('forms.fill.sent.reference')}<br><strong class="reference">${reference}</strong></p></div>
<p>${t('forms.fill.sent.keep')}</p>
<p><a href="${receiptHref}" download>${t('forms.fill.sent.receipt')}</a></p>`,
  };
}
