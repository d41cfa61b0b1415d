import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import { z } from 'zod';
import { ERROR_TABLE } from '../lib/errors.ts';
import { operation } from './api.ts';
import { openApiDocument, problemCodes, problemExamples } from './openapi.ts';
import { problem } from './problem.ts';
import { publicApiDocument, publicOperations, type PublicApiDeps } from './public-api.ts';

const run = promisify(execFile);
const SERVER = new URL('https://okence.example.si/');
const operations = publicOperations({} as PublicApiDeps);
const doc = () => publicApiDocument(SERVER);

type Doc = ReturnType<typeof publicApiDocument>;
type Json = Record<string, unknown>;
const everyOperation = (d: Doc) =>
  Object.values(d.paths).flatMap((p) => Object.values(p) as Json[]);

test('the document lints with no error and no warning under redocly recommended', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'okence-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(doc()));
    const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
    const out = await run(
      process.execPath,
      [cli, 'lint', file, '--format=json', '--extends=recommended'],
      { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
    ).catch((err: { stdout: string }) => err);
    const { totals, problems } = JSON.parse(out.stdout.slice(out.stdout.indexOf('{'))) as {
      totals: Json;
      problems: { ruleId: string; message: string }[];
    };
    assert.deepEqual(
      problems.map((p) => `${p.ruleId}: ${p.message}`),
      [],
    );
    assert.equal(totals.errors, 0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('swagger-parser validates the document and resolves every reference', async () => {
  const d = doc();
  await SwaggerParser.validate(structuredClone(d) as never);
  const text = JSON.stringify(d);
  assert.doesNotMatch(text, /\$defs/, 'no schema keeps its own definitions');
  assert.doesNotMatch(
    text,
    /"additionalProperties":false/,
    'a response may gain members under /api/v1',
  );
  for (const [, id] of text.matchAll(/"#\/components\/schemas\/(\w+)"/g))
    assert.ok(d.components.schemas[id!], id);
  // Each shared schema is defined once and used.
  for (const id of ['Booking', 'Localized', 'Problem', 'FieldError', 'FreeTime']) {
    assert.ok(d.components.schemas[id], id);
    assert.ok(text.includes(`"#/components/schemas/${id}"`), `${id} is referenced`);
  }
});

test('every operation declares its security: public ones none, staff ones the staff token', () => {
  for (const op of everyOperation(doc()))
    assert.deepEqual(
      op.security,
      (op.tags as string[]).includes('integrations') ? [{ staffToken: [] }] : [],
      String(op.operationId),
    );
  const info = doc().paths['/organisations/{organisation}/token']?.get as Json | undefined;
  assert.equal(info?.operationId, 'getApiTokenInfo');
  assert.deepEqual(Object.keys(info.responses as Json).sort(), [
    '200',
    '400',
    '401',
    '403',
    '429',
    '500',
    '503',
  ]);
  // A scheme is defined once an operation requires it.
  const staffOnly = operation({
    operationId: 'staffThing',
    method: 'GET',
    path: '/staff-thing',
    summary: 'x',
    tag: 'booking',
    response: z.object({ ok: z.boolean() }),
    security: [{ staffToken: [] }],
    examples: { response: { ok: true } },
    handler: async () => ({ ok: true }),
  });
  const withStaff = openApiDocument([staffOnly], SERVER.href);
  assert.deepEqual(Object.keys(withStaff.components.securitySchemes), ['staffToken']);
  assert.deepEqual(Object.keys(doc().components.securitySchemes), ['staffToken']);
  assert.deepEqual(
    Object.keys(openApiDocument(operations.slice(0, 1), SERVER.href).components.securitySchemes),
    [],
  );
});

test('every request body and every response has examples, and each example is valid for its schema', () => {
  for (const op of everyOperation(doc())) {
    const responses = op.responses as Record<
      string,
      { content: Record<string, { example?: unknown; examples?: Json }> }
    >;
    for (const [status, response] of Object.entries(responses)) {
      for (const [type, media] of Object.entries(response.content)) {
        // A file (a receipt's PDF) is described by its media type, not by an example.
        if (!type.includes('json')) {
          assert.deepEqual((media as { schema?: unknown }).schema, {
            type: 'string',
            contentMediaType: type,
          });
          continue;
        }
        assert.ok(
          media.example !== undefined || Object.keys(media.examples ?? {}).length > 0,
          `${String(op.operationId)} ${status} ${type}`,
        );
      }
    }
    const body = op.requestBody as { content: Record<string, { example?: unknown }> } | undefined;
    if (body)
      assert.ok(
        body.content['application/json']!.example,
        `${String(op.operationId)} request body`,
      );
  }
  for (const op of operations) {
    op.response.parse(op.examples.response);
    if (op.body) op.body.parse(op.examples.body);
    else assert.equal(op.examples.body, undefined, op.operationId);
    const examples = problemExamples(op, SERVER.href);
    for (const code of problemCodes(op)) {
      const example = problem.strict().parse(examples[code]);
      assert.equal(example.code, code);
      assert.equal(example.status, ERROR_TABLE[code].status);
      assert.equal(example.type, `https://okence.example.si/problems/${code}`);
    }
  }
});

test('problem responses are documented per code, with the extension members their codes carry', () => {
  const d = doc();
  const hold = d.paths['/organisations/{organisation}/services/{service}/holds']!.post as Json;
  const r422 = (
    hold.responses as Record<
      string,
      { content: Record<string, { examples: Record<string, { value: Json }> }> }
    >
  )['422']!;
  const examples = r422.content['application/problem+json']!.examples;
  assert.ok(Array.isArray(examples.time_not_bookable?.value.nearestFreeTimes));
  const confirm = (d.paths['/holds/{holdId}/confirm']!.post as Json).responses as Record<
    string,
    { content: Record<string, { examples: Record<string, { value: Json }> }> }
  >;
  const wrong = confirm['422']!.content['application/problem+json']!.examples.unprocessable!.value;
  assert.equal(wrong.attemptsLeft, 4);
  assert.deepEqual((wrong.errors as Json[])[0]!.code, 'wrong_code');
  // The invalid-input example of a body is what the API would really say.
  const bad = (
    hold.responses as Record<
      string,
      { content: Record<string, { examples: Record<string, { value: Json }> }> }
    >
  )['400']!;
  const fields = bad.content['application/problem+json']!.examples.invalid_input!.value.errors as {
    field: string;
  }[];
  assert.ok(fields.every((f) => f.field.startsWith('body.')));
  const schema = d.components.schemas.Problem as {
    properties: Record<string, Json>;
    required: string[];
  };
  assert.deepEqual(schema.required.sort(), ['code', 'status', 'title', 'type']);
  assert.deepEqual((schema.properties.code as { enum: string[] }).enum, Object.keys(ERROR_TABLE));
});
