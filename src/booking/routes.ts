import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { MessageKey } from '../i18n/i18n.ts';
import { renderPage, type PageContext } from '../http/page.ts';
import { AppError } from '../lib/errors.ts';
import type { TenantsService } from '../tenants/service.ts';
import type { FieldErrors } from '../views/form.ts';
import { HOST_COOKIE } from '../http/security.ts';
import type { CitizensService } from '../citizens/service.ts';
import type { BookingLifecycle, SignedInBooker } from './lifecycle.ts';
import {
  calendarQuery,
  codeForm,
  confirmForm,
  contactForm,
  holdParams,
  holdQuery,
  manageQuery,
  moveQuery,
  serviceParams,
  startInput,
  targetParams,
  tokenParams,
  typedCode,
  typedContact,
} from './schema.ts';
import type { BookingService, BookingTarget } from './service.ts';
import { bookingIntro, calendarPage, freeTimesByDay } from './views/calendar.ts';
import { maskEmail } from './domain.ts';
import { cancelPage, managePage, moveConfirmPage } from './views/manage.ts';
import {
  alreadyConfirmedPage,
  bookBase,
  chooseOfficePage,
  chosenFor,
  codePage,
  codeRefusedPage,
  contactHref,
  contactPage,
  messagePage,
  takenPage,
  timeChoices,
} from './views/steps.ts';

/** Marks the browser that placed a hold (booking/codes.ts holdCookie); it lives as long as a hold's details are kept for it. */
const HOLD_COOKIE = '__Host-okence-hold';

type Deps = {
  tenants: TenantsService;
  booking: BookingService;
  lifecycle: BookingLifecycle;
  /** The signed-in citizen's account, to fill the form in and book without a code. */
  citizens: Pick<CitizensService, 'account'>;
};

function fieldErrors(t: PageContext['t'], issues: z.core.$ZodIssue[]): Record<string, string> {
  return Object.fromEntries(issues.map((i) => [String(i.path[0]), t(i.message as MessageKey)]));
}

/** Citizen booking pages: calendar → contact → code → confirmation, and the manage and join links. */
export function bookingPages(deps: Deps) {
  const { tenants, booking, lifecycle, citizens } = deps;

  /** The calendar of `?month=&day=` (booking/calendar.ts calendarMonth decides what it shows). */
  async function renderCalendar(
    request: FastifyRequest,
    reply: FastifyReply,
    x: BookingTarget,
    baseUrl: string,
    hrefFor: (start: Date) => string,
    heading: string,
  ) {
    const { days, ...month } = await booking.calendar(x, calendarQuery.parse(request.query));
    const timeZone = x.office.timeZone;
    const freeByDay = freeTimesByDay(days, timeZone, hrefFor);
    return renderPage(request, reply, (ctx) =>
      calendarPage(ctx, {
        heading,
        intro: bookingIntro(ctx, x),
        baseUrl,
        ...month,
        freeByDay,
        timeZone,
      }),
    );
  }

  async function target(request: FastifyRequest): Promise<BookingTarget> {
    const p = targetParams.parse(request.params);
    const x = await tenants.bookingTarget(p.org, p.office, p.service);
    if (!x.service.byVideo) throw new AppError('not_found', 'service is not booked online');
    return x;
  }

  /** The hold this browser placed last (its signed cookie), or null. */
  const browserHold = (request: FastifyRequest) =>
    lifecycle.holdFromCookie(request.cookies[HOLD_COOKIE]);

  /**
   * What this browser typed for its last hold at this organisation: the form comes back filled.
   * Else, for a signed-in citizen, what their account holds (name, e-mail, phone).
   */
  async function typedBefore(
    request: FastifyRequest,
    x: BookingTarget,
  ): Promise<Record<string, string>> {
    const id = browserHold(request);
    const typed = id ? await lifecycle.typed(id) : null;
    if (typed && typed.organisationId === x.organisation.id)
      return { name: typed.name, email: typed.email, phone: typed.phone, notes: typed.notes };
    const account = request.citizen ? await citizens.account(request.citizen.accountId) : null;
    if (!account) return {};
    const name = [account.givenName, account.familyName].filter(Boolean).join(' ');
    return { name, email: account.email ?? '', phone: account.phone ?? '' };
  }

  /** The signed-in citizen booking (any level: booking asks for `low`), or null. */
  async function booker(request: FastifyRequest): Promise<SignedInBooker | null> {
    const account = request.citizen ? await citizens.account(request.citizen.accountId) : null;
    if (!account) return null;
    return { accountId: account.id, verifiedEmail: account.emailVerified ? account.email : null };
  }

  /** The code page of a live hold; the address is whole only for the browser that placed it. */
  function renderCode(
    request: FastifyRequest,
    reply: FastifyReply,
    h: { id: string; email: string },
    more: Omit<Parameters<typeof codePage>[1], 'holdId' | 'email' | 'errors'> & {
      errors?: FieldErrors;
    },
    status = 200,
  ) {
    const email = browserHold(request) === h.id ? h.email : maskEmail(h.email);
    return renderPage(
      request,
      reply,
      (ctx) => codePage(ctx, { holdId: h.id, email, errors: {}, ...more }),
      status,
    );
  }

  /** The contact form for `start` (again, with errors and a status, when a post is refused). */
  function renderContact(
    request: FastifyRequest,
    reply: FastifyReply,
    x: BookingTarget,
    start: Date,
    form: Pick<Parameters<typeof contactPage>[1], 'values' | 'errors' | 'alternatives'>,
    status = 200,
  ) {
    return renderPage(
      request,
      reply,
      (ctx) =>
        contactPage(ctx, {
          chosen: chosenFor(ctx, x, start),
          action: `${bookBase(x)}/contact`,
          privacyHref: `/o/${x.organisation.slug}/privacy`,
          ...form,
        }),
      status,
    );
  }

  /** A time taken meanwhile (409: a race) or never bookable (422): say which, with the nearest free times. */
  async function renderTaken(
    request: FastifyRequest,
    reply: FastifyReply,
    x: BookingTarget,
    start: Date,
    why: 'taken' | 'not_bookable',
    hrefFor = contactHref(x),
  ) {
    const nearest = await booking.nearestFree(x, start, 6);
    return renderPage(
      request,
      reply,
      (ctx) =>
        takenPage(ctx, {
          why,
          alternatives: timeChoices(ctx.lang, nearest, x.office.timeZone, hrefFor),
          calendarHref: bookBase(x),
        }),
      why === 'taken' ? 409 : 422,
    );
  }

  /** The manage page a fresh confirmation lands on. */
  const manageAfter = (b: { manageUrl: string }) =>
    `/m/${b.manageUrl.split('/m/')[1] ?? ''}?confirmed=1`;

  const notActive = (request: FastifyRequest, reply: FastifyReply) =>
    renderPage(request, reply, (ctx) => messagePage(ctx.t('book.not_active'), []), 409);
  const expired = (request: FastifyRequest, reply: FastifyReply) =>
    renderPage(request, reply, (ctx) => messagePage(ctx.t('book.error.expired'), []), 410);

  return async (app: FastifyInstance) => {
    app.get('/o/:org/s/:service/book', async (request, reply) => {
      const p = serviceParams.parse(request.params);
      const data = await tenants.getService(p.org, p.service);
      const base = `/o/${p.org}/s/${p.service}/book`;
      if (data.serviceOffices.length === 1)
        return reply.redirect(`${base}/${data.serviceOffices[0]!.slug}`, 303);
      return renderPage(request, reply, (ctx) =>
        chooseOfficePage(ctx, {
          offices: data.serviceOffices,
          base,
          fallback: data.organisation.defaultLanguage,
        }),
      );
    });

    app.get('/o/:org/s/:service/book/:office', async (request, reply) => {
      const x = await target(request);
      return renderCalendar(
        request,
        reply,
        x,
        bookBase(x),
        contactHref(x),
        request.t('book.title'),
      );
    });

    app.get('/o/:org/s/:service/book/:office/contact', async (request, reply) => {
      const x = await target(request);
      const { start } = startInput.parse(request.query);
      const typed = await typedBefore(request, x);
      return renderContact(request, reply, x, start, {
        values: { ...typed, start: start.toISOString() },
        errors: {},
      });
    });

    app.post(
      '/o/:org/s/:service/book/:office/contact',
      { config: { rateLimit: { max: 20, timeWindow: 60_000 } } },
      async (request, reply) => {
        const x = await target(request);
        const { start } = startInput.parse(request.body ?? {});
        const values = { ...typedContact.parse(request.body ?? {}), start: start.toISOString() };
        const form = contactForm.safeParse(request.body ?? {});
        if (!form.success) {
          const errors = fieldErrors(request.t, form.error.issues);
          return renderContact(request, reply, x, start, { values, errors }, 400);
        }
        const result = await lifecycle.createHold(x, start, form.data, {
          lang: request.lang,
          ip: request.ip,
          replaces: browserHold(request),
          account: await booker(request),
        });
        // Signed in with this verified address: confirmed without a code.
        if (result.ok && result.confirmed)
          return reply.redirect(manageAfter(result.confirmed), 303);
        if (result.ok) {
          reply.setCookie(HOLD_COOKIE, lifecycle.holdCookie(result.holdId), {
            ...HOST_COOKIE,
            maxAge: 3600,
          });
          return reply.redirect(`/h/${result.holdId}`, 303);
        }
        if (result.reason === 'limited') {
          const errors = { email: request.t('book.error.limited') };
          return renderContact(request, reply, x, start, { values, errors }, 429);
        }
        if (result.reason === 'not_bookable') {
          // Never a slot: the form comes back (what was typed kept) with the nearest free times.
          const nearest = await booking.nearestFree(x, start, 6);
          const alternatives = timeChoices(
            request.lang,
            nearest,
            x.office.timeZone,
            contactHref(x),
          );
          const errors = { start: request.t('error.time_not_bookable.title') };
          return renderContact(request, reply, x, start, { values, errors, alternatives }, 422);
        }
        return renderTaken(request, reply, x, start, 'taken');
      },
    );

    app.get('/h/:hold', async (request, reply) => {
      const { hold } = holdParams.parse(request.params);
      const h = await lifecycle.hold(hold);
      if (!h) throw new AppError('not_found');
      if (h.state === 'confirmed') return renderPage(request, reply, alreadyConfirmedPage);
      if (!h.live) return expired(request, reply);
      const { resent } = holdQuery.parse(request.query);
      return renderCode(request, reply, h, {
        notice: resent ? request.t('book.resent') : undefined,
      });
    });

    // "Wrong address? Change it" and "back": the contact form again, filled from the hold. Only
    // the browser that placed the hold gives it up (anyone else holding the URL just gets the
    // form), so the time is not blocked by the citizen's own abandoned hold.
    app.post('/h/:hold/change', async (request, reply) => {
      const { hold } = holdParams.parse(request.params);
      const h = await lifecycle.hold(hold);
      if (!h) throw new AppError('not_found');
      if (browserHold(request) === hold) await lifecycle.releaseHold(hold);
      return reply.redirect(contactHref(h.target)(h.start), 303);
    });

    app.post(
      '/h/:hold/confirm',
      { config: { rateLimit: { max: 20, timeWindow: 60_000 } } },
      async (request, reply) => {
        const { hold } = holdParams.parse(request.params);
        const h = await lifecycle.hold(hold);
        if (!h) throw new AppError('not_found');
        const form = codeForm.safeParse(request.body ?? {});
        if (!form.success) {
          const errors = fieldErrors(request.t, form.error.issues);
          const { code } = typedCode.parse(request.body ?? {});
          return renderCode(request, reply, h, { errors, value: code }, 400);
        }
        const result = await lifecycle.confirmWithCode(hold, form.data.code);
        if (result.ok) return reply.redirect(manageAfter(result.booking), 303);
        // A double submit by the citizen lands here: a page that says so, never the links.
        if (result.reason === 'already_confirmed')
          return renderPage(request, reply, alreadyConfirmedPage);
        if (result.reason === 'wrong_code') {
          const left = 'attemptsLeft' in result ? result.attemptsLeft : 0;
          const errors = { code: request.t('book.error.code', { left: left ?? 0 }) };
          return renderCode(request, reply, h, { errors }, 422);
        }
        const confirmed = h.state === 'confirmed';
        const locked: MessageKey = confirmed ? 'book.error.locked_confirmed' : 'book.error.locked';
        const key: MessageKey = result.reason === 'locked' ? locked : 'book.error.expired';
        const back = bookBase(h.target);
        const status = result.reason === 'locked' ? 429 : 410;
        return renderPage(request, reply, (ctx) => codeRefusedPage(ctx, key, back), status);
      },
    );

    app.post(
      '/h/:hold/resend',
      { config: { rateLimit: { max: 10, timeWindow: 60_000 } } },
      async (request, reply) => {
        const { hold } = holdParams.parse(request.params);
        const h = await lifecycle.hold(hold);
        if (!h) throw new AppError('not_found');
        const result = await lifecycle.resendCode(hold);
        if (result.ok) return reply.redirect(`/h/${hold}?resent=1`, 303);
        if (result.reason !== 'too_soon' && result.reason !== 'too_many')
          return expired(request, reply);
        // Not a mistake to correct: the code already sent still works. A neutral notice that
        // says when a new one can be asked for, not an error on the code field.
        const seconds = result.retryAfterSeconds ?? 30;
        if (result.reason === 'too_soon') reply.header('retry-after', String(seconds));
        const notice =
          result.reason === 'too_soon'
            ? request.t('book.resend_wait', { seconds })
            : request.t('book.error.resend_too_many');
        return renderCode(request, reply, h, { notice }, 429);
      },
    );

    app.get('/m/:token', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const m = await lifecycle.manage(token);
      if (!m) throw new AppError('not_found');
      const q = manageQuery.parse(request.query);
      const notice = q.cancelled
        ? request.t('book.cancelled')
        : q.moved
          ? request.t('book.moved')
          : undefined;
      return renderPage(request, reply, (ctx) =>
        managePage(ctx, { ...m, token, notice, confirmed: q.confirmed }),
      );
    });

    app.get('/m/:token/invite.ics', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const b = await lifecycle.byToken('manage', token);
      if (!b) throw new AppError('not_found');
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="okence.ics"')
        .header('cache-control', 'no-store')
        .send(lifecycle.invite(b));
    });

    app.get('/m/:token/cancel', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const m = await lifecycle.manage(token);
      if (!m) throw new AppError('not_found');
      if (!m.actions.citizenCancel) return notActive(request, reply);
      return renderPage(request, reply, (ctx) => cancelPage(ctx, { booking: m.booking, token }));
    });

    app.post('/m/:token/cancel', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      // Only the confirmation page's "Yes" cancels; any other post (a page from before the
      // confirmation step, a stray form) is asked first.
      if (!confirmForm.safeParse(request.body).success)
        return reply.redirect(`/m/${token}/cancel`, 303);
      const result = await lifecycle.cancelByToken(token);
      if (result.ok) return reply.redirect(`/m/${token}?cancelled=1`, 303);
      if (result.reason === 'not_found') throw new AppError('not_found');
      return notActive(request, reply);
    });

    app.get('/m/:token/move', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const m = await lifecycle.manage(token);
      if (!m) throw new AppError('not_found');
      if (!m.actions.citizenMove) return notActive(request, reply);
      const x = m.booking.target;
      const { start } = moveQuery.parse(request.query);
      if (start) {
        const timeZone = x.office.timeZone;
        return renderPage(request, reply, (ctx) =>
          moveConfirmPage(ctx, { token, start, timeZone }),
        );
      }
      const base = `/m/${token}/move`;
      const hrefFor = (s: Date) => `${base}?start=${encodeURIComponent(s.toISOString())}`;
      return renderCalendar(request, reply, x, base, hrefFor, request.t('book.move_title'));
    });

    app.post('/m/:token/move', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const { start } = startInput.parse(request.body ?? {});
      const result = await lifecycle.rescheduleByToken(token, start);
      if (result.ok) return reply.redirect(`/m/${token}?moved=1`, 303);
      if (result.reason === 'not_found') throw new AppError('not_found');
      if (result.reason === 'not_active') return notActive(request, reply);
      const b = await lifecycle.byToken('manage', token);
      if (!b) throw new AppError('not_found');
      const hrefFor = (s: Date) => `/m/${token}/move?start=${encodeURIComponent(s.toISOString())}`;
      return renderTaken(request, reply, b.target, start, result.reason, hrefFor);
    });
  };
}
