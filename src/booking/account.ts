// The personal account's appointments (issue 16, decision 032): what booking shows on /account,
// the "these are mine" claim of earlier bookings, and what an account deletion asks of booking.
import type { AuditService } from '../audit/service.ts';
import type { Db } from '../db/db.ts';
import type { Clock } from '../lib/clock.ts';
import { linkToken } from './codes.ts';
import * as repo from './account-repo.ts';
import type { BookingLifecycle } from './lifecycle.ts';

/** The account as booking needs it: its id and the e-mail it has verified, if any. */
export type BookingAccount = { accountId: string; email: string | null; emailVerified: boolean };

/** A listed appointment with the links it is managed by (the manage page moves and cancels). */
export type AccountAppointment = repo.AccountBookingRow & {
  past: boolean;
  manageHref: string;
  joinHref: string;
};

const CITIZEN = { system: 'citizen' } as const;

/** Booking's side of the personal account: its appointments, claims, export and deletion. */
export function accountAppointments(deps: {
  db: Db;
  clock: Clock;
  secret: string;
  audit: AuditService;
  lifecycle: BookingLifecycle;
}) {
  const { db, clock, secret, audit, lifecycle } = deps;
  const withLinks = (rows: repo.AccountBookingRow[]): AccountAppointment[] => {
    const now = clock.now();
    return rows.map((r) => ({
      ...r,
      past: r.end <= now,
      manageHref: `/m/${linkToken(secret, 'manage', r.id)}`,
      joinHref: `/j/${linkToken(secret, 'join', r.id)}`,
    }));
  };
  /** Only an address the account has verified may claim bookings made with it. */
  const verified = (a: BookingAccount) => (a.emailVerified && a.email ? a.email : null);

  return {
    /** The account's own appointments, and the confirmed ones its verified e-mail could claim. */
    async list(account: BookingAccount) {
      const email = verified(account);
      const [mine, claimable] = await Promise.all([
        repo.accountBookings(db, account.accountId),
        email ? repo.claimableBookings(db, email) : Promise.resolve([]),
      ]);
      return { mine: withLinks(mine), claimable: withLinks(claimable) };
    },

    /**
     * "These are mine": links the bookings the citizen ticked, if they were made with the
     * account's verified e-mail and no account holds them (any other id is ignored). Audited in
     * each booking's organisation. Never done without the citizen asking.
     */
    async claim(account: BookingAccount, ids: readonly string[]): Promise<number> {
      const email = verified(account);
      if (!email) return 0;
      return db.transaction().execute(async (tx) => {
        const claimed = await repo.claimBookings(tx, account.accountId, email, ids);
        for (const b of claimed)
          await audit.record(tx, {
            organisationId: b.organisationId,
            actor: CITIZEN,
            action: 'appointment.claimed',
            objectType: 'booking',
            objectId: b.id,
          });
        return claimed.length;
      });
    },

    /** The account's confirmed appointments ahead: what deleting the account would cancel. */
    async ahead(accountId: string): Promise<AccountAppointment[]> {
      const now = clock.now();
      const rows = await repo.accountBookings(db, accountId);
      return withLinks(rows.filter((r) => r.state === 'confirmed' && r.start > now)).reverse();
    },

    /** Everything booking holds about the account, for its export. */
    async exportFor(accountId: string) {
      const rows = await repo.accountBookings(db, accountId);
      return rows.map((r) => ({
        id: r.id,
        state: r.state,
        start: r.start.toISOString(),
        end: r.end.toISOString(),
        organisation: r.organisation,
        office: r.office,
        service: r.service,
        email: r.email,
        createdAt: r.createdAt.toISOString(),
        cancelledAt: r.cancelledAt?.toISOString() ?? null,
      }));
    },

    /**
     * Before an account goes: its appointments ahead are cancelled the usual way (the citizen
     * gets the cancellation e-mail, the time is free again), then every booking is unlinked; the
     * offices keep them under their retention. Returns how many were cancelled.
     */
    async beforeAccountDeleted(accountId: string): Promise<number> {
      let cancelled = 0;
      for (const id of await repo.bookingsAhead(db, accountId, clock.now())) {
        const result = await lifecycle.cancelByToken(linkToken(secret, 'manage', id));
        if (result.ok) cancelled++;
      }
      await repo.unlinkAll(db, accountId);
      return cancelled;
    },
  };
}

export type AccountAppointments = ReturnType<typeof accountAppointments>;
