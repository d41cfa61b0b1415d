// What a submission's receipt says: its answers as rows under each page's title, in the
// citizen's language, read from the form version it was filled in. Pure.
import type { Lang } from '../i18n/i18n.ts';
import {
  namedFiles,
  type Answers,
  type Attachment,
  type FormDefinition,
} from '../forms/service.ts';
import type { ReceiptModel } from '../forms/service.ts';

type Definition = FormDefinition;
type Question = Definition['pages'][number]['questions'][number];
type Localized = Partial<Record<Lang, string>>;
type Value = ReceiptModel['sections'][number]['rows'][number]['value'];
type Row = { label: string; value: Value };
/** The submission's files by id, as the receipt names them. */
type Files = ReadonlyMap<string, Pick<Attachment, 'name' | 'size'>>;

/** The form's own text in `lang`, else in the first language the form is written in. */
export function formText(def: Definition, text: Localized, lang: Lang): string {
  return text[lang] ?? text[def.languages[0]!] ?? '';
}

/** The language a form is read in: the citizen's when the form has it, else the form's first. */
export function formLanguage(def: Definition, lang: Lang): Lang {
  return def.languages.includes(lang) ? lang : def.languages[0]!;
}

type Member = Exclude<Question, { type: 'group' }>;

function value(def: Definition, q: Member, answer: unknown, lang: Lang, files: Files): Value {
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
    case 'file': {
      // The file itself is embedded among the receipt's attachments; the row names it.
      const f = files.get((answer as { fileId: string }).fileId);
      return f ? { kind: 'file', fileName: f.name, bytes: f.size } : { kind: 'empty' };
    }
    default:
      return String(answer).trim() ? { kind: 'text', text: String(answer) } : { kind: 'empty' };
  }
}

function rows(
  def: Definition,
  questions: readonly Member[],
  given: Record<string, unknown>,
  lang: Lang,
  files: Files,
): Row[] {
  return questions
    .filter((q) => Object.hasOwn(given, q.id))
    .map((q) => ({
      label: formText(def, q.label, lang),
      value: value(def, q, given[q.id], lang, files),
    }));
}

/** The receipt's sections: one per page that has answers; a repeated group's items as subsections. */
export function receiptSections(
  def: Definition,
  answers: Answers,
  lang: Lang,
  attached: readonly Pick<Attachment, 'id' | 'name' | 'size'>[] = [],
): ReceiptModel['sections'] {
  const files: Files = new Map(attached.map((a) => [a.id, a]));
  const sections: ReceiptModel['sections'] = [];
  for (const page of def.pages) {
    const members = page.questions.filter((q): q is Member => q.type !== 'group');
    const subsections = page.questions.flatMap((q) =>
      q.type === 'group' && Array.isArray(answers[q.id])
        ? (answers[q.id] as Record<string, unknown>[]).map((item, i) => ({
            title: `${formText(def, q.label, lang)} ${i + 1}`,
            rows: rows(def, q.questions, item, lang, files),
          }))
        : [],
    );
    const own = rows(def, members, answers, lang, files);
    if (own.length || subsections.length)
      sections.push({ title: formText(def, page.title, lang), rows: own, subsections });
  }
  return sections;
}

/**
 * The receipt's attachments: each file the answers name, titled by its question, in the form's
 * order, then any other file of the submission (added later) titled by what it was added for.
 */
export function receiptAttachments(
  def: Definition,
  answers: Answers,
  lang: Lang,
  attached: readonly (Attachment & { bytes: Uint8Array<ArrayBuffer> })[],
): ReceiptModel['attachments'] {
  const byId = new Map(attached.map((a) => [a.id, a]));
  const titles = new Map<string, string>();
  for (const page of def.pages)
    for (const q of page.questions) {
      titles.set(q.id, formText(def, q.label, lang));
      if (q.type === 'group')
        for (const m of q.questions) titles.set(m.id, formText(def, m.label, lang));
    }
  const named = namedFiles(def, answers).filter((f) => byId.has(f.fileId));
  const seen = new Set(named.map((f) => f.fileId));
  const file = (a: Attachment & { bytes: Uint8Array<ArrayBuffer> }, title: string) => ({
    title,
    fileName: a.name,
    mediaType: a.mime,
    bytes: a.bytes,
  });
  return [
    ...named.map((f) => file(byId.get(f.fileId)!, titles.get(f.questionId) ?? f.field)),
    ...attached.filter((a) => !seen.has(a.id)).map((a) => file(a, a.field)),
  ];
}
