import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { CitizensService, SignInWays } from '../citizens/service.ts';
import { startCitizenSession } from '../http/citizen-session.ts';
import { renderPage } from '../http/page.ts';
import { AppError } from '../lib/errors.ts';
import { OidcRefused, REQUEST_TTL_MS, type OidcRefusal } from './oidc/domain.ts';
import type { OidcSignIn } from './oidc/service.ts';
import { refusalPage } from './oidc/views.ts';
import { finishLink, LINK_LIMIT, linkIntentOf, sessionHashOf } from './link.ts';
import { toProviderPage } from './views/leaving.ts';
import { ACT_BROWSER_COOKIE } from './act.ts';
import type { FormActs } from '../forms/act.ts';

/**
 * Binds a pending sign-in to the browser that started it (its SHA-256 is kept with the
 * state). SameSite=Lax: the provider's redirect back is a top-level GET, which carries it.
 */
export const OIDC_BROWSER_COOKIE = '__Host-okence-oidc';
const BROWSER_COOKIE = {
  path: '/',
  secure: true,
  httpOnly: true,
  sameSite: 'lax',
  maxAge: REQUEST_TTL_MS / 1000,
} as const;

const params = z.object({ providerId: z.string().max(64) });
const loginQuery = z.object({
  loa: z.enum(['low', 'substantial', 'high']).optional().catch(undefined),
  return: z.string().max(1000).optional().catch(undefined),
  o: z.string().max(100).optional().catch(undefined),
});
const callbackQuery = z.object({
  state: z.string().max(200).optional(),
  code: z.string().max(4000).optional(),
  error: z.string().max(200).optional(),
  iss: z.string().max(500).optional(),
});

/** Status of a refusal page: an expired sign-in is the browser's to restart, the rest a bad answer. */
const STATUS: Partial<Record<OidcRefusal, number>> = { unreachable: 502, token_exchange: 502 };

/**
 * NIA's OpenID Connect sign-in (decision 031): `/auth/oidc/:providerId/login` (also
 * `/start`, which the sign-in page links to) redirects to the provider; the callback
 * verifies its answer and starts the citizen session, or shows why not. Signing out is
 * POST /account/sign-out, which ends the provider's session through eid/logout.ts
 * (front-channel end-session with client_id); the provider sends the browser back to
 * /account/signed-out.
 */
export function oidcRoutes(deps: {
  oidc: OidcSignIn;
  citizens: CitizensService;
  ways: SignInWays;
  /** Where an act's answer goes (decision 042). */
  acts: Pick<FormActs, 'finish' | 'refusedAtProvider'>;
}) {
  const { oidc, citizens } = deps;

  function providerOf(request: FastifyRequest): string {
    const { providerId } = params.parse(request.params);
    if (!oidc.provider(providerId)) throw new AppError('not_found');
    return providerId;
  }

  /** The cookie that binds a pending sign-in to this browser (kept, or made). */
  function browserOf(request: FastifyRequest, reply: FastifyReply): string {
    const browser = request.cookies[OIDC_BROWSER_COOKIE] ?? randomBytes(32).toString('base64url');
    reply.setCookie(OIDC_BROWSER_COOKIE, browser, BROWSER_COOKIE);
    return browser;
  }

  async function login(request: FastifyRequest, reply: FastifyReply) {
    const providerId = providerOf(request);
    const q = loginQuery.parse(request.query);
    const browser = browserOf(request, reply);
    try {
      const location = await oidc.start(providerId, {
        loa: q.loa,
        returnPath: q.return,
        organisationId: await citizens.signInOrganisation(q.o),
        browser,
        lang: request.lang,
      });
      return reply.redirect(location, 303);
    } catch (err) {
      if (!(err instanceof OidcRefused)) throw err;
      return refuse(request, reply, providerId, err);
    }
  }

  async function refuse(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    err: OidcRefused,
  ) {
    request.log.warn(
      { provider: id, reason: err.reason, detail: err.message },
      'oidc sign-in refused',
    );
    await oidc.refused(id, err);
    return renderPage(
      request,
      reply,
      (ctx) => refusalPage(ctx, err.reason),
      STATUS[err.reason] ?? 400,
    );
  }

  return async function (app: FastifyInstance) {
    app.get('/auth/oidc/:providerId/login', login);
    app.get('/auth/oidc/:providerId/start', login);

    // "Add another way" on the account page: a POST with the CSRF token of the signed-in
    // session; the request remembers the account and that session (decision 029 addendum).
    app.post('/auth/oidc/:providerId/link', LINK_LIMIT, async (request, reply) => {
      const providerId = providerOf(request);
      const link = await linkIntentOf(deps.ways, request, providerId);
      try {
        const location = await oidc.start(providerId, {
          loa: link.loa,
          returnPath: '/account',
          organisationId: null,
          browser: browserOf(request, reply),
          lang: request.lang,
          link,
        });
        return renderPage(request, reply, (ctx) => toProviderPage(ctx, location));
      } catch (err) {
        if (!(err instanceof OidcRefused)) throw err;
        return refuse(request, reply, providerId, err);
      }
    });

    app.get('/auth/oidc/:providerId/callback', async (request, reply) => {
      const providerId = providerOf(request);
      const q = callbackQuery.safeParse(request.query);
      try {
        const done = await oidc.finish(providerId, {
          ...(q.success ? q.data : {}),
          browser: request.cookies[OIDC_BROWSER_COOKIE],
          actBrowser: request.cookies[ACT_BROWSER_COOKIE],
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
        // A link's answer is attached to the account that asked (or refused); nobody is signed in.
        if (done.link)
          return reply.redirect(
            // Its callback is a top-level GET: the Lax session cookie comes with it.
            await finishLink(deps.ways, done.link, done.identity, sessionHashOf(request)),
            303,
          );
        await startCitizenSession(citizens, request, reply, done.identity, {
          organisationId: done.organisationId ?? undefined,
        });
        return reply.redirect(done.returnTo ?? '/account', 303);
      } catch (err) {
        if (!(err instanceof OidcRefused)) throw err;
        if (err.act) {
          await oidc.refused(providerId, err);
          const reason = err.reason === 'cancelled' ? 'cancelled' : 'answer';
          return reply.redirect(await deps.acts.refusedAtProvider(err.act.returnTo, reason), 303);
        }
        return refuse(request, reply, providerId, err);
      }
    });
  };
}
