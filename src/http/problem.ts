import { z } from 'zod';
import { ERROR_TABLE, isFault, type ErrorCode, type FieldIssue } from '../lib/errors.ts';
import { MESSAGES, type Lang, type MessageKey, type Translate } from '../i18n/i18n.ts';

/** Every error code, in the table's order: the `code` member of a problem document. */
export const ERROR_CODES = Object.keys(ERROR_TABLE) as [ErrorCode, ...ErrorCode[]];

/**
 * The API's own title and detail of a code (decision 021): the HTML error pages speak to a
 * person on a page ("Page not found"), a problem document to the developer of a client.
 */
export function problemText(code: ErrorCode): { title: MessageKey; detail: MessageKey } {
  return { title: `problem.${code}.title`, detail: `problem.${code}.detail` };
}

/** The path of the page that explains a problem type (decision 021). */
export function problemPath(code: ErrorCode): string {
  return `/problems/${code}`;
}

/** The `type` URI of a problem document: the page explaining it on this installation. */
export function problemType(publicUrl: URL | string, code: ErrorCode): string {
  return new URL(problemPath(code), publicUrl).href;
}

const instant = z.iso.datetime({ offset: true });

export const fieldError = z
  .object({
    field: z
      .string()
      .describe('Where: `body.`, `query.` or `path.` and the name, e.g. `body.email`'),
    code: z
      .string()
      .describe(
        'Stable code of the problem with the field: a zod issue code (`invalid_type`, `invalid_format`, ' +
          '`too_small`, `too_big`, `invalid_value`, `unrecognized_keys`, `custom`, …) or one of ours ' +
          '(`invalid_json`, `range_reversed`, `range_too_long`, `wrong_code`, `already_confirmed`). New codes may be added.',
      ),
    message: z.string().describe('What is wrong, in the language of the response'),
  })
  .meta({ id: 'FieldError', description: 'One problem with one field of the request' });

export const freeTime = z
  .object({ start: instant, end: instant })
  .meta({ id: 'FreeTime', description: 'A free appointment time' });

export const problem = z
  .object({
    type: z
      .url()
      .describe('URI of the problem type: a page on this server that explains it (sl, cs, en)'),
    code: z
      .enum(ERROR_CODES)
      .describe(
        'Stable code of the problem type, for a client to switch on; new codes may be added',
      ),
    title: z
      .string()
      .describe('Short summary of the problem type, in the language of the response'),
    status: z.number().int().min(400).max(599).describe('The HTTP status code'),
    detail: z
      .string()
      .optional()
      .describe('Explanation of this occurrence, in the language of the response'),
    errors: z
      .array(fieldError)
      .optional()
      .describe('With invalid_input and unprocessable: one entry per problem with a field'),
    nearestFreeTimes: z
      .array(freeTime)
      .optional()
      .describe(
        'With time_not_bookable: the free times nearest to the one asked for, in time order',
      ),
    attemptsLeft: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('With a wrong confirmation code: how many more codes are taken'),
  })
  .meta({
    id: 'Problem',
    description:
      'An RFC 9457 problem document (application/problem+json). Its language follows Accept-Language (sl, cs, en; English otherwise).',
  });

export type Problem = z.infer<typeof problem>;

function isKey(lang: Lang, text: string): text is MessageKey {
  return Object.hasOwn(MESSAGES[lang], text);
}

/** A field issue with its message translated (a message that is not a key is passed through). */
export function translateIssue(
  t: Translate,
  lang: Lang,
  issue: FieldIssue,
): z.infer<typeof fieldError> {
  return {
    field: issue.field,
    code: issue.code,
    message: isKey(lang, issue.message) ? t(issue.message, issue.params) : issue.message,
  };
}

/** Builds the problem document for a code; `data` members never override the standard ones. */
export function problemDocument(input: {
  publicUrl: URL | string;
  code: ErrorCode;
  t: Translate;
  lang: Lang;
  requestId?: string;
  issues?: readonly FieldIssue[] | undefined;
  data?: Record<string, unknown> | undefined;
}): Problem {
  const { code, t } = input;
  const entry = ERROR_TABLE[code];
  const text = problemText(code);
  const detail = t(text.detail);
  const standard: Problem = {
    type: problemType(input.publicUrl, code),
    code,
    title: t(text.title),
    status: entry.status,
    detail: isFault(code) && input.requestId ? `${detail} (${input.requestId})` : detail,
    ...(input.issues?.length
      ? { errors: input.issues.map((i) => translateIssue(t, input.lang, i)) }
      : {}),
  };
  // Extension members follow the standard ones and never replace them.
  return {
    ...standard,
    ...Object.fromEntries(Object.entries(input.data ?? {}).filter(([k]) => !(k in standard))),
  };
}
