import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../lib/errors.ts';

/** One operation of the public JSON API: its schemas validate requests and document it. */
export type Operation<P extends z.ZodType, Q extends z.ZodType, R extends z.ZodType, B extends z.ZodType = z.ZodType> = {
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
  /** Success status; 200 unless said otherwise (201 for a created resource). */
  status?: number;
  /** A per-address limit tighter than the global one (requests per minute). */
  rateLimitPerMinute?: number;
  /** Other statuses this operation may answer with, besides 400 and 429. */
  errors?: number[];
  // Method syntax on purpose: it lets operations of every shape share the AnyOperation type.
  handler(input: { params: z.infer<P>; query: z.infer<Q>; body: z.infer<B> }, request: FastifyRequest): Promise<z.infer<R> | JsonBytes>;
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

function sendJsonBytes(request: FastifyRequest, reply: FastifyReply, status: number, body: JsonBytes): FastifyReply {
  reply.status(status).type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (body.bytes.length >= GZIP_WORTH_IT && acceptsGzip(request.headers['accept-encoding'])) {
    return reply.header('content-encoding', 'gzip').send(body.gzipped);
  }
  return reply.send(body.bytes);
}

/** An operation of any shape; its own types are checked where it is defined. */
export type AnyOperation = Operation<z.ZodType, z.ZodType, z.ZodType>;

/** Defines an operation with its input and output types inferred from the schemas. */
export function operation<P extends z.ZodType = z.ZodObject, Q extends z.ZodType = z.ZodObject, R extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodObject>(
  op: Operation<P, Q, R, B>,
): Operation<P, Q, R, B> {
  return op;
}

function parse<T extends z.ZodType>(schema: T | undefined, value: unknown, where: string): z.infer<T> {
  if (!schema) return {} as z.infer<T>;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const fields = Object.fromEntries(result.error.issues.map((i) => [`${where}.${i.path.join('.')}`, i.message]));
  throw new AppError('invalid_input', `invalid ${where}`, fields);
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
function requireJson(request: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void): void {
  if (isJsonContentType(request.headers['content-type'])) return done();
  done(new AppError('unsupported_media_type', `content type ${request.headers['content-type'] ?? 'missing'}`));
}

/** Registers operations as Fastify routes under /api/v1. */
export function registerOperations(app: FastifyInstance, operations: readonly AnyOperation[]): void {
  // An operation without a body may send an empty one with the JSON type (see requireJson).
  const json = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '' && request.url.startsWith('/api/')) return done(null, undefined);
    void json(request, String(body), done);
  });
  for (const op of operations) {
    app.route({
      method: op.method,
      url: '/api/v1' + op.path.replace(/\{(\w+)\}/g, ':$1'),
      ...(op.method === 'GET' ? {} : { onRequest: requireJson }),
      ...(op.rateLimitPerMinute ? { config: { rateLimit: { max: op.rateLimitPerMinute, timeWindow: 60_000 } } } : {}),
      handler: async (request, reply) => {
        const params = parse(op.params, request.params, 'path');
        const query = parse(op.query, request.query, 'query');
        const body = op.body ? parse(op.body, request.body, 'body') : undefined;
        const result = await op.handler({ params, query, body }, request);
        reply.header('cache-control', 'no-store');
        if (result instanceof JsonBytes) return sendJsonBytes(request, reply, op.status ?? 200, result);
        return reply.status(op.status ?? 200).send(result);
      },
    });
  }
}

const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.record(z.string(), z.string()).optional(),
    nearestFreeTimes: z
      .array(z.object({ start: z.string(), end: z.string() }))
      .optional()
      .describe('With time_not_bookable: the free times nearest to the one asked for, in time order'),
  })
  .meta({ id: 'Problem', description: 'An RFC 9457 problem document' });

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid input', 404: 'Not found', 409: 'Conflict', 410: 'Gone', 422: 'Unprocessable', 429: 'Too many requests',
};

function parametersOf(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, s]) => ({
    name,
    in: location,
    required: location === 'path' || !s.safeParse(undefined).success,
    description: s.description,
    schema: z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }),
  }));
}

/** The OpenAPI 3.1 document, generated from the same schemas that validate requests. */
export function openApiDocument(operations: readonly AnyOperation[], serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const responses: Record<string, unknown> = {
      [op.status ?? 200]: { description: 'OK', content: { 'application/json': { schema: z.toJSONSchema(op.response, { unrepresentable: 'any' }) } } },
    };
    for (const status of [400, ...(op.errors ?? []), 429]) {
      responses[status] = {
        description: STATUS_TEXT[status] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
    const path = (paths[op.path] ??= {});
    path[op.method.toLowerCase()] = {
      operationId: op.operationId,
      summary: op.summary,
      tags: [op.tag],
      parameters: [...parametersOf(op.params, 'path'), ...parametersOf(op.query, 'query')],
      ...(op.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(op.body, { io: 'input', unrepresentable: 'any' }) } } } }
        : {}),
      responses,
    };
  }
  const problemSchema = z.toJSONSchema(problem);
  delete (problemSchema as Record<string, unknown>).$schema;
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Okence public API',
      version: '1',
      description: 'Organisations, offices and services of the public offices served by this Okence installation.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: new URL('/api/v1', serverUrl).href }],
    paths,
    components: { schemas: { Problem: problemSchema } },
  };
}
