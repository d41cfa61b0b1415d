// One question's edit form as flat fields and back (issue 17): labels and help per language,
// required, the type's own settings, choice options as numbered rows, and the condition as rows
// of (question, comparison, value) joined by all/any, optionally negated. Pure: the routes post
// it, builder.ts replaces the question, and the engine judges the result.
import { LANGS, type Lang } from '../i18n/i18n.ts';
import type { Values } from '../views/admin-form.ts';
import type { Comparison, Condition } from './conditions.ts';
import type { LocalizedText, Question } from './definition.ts';

const str = (v: Values[string]) => (Array.isArray(v) ? v[0] : v) ?? '';
const list = (v: Values[string]) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
/** The comparisons the builder offers (oneOf is left to imported files). */
export const OPS = [
  'equals',
  'notEquals',
  'lt',
  'lte',
  'gt',
  'gte',
  'includes',
  'answered',
  'notAnswered',
] as const;
/** Numeric settings of each type, as the definition names them. */
export const NUMBERS: Partial<Record<Question['type'], readonly string[]>> = {
  text: ['minLength', 'maxLength'],
  longText: ['minLength', 'maxLength'],
  number: ['decimals', 'min', 'max'],
  money: ['minMinor', 'maxMinor'],
  multipleChoice: ['minSelected', 'maxSelected'],
  file: ['maxBytes'],
  group: ['minItems', 'maxItems'],
};
const MAX_ROWS = 40;

function texts(v: Values, prefix: string, languages: readonly Lang[]): LocalizedText {
  const out: LocalizedText = {};
  for (const l of languages) {
    const t = str(v[`${prefix}_${l}`]).trim();
    if (t) out[l] = t;
  }
  return out;
}
/** A number as typed; what is not one is passed on as typed, for the engine to refuse. */
function num(v: Values, name: string): number | string | undefined {
  const raw = str(v[name]).trim();
  if (!raw) return undefined;
  const n = Number(raw.replace(',', '.'));
  return Number.isFinite(n) ? n : raw;
}

/** The form's values for a stored question (and its condition). */
export function questionValues(q: Question): Values {
  const v: Values = { required: q.required ? '1' : '' };
  for (const l of LANGS) {
    v[`label_${l}`] = q.label[l] ?? '';
    v[`help_${l}`] = q.help?.[l] ?? '';
  }
  const rec = q as Record<string, unknown>;
  for (const k of NUMBERS[q.type] ?? []) v[k] = typeof rec[k] === 'number' ? String(rec[k]) : '';
  for (const k of ['pattern', 'currency', 'prefill', 'defaultCountry', 'min', 'max'])
    if (typeof rec[k] === 'string') v[k] = rec[k];
  if (q.type === 'person') v.withDateOfBirth = q.withDateOfBirth ? '1' : '';
  if (q.type === 'file') v.accept = q.accept;
  if ('options' in q)
    q.options.forEach((o, k) => {
      v[`opt${k}-value`] = o.value;
      for (const l of LANGS) v[`opt${k}-label_${l}`] = o.label[l] ?? '';
    });
  return { ...v, ...conditionValues(q.visibleIf) };
}

/** A condition as rows, when it is one the rows can show (else `keep` holds it as JSON). */
export function conditionValues(c: Condition | undefined): Values {
  if (!c) return {};
  const negate = 'not' in c;
  const inner = 'not' in c ? c.not : c;
  const join = 'all' in inner ? 'all' : 'any' in inner ? 'any' : 'all';
  const parts = 'all' in inner ? inner.all : 'any' in inner ? inner.any : [inner];
  if (!parts.every((p) => 'op' in p && p.op !== 'oneOf')) return { keep: JSON.stringify(c) };
  const v: Values = { join, negate: negate ? '1' : '' };
  (parts as Comparison[]).forEach((p, k) => {
    v[`cond${k}-field`] = p.field;
    v[`cond${k}-op`] = p.op;
    v[`cond${k}-value`] = 'value' in p ? String(p.value) : '';
  });
  return v;
}

/** How many numbered rows of `prefix` the values hold. */
export function rows(v: Values, prefix: string, field: string): number {
  let n = 0;
  while (n < MAX_ROWS && v[`${prefix}${n}-${field}`] !== undefined) n++;
  return n;
}

/** The condition the rows say, read against the types of the questions they name. */
export function readCondition(
  v: Values,
  typeOf: (id: string) => Question['type'] | undefined,
): Condition | undefined {
  if (str(v.keep)) return JSON.parse(str(v.keep)) as Condition;
  const parts: Condition[] = [];
  for (let k = 0; k < rows(v, 'cond', 'field'); k++) {
    const field = str(v[`cond${k}-field`]);
    const op = str(v[`cond${k}-op`]) as (typeof OPS)[number];
    if (!field) continue;
    const raw = str(v[`cond${k}-value`]).trim();
    const type = typeOf(field);
    const value =
      type === 'yesNo'
        ? raw === 'true' || raw === '1'
        : (type === 'number' || type === 'money') && raw !== '' && Number.isFinite(Number(raw))
          ? Number(raw)
          : raw;
    parts.push(
      op === 'answered' || op === 'notAnswered'
        ? { field, op }
        : ({ field, op, value } as Comparison),
    );
  }
  if (parts.length === 0) return undefined;
  const joined: Condition =
    parts.length === 1 ? parts[0]! : str(v.join) === 'any' ? { any: parts } : { all: parts };
  return str(v.negate) === '1' ? { not: joined } : joined;
}

/** The question as the form describes it (id and type are the stored question's). */
export function readQuestion(v: Values, stored: Question, languages: readonly Lang[]): Question {
  const help = texts(v, 'help', languages);
  const q: Record<string, unknown> = {
    id: stored.id,
    type: stored.type,
    label: texts(v, 'label', languages),
    required: str(v.required) === '1',
    ...(Object.keys(help).length ? { help } : {}),
  };
  for (const k of NUMBERS[stored.type] ?? []) q[k] = num(v, k);
  for (const k of ['pattern', 'currency', 'prefill', 'defaultCountry'])
    if (str(v[k])) q[k] = str(v[k]);
  if (stored.type === 'date') for (const k of ['min', 'max']) if (str(v[k])) q[k] = str(v[k]);
  if (stored.type === 'person') q.withDateOfBirth = str(v.withDateOfBirth) === '1';
  if (stored.type === 'file') q.accept = list(v.accept);
  if (stored.type === 'group') q.questions = stored.questions;
  if ('options' in stored) {
    const options = [];
    for (let k = 0; k < rows(v, 'opt', 'value'); k++)
      options.push({
        value: str(v[`opt${k}-value`]).trim(),
        label: texts(v, `opt${k}-label`, languages),
      });
    q.options = options;
  }
  for (const k of Object.keys(q)) if (q[k] === undefined) delete q[k];
  // Checked by the engine before it is stored: this is what was typed, not yet a valid question.
  return q as Question;
}

/** Moves, adds or removes a numbered row of the form's values (options, condition rows). */
export function editRows(
  v: Values,
  prefix: string,
  fields: readonly string[],
  action: { kind: 'add' | 'remove' | 'up' | 'down'; row: number },
): Values {
  const n = rows(v, prefix, fields[0]!);
  const all = Array.from({ length: n }, (_, k) =>
    Object.fromEntries(fields.map((f) => [f, v[`${prefix}${k}-${f}`]])),
  );
  const { kind, row } = action;
  if (kind === 'add' && n < MAX_ROWS) all.push(Object.fromEntries(fields.map((f) => [f, ''])));
  if (kind === 'remove') all.splice(row, 1);
  const to = kind === 'up' ? row - 1 : kind === 'down' ? row + 1 : -1;
  if (to >= 0 && to < n && row >= 0 && row < n) [all[row], all[to]] = [all[to]!, all[row]!];
  const out: Values = Object.fromEntries(
    Object.entries(v).filter(([k]) => !new RegExp(`^${prefix}\\d+-`).test(k)),
  );
  all.forEach((r, k) => {
    for (const f of fields) out[`${prefix}${k}-${f}`] = r[f] ?? '';
  });
  return out;
}
