import type { MessageKey } from '../i18n/i18n.ts';

/** The small set of failures every layer speaks in. */
export type ErrorCode =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'conflict'
  | 'no_longer_possible'
  | 'gone'
  | 'unprocessable'
  | 'time_not_bookable'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'method_not_allowed'
  | 'rate_limited'
  | 'organisation_suspended'
  | 'internal';

/** HTTP status and the translated message for each code (one table, used by the one error handler). */
export const ERROR_TABLE: Record<
  ErrorCode,
  { status: number; title: MessageKey; detail: MessageKey }
> = {
  invalid_input: {
    status: 400,
    title: 'error.invalid_input.title',
    detail: 'error.invalid_input.detail',
  },
  unauthenticated: {
    status: 401,
    title: 'error.unauthenticated.title',
    detail: 'error.unauthenticated.detail',
  },
  forbidden: { status: 403, title: 'error.forbidden.title', detail: 'error.forbidden.detail' },
  csrf: { status: 403, title: 'error.csrf.title', detail: 'error.csrf.detail' },
  not_found: { status: 404, title: 'error.not_found.title', detail: 'error.not_found.detail' },
  conflict: { status: 409, title: 'error.conflict.title', detail: 'error.conflict.detail' },
  // Not a race: retrying will never help (the appointment has started or is over).
  no_longer_possible: {
    status: 409,
    title: 'error.no_longer_possible.title',
    detail: 'error.no_longer_possible.detail',
  },
  gone: { status: 410, title: 'error.gone.title', detail: 'error.gone.detail' },
  unprocessable: {
    status: 422,
    title: 'error.unprocessable.title',
    detail: 'error.unprocessable.detail',
  },
  time_not_bookable: {
    status: 422,
    title: 'error.time_not_bookable.title',
    detail: 'error.time_not_bookable.detail',
  },
  payload_too_large: {
    status: 413,
    title: 'error.payload_too_large.title',
    detail: 'error.payload_too_large.detail',
  },
  unsupported_media_type: {
    status: 415,
    title: 'error.unsupported_media_type.title',
    detail: 'error.unsupported_media_type.detail',
  },
  // An API address called with a method it does not take (the Allow header lists those it does).
  method_not_allowed: {
    status: 405,
    title: 'error.method_not_allowed.title',
    detail: 'error.method_not_allowed.detail',
  },
  rate_limited: {
    status: 429,
    title: 'error.rate_limited.title',
    detail: 'error.rate_limited.detail',
  },
  // 503, not 410: the organisation is there and may come back; nothing was removed (decision 023).
  organisation_suspended: {
    status: 503,
    title: 'error.organisation_suspended.title',
    detail: 'error.organisation_suspended.detail',
  },
  internal: { status: 500, title: 'error.internal.title', detail: 'error.internal.detail' },
};

/**
 * One problem with one field of an API request: where (`body.email`, `query.to`,
 * `path.holdId`), a stable code a client may switch on (zod's issue codes such as
 * `invalid_format`, or ours such as `wrong_code`), and a message: a translation key
 * or text, translated by the error handler.
 */
export type FieldIssue = {
  field: string;
  code: string;
  message: string;
  params?: Record<string, string | number>;
};

/**
 * A failure with a code from the table. Per-field problems come as a map (field → message
 * key, as the staff forms render them) or as issues with their own codes (the API);
 * `fields` and `issues` each give them in their shape. `data` holds extension members of
 * the API's problem document (e.g. `nearestFreeTimes`); `retryAfterSeconds` there becomes the
 * Retry-After header instead, and `wwwAuthenticate` the WWW-Authenticate header of a 401.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  readonly issues: readonly FieldIssue[] | undefined;
  readonly data: Record<string, unknown> | undefined;
  constructor(
    code: ErrorCode,
    message?: string,
    fields?: Record<string, string> | readonly FieldIssue[],
    data?: Record<string, unknown>,
  ) {
    super(message ?? code);
    this.code = code;
    if (Array.isArray(fields)) {
      this.issues = fields as readonly FieldIssue[];
      this.fields = Object.fromEntries(this.issues.map((i) => [i.field, i.message]));
    } else {
      this.fields = fields as Record<string, string> | undefined;
      this.issues =
        this.fields &&
        Object.entries(this.fields).map(([field, message]) => ({
          field,
          code: 'invalid',
          message,
        }));
    }
    this.data = data;
  }
}

/** A failure on our side (logged, with a reference to quote), as opposed to a 503 that is a state of things. */
export function isFault(code: ErrorCode): boolean {
  return ERROR_TABLE[code].status >= 500 && code !== 'organisation_suspended';
}

/** Maps an HTTP status from a library (body parser, rate limiter) onto our codes. */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'invalid_input';
    case 415:
      return 'unsupported_media_type';
    case 410:
      return 'gone';
    case 422:
      return 'unprocessable';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
    case 405:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 429:
      return 'rate_limited';
    default:
      // Any other refusal of the request (414 for a path parameter longer than any we take,
      // 431, …) is the request's fault, never "ours": only a 5xx is internal.
      return status >= 400 && status < 500 ? 'invalid_input' : 'internal';
  }
}
