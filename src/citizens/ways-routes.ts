// The ways to sign in (decision 029 addendum): an address added by a mailed code, a way removed
// after a confirmation, and the page a refused link ends on. An eID is added through its
// protocol's link route (src/eid), which the section's buttons post to. Every page and form
// that changes the account needs its level (accountForChange) and acts on its own ways only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CODE_TTL_MINUTES } from '../booking/codes.ts';
import { CITIZEN_COOKIE } from '../http/citizen-session.ts';
import { renderPage } from '../http/page.ts';
import { AppError } from '../lib/errors.ts';
import { accountForChange } from './account-routes.ts';
import { emailAddress, sixDigits } from './schema.ts';
import type { CitizensService } from './service.ts';
import type { LinkRefusal } from './ways-domain.ts';
import { refusedQuery, wayCodeForm, wayCodeQuery, wayEmailForm, wayParams } from './ways-schema.ts';
import type { SignInWays } from './ways.ts';
import {
  emailWayCodePage,
  emailWayPage,
  linkRefusedPage,
  removeWayPage,
  type ProviderName,
} from './views/ways.ts';

/** What the code page says when a code is refused, and with which status. */
const CODE_REFUSALS = {
  format: { key: 'citizens.code.format', status: 400 },
  wrong: { key: 'citizens.code.wrong', status: 400 },
  locked: { key: 'citizens.code.locked', status: 410 },
  expired: { key: 'citizens.code.expired', status: 410 },
  gone: { key: 'citizens.code.expired', status: 410 },
} as const;

/** A refused link: another account's identity is a conflict, a foreign session forbidden. */
const REFUSAL_STATUS: Record<LinkRefusal, number> = {
  owned: 409,
  provider_taken: 409,
  session: 403,
};

/** The session's token: accountForChange has checked that there is a live one. */
const tokenOf = (request: FastifyRequest) => request.cookies[CITIZEN_COOKIE] ?? '';

const wayIdOf = (request: FastifyRequest) => {
  const p = wayParams.safeParse(request.params);
  if (!p.success) throw new AppError('not_found', 'no such way to sign in');
  return p.data.wayId;
};

/** GET and POST /account/ways/email(/code), /account/ways/{id}/remove; GET /account/ways/refused. */
export function waysRoutes(deps: {
  citizens: Pick<CitizensService, 'account'>;
  ways: SignInWays;
  providerName: ProviderName;
}) {
  const { citizens, ways, providerName } = deps;

  const emailAgain = (
    request: FastifyRequest,
    reply: FastifyReply,
    email: string,
    message: string,
    status: number,
  ) =>
    renderPage(
      request,
      reply,
      (ctx) => emailWayPage(ctx, { email, errors: { email: message } }),
      status,
    );

  const refused = (request: FastifyRequest, reply: FastifyReply, reason: LinkRefusal) =>
    renderPage(request, reply, (ctx) => linkRefusedPage(ctx, reason), REFUSAL_STATUS[reason]);

  /** An address the account may add: the e-mail code is one of the ways it lacks. */
  async function emailAddable(accountId: string) {
    const { addable } = await ways.overview(accountId);
    if (!addable.some((p) => p.protocol === 'email'))
      throw new AppError('not_found', 'the account has an e-mail way already');
  }

  return async (app: FastifyInstance) => {
    app.get('/account/ways/email', async (request, reply) => {
      const account = await accountForChange(citizens, request);
      await emailAddable(account.id);
      return renderPage(request, reply, (ctx) => emailWayPage(ctx, { email: '', errors: {} }));
    });

    app.post(
      '/account/ways/email',
      { config: { rateLimit: { max: 10, timeWindow: 60_000 } } },
      async (request, reply) => {
        const account = await accountForChange(citizens, request);
        const form = wayEmailForm.parse(request.body ?? {});
        const address = emailAddress.safeParse(form.email);
        if (!address.success)
          return emailAgain(request, reply, form.email, request.t('citizens.email.invalid'), 400);
        const result = await ways.requestEmail({
          accountId: account.id,
          token: tokenOf(request),
          email: address.data,
          ip: request.ip,
          lang: request.lang,
        });
        if (!result.ok) {
          reply.header('retry-after', result.retryAfterSeconds);
          const minutes = Math.ceil(result.retryAfterSeconds / 60);
          const message = request.t('citizens.email.throttled', { minutes });
          return emailAgain(request, reply, form.email, message, 429);
        }
        return reply.redirect(`/account/ways/email/code?pending=${result.codeId}`, 303);
      },
    );

    app.get('/account/ways/email/code', async (request, reply) => {
      const account = await accountForChange(citizens, request);
      const { pending } = wayCodeQuery.parse(request.query ?? {});
      const code = pending ? await ways.pendingEmail(account.id, pending) : null;
      if (!code) return reply.redirect('/account/ways/email', 303);
      return renderPage(request, reply, (ctx) =>
        emailWayCodePage(ctx, {
          pending: code.id,
          email: code.email,
          minutes: CODE_TTL_MINUTES,
          errors: {},
        }),
      );
    });

    app.post(
      '/account/ways/email/code',
      { config: { rateLimit: { max: 20, timeWindow: 60_000 } } },
      async (request, reply) => {
        const account = await accountForChange(citizens, request);
        const form = wayCodeForm.parse(request.body ?? {});
        const code = form.pending ? await ways.pendingEmail(account.id, form.pending) : null;
        if (!code) return reply.redirect('/account/ways/email', 303);
        const check = sixDigits.safeParse(form.code).success
          ? await ways.confirmEmail(account.id, tokenOf(request), code.id, form.code)
          : ({ ok: false, reason: 'format' } as const);
        if (check.ok) return reply.redirect('/account?saved=way_added#account-ways', 303);
        if (check.reason in REFUSAL_STATUS)
          return refused(request, reply, check.reason as LinkRefusal);
        const { key, status } = CODE_REFUSALS[check.reason as keyof typeof CODE_REFUSALS];
        return renderPage(
          request,
          reply,
          (ctx) =>
            emailWayCodePage(ctx, {
              pending: code.id,
              email: code.email,
              minutes: CODE_TTL_MINUTES,
              errors: { code: ctx.t(key) },
            }),
          status,
        );
      },
    );

    app.get('/account/ways/:wayId/remove', async (request, reply) => {
      const account = await accountForChange(citizens, request);
      const way = await ways.way(account.id, wayIdOf(request));
      return renderPage(
        request,
        reply,
        (ctx) => removeWayPage(ctx, providerName, way),
        way.removable ? 200 : 409,
      );
    });

    app.post('/account/ways/:wayId/remove', async (request, reply) => {
      const account = await accountForChange(citizens, request);
      const wayId = wayIdOf(request);
      if (await ways.remove(account.id, wayId))
        return reply.redirect('/account?saved=way_removed#account-ways', 303);
      const way = await ways.way(account.id, wayId);
      return renderPage(request, reply, (ctx) => removeWayPage(ctx, providerName, way), 409);
    });

    // Where an eID's refused link answer lands (eid routes): no session needed, it may be gone.
    app.get('/account/ways/refused', async (request, reply) => {
      const { reason } = refusedQuery.parse(request.query ?? {});
      return refused(request, reply, reason);
    });
  };
}
