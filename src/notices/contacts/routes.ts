import type { FastifyInstance } from 'fastify';
import { renderPage } from '../../http/page.ts';
import * as s from './schema.ts';
import type { ContactsService } from './service.ts';
import { departmentPage, directoryPage } from './views/public.ts';

/** Citizens' pages: the organisation's departments and contacts with their search, one department, the open data. */
export function contactsPages(contacts: ContactsService) {
  return async (app: FastifyInstance) => {
    app.get('/o/:org/contacts', async (request, reply) => {
      const { org } = s.orgParams.parse(request.params);
      const query = (s.searchQuery.parse(request.query).q ?? '').trim();
      const data = await contacts.directory(org, query, request.lang);
      return renderPage(request, reply, (ctx) => directoryPage(ctx, { ...data, query }));
    });

    // OFN Kontakty 2020-07-01 (decision 051): open data, so anyone may read and cache it briefly.
    app.get('/o/:org/contacts.jsonld', async (request, reply) => {
      const { org } = s.orgParams.parse(request.params);
      const document = await contacts.openData(org);
      return reply
        .type('application/ld+json; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .header('access-control-allow-origin', '*')
        .send(JSON.stringify(document, null, 2));
    });

    app.get('/o/:org/contacts/:department', async (request, reply) => {
      const { org, department } = s.departmentParams.parse(request.params);
      const data = await contacts.department(org, department, request.lang);
      return renderPage(request, reply, (ctx) => departmentPage(ctx, data));
    });
  };
}
