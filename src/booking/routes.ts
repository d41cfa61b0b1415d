import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { localize, type MessageKey } from '../i18n/i18n.ts';
import { renderPage, type PageContext } from '../http/page.ts';
import { AppError } from '../lib/errors.ts';
import type { Clock } from '../lib/clock.ts';
import type { TenantsService } from '../tenants/service.ts';
import { html } from '../views/html.ts';
import { csrfField } from '../views/layout.ts';
import type { FieldErrors } from '../views/form.ts';
import { HOST_COOKIE } from '../http/security.ts';
import { formatWhen, dayName, whenPhrase } from '../views/dates.ts';
import type { BookingLifecycle } from './lifecycle.ts';
import { codeForm, contactForm, dayParam, instant, monthParam } from './schema.ts';
import type { BookingService, BookingTarget } from './service.ts';
import { addDays } from '../lib/calendar.ts';
import { localParts } from '../lib/zoned-time.ts';
import { calendarPage } from './views/calendar.ts';
import { maskEmail } from './domain.ts';
import { cancelPage, managePage } from './views/manage.ts';
import {
  alreadyConfirmedPage,
  codePage,
  contactPage,
  messagePage,
  takenPage,
} from './views/steps.ts';

const targetParams = z.object({
  org: z.string().max(80),
  service: z.string().max(80),
  office: z.string().max(80),
});
const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
const holdParams = z.object({ hold: z.uuid() });
const confirmForm = z.object({ confirm: z.literal('yes') });
/** Marks the browser that placed a hold (booking/codes.ts holdCookie); it lives as long as a hold's details are kept for it. */
const HOLD_COOKIE = '__Host-okence-hold';

type Deps = {
  tenants: TenantsService;
  booking: BookingService;
  lifecycle: BookingLifecycle;
  clock: Clock;
};

const timeFormats = new Map<string, Intl.DateTimeFormat>();
function hhmm(date: Date, timeZone: string): string {
  let f = timeFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
    timeFormats.set(timeZone, f);
  }
  return f.format(date);
}

function fieldErrors(t: PageContext['t'], issues: z.core.$ZodIssue[]): Record<string, string> {
  return Object.fromEntries(issues.map((i) => [String(i.path[0]), t(i.message as MessageKey)]));
}

const bookBase = (x: BookingTarget) =>
  `/o/${x.organisation.slug}/s/${x.service.slug}/book/${x.office.slug}`;

/** Citizen booking pages: calendar → contact → code → confirmation, and the manage and join links. */
export function bookingPages(deps: Deps) {
  const { tenants, booking, lifecycle, clock } = deps;

  /** Free times of a month (or one day), grouped by the office's calendar day. */
  async function freeTimes(
    target: BookingTarget,
    from: string,
    to: string,
    hrefFor: (start: Date) => string,
  ) {
    const tz = target.office.timeZone;
    const byDay = new Map<string, { start: Date; label: string; href: string }[]>();
    for (const day of await booking.freeDays(target, from, to)) {
      byDay.set(
        day.date,
        day.times.map((t) => ({
          start: t.start,
          label: hhmm(t.start, tz),
          href: hrefFor(t.start),
        })),
      );
    }
    return byDay;
  }

  async function renderCalendar(
    request: FastifyRequest,
    reply: FastifyReply,
    target: BookingTarget,
    baseUrl: string,
    hrefFor: (start: Date) => string,
    heading: string,
  ) {
    const query = request.query as Record<string, unknown>;
    const tz = target.office.timeZone;
    const today = localParts(clock.now(), tz).date;
    const firstMonth = today.slice(0, 7);
    const lastMonth = addDays(today, target.service.horizonDays).slice(0, 7);
    let month = monthParam.parse(query.month) ?? firstMonth;
    if (month < firstMonth || month > lastMonth) month = firstMonth;
    const day = dayParam.parse(query.day);
    const last = addDays(`${addDays(`${month}-28`, 4).slice(0, 7)}-01`, -1);
    const freeByDay = await freeTimes(target, `${month}-01`, last, hrefFor);
    const shift = (m: string, by: number) => addDays(`${m}-15`, by * 30).slice(0, 7);
    return renderPage(request, reply, (ctx) => {
      const fb = target.organisation.defaultLanguage;
      return calendarPage(ctx, {
        heading,
        intro: html`<p><a href="/o/${target.organisation.slug}/s/${target.service.slug}">${localize(target.service.name, ctx.lang, fb)}</a> · ${localize(target.office.name, ctx.lang, fb)}</p>`,
        baseUrl,
        month,
        prevMonth: month > firstMonth ? shift(month, -1) : null,
        nextMonth: month < lastMonth ? shift(month, 1) : null,
        freeByDay,
        day: day?.startsWith(month) ? day : undefined,
        timeZone: tz,
      });
    });
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

  /** What this browser typed for its last hold at this organisation: the form comes back filled. */
  async function typedBefore(
    request: FastifyRequest,
    x: BookingTarget,
  ): Promise<Record<string, string>> {
    const id = browserHold(request);
    const typed = id ? await lifecycle.typed(id) : null;
    if (!typed || typed.organisationId !== x.organisation.id) return {};
    return { name: typed.name, email: typed.email, phone: typed.phone, notes: typed.notes };
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

  function chosen(ctx: PageContext, x: BookingTarget, start: Date) {
    const fb = x.organisation.defaultLanguage;
    return {
      service: localize(x.service.name, ctx.lang, fb),
      office: localize(x.office.name, ctx.lang, fb),
      when: formatWhen(start, x.office.timeZone, ctx.lang),
      changeHref: `${bookBase(x)}?month=${localParts(start, x.office.timeZone).date.slice(0, 7)}&day=${localParts(start, x.office.timeZone).date}#times`,
    };
  }

  return async (app: FastifyInstance) => {
    app.get('/o/:org/s/:service/book', async (request, reply) => {
      const p = z.object({ org: z.string(), service: z.string() }).parse(request.params);
      const data = await tenants.getService(p.org, p.service);
      if (data.serviceOffices.length === 1)
        return reply.redirect(
          `/o/${p.org}/s/${p.service}/book/${data.serviceOffices[0]!.slug}`,
          303,
        );
      return renderPage(request, reply, (ctx) => ({
        title: ctx.t('book.choose_office'),
        body: html`<h1>${ctx.t('book.choose_office')}</h1><ul>${data.serviceOffices.map(
          (o) =>
            html`<li><a href="/o/${p.org}/s/${p.service}/book/${o.slug}">${localize(o.name, ctx.lang, data.organisation.defaultLanguage)}, ${o.street}, ${o.city}</a></li>`,
        )}</ul>`,
      }));
    });

    app.get('/o/:org/s/:service/book/:office', async (request, reply) => {
      const x = await target(request);
      return renderCalendar(
        request,
        reply,
        x,
        bookBase(x),
        (s) => `${bookBase(x)}/contact?start=${encodeURIComponent(s.toISOString())}`,
        request.t('book.title'),
      );
    });

    app.get('/o/:org/s/:service/book/:office/contact', async (request, reply) => {
      const x = await target(request);
      const start = instant.parse((request.query as Record<string, unknown>).start);
      const typed = await typedBefore(request, x);
      return renderPage(request, reply, (ctx) =>
        contactPage(ctx, {
          chosen: chosen(ctx, x, start),
          action: `${bookBase(x)}/contact`,
          values: { ...typed, start: start.toISOString() },
          errors: {},
          privacyHref: `/o/${x.organisation.slug}/privacy`,
        }),
      );
    });

    app.post(
      '/o/:org/s/:service/book/:office/contact',
      { config: { rateLimit: { max: 20, timeWindow: 60_000 } } },
      async (request, reply) => {
        const x = await target(request);
        const body = (request.body ?? {}) as Record<string, string>;
        const start = instant.parse(body.start);
        const values = {
          start: start.toISOString(),
          name: body.name ?? '',
          email: body.email ?? '',
          phone: body.phone ?? '',
          notes: body.notes ?? '',
        };
        const form = contactForm.safeParse(body);
        const privacyHref = `/o/${x.organisation.slug}/privacy`;
        if (!form.success) {
          const errors = fieldErrors(request.t, form.error.issues);
          return renderPage(
            request,
            reply,
            (ctx) =>
              contactPage(ctx, {
                chosen: chosen(ctx, x, start),
                action: `${bookBase(x)}/contact`,
                values,
                errors,
                privacyHref,
              }),
            400,
          );
        }
        const result = await lifecycle.createHold(x, start, form.data, {
          lang: request.lang,
          ip: request.ip,
          replaces: browserHold(request),
        });
        if (result.ok) {
          reply.setCookie(HOLD_COOKIE, lifecycle.holdCookie(result.holdId), {
            ...HOST_COOKIE,
            maxAge: 3600,
          });
          return reply.redirect(`/h/${result.holdId}`, 303);
        }
        if (result.reason === 'limited') {
          const errors = { email: request.t('book.error.limited') };
          return renderPage(
            request,
            reply,
            (ctx) =>
              contactPage(ctx, {
                chosen: chosen(ctx, x, start),
                action: `${bookBase(x)}/contact`,
                values,
                errors,
                privacyHref,
              }),
            429,
          );
        }
        if (result.reason === 'not_bookable') {
          // Never a slot: the form comes back (what was typed kept) with the nearest free times.
          const nearest = await nearestLinks(
            x,
            start,
            (s) => `${bookBase(x)}/contact?start=${encodeURIComponent(s.toISOString())}`,
          );
          return renderPage(
            request,
            reply,
            (ctx) => {
              const errors = { start: ctx.t('error.time_not_bookable.title') };
              return contactPage(ctx, {
                chosen: chosen(ctx, x, start),
                action: `${bookBase(x)}/contact`,
                values,
                errors,
                privacyHref,
                alternatives: nearest(ctx),
              });
            },
            422,
          );
        }
        return renderTaken(request, reply, x, start, 'taken');
      },
    );

    /** Links to the free times nearest to `start`, labelled with the day and time. */
    async function nearestLinks(x: BookingTarget, start: Date, hrefFor: (s: Date) => string) {
      const tz = x.office.timeZone;
      const nearest = await booking.nearestFree(x, start, 6);
      return (ctx: PageContext) =>
        nearest.map((a) => ({
          label: `${dayName(localParts(a.start, tz).date, ctx.lang)} ${hhmm(a.start, tz)}`,
          href: hrefFor(a.start),
        }));
    }

    /** A time taken meanwhile (409: a race) or never bookable (422): say which, with the nearest free times. */
    async function renderTaken(
      request: FastifyRequest,
      reply: FastifyReply,
      x: BookingTarget,
      start: Date,
      why: 'taken' | 'not_bookable',
      hrefFor?: (s: Date) => string,
    ) {
      const href =
        hrefFor ??
        ((s: Date) => `${bookBase(x)}/contact?start=${encodeURIComponent(s.toISOString())}`);
      const nearest = await nearestLinks(x, start, href);
      return renderPage(
        request,
        reply,
        (ctx) => takenPage(ctx, { why, alternatives: nearest(ctx), calendarHref: bookBase(x) }),
        why === 'taken' ? 409 : 422,
      );
    }

    app.get('/h/:hold', async (request, reply) => {
      const { hold } = holdParams.parse(request.params);
      const h = await lifecycle.hold(hold);
      if (!h) throw new AppError('not_found');
      if (h.state === 'confirmed') return renderPage(request, reply, alreadyConfirmedPage);
      if (!h.live)
        return renderPage(
          request,
          reply,
          (ctx) => messagePage(ctx.t('book.error.expired'), []),
          410,
        );
      const notice =
        (request.query as Record<string, unknown>).resent === '1'
          ? request.t('book.resent')
          : undefined;
      return renderCode(request, reply, h, { notice });
    });

    // "Wrong address? Change it" and "back": the contact form again, filled from the hold. Only
    // the browser that placed the hold gives it up (anyone else holding the URL just gets the
    // form), so the time is not blocked by the citizen's own abandoned hold.
    app.post('/h/:hold/change', async (request, reply) => {
      const { hold } = holdParams.parse(request.params);
      const h = await lifecycle.hold(hold);
      if (!h) throw new AppError('not_found');
      if (browserHold(request) === hold) await lifecycle.releaseHold(hold);
      return reply.redirect(
        `${bookBase(h.target)}/contact?start=${encodeURIComponent(h.start.toISOString())}`,
        303,
      );
    });

    app.post(
      '/h/:hold/confirm',
      { config: { rateLimit: { max: 20, timeWindow: 60_000 } } },
      async (request, reply) => {
        const { hold } = holdParams.parse(request.params);
        const h = await lifecycle.hold(hold);
        if (!h) throw new AppError('not_found');
        const body = (request.body ?? {}) as Record<string, string>;
        const form = codeForm.safeParse(body);
        const back = bookBase(h.target);
        if (!form.success) {
          return renderCode(
            request,
            reply,
            h,
            {
              errors: fieldErrors(request.t, form.error.issues),
              value: String(body.code ?? '').slice(0, 6),
            },
            400,
          );
        }
        const result = await lifecycle.confirmWithCode(hold, form.data.code);
        if (result.ok) {
          const token = result.booking.manageUrl.split('/m/')[1] ?? '';
          return reply.redirect(`/m/${token}?confirmed=1`, 303);
        }
        // A double submit by the citizen lands here: a page that says so, never the links.
        if (result.reason === 'already_confirmed')
          return renderPage(request, reply, alreadyConfirmedPage);
        if (result.reason === 'wrong_code') {
          const left = 'attemptsLeft' in result ? result.attemptsLeft : 0;
          return renderCode(
            request,
            reply,
            h,
            { errors: { code: request.t('book.error.code', { left: left ?? 0 }) } },
            422,
          );
        }
        const confirmed = h.state === 'confirmed';
        const locked: MessageKey = confirmed ? 'book.error.locked_confirmed' : 'book.error.locked';
        const key: MessageKey = result.reason === 'locked' ? locked : 'book.error.expired';
        return renderPage(
          request,
          reply,
          (ctx) => ({
            title: ctx.t(key),
            body: html`<h1>${ctx.t(key)}</h1><p><a href="${back}">${ctx.t('book.change_time')}</a></p>`,
          }),
          result.reason === 'locked' ? 429 : 410,
        );
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
        if (result.reason !== 'too_soon' && result.reason !== 'too_many') {
          return renderPage(
            request,
            reply,
            (ctx) => messagePage(ctx.t('book.error.expired'), []),
            410,
          );
        }
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
      const q = request.query as Record<string, unknown>;
      const notice =
        q.cancelled === '1'
          ? request.t('book.cancelled')
          : q.moved === '1'
            ? request.t('book.moved')
            : undefined;
      return renderPage(request, reply, (ctx) =>
        managePage(ctx, { ...m, token, notice, confirmed: q.confirmed === '1' }),
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
      if (!m.actions.citizenCancel)
        return renderPage(request, reply, (ctx) => messagePage(ctx.t('book.not_active'), []), 409);
      return renderPage(request, reply, (ctx) => cancelPage(ctx, { booking: m.booking, token }));
    });

    app.post('/m/:token/cancel', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      // Only the confirmation page's "Yes" cancels; any other post (a page from before the
      // confirmation step, a stray form) is asked first.
      if (confirmForm.safeParse(request.body).data?.confirm !== 'yes')
        return reply.redirect(`/m/${token}/cancel`, 303);
      const result = await lifecycle.cancelByToken(token);
      if (result.ok) return reply.redirect(`/m/${token}?cancelled=1`, 303);
      if (result.reason === 'not_found') throw new AppError('not_found');
      return renderPage(request, reply, (ctx) => messagePage(ctx.t('book.not_active'), []), 409);
    });

    app.get('/m/:token/move', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const m = await lifecycle.manage(token);
      if (!m) throw new AppError('not_found');
      const b = m.booking;
      if (!m.actions.citizenMove)
        return renderPage(request, reply, (ctx) => messagePage(ctx.t('book.not_active'), []), 409);
      const startParam = (request.query as Record<string, unknown>).start;
      if (typeof startParam === 'string') {
        const start = instant.parse(startParam);
        return renderPage(request, reply, (ctx) => ({
          title: ctx.t('book.move_title'),
          body: html`<h1>${ctx.t('book.move_title')}</h1>
<p>${ctx.t('book.move_question', { when: whenPhrase(start, b.target.office.timeZone, ctx.lang, 'to') })}</p>
<form method="post" action="/m/${token}/move">${csrfField(ctx)}<input type="hidden" name="start" value="${start.toISOString()}"><button type="submit">${ctx.t('book.move')}</button></form>
<p><a href="/m/${token}/move">${ctx.t('book.change_time')}</a></p>`,
        }));
      }
      return renderCalendar(
        request,
        reply,
        b.target,
        `/m/${token}/move`,
        (s) => `/m/${token}/move?start=${encodeURIComponent(s.toISOString())}`,
        request.t('book.move_title'),
      );
    });

    app.post('/m/:token/move', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const start = instant.parse(((request.body ?? {}) as Record<string, unknown>).start);
      const result = await lifecycle.rescheduleByToken(token, start);
      if (result.ok) return reply.redirect(`/m/${token}?moved=1`, 303);
      if (result.reason === 'not_found') throw new AppError('not_found');
      if (result.reason === 'not_active')
        return renderPage(request, reply, (ctx) => messagePage(ctx.t('book.not_active'), []), 409);
      const b = await lifecycle.byToken('manage', token);
      if (!b) throw new AppError('not_found');
      return renderTaken(
        request,
        reply,
        b.target,
        start,
        result.reason,
        (s) => `/m/${token}/move?start=${encodeURIComponent(s.toISOString())}`,
      );
    });
  };
}
