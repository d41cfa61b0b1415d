import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { ERROR_TABLE, type ErrorCode } from '../lib/errors.ts';
import type { AnyOperation } from './api.ts';
import { zodIssues } from './api.ts';
import { translators } from './language.ts';
import { problem, problemDocument, problemText, type Problem } from './problem.ts';

type JsonSchema = Record<string, unknown>;
const SCHEMAS = '#/components/schemas/';

/**
 * Shared schemas (those with a `.meta({ id })`) collected once under `components/schemas`:
 * zod puts them in each converted schema's own `$defs`, referenced as `#/$defs/Id`, which
 * means nothing at the document root; they are moved and the references rewritten.
 */
class Components {
  readonly schemas: Record<string, JsonSchema> = {};

  /** The JSON Schema of a zod schema, with its shared parts moved to the components. */
  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const json = z.toJSONSchema(schema, {
      io,
      unrepresentable: 'any',
      target: 'draft-2020-12',
      override: io === 'output' ? openForAdditions : undefined,
    }) as JsonSchema;
    delete json.$schema;
    const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
    delete json.$defs;
    for (const [id, def] of Object.entries(defs)) {
      const moved = rewriteRefs(def);
      // One id, one shape: the same schema read for input and output must not differ.
      if (this.schemas[id] && !isDeepStrictEqual(this.schemas[id], moved))
        throw new Error(`schema ${id} differs between uses`);
      this.schemas[id] = moved;
    }
    return rewriteRefs(json);
  }
}

/**
 * A response may gain members under /api/v1 (decision 021), so its objects do not say
 * `additionalProperties: false`, which zod writes for the output of a plain object: a
 * client validating with it would break on the first addition.
 */
function openForAdditions(ctx: { jsonSchema: JsonSchema }): void {
  if (ctx.jsonSchema.additionalProperties === false) delete ctx.jsonSchema.additionalProperties;
}

function rewriteRefs(json: JsonSchema): JsonSchema {
  return JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', `"${SCHEMAS}`)) as JsonSchema;
}

function parametersOf(
  components: Components,
  schema: z.ZodType | undefined,
  location: 'path' | 'query',
) {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, s]) => ({
    name,
    in: location,
    required: location === 'path' || !s.safeParse(undefined).success,
    ...(s.description ? { description: s.description } : {}),
    schema: components.convert(s, 'input'),
  }));
}

/**
 * The problem codes an operation may answer with, in status order: its own, and those any
 * call can meet (a call with a body: its type and its size; every call: the rate limit, and
 * a failure of the server, which a client must be able to read too).
 */
export function problemCodes(op: AnyOperation): ErrorCode[] {
  const withBody =
    op.method === 'GET' ? [] : (['unsupported_media_type', 'payload_too_large'] as const);
  const codes = new Set<ErrorCode>([
    'invalid_input',
    ...withBody,
    ...(op.errors ?? []),
    'rate_limited',
    'internal',
  ]);
  return [...codes].sort((a, b) => ERROR_TABLE[a].status - ERROR_TABLE[b].status);
}

/** A real invalid-input answer: the first input schema fed a value no field takes. */
function invalidInputIssues(op: AnyOperation) {
  for (const [where, schema] of [
    ['body', op.body],
    ['query', op.query],
    ['path', op.params],
  ] as const) {
    if (!(schema instanceof z.ZodObject)) continue;
    const result = schema.safeParse(
      Object.fromEntries(Object.keys(schema.shape).map((k) => [k, '?'])),
      { error: z.locales.en().localeError },
    );
    if (!result.success) return zodIssues(result.error, where).slice(0, 2);
  }
  return undefined;
}

/** The example problem documents of an operation, in English, keyed by code. */
export function problemExamples(
  op: AnyOperation,
  serverUrl: string,
): Partial<Record<ErrorCode, Problem>> {
  return Object.fromEntries(
    problemCodes(op).map((code) => {
      const issues = code === 'invalid_input' ? invalidInputIssues(op) : undefined;
      const base = problemDocument({
        publicUrl: serverUrl,
        code,
        t: translators.en,
        lang: 'en',
        issues,
      });
      return [code, { ...base, ...op.examples.problems?.[code] }];
    }),
  );
}

function responsesOf(components: Components, op: AnyOperation, serverUrl: string) {
  const responses: Record<string, unknown> = {
    [op.status ?? 200]: {
      description: op.status === 201 ? 'Created' : 'OK',
      content: op.produces
        ? // A file: OpenAPI 3.1 describes its bytes by their media type (no JSON schema).
          Object.fromEntries(
            [op.produces]
              .flat()
              .map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]),
          )
        : {
            'application/json': {
              schema: components.convert(op.response, 'output'),
              example: op.examples.response,
            },
          },
    },
  };
  const examples = problemExamples(op, serverUrl);
  for (const code of problemCodes(op)) {
    const { status } = ERROR_TABLE[code];
    const response = (responses[status] ??= {
      description: '',
      content: {
        'application/problem+json': { schema: { $ref: `${SCHEMAS}Problem` }, examples: {} },
      },
    }) as {
      description: string;
      content: { 'application/problem+json': { examples: Record<string, unknown> } };
    };
    const title = translators.en(problemText(code).title);
    response.description += `${response.description ? '; ' : ''}\`${code}\`: ${title}`;
    response.content['application/problem+json'].examples[code] = {
      summary: title,
      value: examples[code],
    };
  }
  return responses;
}

/**
 * How callers prove who they are. A scheme appears in the document once an operation
 * requires it (no unused components): the public operations declare `security: []`, the
 * staff operations `[{ staffToken: [] }]`.
 */
export const SECURITY_SCHEMES = {
  staffToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API token of a staff account, for the staff operations; the public operations need none.',
  },
} as const;

export type SecuritySchemeName = keyof typeof SECURITY_SCHEMES;

function usedSchemes(operations: readonly AnyOperation[]) {
  const used = new Set(
    operations.flatMap((op) =>
      (op.security ?? []).flatMap((requirement) => Object.keys(requirement)),
    ),
  );
  return Object.fromEntries(Object.entries(SECURITY_SCHEMES).filter(([name]) => used.has(name)));
}

// A call that changes something says JSON even without a body (the API's CSRF defence,
// http/api.ts): the document offers the empty object, so a generated client sends the type.
const EMPTY_BODY = {
  required: false,
  description:
    'No body is needed, but the call must say Content-Type: application/json; `{}` does.',
  content: { 'application/json': { schema: { type: 'object', maxProperties: 0 }, example: {} } },
};

function requestBodyOf(components: Components, op: AnyOperation) {
  if (op.body) {
    return {
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: components.convert(op.body, 'input'),
            example: op.examples.body,
          },
        },
      },
    };
  }
  return op.method === 'GET' ? {} : { requestBody: EMPTY_BODY };
}

const TAGS = [
  { name: 'tenants', description: 'Organisations, their offices and services' },
  {
    name: 'situations',
    description: "Life situations: an organisation's guides and the services to book about them",
  },
  {
    name: 'forms',
    description:
      "Forms an organisation offers: their definitions and answers' schemas, sending one that needs no sign-in, and its receipt",
  },
  {
    name: 'booking',
    description:
      'Free times, holds confirmed by an emailed code, and bookings by their manage link',
  },
  {
    name: 'payments',
    description:
      "Local fees: finding one to pay by its variable symbol and the payer's name, its bank QR code, paying it by card",
  },
  {
    name: 'integrations',
    description:
      "Staff operations for an organisation's own systems (its filing system), called with an API token " +
      'that an admin of the organisation creates and revokes at /staff/admin/integrations',
  },
];

/** The OpenAPI 3.1 document, generated from the same schemas that validate requests. */
export function openApiDocument(operations: readonly AnyOperation[], serverUrl: string) {
  const components = new Components();
  components.convert(problem, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const path = (paths[op.path] ??= {});
    path[op.method.toLowerCase()] = {
      operationId: op.operationId,
      summary: op.summary,
      tags: [op.tag],
      security: op.security ?? [],
      parameters: [
        ...parametersOf(components, op.params, 'path'),
        ...parametersOf(components, op.query, 'query'),
      ],
      ...requestBodyOf(components, op),
      responses: responsesOf(components, op, serverUrl),
    };
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Okence public API',
      version: '1',
      description:
        'Organisations, offices and services of the public offices served by this Okence installation, and booking ' +
        'an appointment. Errors are RFC 9457 problem documents; their language follows Accept-Language (sl, cs, ' +
        'en; English otherwise); each problem type is explained at its `type` URI. Under /api/v1 changes are ' +
        'additive only: new operations, new optional members, new problem codes; anything else comes as /api/v2. ' +
        'Every call other than GET says Content-Type: application/json, with or without a body. An address ' +
        'called with a method it does not take answers 405 method_not_allowed with an Allow header. ' +
        'Staff operations (tag integrations) need `Authorization: Bearer <API token>`: without a valid token ' +
        'they answer 401 with WWW-Authenticate: Bearer, with a token lacking the scope or of another organisation 403.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: new URL('/api/v1', serverUrl).href }],
    externalDocs: {
      description: 'The problem types of this API',
      url: new URL('/problems', serverUrl).href,
    },
    tags: TAGS,
    paths,
    components: { schemas: components.schemas, securitySchemes: usedSchemes(operations) },
  };
}
