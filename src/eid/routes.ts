import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SIGNED_OUT_PATH, type CitizensService, type SignInWays } from '../citizens/service.ts';
import { endCitizenSession, startCitizenSession } from '../http/citizen-session.ts';
import { renderPage } from '../http/page.ts';
import { AppError } from '../lib/errors.ts';
import { acsBody, loginQuery, logoutQuery, providerParams } from './schema.ts';
import { SamlRefusal, type EidService } from './service.ts';
import type { SamlProvider } from './saml.ts';
import {
  clearLinkBrowser,
  finishLink,
  LINK_BROWSER_COOKIE,
  linkBrowserOf,
  LINK_LIMIT,
  linkIntentOf,
} from './link.ts';
import { toProviderPage } from './views/leaving.ts';
import { refusedPage } from './views/refused.ts';
import { ACT_BROWSER_COOKIE } from './act.ts';
import type { FormActs } from '../forms/act.ts';

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
export function eidRoutes(deps: {
  eid: EidService;
  citizens: CitizensService;
  ways: SignInWays;
  /** Where an act's answer goes (decision 042). */
  acts: Pick<FormActs, 'finish' | 'refusedAtProvider'>;
}) {
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

  /** Whether the IdP's LogoutResponse confirms that it ended its session; a refusal is logged. */
  async function logoutConfirmed(
    request: FastifyRequest,
    p: SamlProvider,
    query: Record<string, string>,
    raw: string,
  ): Promise<boolean> {
    try {
      return await eid.logoutAnswered(p, query, raw);
    } catch (err) {
      if (!(err instanceof SamlRefusal)) throw err;
      request.log.warn({ provider: p.id, reason: err.reason }, 'SAML LogoutResponse refused');
      return false;
    }
  }

  return async function routes(app: FastifyInstance) {
    app.get('/auth/saml/:providerId/metadata', async (request, reply) => {
      const p = await providerOf(request);
      return reply.type('application/samlmetadata+xml; charset=utf-8').send(await eid.metadata(p));
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

    // "Add another way" on the account page: a POST with the CSRF token of the signed-in
    // session; the request remembers the account and that session, and the browser by the
    // link's own cookie, which the IdP's cross-site POST carries back (decision 029 addendum).
    app.post('/auth/saml/:providerId/link', LINK_LIMIT, async (request, reply) => {
      const p = await providerOf(request);
      const intent = await linkIntentOf(deps.ways, request, p.id);
      const url = await eid.startSignIn(p, {
        loa: intent.loa,
        returnTo: '/account',
        link: { intent, browser: linkBrowserOf(request, reply) },
      });
      return renderPage(request, reply, (ctx) => toProviderPage(ctx, url));
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
          const done = await eid.consume(p, body.data.SAMLResponse, {
            act: request.cookies[ACT_BROWSER_COOKIE],
            link: request.cookies[LINK_BROWSER_COOKIE],
          });
          // An act's answer sends its draft (or says why not); nobody is signed in.
          if (done.act)
            return reply.redirect(
              await deps.acts.finish(
                { ...done.act, identity: done.identity, returnTo: done.returnTo },
                { lang: request.lang, t: request.t },
              ),
              303,
            );
          // A link's answer is attached to the account that asked (or refused); nobody is signed
          // in. Its session is the one the link's browser cookie proved (none: refused).
          if (done.link) {
            clearLinkBrowser(reply);
            return reply.redirect(
              await finishLink(deps.ways, done.link.intent, done.identity, done.link.sessionHash),
              303,
            );
          }
          await startCitizenSession(citizens, request, reply, done.identity, {
            organisationId: done.organisationId,
          });
          // 303 to a GET: the session cookie is SameSite=Lax, which a top-level GET carries
          // even though this POST came from the IdP's site (decision 030).
          return reply.redirect(done.returnTo, 303);
        } catch (err) {
          if (err instanceof SamlRefusal && err.act) {
            const reason = err.reason === 'idp_status' ? 'cancelled' : 'answer';
            return reply.redirect(await deps.acts.refusedAtProvider(err.act.returnTo, reason), 303);
          }
          if (err instanceof SamlRefusal) return refused(request, reply, err, p.id);
          throw err;
        }
      },
    );

    // Single logout at the IdP's redirect: its answer to the LogoutRequest of our sign-out
    // (POST /account/sign-out ended our session already; this says whether the IdP's ended
    // too), or its own LogoutRequest (it ends our session in this browser and answers).
    app.get('/auth/saml/:providerId/logout', async (request, reply) => {
      const p = await providerOf(request);
      const q = logoutQuery.safeParse(request.query);
      const raw = request.url.slice(request.url.indexOf('?') + 1);
      if (!q.success || q.data.SAMLResponse !== undefined) {
        const confirmed = q.success && (await logoutConfirmed(request, p, q.data, raw));
        return reply.redirect(
          confirmed ? SIGNED_OUT_PATH : `${SIGNED_OUT_PATH}?provider=open`,
          303,
        );
      }
      try {
        const { replyUrl } = await eid.idpLogout(p, q.data, raw);
        await endCitizenSession(citizens, request, reply);
        return reply.redirect(replyUrl, 303);
      } catch (err) {
        if (err instanceof SamlRefusal) return refused(request, reply, err, p.id);
        throw err;
      }
    });
  };
}
