/**
 * Reading an import file: its text parsed with line numbers, checked by the one schema, each
 * problem reported with its JSON path and its line. Pure: what the database already holds
 * (a slug or an email taken) is checked by the service, with the same locator.
 */
import type { z } from 'zod';
import type { MessageKey } from '../i18n/i18n.ts';
import {
  formatJsonPath,
  JsonSyntaxError,
  parseWithLines,
  type JsonPath,
  type LocatedJson,
} from './json-lines.ts';
import { importFile, type OrganisationSpec } from './schema.ts';

/** One problem in the file: where (path and line) and what (a message key with its parameters). */
export type ImportProblem = {
  path: string;
  line: number;
  message: MessageKey;
  params?: Record<string, string>;
};

/** The file read and checked: the organisations, or every problem found. */
export type ReadImport =
  | { ok: true; organisations: OrganisationSpec[]; located: Located }
  | { ok: false; problems: ImportProblem[] };

/** Finds a path of the file as the schema sees it (always an array) on its line. */
export type Located = {
  lineOf(path: JsonPath): number;
  pathOf(path: JsonPath): JsonPath;
  has(path: JsonPath): boolean;
};

/** The largest file taken: thirty schools with their staff fit many times over. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const KNOWN_PREFIXES = ['tenants.', 'orgs.'];

/** Parses and checks an import file's text. A single organisation (an object) counts as a file of one. */
export function readImport(text: string): ReadImport {
  if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES)
    return { ok: false, problems: [{ path: '$', line: 1, message: 'orgs.error.file_too_large' }] };
  let json: LocatedJson;
  try {
    json = parseWithLines(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    return {
      ok: false,
      problems: [
        {
          path: '$',
          line: err.line,
          message: 'orgs.error.json_syntax',
          params: { column: String(err.column) },
        },
      ],
    };
  }
  // The schema sees an array; a lone object's paths lose the leading index again when reported.
  const single = !Array.isArray(json.value);
  const located: Located = {
    pathOf: (path) => (single ? path.slice(1) : path),
    lineOf: (path) => json.lineOf(single ? path.slice(1) : path),
    has: (path) => json.has(single ? path.slice(1) : path),
  };
  const parsed = importFile.safeParse(single ? [json.value] : json.value);
  if (parsed.success) return { ok: true, organisations: parsed.data, located };
  return {
    ok: false,
    problems: sortProblems(parsed.error.issues.flatMap((i) => problemsOf(i, located))),
  };
}

/** A schema issue as problems: unknown fields one by one, zod's own messages as our keys. */
function problemsOf(issue: z.core.$ZodIssue, located: Located): ImportProblem[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const at = (
    p: JsonPath,
    message: MessageKey,
    params?: Record<string, string>,
  ): ImportProblem => ({
    path: formatJsonPath(located.pathOf(p)),
    line: located.lineOf(p),
    message,
    ...(params ? { params } : {}),
  });
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((k) => at([...path, k], 'orgs.error.unknown_field', { field: k }));
  if (issue.code === 'invalid_type' && !located.has(path)) return [at(path, 'orgs.error.required')];
  if (KNOWN_PREFIXES.some((p) => issue.message.startsWith(p)))
    return [at(path, issue.message as MessageKey)];
  if (issue.code === 'invalid_type')
    return [at(path, 'orgs.error.type', { expected: String(issue.expected) })];
  return [at(path, 'orgs.error.invalid')];
}

/** Problems in the order of the file, then by path. */
export function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.path.localeCompare(b.path));
}
