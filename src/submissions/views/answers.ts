// A submission's answers as HTML, read as the receipt reads them (receipt-model.ts): one section
// per page, a row per answer, repeated groups as subsections.
import type { PageContext } from '../../http/page.ts';
import type { Answers, Attachment, FormDefinition, ReceiptModel } from '../../forms/service.ts';
import { dateOf } from '../../views/dates.ts';
import { html, type Html } from '../../views/html.ts';
import { formatMoney } from '../../views/money.ts';
import { formatSize } from '../../views/sizes.ts';
import { answerLabel } from '../handling.ts';
import type { EventRow } from '../handling-repo.ts';
import { formLanguage, receiptSections } from '../receipt-model.ts';

type Section = ReceiptModel['sections'][number];
type Value = Section['rows'][number]['value'];

function valueText(ctx: PageContext, v: Value): string {
  switch (v.kind) {
    case 'text':
      return v.text;
    case 'date':
      return dateOf(v.date, ctx.lang);
    case 'money':
      return formatMoney(v.minor, v.currency, ctx.lang);
    case 'number':
      return new Intl.NumberFormat(ctx.lang).format(v.value);
    case 'yesno':
      return ctx.t(v.value ? 'submissions.yes' : 'submissions.no');
    case 'list':
      return v.items.join(', ');
    case 'file':
      return `${v.fileName} (${formatSize(v.bytes, ctx.lang)})`;
    default:
      return '—';
  }
}

function rows(ctx: PageContext, section: Pick<Section, 'rows'>): Html {
  return html`<dl class="facts">${section.rows.map(
    (r) => html`<dt>${r.label}</dt><dd class="pre-line">${valueText(ctx, r.value)}</dd>`,
  )}</dl>`;
}

/** The answers under headings of level `level` (h2 on the staff page, h3 in a section). */
export function answersHtml(
  ctx: PageContext,
  definition: unknown,
  answers: unknown,
  level: 2 | 3,
): Html {
  const def = definition as FormDefinition;
  const sections = receiptSections(def, answers as Answers, formLanguage(def, ctx.lang));
  const h = (lvl: number, text: string) =>
    lvl === 2
      ? html`<h2>${text}</h2>`
      : lvl === 3
        ? html`<h3>${text}</h3>`
        : html`<h4>${text}</h4>`;
  return html`${sections.map(
    (s) =>
      html`${h(level, s.title)}${rows(ctx, s)}${(s.subsections ?? []).map((sub) => html`${h(level + 1, sub.title)}${rows(ctx, sub)}`)}`,
  )}`;
}

/** The files of each of the citizen's answers, by the answer's history row (decision 041). */
export function filesOfAnswers(
  history: readonly EventRow[],
  files: readonly Attachment[],
): Map<string, Attachment[]> {
  const out = new Map<string, Attachment[]>();
  let n = 0;
  for (const e of history)
    if (e.kind === 'answer') {
      const label = answerLabel(++n);
      out.set(
        e.id,
        files.filter((f) => f.field === label),
      );
    }
  return out;
}

/** Files as a list: each name and size, a link where `href` gives one. */
export function fileList(
  ctx: PageContext,
  files: readonly Attachment[],
  href?: (f: Attachment) => string,
): Html {
  if (!files.length) return html``;
  return html`<ul>${files.map(
    (f) =>
      html`<li>${href ? html`<a href="${href(f)}" download>${f.name}</a>` : f.name} (${formatSize(f.size, ctx.lang)})</li>`,
  )}</ul>`;
}
