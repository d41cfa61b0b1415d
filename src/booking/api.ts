import { z } from 'zod';
import { LANGS } from '../i18n/i18n.ts';
import { JsonBytes, operation } from '../http/api.ts';
import { AppError } from '../lib/errors.ts';
import type { TenantsService } from '../tenants/service.ts';
import type { BookingLifecycle, BookingView } from './lifecycle.ts';
import { contactForm } from './schema.ts';
import type { BookingService, BookingTarget, FreeDay } from './service.ts';
import { addDays } from '../lib/calendar.ts';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(80);
// A day of the calendar (not 2026-02-30: the form alone let the database refuse it with a 500),
// from year 1 (the database has no year 0).
const day = z.iso
  .date()
  .refine((d) => !d.startsWith('0000-'), { error: 'book.api.day_range' })
  .describe('Calendar day in the office time zone, YYYY-MM-DD');
const isoInstant = z.iso.datetime({ offset: true }).describe('An instant, ISO 8601 with offset');
/**
 * A start a client asks for: an instant within years the calendar arithmetic covers (a start in
 * the year 9999 made the nearest free times overflow the date range: a 500).
 */
const startInstant = isoInstant
  // (A value that is no instant at all has its own issue from the format check: not a second one.)
  .refine(
    (s) =>
      Number.isNaN(Date.parse(s)) ||
      (Date.parse(s) >= Date.UTC(1970, 0, 1) && Date.parse(s) < Date.UTC(9000, 0, 1)),
    { error: 'book.api.instant_range' },
  )
  .describe('The start asked for: an instant, ISO 8601 with offset');
const manageToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/)
  .describe('The token of the manage link');

const bookingOut = z
  .object({
    id: z.uuid().describe("The id of the booking, the same as its hold's"),
    state: z
      .enum(['confirmed', 'cancelled', 'held', 'expired', 'locked'])
      .describe(
        'confirmed or cancelled once booked; held, expired or locked (too many wrong codes) before',
      ),
    past: z.boolean().describe('Whether its end has passed'),
    organisation: slug,
    office: slug,
    service: slug,
    official: z.string().nullable().describe('The name of the official who receives, when known'),
    start: isoInstant,
    end: isoInstant,
    timeZone: z.string().describe('IANA time zone of the office, e.g. Europe/Prague'),
    joinUrl: z.url().describe('The link that opens the video meeting; keep it secret'),
    manageUrl: z
      .url()
      .describe(
        'The link to read, move or cancel the booking; its last segment is the manageToken',
      ),
  })
  .meta({ id: 'Booking', description: 'An appointment booked with the code from the email' });

function toBookingOut(b: BookingView): z.infer<typeof bookingOut> {
  return {
    id: b.id,
    state: b.state,
    past: b.past,
    organisation: b.target.organisation.slug,
    office: b.target.office.slug,
    service: b.target.service.slug,
    official: b.target.officialName,
    start: b.start.toISOString(),
    end: b.end.toISOString(),
    timeZone: b.target.office.timeZone,
    joinUrl: b.joinUrl,
    manageUrl: b.manageUrl,
  };
}

const serviceParams = z.object({
  organisation: slug.describe('Organisation slug, e.g. koprivnice'),
  service: slug.describe('Service slug, e.g. konzultace-stavby'),
});

/** The longest range of days one availability request may ask for. */
const MAX_RANGE_DAYS = 62;

// Examples for the OpenAPI document, from the demo data (tests parse each with its schema).
const TOKEN = 'q3F9xK2mVb7LwP0sT8dYc4NhRj6uZa1EoG5iW-_nM2k';
const exampleBooking: z.infer<typeof bookingOut> = {
  id: '0b7c6f1e-3a52-4d8e-9f61-2c4b5a7d8e90',
  state: 'confirmed',
  past: false,
  organisation: 'koprivnice',
  office: 'stavebni-urad',
  service: 'konzultace-stavby',
  official: 'Lucie Černá',
  start: '2026-12-07T07:00:00.000Z',
  end: '2026-12-07T07:45:00.000Z',
  timeZone: 'Europe/Prague',
  joinUrl: `https://okence.example.cz/j/${TOKEN.split('').reverse().join('')}`,
  manageUrl: `https://okence.example.cz/m/${TOKEN}`,
};
const nearestExample = {
  nearestFreeTimes: [
    { start: '2026-12-07T07:00:00.000Z', end: '2026-12-07T07:45:00.000Z' },
    { start: '2026-12-07T07:45:00.000Z', end: '2026-12-07T08:30:00.000Z' },
  ],
};

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
    days: days.map((d) => ({
      date: d.date,
      times: d.times.map((t) => ({
        start: t.start.toISOString(),
        end: t.end.toISOString(),
        free: t.free,
      })),
    })),
  });
  availabilityBodies.set(days, { timeZone, body });
  return body;
}

/** Booking operations of the public API: the same use cases as the pages. */
export function bookingOperations(deps: {
  tenants: TenantsService;
  booking: BookingService;
  lifecycle: BookingLifecycle;
}) {
  const { tenants, booking, lifecycle } = deps;

  /** A start the rules never offer: retrying cannot help, so say so and offer the nearest free times. */
  async function notBookable(target: BookingTarget, start: Date): Promise<AppError> {
    const nearest = await booking.nearestFree(target, start, NEAREST);
    return new AppError('time_not_bookable', 'not a bookable time', undefined, {
      nearestFreeTimes: nearest.map((t) => ({
        start: t.start.toISOString(),
        end: t.end.toISOString(),
      })),
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
      query: z.object({
        office: slug.describe('Office slug, e.g. stavebni-urad'),
        from: day,
        to: day,
      }),
      response: z.object({
        timeZone: z.string(),
        days: z.array(
          z.object({
            date: day,
            times: z.array(
              z.object({ start: isoInstant, end: isoInstant, free: z.number().int().min(1) }),
            ),
          }),
        ),
      }),
      errors: ['not_found', 'organisation_suspended'],
      examples: {
        response: {
          timeZone: 'Europe/Prague',
          days: [
            {
              date: '2026-12-07',
              times: [
                { start: '2026-12-07T07:00:00.000Z', end: '2026-12-07T07:45:00.000Z', free: 1 },
              ],
            },
          ],
        },
        problems: {
          invalid_input: {
            errors: [
              {
                field: 'query.to',
                code: 'range_too_long',
                message: 'Must be at most 62 days after "from".',
              },
            ],
          },
        },
      },
      handler: async ({ params, query }) => {
        checkRange(query.from, query.to);
        const target = await tenants.bookingTarget(
          params.organisation,
          query.office,
          params.service,
        );
        return availabilityBody(
          await booking.freeDays(target, query.from, query.to),
          target.office.timeZone,
        );
      },
    }),
    operation({
      operationId: 'createHold',
      method: 'POST',
      path: '/organisations/{organisation}/services/{service}/holds',
      summary: 'Reserve a free time for 10 minutes and email a 6-digit code to confirm it',
      tag: 'booking',
      params: serviceParams,
      body: contactForm.extend({
        office: slug,
        start: startInstant,
        language: z
          .enum(LANGS)
          .optional()
          .describe(
            "Language of the emails to the citizen; the organisation's own language when absent",
          ),
      }),
      response: z.object({ holdId: z.uuid(), start: isoInstant, end: isoInstant }),
      status: 201,
      rateLimitPerMinute: 20,
      errors: ['not_found', 'conflict', 'time_not_bookable', 'organisation_suspended'],
      examples: {
        body: {
          office: 'stavebni-urad',
          start: '2026-12-07T07:00:00.000Z',
          name: 'Jan Novák',
          email: 'jan.novak@example.cz',
          language: 'cs',
        },
        response: {
          holdId: '5f1d2c3b-8a4e-4b6f-a1c2-d3e4f5a6b7c8',
          start: '2026-12-07T07:00:00.000Z',
          end: '2026-12-07T07:45:00.000Z',
        },
        problems: { time_not_bookable: nearestExample },
      },
      handler: async ({ params, body }, request) => {
        const target = await tenants.bookingTarget(
          params.organisation,
          body.office,
          params.service,
        );
        const result = await lifecycle.createHold(target, new Date(body.start), body, {
          lang: body.language ?? target.organisation.defaultLanguage,
          ip: request.ip,
        });
        if (result.ok)
          return {
            holdId: result.holdId,
            start: result.start.toISOString(),
            end: result.end.toISOString(),
          };
        if (result.reason === 'limited')
          throw new AppError('rate_limited', 'hold limit per email or address');
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
      errors: ['not_found', 'conflict', 'unprocessable', 'organisation_suspended'],
      examples: {
        body: { code: '482913' },
        response: exampleBooking,
        problems: {
          unprocessable: {
            errors: [
              {
                field: 'body.code',
                code: 'wrong_code',
                message: 'The code is not right. Attempts left: 4',
              },
            ],
            attemptsLeft: 4,
          },
          conflict: {
            errors: [
              {
                field: 'path.holdId',
                code: 'already_confirmed',
                message: 'Already confirmed: the links are in the confirmation email.',
              },
            ],
          },
        },
      },
      handler: async ({ params, body }) => {
        const result = await lifecycle.confirmWithCode(params.holdId, body.code);
        if (result.ok) return toBookingOut(result.booking);
        switch (result.reason) {
          case 'wrong_code': {
            const left = 'attemptsLeft' in result ? result.attemptsLeft : 0;
            const issue = {
              field: 'body.code',
              code: 'wrong_code',
              message: 'book.error.code',
              params: { left },
            };
            throw new AppError('unprocessable', 'wrong code', [issue], { attemptsLeft: left });
          }
          case 'already_confirmed':
            // The id is no secret: a confirmed booking's links go only by email.
            throw new AppError('conflict', 'already confirmed', [
              {
                field: 'path.holdId',
                code: 'already_confirmed',
                message: 'book.api.already_confirmed',
              },
            ]);
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
      summary:
        'Email a new code for a hold (at most 3 times, 30 s apart); the previous code stops working',
      tag: 'booking',
      params: z.object({ holdId: z.uuid() }),
      response: z.object({ sent: z.literal(true) }),
      rateLimitPerMinute: 10,
      errors: ['not_found', 'conflict', 'organisation_suspended'],
      examples: { response: { sent: true } },
      handler: async ({ params }) => {
        const result = await lifecycle.resendCode(params.holdId);
        if (result.ok) return { sent: true as const };
        if (result.reason === 'not_found') throw new AppError('not_found', 'no such hold');
        if (result.reason === 'not_held')
          throw new AppError('conflict', 'the hold is no longer held');
        throw new AppError(
          'rate_limited',
          result.reason,
          undefined,
          result.retryAfterSeconds ? { retryAfterSeconds: result.retryAfterSeconds } : undefined,
        );
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
      errors: ['not_found', 'organisation_suspended'],
      examples: { response: exampleBooking },
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
      errors: ['not_found', 'conflict', 'no_longer_possible', 'organisation_suspended'],
      examples: { response: { ...exampleBooking, state: 'cancelled' } },
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
      body: z.object({ start: startInstant }),
      response: bookingOut,
      errors: [
        'not_found',
        'conflict',
        'no_longer_possible',
        'time_not_bookable',
        'organisation_suspended',
      ],
      examples: {
        body: { start: '2026-12-07T07:45:00.000Z' },
        response: {
          ...exampleBooking,
          start: '2026-12-07T07:45:00.000Z',
          end: '2026-12-07T08:30:00.000Z',
        },
        problems: { time_not_bookable: nearestExample },
      },
      handler: async ({ params, body }) => {
        const result = await lifecycle.rescheduleByToken(params.manageToken, new Date(body.start));
        if (result.ok) return toBookingOut(result.booking);
        if (result.reason === 'not_bookable')
          throw await notBookable(result.target, new Date(body.start));
        throw new AppError(conflictCode(result.reason), result.reason);
      },
    }),
  ];
}

/** Refuses a range of days that is reversed or longer than one request may ask for. */
function checkRange(from: string, to: string): void {
  if (to < from)
    throw new AppError('invalid_input', 'range', [
      { field: 'query.to', code: 'range_reversed', message: 'book.api.range_reversed' },
    ]);
  if (addDays(from, MAX_RANGE_DAYS) < to) {
    throw new AppError('invalid_input', 'range', [
      {
        field: 'query.to',
        code: 'range_too_long',
        message: 'book.api.range_too_long',
        params: { days: MAX_RANGE_DAYS },
      },
    ]);
  }
}

/** A refused change: gone, history that no retry will change, or a race worth retrying. */
function conflictCode(reason: string): 'not_found' | 'no_longer_possible' | 'conflict' {
  return reason === 'not_found'
    ? 'not_found'
    : reason === 'not_active'
      ? 'no_longer_possible'
      : 'conflict';
}
