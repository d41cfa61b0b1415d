// What a submission's receipt says: its answers as rows under each page's title, in the
// citizen's language, read from the form version it was filled in. Pure.
import type { Lang } from '../i18n/i18n.ts';
import type { Answers, FormDefinition } from '../forms/service.ts';
import type { ReceiptModel } from '../forms/service.ts';

type Definition = FormDefinition;
type Question = Definition['pages'][number]['questions'][number];
type Localized = Partial<Record<Lang, string>>;
type Value = ReceiptModel['sections'][number]['rows'][number]['value'];
type Row = { label: string; value: Value };

/** The form's own text in `lang`, else in the first language the form is written in. */
export function formText(def: Definition, text: Localized, lang: Lang): string {
  return text[lang] ?? text[def.languages[0]!] ?? '';
}

/** The language a form is read in: the citizen's when the form has it, else the form's first. */
export function formLanguage(def: Definition, lang: Lang): Lang {
  return def.languages.includes(lang) ? lang : def.languages[0]!;
}

type Member = Exclude<Question, { type: 'group' }>;

function value(def: Definition, q: Member, answer: unknown, lang: Lang): Value {
  const optionLabel = (v: string) => {
    const o = 'options' in q ? q.options.find((x) => x.value === v) : undefined;
    return o ? formText(def, o.label, lang) : v;
  };
  switch (q.type) {
    case 'number':
      return { kind: 'number', value: answer as number };
    case 'money': {
      const m = answer as { minor: number; currency: string };
      return { kind: 'money', minor: m.minor, currency: m.currency };
    }
    case 'date':
      return { kind: 'date', date: answer as string };
    case 'yesNo':
      return { kind: 'yesno', value: answer as boolean };
    case 'singleChoice':
      return { kind: 'text', text: optionLabel(answer as string) };
    case 'multipleChoice':
      return { kind: 'list', items: (answer as string[]).map(optionLabel) };
    case 'address': {
      const a = answer as { street: string; postcode: string; city: string; country: string };
      return { kind: 'text', text: `${a.street}, ${a.postcode} ${a.city}, ${a.country}` };
    }
    case 'person': {
      const p = answer as { givenName: string; familyName: string; dateOfBirth?: string };
      const name = `${p.givenName} ${p.familyName}`;
      return { kind: 'text', text: p.dateOfBirth ? `${name}, ${p.dateOfBirth}` : name };
    }
    case 'file':
      // Files come with the filling flow's uploads; until then a file answer is named by its id.
      return { kind: 'text', text: (answer as { fileId: string }).fileId };
    default:
      return String(answer).trim() ? { kind: 'text', text: String(answer) } : { kind: 'empty' };
  }
}

function rows(
  def: Definition,
  questions: readonly Member[],
  given: Record<string, unknown>,
  lang: Lang,
): Row[] {
  return questions
    .filter((q) => Object.hasOwn(given, q.id))
    .map((q) => ({ label: formText(def, q.label, lang), value: value(def, q, given[q.id], lang) }));
}

/** The receipt's sections: one per page that has answers; a repeated group's items as subsections. */
export function receiptSections(
  def: Definition,
  answers: Answers,
  lang: Lang,
): ReceiptModel['sections'] {
  const sections: ReceiptModel['sections'] = [];
  for (const page of def.pages) {
    const members = page.questions.filter((q): q is Member => q.type !== 'group');
    const subsections = page.questions.flatMap((q) =>
      q.type === 'group' && Array.isArray(answers[q.id])
        ? (answers[q.id] as Record<string, unknown>[]).map((item, i) => ({
            title: `${formText(def, q.label, lang)} ${i + 1}`,
            rows: rows(def, q.questions, item, lang),
          }))
        : [],
    );
    const own = rows(def, members, answers, lang);
    if (own.length || subsections.length)
      sections.push({ title: formText(def, page.title, lang), rows: own, subsections });
  }
  return sections;
}
