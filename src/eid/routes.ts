import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CitizensService } from '../citizens/service.ts';
import { endCitizenSession, startCitizenSession } from '../http/citizen-session.ts';
import { renderPage } from '../http/page.ts';
import { AppError } from '../lib/errors.ts';
import { acsBody, loginQuery, logoutQuery, providerParams } from './schema.ts';
import { SamlRefusal, type EidService } from './service.ts';
import { refusedPage } from './views/refused.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A form an IdP posts from its own site (SAML HTTP-POST binding): it cannot carry our CSRF
     * token, and its own signature, bound to a request we made, protects it (decision 030).
     */
    crossSiteForm?: boolean;
  }
}

/** SAML sign-in pages: SP metadata, the start of a sign-in, the assertion consumer, single logout. */
export function eidRoutes(deps: { eid: EidService; citizens: CitizensService }) {
  const { eid, citizens } = deps;

  async function providerOf(request: FastifyRequest) {
    const { providerId } = providerParams.parse(request.params);
    const p = await eid.provider(providerId);
    if (!p) throw new AppError('not_found', 'eid.unknown_provider');
    return p;
  }

  function refused(request: FastifyRequest, reply: FastifyReply, err: SamlRefusal, id: string) {
    const again = `/auth/saml/${id}/login`;
    return renderPage(
      request,
      reply,
      (ctx) => refusedPage(ctx, { reason: err.reason, again }),
      400,
    );
  }

  return async function routes(app: FastifyInstance) {
    app.get('/auth/saml/:providerId/metadata', async (request, reply) => {
      const p = await providerOf(request);
      return reply.type('application/samlmetadata+xml; charset=utf-8').send(eid.metadata(p));
    });

    app.get('/auth/saml/:providerId/login', async (request, reply) => {
      const p = await providerOf(request);
      const q = loginQuery.parse(request.query);
      const organisationId = await citizens.signInOrganisation(q.o);
      const url = await eid.startSignIn(p, {
        loa: q.loa,
        returnTo: q.return,
        organisationId: organisationId ?? undefined,
      });
      return reply.redirect(url, 303);
    });

    app.post(
      '/auth/saml/:providerId/acs',
      { config: { crossSiteForm: true } },
      async (request, reply) => {
        const p = await providerOf(request);
        const body = acsBody.safeParse(request.body);
        if (!body.success)
          return refused(request, reply, new SamlRefusal('malformed', 'form'), p.id);
        try {
          const done = await eid.consume(p, body.data.SAMLResponse);
          await startCitizenSession(citizens, request, reply, done.identity, {
            organisationId: done.organisationId,
          });
          // 303 to a GET: the session cookie is SameSite=Lax, which a top-level GET carries
          // even though this POST came from the IdP's site (decision 030).
          return reply.redirect(done.returnTo, 303);
        } catch (err) {
          if (err instanceof SamlRefusal) return refused(request, reply, err, p.id);
          throw err;
        }
      },
    );

    // Single logout at the IdP's redirect: its LogoutRequest (it ends our session in this
    // browser and answers), or its answer to ours (we go home).
    app.get('/auth/saml/:providerId/logout', async (request, reply) => {
      const p = await providerOf(request);
      const q = logoutQuery.safeParse(request.query);
      if (!q.success || q.data.SAMLResponse !== undefined) return reply.redirect('/', 303);
      const raw = request.url.slice(request.url.indexOf('?') + 1);
      try {
        const { replyUrl } = await eid.idpLogout(p, q.data, raw);
        await endCitizenSession(citizens, request, reply);
        return reply.redirect(replyUrl, 303);
      } catch (err) {
        if (err instanceof SamlRefusal) return refused(request, reply, err, p.id);
        throw err;
      }
    });

    // Signing out here also ends the IdP's session (SP-initiated single logout) when the
    // session came from a SAML provider that offers it.
    app.post('/auth/sign-out', async (request, reply) => {
      const ended = await endCitizenSession(citizens, request, reply);
      const p = ended ? await eid.provider(ended.providerId) : null;
      const slo = p && ended ? await eid.logoutUrl(p, ended.logout) : null;
      return reply.redirect(slo ?? '/', 303);
    });
  };
}
