// The engine's refusals as the builder shows them: each problem of checkDefinition (a JSON path
// and a code, its message English only) placed at the editor's field it concerns, as a message
// key of the admin's language.
import type { Lang, Translate } from '../i18n/i18n.ts';
import type { Values } from '../views/admin-form.ts';
import { AppError } from '../lib/errors.ts';
import type { FieldErrors } from '../views/form.ts';

/** The problem codes the builder words itself; any other shows as the general one. */
const KNOWN = [
  'languages',
  'duplicate',
  'too_big',
  'too_small',
  'invalid_value',
  'bounds',
  'prefill',
  'later_page',
  'self',
  'unknown_field',
  'type',
  'cycle',
  'too_large',
  'too_deep',
  'json',
  'unknown_key',
] as const;
type Code = (typeof KNOWN)[number];

/** The message key of one problem code. */
export function problemKey(code: string) {
  return `forms.admin.problem.${(KNOWN as readonly string[]).includes(code) ? (code as Code) : 'other'}` as const;
}

/**
 * The input of a text for a problem at `prefix` (a language's own path, or the whole text when
 * a language is missing: then the first of the form's languages left empty).
 */
function textInput(
  field: string,
  lang: string | undefined,
  values: Values,
  langs: readonly Lang[],
) {
  if (lang) return `${field}_${lang}`;
  const empty = langs.find((l) => !String(values[`${field}_${l}`] ?? '').trim());
  return `${field}_${empty ?? langs[0] ?? 'en'}`;
}

/** The settings form's field a path of the definition belongs to. */
export function settingsField(path: string, values: Values): string {
  if (path === 'slug') return 'slug';
  const [head, lang] = path.split('.');
  const langs = ([] as string[]).concat(values.languages ?? []) as Lang[];
  if (head === 'title') return textInput('title', lang, values, langs);
  if (head === 'languages' || head === 'assurance' || head === 'authoriseAct') return head;
  return 'languages';
}

/** A page form's field for a path under pages.{p} (its title or help), else the page itself. */
export function pageField(path: string, p: number, values: Values, langs: readonly Lang[]) {
  const m = /^pages\.(\d+)\.(title|help)(?:\.(sl|cs|en))?$/.exec(path);
  if (m && Number(m[1]) === p) return textInput(`p${p}-${m[2]}`, m[3], values, langs);
  return `page-${p}-h`;
}

/** An invalid_input or conflict from the service as field → message keys ('|' joins several). */
export function refusedFields(
  err: unknown,
  place: (path: string) => string,
): Record<string, string> {
  if (!(err instanceof AppError) || !['invalid_input', 'conflict'].includes(err.code)) throw err;
  const out: Record<string, string> = {};
  for (const { field: path, code } of err.issues ?? []) {
    const key =
      err.code === 'conflict'
        ? 'forms.admin.problem.slug_taken'
        : path === 'slug'
          ? 'forms.admin.problem.slug'
          : problemKey(code);
    const at = place(path);
    out[at] = out[at] && !out[at].split('|').includes(key) ? `${out[at]}|${key}` : key;
  }
  return out;
}

/** Message keys as texts in the reader's language. */
export function translate(t: Translate, fields: Record<string, string>): FieldErrors {
  return Object.fromEntries(
    Object.entries(fields).map(([f, keys]) => [
      f,
      keys
        .split('|')
        .map((k) => t(k as Parameters<Translate>[0]))
        .join(' '),
    ]),
  );
}
