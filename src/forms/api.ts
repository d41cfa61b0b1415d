// The forms' public API: the forms an organisation offers and each one's definition with the
// JSON Schema of its answers (decision 033), for integrators and for clients that fill in.
import { z } from 'zod';
import { operation } from '../http/api.ts';
import type { TenantsService } from '../tenants/service.ts';
import { answersJsonSchema, type FormsService, type FormVersion } from './service.ts';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/);
const organisationParams = z.object({ organisation: slug.describe("The organisation's slug") });
const formParams = organisationParams.extend({ form: slug.describe("The form's slug") });
const localized = z
  .object({ sl: z.string(), cs: z.string(), en: z.string() })
  .partial()
  .describe('A text in each language the form is written in');
const level = z.enum(['low', 'substantial', 'high']);

const formSummary = z.object({
  slug: z.string(),
  version: z.int().describe('The published version that is filled in now'),
  title: localized,
  languages: z.array(z.enum(['sl', 'cs', 'en'])),
  assurance: level.describe(
    "The level of assurance a sign-in must have to send it; 'low': anyone, also through this API",
  ),
});
const formsOut = z.object({ items: z.array(formSummary) });
const formOut = formSummary.extend({
  definition: z
    .record(z.string(), z.unknown())
    .describe("The form's definition in Okence's format (decision 033)"),
  answersSchema: z
    .record(z.string(), z.unknown())
    .describe('The JSON Schema (2020-12) of its answers, as createSubmission takes them'),
});

const summary = (f: FormVersion) => ({
  slug: f.slug,
  version: f.version,
  title: f.definition.title,
  languages: f.definition.languages,
  assurance: f.definition.assurance,
});
const example = {
  slug: 'zabor-verejneho-prostranstvi',
  version: 1,
  title: { cs: 'Zábor veřejného prostranství', en: 'Occupying public space' },
  languages: ['cs' as const, 'en' as const],
  assurance: 'low' as const,
};

/** Public API operations of the forms domain. */
export function formOperations(deps: { tenants: TenantsService; forms: FormsService }) {
  const organisationId = async (slugOf: string) =>
    (await deps.tenants.getOrganisation(slugOf)).organisation.id;
  return [
    operation({
      operationId: 'listForms',
      method: 'GET',
      path: '/organisations/{organisation}/forms',
      summary: 'List the forms an organisation offers, each at its published version',
      tag: 'forms',
      params: organisationParams,
      response: formsOut,
      errors: ['not_found', 'organisation_suspended'],
      examples: { response: { items: [example] } },
      handler: async ({ params }) => ({
        items: (await deps.forms.publishedForms(await organisationId(params.organisation))).map(
          summary,
        ),
      }),
    }),
    operation({
      operationId: 'getForm',
      method: 'GET',
      path: '/organisations/{organisation}/forms/{form}',
      summary: "A form's published definition and the JSON Schema of its answers",
      tag: 'forms',
      params: formParams,
      response: formOut,
      errors: ['not_found', 'organisation_suspended'],
      examples: {
        response: {
          ...example,
          definition: { format: 1, languages: ['cs', 'en'], pages: [] },
          answersSchema: { type: 'object' },
        },
      },
      handler: async ({ params }) => {
        const f = await deps.forms.published(
          await organisationId(params.organisation),
          params.form,
        );
        return {
          ...summary(f),
          definition: f.definition as unknown as Record<string, unknown>,
          answersSchema: answersJsonSchema(f.definition),
        };
      },
    }),
  ];
}
