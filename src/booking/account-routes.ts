// Booking's part of /account (decision 032): the "My appointments" section the composition
// root registers on the account page, and the claim of earlier bookings.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { accountActionLoa } from '../citizens/account.ts';
import type { CitizenAccount, CitizensService } from '../citizens/service.ts';
import { requireCitizen } from '../http/citizen-session.ts';
import type { PageContext } from '../http/page.ts';
import { AppError } from '../lib/errors.ts';
import type { AccountAppointments } from './account.ts';
import { ACCOUNT_BOOKINGS_MAX } from './account-repo.ts';
import { appointmentsSection, appointmentSummary } from './views/account.ts';

/** The ticked bookings: one id or several (`booking=…&booking=…`), at most a page's worth. */
const claimForm = z.object({
  booking: z
    .union([z.uuid(), z.array(z.uuid()).max(ACCOUNT_BOOKINGS_MAX)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .default([]),
});

const asBooker = (a: Pick<CitizenAccount, 'id' | 'email' | 'emailVerified'>) => ({
  accountId: a.id,
  email: a.email,
  emailVerified: a.emailVerified,
});

/** "My appointments": a section of the account page (order 20: after the profile). */
export function appointmentsAccountSection(appointments: AccountAppointments) {
  return {
    id: 'appointments',
    order: 20,
    async render(input: { account: CitizenAccount; ctx: PageContext }) {
      const data = await appointments.list(asBooker(input.account));
      const email = input.account.emailVerified ? input.account.email : null;
      return appointmentsSection(input.ctx, { ...data, email });
    },
  };
}

/**
 * The lines of the account deletion's confirmation page: each appointment ahead, which the
 * deletion cancels (beforeAccountDeleted; the same rule: confirmed and not yet begun).
 */
export function appointmentsDeletionPreview(appointments: AccountAppointments) {
  return async (accountId: string, ctx: PageContext) =>
    (await appointments.ahead(accountId)).map((b) => appointmentSummary(ctx, b));
}

/** POST /account/appointments/claim: only the account's own verified address's bookings. */
export function accountAppointmentRoutes(deps: {
  appointments: AccountAppointments;
  citizens: Pick<CitizensService, 'account'>;
}) {
  return async (app: FastifyInstance) => {
    app.post('/account/appointments/claim', async (request, reply) => {
      const signedIn = requireCitizen(request, 'low');
      const account = await deps.citizens.account(signedIn.accountId);
      if (!account) throw new AppError('unauthenticated', 'account deleted');
      requireCitizen(request, accountActionLoa(account));
      const form = claimForm.safeParse(request.body ?? {});
      if (!form.success) throw new AppError('invalid_input', 'not booking ids');
      await deps.appointments.claim(asBooker(account), form.data.booking);
      return reply.redirect('/account#account-appointments', 303);
    });
  };
}
