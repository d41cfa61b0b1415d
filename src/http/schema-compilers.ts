// Fastify's JSON-schema compilers, loaded only when a route declares a Fastify schema.
import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

type Factory = (...args: unknown[]) => unknown;
type Compilers = NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
>;

// Resolved from Fastify's own folder: they are its dependencies, not Okence's.
const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));

/**
 * Okence's routes check their input with zod (one schema per boundary) and declare no Fastify
 * schema, yet Fastify requires ajv and fast-json-stringify when it is created: ~0.6 MB of source
 * and the objects they build, held for the life of the process (decision 028). These factories
 * are Fastify's own (`@fastify/ajv-compiler`, `@fastify/fast-json-stringify-compiler`),
 * required the first time a route with a schema is compiled, so a plugin that declares one
 * still gets exactly the default behaviour.
 */
export function lazySchemaCompilers(): Compilers {
  let validator: Factory | undefined;
  let serializer: Factory | undefined;
  const factories: Record<'buildValidator' | 'buildSerializer', Factory> = {
    buildValidator: (...args) =>
      (validator ??= (fromFastify('@fastify/ajv-compiler') as () => Factory)())(...args),
    buildSerializer: (...args) =>
      (serializer ??= (fromFastify('@fastify/fast-json-stringify-compiler') as () => Factory)())(
        ...args,
      ),
  };
  return factories as Compilers;
}
