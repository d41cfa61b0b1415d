import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { operation, type AnyOperation } from '../http/api.ts';
import { SCOPES, type Scope } from './domain.ts';
import type { ApiPrincipal, IntegrationsService } from './service.ts';

/** The organisation in a staff operation's path: its slug, as the public operations name it. */
const organisationParams = z.object({
  organisation: z
    .string()
    .regex(/^[a-z0-9-]{1,63}$/)
    .describe('Organisation slug, e.g. ue-domzale'),
});

const tokenInfo = z
  .object({
    id: z
      .uuid()
      .describe("The token's id, as the organisation's list of tokens and audit log name it"),
    name: z.string().describe('The name the admin gave the token'),
    scopes: z
      .array(z.enum(SCOPES))
      .describe('What the token may do; the set of scopes grows with the staff operations'),
    organisation: z.string().describe('The slug of the organisation the token belongs to'),
  })
  .meta({ id: 'ApiTokenInfo', description: 'The API token a call was made with' });

/**
 * The caller of a staff operation, by the bearer token of the request: 401 (with
 * `WWW-Authenticate: Bearer`) without one or with one unknown or revoked, 403 without the
 * scope or for another organisation than `organisation`. Every staff operation calls it first.
 */
export function staffCaller(
  integrations: IntegrationsService,
  request: FastifyRequest,
  organisation: string,
  scope: Scope | null,
): Promise<ApiPrincipal> {
  return integrations.authenticate({
    authorization: request.headers.authorization,
    ip: request.ip,
    scope,
    organisation,
  });
}

/** The staff operations of the integrations: for now, checking a token. */
export function integrationOperations(integrations: IntegrationsService): AnyOperation[] {
  return [
    operation({
      operationId: 'getApiTokenInfo',
      method: 'GET',
      path: '/organisations/{organisation}/token',
      summary: 'Check an API token: its name, scopes and organisation',
      tag: 'integrations',
      params: organisationParams,
      response: tokenInfo,
      errors: ['unauthenticated', 'forbidden', 'organisation_suspended'],
      security: [{ staffToken: [] }],
      examples: {
        response: {
          id: '0b9e4c1e-6a55-4c3b-9d0c-7f1e2a3b4c5d',
          name: 'GINIS intake',
          scopes: ['submissions:read'],
          organisation: 'ue-domzale',
        },
      },
      handler: async ({ params }, request) => {
        // Any live token of the organisation may ask who it is: no scope is needed.
        const caller = await staffCaller(integrations, request, params.organisation, null);
        return {
          id: caller.tokenId,
          name: caller.name,
          scopes: caller.scopes,
          organisation: caller.organisation,
        };
      },
    }),
  ];
}
