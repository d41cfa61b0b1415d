import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import Fastify from 'fastify';
import { lazySchemaCompilers } from './schema-compilers.ts';

const loaded = (name: string) =>
  Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes(`/${name}/`));

const loadedFile = (path: string) =>
  Object.keys(createRequire(import.meta.url).cache).some((k) => k.endsWith(path));

// One process for the file (node:test runs each file in its own): the first test sees Fastify's
// compilers unloaded, the second loads them by declaring schemas.
test('an app whose routes declare no Fastify schema never loads ajv nor fast-json-stringify', async () => {
  const app = Fastify({ schemaController: { compilersFactory: lazySchemaCompilers() } });
  app.get('/', async () => ({ ok: true }));
  await app.ready();
  assert.equal((await app.inject('/')).json().ok, true);
  assert.equal(loaded('@fastify/ajv-compiler'), false);
  assert.equal(loaded('ajv'), false);
  assert.equal(loaded('@fastify/fast-json-stringify-compiler'), false);
  // Fastify's own error serializer uses fast-json-stringify's small runtime, not its compiler.
  assert.equal(loadedFile('/fast-json-stringify/index.js'), false);
  await app.close();
});

test("a route that declares a schema is validated and serialised as by Fastify's defaults", async () => {
  const app = Fastify({ schemaController: { compilersFactory: lazySchemaCompilers() } });
  app.post(
    '/',
    {
      schema: {
        body: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } },
        response: { 200: { type: 'object', properties: { n: { type: 'integer' } } } },
      },
    },
    async (request) => ({ n: (request.body as { n: number }).n, secret: 'dropped' }),
  );
  await app.ready();
  const bad = await app.inject({ method: 'POST', url: '/', payload: { n: 'x' } });
  assert.equal(bad.statusCode, 400);
  const good = await app.inject({ method: 'POST', url: '/', payload: { n: 2 } });
  assert.deepEqual(good.json(), { n: 2 }, 'the response schema drops what it does not name');
  assert.equal(loaded('@fastify/ajv-compiler'), true);
  await app.close();
});
