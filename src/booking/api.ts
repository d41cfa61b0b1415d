import { z } from 'zod';
import { LANGS } from '../i18n/i18n.ts';
import { JsonBytes, operation } from '../http/api.ts';
import { AppError } from '../lib/errors.ts';
import type { TenantsService } from '../tenants/service.ts';
import type { BookingLifecycle, BookingView } from './lifecycle.ts';
import { contactForm } from './schema.ts';
import type { BookingService, BookingTarget, FreeDay } from './service.ts';
import { addDays } from './time.ts';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(80);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('Calendar day in the office time zone, YYYY-MM-DD');
const isoInstant = z.iso.datetime({ offset: true }).describe('An instant, ISO 8601 with offset');
const manageToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/).describe('The token of the manage link');

const bookingOut = z
  .object({
    id: z.uuid(),
    state: z.enum(['confirmed', 'cancelled', 'held', 'expired', 'locked']),
    past: z.boolean(),
    organisation: slug,
    office: slug,
    service: slug,
    official: z.string().nullable(),
    start: isoInstant,
    end: isoInstant,
    timeZone: z.string(),
    joinUrl: z.url(),
    manageUrl: z.url(),
  })
  .meta({ id: 'Booking' });

function toBookingOut(b: BookingView): z.infer<typeof bookingOut> {
  return {
    id: b.id, state: b.state, past: b.past, organisation: b.target.organisation.slug, office: b.target.office.slug, service: b.target.service.slug,
    official: b.target.officialName, start: b.start.toISOString(), end: b.end.toISOString(), timeZone: b.target.office.timeZone,
    joinUrl: b.joinUrl, manageUrl: b.manageUrl,
  };
}

const serviceParams = z.object({ organisation: slug, service: slug });

/** How many free times a "not bookable" answer offers instead. */
const NEAREST = 6;

// A month of free times is ~35 KB of JSON that costs more to build than to find: the
// bytes are kept with the cached free days they came from (the same array object
// while the booking service's cache holds it), so a repeated request only sends them.
const availabilityBodies = new WeakMap<readonly FreeDay[], { timeZone: string; body: JsonBytes }>();

function availabilityBody(days: readonly FreeDay[], timeZone: string): JsonBytes {
  const kept = availabilityBodies.get(days);
  if (kept?.timeZone === timeZone) return kept.body;
  const body = new JsonBytes({
    timeZone,
    days: days.map((d) => ({ date: d.date, times: d.times.map((t) => ({ start: t.start.toISOString(), end: t.end.toISOString(), free: t.free })) })),
  });
  availabilityBodies.set(days, { timeZone, body });
  return body;
}

/** Booking operations of the public API: the same use cases as the pages. */
export function bookingOperations(deps: { tenants: TenantsService; booking: BookingService; lifecycle: BookingLifecycle }) {
  const { tenants, booking, lifecycle } = deps;

  /** A start the rules never offer: retrying cannot help, so say so and offer the nearest free times. */
  async function notBookable(target: BookingTarget, start: Date): Promise<AppError> {
    const nearest = await booking.nearestFree(target, start, NEAREST);
    return new AppError('time_not_bookable', 'not a bookable time', undefined, {
      nearestFreeTimes: nearest.map((t) => ({ start: t.start.toISOString(), end: t.end.toISOString() })),
    });
  }

  return [
    operation({
      operationId: 'getAvailability',
      method: 'GET',
      path: '/organisations/{organisation}/services/{service}/availability',
      summary: 'Free times of a service at an office, per day, over at most 62 days',
      tag: 'booking',
      params: serviceParams,
      query: z.object({ office: slug, from: day, to: day }),
      response: z.object({
        timeZone: z.string(),
        days: z.array(z.object({ date: day, times: z.array(z.object({ start: isoInstant, end: isoInstant, free: z.number().int().min(1) })) })),
      }),
      errors: [404],
      handler: async ({ params, query }) => {
        if (query.to < query.from || addDays(query.from, 62) < query.to) throw new AppError('invalid_input', 'range', { 'query.to': 'at most 62 days after from' });
        const target = await tenants.bookingTarget(params.organisation, query.office, params.service);
        return availabilityBody(await booking.freeDays(target, query.from, query.to), target.office.timeZone);
      },
    }),
    operation({
      operationId: 'createHold',
      method: 'POST',
      path: '/organisations/{organisation}/services/{service}/holds',
      summary: 'Reserve a free time for 10 minutes and email a 6-digit code to confirm it',
      tag: 'booking',
      params: serviceParams,
      body: contactForm.extend({ office: slug, start: isoInstant, language: z.enum(LANGS).default('sl') }),
      response: z.object({ holdId: z.uuid(), start: isoInstant, end: isoInstant }),
      status: 201,
      rateLimitPerMinute: 20,
      errors: [404, 409, 422],
      handler: async ({ params, body }, request) => {
        const target = await tenants.bookingTarget(params.organisation, body.office, params.service);
        const result = await lifecycle.createHold(target, new Date(body.start), body, { lang: body.language, ip: request.ip });
        if (result.ok) return { holdId: result.holdId, start: result.start.toISOString(), end: result.end.toISOString() };
        if (result.reason === 'limited') throw new AppError('rate_limited', 'hold limit per email or address');
        if (result.reason === 'not_bookable') throw await notBookable(target, new Date(body.start));
        throw new AppError('conflict', 'that time was just taken');
      },
    }),
    operation({
      operationId: 'confirmHold',
      method: 'POST',
      path: '/holds/{holdId}/confirm',
      summary:
        'Confirm a hold with the code from the email; the first confirmation returns the booking ' +
        'with its join and manage links, a later one 409 without them',
      tag: 'booking',
      params: z.object({ holdId: z.uuid() }),
      body: z.object({ code: z.string().regex(/^\d{6}$/) }),
      response: bookingOut,
      rateLimitPerMinute: 20,
      errors: [404, 409, 422],
      handler: async ({ params, body }) => {
        const result = await lifecycle.confirmWithCode(params.holdId, body.code);
        if (result.ok) return toBookingOut(result.booking);
        switch (result.reason) {
          case 'wrong_code':
            throw new AppError('unprocessable', 'wrong code', { 'body.code': `wrong code; attempts left: ${'attemptsLeft' in result ? result.attemptsLeft : 0}` });
          case 'already_confirmed':
            // The id is no secret: a confirmed booking's links go only by email.
            throw new AppError('conflict', 'already confirmed', {
              'params.holdId': 'already confirmed: the links are in the confirmation email',
            });
          case 'locked':
            throw new AppError('rate_limited', 'too many wrong codes: no more codes are taken');
          case 'expired':
            throw new AppError('conflict', 'the hold expired');
          default:
            throw new AppError('not_found', 'no such hold');
        }
      },
    }),
    operation({
      operationId: 'resendCode',
      method: 'POST',
      path: '/holds/{holdId}/resend',
      summary: 'Email a new code for a hold (at most 3 times, 30 s apart); the previous code stops working',
      tag: 'booking',
      params: z.object({ holdId: z.uuid() }),
      response: z.object({ sent: z.literal(true) }),
      rateLimitPerMinute: 10,
      errors: [409],
      handler: async ({ params }) => {
        const result = await lifecycle.resendCode(params.holdId);
        if (result.ok) return { sent: true as const };
        if (result.reason === 'not_held') throw new AppError('conflict', 'the hold is no longer held');
        throw new AppError('rate_limited', result.reason);
      },
    }),
    operation({
      operationId: 'getBooking',
      method: 'GET',
      path: '/bookings/{manageToken}',
      summary: 'The booking a manage link belongs to',
      tag: 'booking',
      params: z.object({ manageToken }),
      response: bookingOut,
      errors: [404],
      handler: async ({ params }) => {
        const b = await lifecycle.byToken('manage', params.manageToken);
        if (!b) throw new AppError('not_found');
        return toBookingOut(b);
      },
    }),
    operation({
      operationId: 'cancelBooking',
      method: 'POST',
      path: '/bookings/{manageToken}/cancel',
      summary: 'Cancel a booking; the citizen is emailed a METHOD:CANCEL invitation',
      tag: 'booking',
      params: z.object({ manageToken }),
      response: bookingOut,
      errors: [404, 409],
      handler: async ({ params }) => {
        const result = await lifecycle.cancelByToken(params.manageToken);
        if (result.ok) return toBookingOut(result.booking);
        throw new AppError(conflictCode(result.reason), result.reason);
      },
    }),
    operation({
      operationId: 'rescheduleBooking',
      method: 'POST',
      path: '/bookings/{manageToken}/reschedule',
      summary: 'Move a booking to another free time; it keeps its calendar UID and links',
      tag: 'booking',
      params: z.object({ manageToken }),
      body: z.object({ start: isoInstant }),
      response: bookingOut,
      errors: [404, 409, 422],
      handler: async ({ params, body }) => {
        const result = await lifecycle.rescheduleByToken(params.manageToken, new Date(body.start));
        if (result.ok) return toBookingOut(result.booking);
        if (result.reason === 'not_bookable') throw await notBookable(result.target, new Date(body.start));
        throw new AppError(conflictCode(result.reason), result.reason);
      },
    }),
  ];
}

/** A refused change: gone, history that no retry will change, or a race worth retrying. */
function conflictCode(reason: string): 'not_found' | 'no_longer_possible' | 'conflict' {
  return reason === 'not_found' ? 'not_found' : reason === 'not_active' ? 'no_longer_possible' : 'conflict';
}
