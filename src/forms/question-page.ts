// The page of one question (issue 17): its texts, required, its type's settings, options as rows
// with their own buttons, and its condition built from rows — all one form without JavaScript;
// the row buttons post the form back with one row added, removed or moved, nothing saved yet.
// A repeated group's page lists its questions below (each change its own small form), and each
// of them has the same page, without a condition.
import type { Page, PageContext } from '../http/page.ts';
import { LANGS, localize } from '../i18n/i18n.ts';
import { checkbox, checkboxes, input, localizedInputs, select } from '../views/admin-form.ts';
import type { Values } from '../views/admin-form.ts';
import { errorSummary, type FieldErrors } from '../views/form.ts';
import { html, type Html } from '../views/html.ts';
import { csrfField } from '../views/layout.ts';
import { BASE, LANG_NAMES } from './admin-views.ts';
import { ACCEPTABLE_TYPES, PREFILL_SOURCES, TEXT_PATTERNS } from './definition.ts';
import type { FormDefinition, GroupQuestion, Question } from './definition.ts';
import { button } from './admin-editor.ts';
import { notice } from './admin-views.ts';
import { MEMBER_TYPES } from './builder.ts';
import { NUMBERS, OPS, rows } from './question-form.ts';

type Ctx = PageContext;
const PREFILLS: Partial<Record<Question['type'], readonly string[]>> = {
  text: ['person.givenName', 'person.familyName', 'person.fullName'],
  date: ['person.dateOfBirth'],
  email: ['person.email'],
  phone: ['person.phone'],
  address: ['person.address'],
  person: ['person'],
};

function rowButtons(ctx: Ctx, prefix: string, k: number, n: number): Html {
  const b = (kind: string, label: string) =>
    html`<button type="submit" name="action" value="${prefix}-${kind}-${k}" class="secondary">${label}</button>`;
  return html`${k > 0 ? b('up', ctx.t('forms.admin.up')) : ''} ${k < n - 1 ? b('down', ctx.t('forms.admin.down')) : ''} ${b('remove', ctx.t('forms.admin.remove'))}`;
}

function options(ctx: Ctx, def: FormDefinition, v: Values, e: FieldErrors): Html {
  const { t } = ctx;
  const n = rows(v, 'opt', 'value');
  return html`<fieldset><legend>${t('forms.admin.options')}</legend>
${Array.from(
  { length: n },
  (_, k) => html`<fieldset><legend>${t('forms.admin.option_n', { n: k + 1 })}</legend>
${input({ name: `opt${k}-value`, label: t('forms.admin.option_value'), hint: t('forms.admin.id_hint'), values: v, errors: e, maxlength: 40 })}
${localizedInputs(t, { prefix: `opt${k}-label`, legend: t('forms.admin.option_label'), values: v, errors: e, maxlength: 300 })}
<p>${rowButtons(ctx, 'opt', k, n)}</p></fieldset>`,
)}
<p><button type="submit" name="action" value="opt-add-0" class="secondary">${t('forms.admin.add_option')}</button></p></fieldset>`;
}

function settings(ctx: Ctx, q: Question, def: FormDefinition, v: Values, e: FieldErrors): Html {
  const { t } = ctx;
  const numbers = (NUMBERS[q.type] ?? []).map((k) =>
    input({
      name: k,
      label: t(`forms.admin.setting.${k}` as 'forms.admin.setting.min'),
      values: v,
      errors: e,
      inputmode: 'decimal',
      maxlength: 20,
    }),
  );
  const prefills = PREFILLS[q.type]?.filter((p) =>
    (PREFILL_SOURCES as readonly string[]).includes(p),
  );
  return html`${numbers}
${q.type === 'text' ? select({ name: 'pattern', label: t('forms.admin.setting.pattern'), values: v, errors: e, options: [{ value: '', label: t('forms.admin.any') }, ...Object.keys(TEXT_PATTERNS).map((p) => ({ value: p, label: t(`forms.admin.pattern.${p}` as 'forms.admin.pattern.digits') }))] }) : ''}
${q.type === 'money' ? select({ name: 'currency', label: t('forms.admin.setting.currency'), values: v, errors: e, options: ['EUR', 'CZK'].map((c) => ({ value: c, label: c })) }) : ''}
${q.type === 'date' ? html`${input({ name: 'min', label: t('forms.admin.setting.min_date'), hint: t('forms.admin.date_hint'), values: v, errors: e, maxlength: 10 })}${input({ name: 'max', label: t('forms.admin.setting.max_date'), hint: t('forms.admin.date_hint'), values: v, errors: e, maxlength: 10 })}` : ''}
${
  q.type === 'address'
    ? select({
        name: 'defaultCountry',
        label: t('forms.admin.setting.country'),
        values: v,
        errors: e,
        options: [
          { value: '', label: '—' },
          { value: 'SI', label: 'SI' },
          { value: 'CZ', label: 'CZ' },
        ],
      })
    : ''
}
${q.type === 'person' ? checkbox({ name: 'withDateOfBirth', label: t('forms.admin.setting.withDateOfBirth'), values: v, errors: e }) : ''}
${q.type === 'file' ? checkboxes({ name: 'accept', legend: t('forms.admin.setting.accept'), values: v, errors: e, options: ACCEPTABLE_TYPES.map((a) => ({ value: a, label: a })) }) : ''}
${prefills?.length ? select({ name: 'prefill', label: t('forms.admin.setting.prefill'), hint: t('forms.admin.prefill_hint'), values: v, errors: e, options: [{ value: '', label: t('forms.admin.no_prefill') }, ...prefills.map((p) => ({ value: p, label: p }))] }) : ''}
${'options' in q ? options(ctx, def, v, e) : ''}`;
}

function condition(ctx: Ctx, def: FormDefinition, before: Question[], v: Values, e: FieldErrors) {
  const { t, lang } = ctx;
  if (v.keep)
    return html`<p>${t('forms.admin.condition_kept')}</p><input type="hidden" name="keep" value="${v.keep}">`;
  if (before.length === 0)
    return html`<p class="muted">${t('forms.admin.condition_none_before')}</p>`;
  const n = rows(v, 'cond', 'field');
  const fields = before.map((q) => ({
    value: q.id,
    label: localize(q.label, lang, def.languages[0]),
  }));
  return html`${
    n > 1
      ? select({
          name: 'join',
          label: t('forms.admin.condition_join'),
          values: v,
          errors: e,
          options: [
            { value: 'all', label: t('forms.admin.join.all') },
            { value: 'any', label: t('forms.admin.join.any') },
          ],
        })
      : ''
  }
${Array.from(
  { length: n },
  (_, k) => html`<fieldset><legend>${t('forms.admin.condition_n', { n: k + 1 })}</legend>
${select({ name: `cond${k}-field`, label: t('forms.admin.condition_field'), values: v, errors: e, options: fields })}
${select({ name: `cond${k}-op`, label: t('forms.admin.condition_op'), values: v, errors: e, options: OPS.map((o) => ({ value: o, label: t(`forms.admin.op.${o}`) })) })}
${input({ name: `cond${k}-value`, label: t('forms.admin.condition_value'), hint: t('forms.admin.condition_value_hint'), values: v, errors: e, maxlength: 500 })}
<p>${rowButtons(ctx, 'cond', k, n)}</p></fieldset>`,
)}
${n ? checkbox({ name: 'negate', label: t('forms.admin.condition_not'), values: v, errors: e }) : ''}
<p><button type="submit" name="action" value="cond-add-0" class="secondary">${t('forms.admin.add_condition')}</button></p>`;
}

/** A group's questions: each a link to its page with its own buttons, and "add" below. */
function members(
  ctx: Ctx,
  def: FormDefinition,
  base: string,
  group: GroupQuestion,
  e: FieldErrors,
) {
  const { t, lang } = ctx;
  const n = group.questions.length;
  const error = e.members;
  // The heading takes focus from the error summary's link when a change was refused.
  return html`<section class="stack" aria-labelledby="members">
<h2 id="members" tabindex="-1"${error ? html` aria-describedby="members-error"` : ''}>${t('forms.admin.members')}</h2>
${error ? html`<p class="error-message" id="members-error">${error}</p>` : ''}
<p>${t('forms.admin.members_lead')}</p>
<ol class="stack">${group.questions.map(
    (
      m,
      k,
    ) => html`<li><a href="${base}/members/${k}">${localize(m.label, lang, def.languages[0])}</a>
 <span class="muted">(${t(`forms.admin.type.${m.type}`)}${m.required ? `, ${t('forms.admin.required')}` : ''})</span>
 ${k > 0 ? button(ctx, `${base}/members/${k}/move`, t('forms.admin.up'), { by: '-1' }) : ''}
 ${k < n - 1 ? button(ctx, `${base}/members/${k}/move`, t('forms.admin.down'), { by: '1' }) : ''}
 ${n > 1 ? button(ctx, `${base}/members/${k}/delete`, t('forms.admin.delete_member')) : ''}</li>`,
  )}</ol>
<form method="post" action="${base}/members" class="inline-form">${csrfField(ctx)}
<label for="member-type">${t('forms.admin.member_type')}</label>
<select id="member-type" name="type">${MEMBER_TYPES.map((ty) => html`<option value="${ty}">${t(`forms.admin.type.${ty}`)}</option>`)}</select>
<button type="submit">${t('forms.admin.add_member')}</button></form></section>`;
}

/**
 * One question's edit form: a question of a page (`member` null), a question of the repeated
 * group at `i` (`member` its index), or with `i` null one page's condition.
 */
export function questionPage(
  ctx: Ctx,
  data: {
    formId: string;
    p: number;
    i: number | null;
    member: number | null;
    definition: FormDefinition;
    before: Question[];
    values: Values;
    errors: FieldErrors;
    notice?: string | null;
  },
): Page {
  const { t, lang } = ctx;
  const def = data.definition;
  const fb = def.languages[0];
  const outer = data.i === null ? null : def.pages[data.p]!.questions[data.i]!;
  const group = outer?.type === 'group' ? outer : null;
  const inGroup = group && data.member !== null;
  const q: Question | null = inGroup ? group.questions[data.member!]! : outer;
  const v = data.values;
  const e = data.errors;
  const at = `${BASE}/${data.formId}/pages/${data.p}`;
  const base = `${at}/questions/${data.i}`;
  const action = !q ? `${at}/condition` : inGroup ? `${base}/members/${data.member}` : base;
  const title = !q
    ? t('forms.admin.page_condition_title', { n: data.p + 1 })
    : inGroup
      ? t('forms.admin.member_title', {
          group: localize(group.label, lang, fb),
          label: localize(q.label, lang, fb),
        })
      : t('forms.admin.question_title', { label: localize(q.label, lang, fb) });
  const hidden = LANGS.filter((l) => !def.languages.includes(l));
  const back = inGroup
    ? html`<a href="${base}">${t('forms.admin.back_group')}</a>`
    : html`<a href="${BASE}/${data.formId}">${t('forms.admin.back_editor')}</a>`;
  return {
    title,
    body: html`${errorSummary(t, e)}${notice(data.notice ?? null)}<p>${back}</p>
<h1>${title}</h1>
${q ? html`<p class="muted">${t(`forms.admin.type.${q.type}`)} · <code>${q.id}</code></p>` : ''}
<form method="post" action="${action}" class="stack" novalidate>${csrfField(ctx)}
${
  q
    ? html`${localizedInputs(t, { prefix: 'label', legend: t('forms.admin.label'), values: v, errors: e, maxlength: 500 })}
${localizedInputs(t, { prefix: 'help', legend: t('forms.admin.help'), values: v, errors: e, multiline: true, maxlength: 2000 })}
${checkbox({ name: 'required', label: t('forms.admin.required_label'), values: v, errors: e })}
${settings(ctx, q, def, v, e)}`
    : ''
}
${hidden.length ? html`<p class="muted">${t('forms.admin.other_languages', { languages: hidden.map((l) => LANG_NAMES[l]).join(', ') })}</p>` : ''}
${
  inGroup
    ? html`<p>${t('forms.admin.member_condition')}</p>`
    : html`<h2>${t('forms.admin.condition')}</h2>
<p>${t('forms.admin.condition_lead')}</p>
${condition(ctx, def, data.before, v, e)}`
}
<div><button type="submit" name="action" value="save">${t('forms.admin.save')}</button></div>
</form>
${group && !inGroup ? members(ctx, def, base, group, e) : ''}`,
  };
}
