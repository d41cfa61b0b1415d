import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { operation } from '../http/api.ts';
import { AppError } from '../lib/errors.ts';
import { renderPublicPage } from '../http/page.ts';
import * as s from './schema.ts';
import type { TenantsService } from './service.ts';
import type { ContactsService } from '../notices/contacts/service.ts';
import { homePage } from './views/home.ts';
import { servicePage } from './views/service.ts';

const homeQuery = z.object({ q: z.string().max(100).optional().catch(undefined) });
const orgParams = z.object({ org: z.string().max(80) });
const serviceParams = orgParams.extend({ service: z.string().max(80) });

/** Citizen pages: the site's home, an organisation's logo, a service. */
export function tenantPages(tenants: TenantsService, contacts: Pick<ContactsService, 'handledBy'>) {
  return async (app: FastifyInstance) => {
    app.get('/', async (request, reply) => {
      const query = (homeQuery.parse(request.query).q ?? '').trim();
      const { organisations, snapshot } = await tenants.searchOrganisations(query);
      return renderPublicPage(request, reply, snapshot, (ctx) =>
        homePage(ctx, { query, organisations }),
      );
    });

    // The organisation's own page, /o/{org}, is its home page (notices/home, decision 052).

    // An uploaded SVG is served only as an image, sandboxed, never as a document of ours.
    app.get('/o/:org/logo.svg', async (request, reply) => {
      const { org } = orgParams.parse(request.params);
      const { organisation } = await tenants.getOrganisation(org);
      if (!organisation.logoSvg) throw new AppError('not_found', 'no logo');
      return reply
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
        .header('cache-control', 'public, max-age=31536000, immutable')
        .type('image/svg+xml')
        .send(organisation.logoSvg);
    });

    app.get('/o/:org/s/:service', async (request, reply) => {
      const { org, service } = serviceParams.parse(request.params);
      const data = await tenants.getService(org, service);
      // The departments that handle it (decision 051); their changes renew the catalogue's snapshot.
      const handledBy = await contacts.handledBy(data.organisation.id, {
        serviceId: data.service.id,
      });
      return renderPublicPage(request, reply, data.snapshot, (ctx) =>
        servicePage(ctx, { ...data, handledBy }),
      );
    });
  };
}

/** Public API operations of the tenants domain. */
export function tenantOperations(tenants: TenantsService) {
  return [
    operation({
      operationId: 'listOrganisations',
      method: 'GET',
      path: '/organisations',
      summary: 'List the organisations served by this installation',
      tag: 'tenants',
      response: s.organisationsOut,
      examples: { response: { items: [s.organisationExample] } },
      handler: async () => ({
        items: (await tenants.listOrganisations()).map(s.toOrganisationOut),
      }),
    }),
    operation({
      operationId: 'listOffices',
      method: 'GET',
      path: '/organisations/{organisation}/offices',
      summary: 'List the offices (locations) of an organisation with addresses and opening hours',
      tag: 'tenants',
      params: s.organisationParams,
      response: s.officesOut,
      errors: ['not_found', 'organisation_suspended'],
      examples: { response: { items: [s.officeExample] } },
      handler: async ({ params }) => ({
        items: (await tenants.getOrganisation(params.organisation)).offices.map(s.toOfficeOut),
      }),
    }),
    operation({
      operationId: 'listServices',
      method: 'GET',
      path: '/organisations/{organisation}/services',
      summary: 'List the services of an organisation, optionally only those offered at one office',
      tag: 'tenants',
      params: s.organisationParams,
      query: s.servicesQuery,
      response: s.servicesOut,
      errors: ['not_found', 'organisation_suspended'],
      examples: { response: { items: [s.serviceExample] } },
      handler: async ({ params, query }) => {
        const data = await tenants.getOrganisation(params.organisation);
        let services = data.services;
        if (query.office) {
          const office = data.offices.find((o) => o.slug === query.office);
          if (!office) throw new AppError('not_found', `office ${query.office}`);
          services = services.filter((sv) => sv.officeIds.includes(office.id));
        }
        return {
          items: services.map((sv) => s.toServiceOut(sv, data.organisation.currency, data.offices)),
        };
      },
    }),
  ];
}
