import type { FastifyInstance } from 'fastify';
import { operation } from '../http/api.ts';
import { renderPage } from '../http/page.ts';
import * as s from './schema.ts';
import type { SituationsService } from './service.ts';
import type { ContactsService } from '../notices/contacts/service.ts';
import { guidePage, listPage } from './views/public.ts';

/** Citizens' pages: an organisation's life situations with their search, and one guide. */
export function situationPages(
  situations: SituationsService,
  contacts: Pick<ContactsService, 'handledBy'>,
) {
  return async (app: FastifyInstance) => {
    app.get('/o/:org/situations', async (request, reply) => {
      const { org } = s.orgParams.parse(request.params);
      const query = (s.listQuery.parse(request.query).q ?? '').trim();
      const data = await situations.list(org, query, request.lang);
      return renderPage(request, reply, (ctx) => listPage(ctx, { ...data, query }));
    });

    app.get('/o/:org/situations/:situation', async (request, reply) => {
      const { org, situation } = s.situationParams.parse(request.params);
      const data = await situations.guide(org, situation);
      const handledBy = await contacts.handledBy(data.organisation.id, {
        situationId: data.situation.id,
      });
      return renderPage(request, reply, (ctx) => guidePage(ctx, { ...data, handledBy }));
    });
  };
}

/** Public API operations of life situations. */
export function situationOperations(situations: SituationsService) {
  return [
    operation({
      operationId: 'listLifeSituations',
      method: 'GET',
      path: '/organisations/{organisation}/life-situations',
      summary:
        "List an organisation's life situations (guides with the services to book about them), optionally searched",
      tag: 'situations',
      params: s.apiParams,
      query: s.situationsQuery,
      response: s.situationsOut,
      errors: ['not_found', 'organisation_suspended'],
      examples: { response: { items: [s.situationExample] } },
      handler: async ({ params, query }) => ({
        items: (
          await situations.listForApi(params.organisation, (query.q ?? '').trim(), query.lang)
        ).map((x) =>
          s.toSituationOut(
            params.organisation,
            x.situation,
            x.services.map((sv) => sv.slug),
          ),
        ),
      }),
    }),
  ];
}
