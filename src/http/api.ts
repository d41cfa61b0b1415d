import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Lang } from '../i18n/i18n.ts';
import { AppError, type ErrorCode, type FieldIssue } from '../lib/errors.ts';
import type { SecuritySchemeName } from './openapi.ts';
import type { Problem } from './problem.ts';

/** The media types of files the API answers with: a receipt's PDF, a payment's QR image. */
export type FileMediaType = 'application/pdf' | 'image/svg+xml' | 'image/png';

/** One operation of the public JSON API: its schemas validate requests and document it. */
export type Operation<
  P extends z.ZodType,
  Q extends z.ZodType,
  R extends z.ZodType,
  B extends z.ZodType = z.ZodType,
> = {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI-style path under /api/v1, e.g. `/organisations/{organisation}/offices`. */
  path: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  /** JSON request body (POST, PUT, PATCH). */
  body?: B;
  response: R;
  /**
   * A response that is a file of one of these media types (the handler returns a FileBody); JSON
   * if absent.
   */
  produces?: FileMediaType | readonly FileMediaType[];
  /** Success status; 200 unless said otherwise (201 for a created resource). */
  status?: number;
  /** A larger request body than the app's 1 MiB, in bytes (a bank statement sent as base64). */
  bodyLimit?: number;
  /** A per-address limit tighter than the global one (requests per minute). */
  rateLimitPerMinute?: number;
  /**
   * The problem codes this operation may answer with besides `invalid_input`, `rate_limited`
   * and `internal` (and `unsupported_media_type`, `payload_too_large` for a call that is not a GET).
   */
  errors?: ErrorCode[];
  /** Who may call it (OpenAPI security requirements); public when absent (`[]`). */
  security?: Partial<Record<SecuritySchemeName, string[]>>[];
  /**
   * Examples for the document: the response, the request body, and extension members of the
   * problem documents where a code carries them. Tests check each against its schema.
   */
  examples: {
    response: z.output<R>;
    body?: z.input<B>;
    problems?: Partial<Record<ErrorCode, Partial<Problem>>>;
  };
  // Method syntax on purpose: it lets operations of every shape share the AnyOperation type.
  handler(
    input: { params: z.infer<P>; query: z.infer<Q>; body: z.infer<B> },
    request: FastifyRequest,
  ): Promise<z.infer<R> | JsonBytes | FileBody>;
};

/**
 * A response body already serialised to JSON, for a hot read whose result is cached:
 * the bytes are sent as they are. The handler must build them from a value of the
 * operation's response schema (the tests check the shape through the API).
 */
export class JsonBytes {
  readonly bytes: Buffer;
  #gzipped: Buffer | undefined;
  constructor(value: unknown) {
    this.bytes = Buffer.from(JSON.stringify(value));
  }
  /** The same bytes gzipped, compressed once on first use: a phone on a slow network gets a tenth of them. */
  get gzipped(): Buffer {
    return (this.#gzipped ??= gzipSync(this.bytes));
  }
}

/**
 * A response that is a file, not JSON (a receipt's PDF): sent as it is with its media type and
 * a download name. The operation says so with `produces`, and the document shows it.
 */
export class FileBody {
  readonly bytes: Buffer;
  readonly mediaType: string;
  readonly fileName: string;
  /** Shown in the browser (an image) rather than saved as a download. */
  readonly inline: boolean;
  constructor(bytes: Buffer, mediaType: string, fileName: string, inline = false) {
    this.bytes = bytes;
    this.mediaType = mediaType;
    this.fileName = fileName;
    this.inline = inline;
  }
}

const GZIP_WORTH_IT = 1024;

/** Whether an Accept-Encoding header takes gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

function sendJsonBytes(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  body: JsonBytes,
): FastifyReply {
  reply.status(status).type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (body.bytes.length >= GZIP_WORTH_IT && acceptsGzip(request.headers['accept-encoding'])) {
    return reply.header('content-encoding', 'gzip').send(body.gzipped);
  }
  return reply.send(body.bytes);
}

/** An operation of any shape; its own types are checked where it is defined. */
export type AnyOperation = Operation<z.ZodType, z.ZodType, z.ZodType>;

/** Defines an operation with its input and output types inferred from the schemas. */
export function operation<
  P extends z.ZodType = z.ZodObject,
  Q extends z.ZodType = z.ZodObject,
  R extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodObject,
>(op: Operation<P, Q, R, B>): Operation<P, Q, R, B> {
  return op;
}

/** zod's messages in each language (a schema's own message, a translation key, comes first). */
const ZOD_MESSAGES = {
  sl: z.locales.sl().localeError,
  cs: z.locales.cs().localeError,
  en: z.locales.en().localeError,
};

/** A zod failure as field issues: where, zod's issue code, and the message. */
export function zodIssues(error: z.ZodError, where?: string): FieldIssue[] {
  return error.issues.map((i) => ({
    field: [...(where ? [where] : []), ...i.path.map(String)].join('.'),
    code: i.code,
    message: i.message,
  }));
}

function parse<T extends z.ZodType>(
  schema: T | undefined,
  value: unknown,
  where: string,
  lang: Lang,
): z.infer<T> {
  if (!schema) return {} as z.infer<T>;
  const result = schema.safeParse(value ?? {}, { error: ZOD_MESSAGES[lang] });
  if (result.success) return result.data;
  throw new AppError('invalid_input', `invalid ${where}`, zodIssues(result.error, where));
}

/** Whether a Content-Type header names JSON (`application/json`, any case, any parameters). */
export function isJsonContentType(header: string | undefined): boolean {
  return header?.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/**
 * A page on another site can send a "simple" request without asking first: a form
 * (urlencoded, multipart, text/plain) or a no-cors fetch with no body and no type. It
 * cannot send `application/json` without a CORS preflight, which this API never grants.
 * So every call that changes something must say JSON, whether or not it has a body;
 * checked before the body is read.
 */
function requireJson(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: (err?: Error) => void,
): void {
  if (isJsonContentType(request.headers['content-type'])) return done();
  done(
    new AppError(
      'unsupported_media_type',
      `content type ${request.headers['content-type'] ?? 'missing'}`,
    ),
  );
}

/** The methods an API address may be called with, in the order an Allow header lists them. */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** The body of an API call that is not JSON it can read: one field error on `body`. */
const INVALID_JSON = [{ field: 'body', code: 'invalid_json', message: 'api.error.invalid_json' }];

/** Registers operations as Fastify routes under /api/v1. */
export function registerOperations(
  app: FastifyInstance,
  operations: readonly AnyOperation[],
): void {
  // An operation without a body may send an empty one with the JSON type (see requireJson).
  const json = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const api = request.url.startsWith('/api/');
    if (body === '' && api) return done(null, undefined);
    // Broken JSON (or a __proto__ member) is an invalid body like any other: the one field-error shape.
    void json(
      request,
      String(body),
      api
        ? (err, value) =>
            err ? done(new AppError('invalid_input', err.message, INVALID_JSON)) : done(null, value)
        : done,
    );
  });
  for (const op of operations) {
    app.route({
      method: op.method,
      url: '/api/v1' + op.path.replace(/\{(\w+)\}/g, ':$1'),
      ...(op.method === 'GET' ? {} : { onRequest: requireJson }),
      ...(op.bodyLimit ? { bodyLimit: op.bodyLimit } : {}),
      ...(op.rateLimitPerMinute
        ? { config: { rateLimit: { max: op.rateLimitPerMinute, timeWindow: 60_000 } } }
        : {}),
      handler: async (request, reply) => {
        const params = parse(op.params, request.params, 'path', request.lang);
        const query = parse(op.query, request.query, 'query', request.lang);
        const body = op.body ? parse(op.body, request.body, 'body', request.lang) : undefined;
        const result = await op.handler({ params, query, body }, request);
        reply.header('cache-control', 'no-store');
        if (result instanceof JsonBytes)
          return sendJsonBytes(request, reply, op.status ?? 200, result);
        if (result instanceof FileBody)
          return reply
            .status(op.status ?? 200)
            .type(result.mediaType)
            .header('content-disposition', contentDisposition(result.fileName, result.inline))
            .header('x-content-type-options', 'nosniff')
            .send(result.bytes);
        return reply.status(op.status ?? 200).send(result);
      },
    });
  }
  // An address of the API called with a method it does not take is a 405 with Allow (RFC 9110
  // §15.5.6), not a 404: refused on arrival, before its body is read or its type checked.
  const taken = new Map<string, Set<string>>();
  for (const op of operations) {
    const methods = taken.get(op.path) ?? taken.set(op.path, new Set()).get(op.path)!;
    methods.add(op.method);
    if (op.method === 'GET') methods.add('HEAD');
  }
  for (const [path, methods] of taken) {
    const allow = METHODS.filter((m) => methods.has(m)).join(', ');
    app.route({
      method: METHODS.filter((m) => !methods.has(m)),
      url: '/api/v1' + path.replace(/\{(\w+)\}/g, ':$1'),
      onRequest: (_request, reply, done) => {
        reply.header('allow', allow);
        done(new AppError('method_not_allowed', `allowed: ${allow}`));
      },
      handler: async () => {
        throw new AppError('method_not_allowed');
      },
    });
  }
}

/** `attachment` (or `inline`) with an ASCII fallback name and the real one per RFC 6266 / 8187. */
function contentDisposition(fileName: string, inline = false): string {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]|["\\]/g, '_');
  const kind = inline ? 'inline' : 'attachment';
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
