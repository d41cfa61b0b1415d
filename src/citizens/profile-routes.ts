// The profile's changes (issue 16, decision 032): the phone number, and the e-mail address
// verified by a code mailed to it. Each page and form needs the account's level (accountForChange).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderPage } from '../http/page.ts';
import { CODE_TTL_MINUTES } from '../booking/codes.ts';
import type { PersonalAccount } from './account.ts';
import { accountForChange } from './account-routes.ts';
import type { EmailChange } from './profile.ts';
import {
  emailCodeForm,
  emailCodeQuery,
  newEmailForm,
  phoneForm,
  typedPhone,
} from './profile-schema.ts';
import { emailAddress, sixDigits } from './schema.ts';
import type { CitizensService } from './service.ts';
import { emailCodePage, newEmailPage, phonePage } from './views/profile.ts';

/** What the code page says when a code is refused, and with which status. */
const CODE_REFUSALS = {
  format: { key: 'citizens.code.format', status: 400 },
  wrong: { key: 'citizens.code.wrong', status: 400 },
  locked: { key: 'citizens.code.locked', status: 410 },
  expired: { key: 'citizens.code.expired', status: 410 },
  // A used code, or a change that is not this account's: to the citizen, as good as expired.
  gone: { key: 'citizens.code.expired', status: 410 },
} as const;

/** The new address is another account's e-mail sign-in (told only once the code proved the mailbox). */
const TAKEN = 'citizens.change_email.taken';

/** Where a saved change lands: the account page's profile, with a notice. */
const savedTo = (reply: FastifyReply, notice: string) =>
  reply.redirect(`/account?saved=${notice}#account-profile`, 303);

/** GET and POST /account/phone, /account/email and /account/email/code. */
export function profileRoutes(deps: {
  citizens: Pick<CitizensService, 'account'>;
  account: PersonalAccount;
  emailChange: EmailChange;
}) {
  const { citizens, emailChange } = deps;
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
      (ctx) => newEmailPage(ctx, { email, errors: { email: message } }),
      status,
    );

  /**
   * A refused code: the code page again with why; or, when there is no code left to enter
   * (the address is another account's, or nothing is pending), the address page.
   */
  const codeRefused = (
    request: FastifyRequest,
    reply: FastifyReply,
    reason: keyof typeof CODE_REFUSALS | 'taken',
    pending: { id: string; email: string } | null,
  ) => {
    if (reason === 'taken')
      return emailAgain(request, reply, pending?.email ?? '', request.t(TAKEN), 409);
    // No change of this account waits under that id: used, or never its own.
    if (!pending) return emailAgain(request, reply, '', request.t(CODE_REFUSALS.gone.key), 410);
    const { key, status } = CODE_REFUSALS[reason];
    return renderPage(
      request,
      reply,
      (ctx) =>
        emailCodePage(ctx, {
          change: pending.id,
          email: pending.email,
          minutes: CODE_TTL_MINUTES,
          errors: { code: ctx.t(key) },
        }),
      status,
    );
  };

  return async (app: FastifyInstance) => {
    app.get('/account/phone', async (request, reply) => {
      const account = await accountForChange(citizens, request);
      return renderPage(request, reply, (ctx) =>
        phonePage(ctx, { phone: account.phone ?? '', current: account.phone, errors: {} }),
      );
    });

    app.post(
      '/account/phone',
      { config: { rateLimit: { max: 20, timeWindow: 60_000 } } },
      async (request, reply) => {
        const account = await accountForChange(citizens, request);
        const form = phoneForm.safeParse(request.body ?? {});
        if (!form.success)
          return renderPage(
            request,
            reply,
            (ctx) =>
              phonePage(ctx, {
                phone: typedPhone.parse(request.body ?? {}).phone,
                current: account.phone,
                errors: { phone: ctx.t('citizens.phone.invalid') },
              }),
            400,
          );
        await deps.account.setPhone(account.id, form.data.phone);
        return savedTo(reply, form.data.phone ? 'phone' : 'phone_removed');
      },
    );

    app.get('/account/email', async (request, reply) => {
      const account = await accountForChange(citizens, request);
      // An address the eID gave but nobody has verified is offered for verifying as it is.
      const email = account.email && !account.emailVerified ? account.email : '';
      return renderPage(request, reply, (ctx) => newEmailPage(ctx, { email, errors: {} }));
    });

    app.post(
      '/account/email',
      { config: { rateLimit: { max: 10, timeWindow: 60_000 } } },
      async (request, reply) => {
        const account = await accountForChange(citizens, request);
        const form = newEmailForm.parse(request.body ?? {});
        const address = emailAddress.safeParse(form.email);
        if (!address.success)
          return emailAgain(request, reply, form.email, request.t('citizens.email.invalid'), 400);
        const result = await emailChange.request({
          accountId: account.id,
          email: address.data,
          ip: request.ip,
          lang: request.lang,
        });
        if (!result.ok && result.reason === 'same')
          return emailAgain(
            request,
            reply,
            form.email,
            request.t('citizens.change_email.same'),
            400,
          );
        if (!result.ok) {
          reply.header('retry-after', result.retryAfterSeconds);
          const minutes = Math.ceil(result.retryAfterSeconds / 60);
          const message = request.t('citizens.email.throttled', { minutes });
          return emailAgain(request, reply, form.email, message, 429);
        }
        return reply.redirect(`/account/email/code?change=${result.changeId}`, 303);
      },
    );

    app.get('/account/email/code', async (request, reply) => {
      const account = await accountForChange(citizens, request);
      const { change } = emailCodeQuery.parse(request.query ?? {});
      const pending = change ? await emailChange.pending(account.id, change) : null;
      if (!pending) return reply.redirect('/account/email', 303);
      return renderPage(request, reply, (ctx) =>
        emailCodePage(ctx, {
          change: pending.id,
          email: pending.email,
          minutes: CODE_TTL_MINUTES,
          errors: {},
        }),
      );
    });

    app.post(
      '/account/email/code',
      { config: { rateLimit: { max: 20, timeWindow: 60_000 } } },
      async (request, reply) => {
        const account = await accountForChange(citizens, request);
        const form = emailCodeForm.parse(request.body ?? {});
        const pending = form.change ? await emailChange.pending(account.id, form.change) : null;
        const check =
          form.change && sixDigits.safeParse(form.code).success
            ? await emailChange.confirm(account.id, form.change, form.code)
            : ({ ok: false, reason: 'format' } as const);
        if (check.ok) return savedTo(reply, 'email');
        return codeRefused(request, reply, check.reason, pending);
      },
    );
  };
}
