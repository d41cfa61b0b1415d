import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageContext, renderPage } from '../http/page.ts';
import { HOST_COOKIE } from '../http/security.ts';
import { requireStaff } from '../http/session.ts';
import { endCitizenSession, requireCitizen, startCitizenSession } from '../http/citizen-session.ts';
import { CODE_TTL_MINUTES } from '../booking/codes.ts';
import type { TenantsService } from '../tenants/service.ts';
import { AppError } from '../lib/errors.ts';
import type { EmailSignIn } from './email-sign-in.ts';
import type { EidProviderSettings } from './providers.ts';
import {
  carried,
  carriedQuery,
  codeForm,
  emailAddress,
  emailForm,
  providersForm,
  savedQuery,
  signedOutQuery,
  signInQuery,
  sixDigits,
  type Carried,
  type SignInQuery,
} from './schema.ts';
import { organisationSlugOfPath } from './domain.ts';
import { savedNotice } from './profile-schema.ts';
import type { AccountSections } from './sections.ts';
import {
  SIGNED_OUT_PATH,
  type CitizensService,
  type ProviderLogout,
  type ProviderLogoutStep,
} from './service.ts';
import { accountPage } from './views/account.ts';
import { providersAdminPage } from './views/admin.ts';
import { codePage, emailPage, signInPage } from './views/sign-in.ts';
import { leavingPage, signedOutPage } from './views/signed-out.ts';

/** The browser's pending e-mail code: the request's id, signed, for ten minutes. */
const CODE_COOKIE = '__Host-okence-citizen-code';

/** What the code page says when a code is refused, and with which status. */
const CODE_REFUSALS = {
  format: { key: 'citizens.code.format', status: 400 },
  wrong: { key: 'citizens.code.wrong', status: 400 },
  locked: { key: 'citizens.code.locked', status: 410 },
  expired: { key: 'citizens.code.expired', status: 410 },
  // A used code: to the citizen, as good as expired.
  gone: { key: 'citizens.code.expired', status: 410 },
} as const;

export type CitizenRoutesDeps = {
  citizens: CitizensService;
  email: EmailSignIn;
  providers: EidProviderSettings;
  tenants: TenantsService;
  sections: AccountSections;
  /** The provider's own logout after ours (eid/logout.ts, given by services.ts). */
  providerLogout: ProviderLogoutStep;
};

/** The organisation a sign-in names (`?o=`), or none; an unknown one is a 404. */
async function organisationOf(tenants: TenantsService, slug: string | undefined) {
  return slug ? (await tenants.getOrganisation(slug)).organisation : null;
}

/**
 * The organisation the sign-in page is for: the one it names (`?o=`, an unknown one is a 404),
 * or else the one whose page it returns to (a page that asked the citizen to sign in; one
 * unknown or suspended there is none), so that the providers' links carry it and the sign-in
 * counts in its statistics.
 */
async function signInPageOrganisation(tenants: TenantsService, q: SignInQuery) {
  if (q.o) return organisationOf(tenants, q.o);
  const slug = organisationSlugOfPath(q.return);
  try {
    return await organisationOf(tenants, slug);
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
}

/** Citizens' sign-in (providers, e-mail code), sign-out, the account page and the admin's switches. */
export function citizenRoutes(deps: CitizenRoutesDeps) {
  const { citizens, email, providers, tenants } = deps;

  const pendingCode = (request: FastifyRequest): string | null => {
    const raw = request.cookies[CODE_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : null;
    return unsigned?.valid && unsigned.value ? unsigned.value : null;
  };
  const goToCode = (reply: FastifyReply, c: Carried) =>
    reply.redirect(`/account/sign-in/email/code${carriedQuery(c)}`, 303);

  /** After our session ended: the provider's logout address, or a path of the signed-out page. */
  async function afterSignOut(
    request: FastifyRequest,
    ended: ProviderLogout | null,
  ): Promise<{ page: string } | { provider: string }> {
    if (!ended) return { page: SIGNED_OUT_PATH };
    try {
      const provider = await deps.providerLogout(ended);
      return provider ? { provider } : { page: SIGNED_OUT_PATH };
    } catch (err) {
      // Our session is over whatever happens here; the page says the provider's may not be.
      request.log.warn({ err, provider: ended.providerId }, 'provider logout unavailable');
      return { page: `${SIGNED_OUT_PATH}?provider=open` };
    }
  }

  return async (app: FastifyInstance) => {
    app.get('/account/sign-in', async (request, reply) => {
      const q = signInQuery.parse(request.query ?? {});
      const organisation = await signInPageOrganisation(tenants, q);
      const offered = await providers.offered(organisation?.id ?? null);
      return renderPage(request, reply, (ctx) =>
        signInPage(ctx, {
          carried: { ...q, o: organisation?.slug },
          organisation: organisation?.name ?? null,
          providers: offered,
          signedOut: q.signed_out === true,
          // Signed in already, but below the level this page was asked for.
          stepUp: request.citizen !== null && q.loa !== undefined,
        }),
      );
    });

    app.get('/account/sign-in/email', async (request, reply) => {
      const c = carried.parse(request.query ?? {});
      return renderPage(request, reply, (ctx) =>
        emailPage(ctx, { carried: c, email: '', errors: {} }),
      );
    });

    app.post(
      '/account/sign-in/email',
      { config: { rateLimit: { max: 10, timeWindow: 60_000 } } },
      async (request, reply) => {
        const form = emailForm.parse(request.body ?? {});
        const address = emailAddress.safeParse(form.email);
        const again = (message: string, status: number) =>
          renderPage(
            request,
            reply,
            (ctx) =>
              emailPage(ctx, { carried: form, email: form.email, errors: { email: message } }),
            status,
          );
        if (!address.success) return again(request.t('citizens.email.invalid'), 400);
        const organisation = await organisationOf(tenants, form.o);
        const result = await email.requestCode({
          email: address.data,
          organisationId: organisation?.id ?? null,
          ip: request.ip,
          lang: request.lang,
        });
        if (!result.ok) {
          reply.header('retry-after', result.retryAfterSeconds);
          const minutes = Math.ceil(result.retryAfterSeconds / 60);
          return again(request.t('citizens.email.throttled', { minutes }), 429);
        }
        reply.setCookie(CODE_COOKIE, result.challengeId, {
          ...HOST_COOKIE,
          signed: true,
          maxAge: CODE_TTL_MINUTES * 60,
        });
        return goToCode(reply, form);
      },
    );

    app.get('/account/sign-in/email/code', async (request, reply) => {
      const c = carried.parse(request.query ?? {});
      const id = pendingCode(request);
      const pending = id ? await email.pending(id) : null;
      if (!pending) return reply.redirect(`/account/sign-in/email${carriedQuery(c)}`, 303);
      return renderPage(request, reply, (ctx) =>
        codePage(ctx, { carried: c, email: pending.email, minutes: CODE_TTL_MINUTES, errors: {} }),
      );
    });

    app.post(
      '/account/sign-in/email/code',
      { config: { rateLimit: { max: 20, timeWindow: 60_000 } } },
      async (request, reply) => {
        const form = codeForm.parse(request.body ?? {});
        const id = pendingCode(request);
        const pending = id ? await email.pending(id) : null;
        if (!id || !pending)
          return reply.redirect(`/account/sign-in/email${carriedQuery(form)}`, 303);
        const check = sixDigits.safeParse(form.code).success
          ? await email.checkCode(id, form.code)
          : ({ ok: false, reason: 'format' } as const);
        if (!check.ok) {
          const { key, status } = CODE_REFUSALS[check.reason];
          return renderPage(
            request,
            reply,
            (ctx) =>
              codePage(ctx, {
                carried: form,
                email: pending.email,
                minutes: CODE_TTL_MINUTES,
                errors: {
                  code: ctx.t(key),
                },
              }),
            status,
          );
        }
        await startCitizenSession(citizens, request, reply, check.identity, {
          organisationId: check.organisationId ?? undefined,
        });
        reply.clearCookie(CODE_COOKIE, HOST_COOKIE);
        return reply.redirect(form.return ?? '/account', 303);
      },
    );

    // The one sign-out (CSRF-checked like every form post): ends our session at once, then
    // sends the browser to the provider's logout, which comes back to the signed-out page.
    app.post('/account/sign-out', async (request, reply) => {
      const ended = await endCitizenSession(citizens, request, reply);
      const next = await afterSignOut(request, ended);
      if ('page' in next) return reply.redirect(next.page, 303);
      return renderPage(request, reply, (ctx) => leavingPage(ctx, next.provider));
    });

    app.get(SIGNED_OUT_PATH, async (request, reply) => {
      const q = signedOutQuery.parse(request.query ?? {});
      return renderPage(request, reply, (ctx) =>
        signedOutPage(ctx, { providerOpen: q.provider === 'open' }),
      );
    });

    app.get('/account', async (request, reply) => {
      const citizen = requireCitizen(request, 'low');
      const account = await citizens.account(citizen.accountId);
      // The account was deleted while this session was open: it ends here.
      if (!account) {
        await endCitizenSession(citizens, request, reply);
        throw new AppError('unauthenticated', 'account deleted', undefined, {
          signIn: '/account/sign-in',
        });
      }
      // Sections may load what they show, so they render before the page around them.
      const sections = await deps.sections.render({
        account,
        citizen,
        ctx: pageContext(request, reply),
      });
      const { saved } = savedNotice.parse(request.query ?? {});
      return renderPage(request, reply, (ctx) => accountPage(ctx, sections, saved));
    });

    app.get('/staff/admin/sign-in', async (request, reply) => {
      const list = await providers.forAdmin(requireStaff(request));
      const { saved } = savedQuery.parse(request.query ?? {});
      return renderPage(request, reply, (ctx) =>
        providersAdminPage(ctx, { providers: list, saved: saved === true }),
      );
    });

    app.post('/staff/admin/sign-in', async (request, reply) => {
      const staff = requireStaff(request);
      const form = providersForm.parse(request.body ?? {});
      await providers.update(staff, form.provider);
      return reply.redirect('/staff/admin/sign-in?saved=1', 303);
    });
  };
}
