import type { BookingService } from '../booking/service.ts';
import type { OfferedProvider } from '../citizens/providers.ts';
import { EMAIL_PROVIDER } from '../citizens/service.ts';
import { localParts } from '../lib/zoned-time.ts';
import type { Db } from '../db/db.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import type { FeeStatistics } from '../payments/fee-stats-repo.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import type { Office, Organisation, Service } from '../tenants/domain.ts';
import type { TenantsService } from '../tenants/service.ts';
import { tally, type Period } from './domain.ts';
import {
  capacity,
  citizenSignIns,
  daysOf,
  perDay,
  periodBounds,
  satisfaction,
  type CapacityDay,
  type DayCount,
  type DurationStats,
  type NoShowFigures,
  type SatisfactionFigures,
} from './figures.ts';
import * as repo from './repo.ts';

/** The page shows this many of the newest survey comments. */
export const MAX_COMMENTS = 100;

export type StatsFilter = Period & { officeId: string | null; serviceId: string | null };

/** Everything the statistics page and its CSV show. */
export type Figures = {
  organisation: Organisation;
  office: Office | null;
  service: Service | null;
  period: Period;
  timeZone: string;
  perDay: DayCount[];
  perService: { service: Service; count: number }[];
  /** Null without a chosen service: slots differ in length between services, so seats of different services do not add up. */
  capacity: { days: CapacityDay[]; total: Omit<CapacityDay, 'date'> } | null;
  outcomes: NoShowFigures & { booked: number; cancelled: number; done: number };
  wait: DurationStats;
  length: DurationStats;
  satisfaction: SatisfactionFigures;
  comments: { date: string; service: Service | null; comment: string }[];
  signIns: { date: string; succeeded: number; failed: number }[];
  staff: { admins: number; officials: number };
  /**
   * Citizens' sign-ins that started from this organisation's pages, and the accounts they
   * registered (a first sign-in), with the installation's providers to name them by.
   */
  citizens: ReturnType<typeof citizenSignIns> & { providers: CitizenProvider[] };
  /** Local fees whose instalments fall due in the period, as they stand today (src/payments). */
  fees: FeeStatistics & { currency: string; today: string };
};

/** A provider as the statistics name it: the configured ones, and the e-mail sign-in (name null). */
export type CitizenProvider = { id: string; name: OfferedProvider['name'] | null };

/** Statistics for admins of their own organisation, from aggregate queries (repo.ts) and the booking domain's own slot rules. */
export function statsService(deps: {
  db: Db;
  clock: Clock;
  tenants: TenantsService;
  booking: Pick<BookingService, 'offeredSlots'>;
  /** The installation's eID providers (citizens/providers.ts), for their names and order. */
  providers: { all(): OfferedProvider[] };
  /** The fee register's figures (payments/fee-stats-repo.ts). */
  fees: {
    statistics(organisationId: string, period: Period, today: string): Promise<FeeStatistics>;
  };
}) {
  const { db, tenants } = deps;
  const citizenProviders = (): CitizenProvider[] => [
    ...deps.providers.all().map((p) => ({ id: p.id, name: p.name })),
    { id: EMAIL_PROVIDER, name: null },
  ];

  async function scope(actor: StaffPrincipal) {
    if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
    return tenants.staffOverview(actor);
  }

  /** Seats offered and booked per day for one service, at one office or at every office that offers it. */
  async function capacityOf(
    organisation: Organisation,
    offices: Office[],
    service: Service,
    period: Period,
    booked: DayCount[],
  ) {
    const seats: Date[] = [];
    for (const office of offices.filter((o) => service.officeIds.includes(o.id))) {
      const target = await tenants.bookingTargetById(organisation.id, office.id, service.id, '');
      for (const slot of await deps.booking.offeredSlots(target, period.from, period.to))
        for (let i = 0; i < slot.free; i++) seats.push(slot.start);
    }
    const offered = perDay(
      seats,
      period.from,
      period.to,
      offices.length === 1 ? offices[0]!.timeZone : organisation.timeZone,
    );
    // A booking beyond the hours offered (hours changed later) counts as booked, never as negative free.
    const free = offered.map((d, i) => ({
      date: d.date,
      count: Math.max(0, d.count - (booked[i]?.count ?? 0)),
    }));
    return capacity(free, booked);
  }

  return {
    /** The offices and services to filter by, and today in the organisation's zone (for the presets). */
    async options(actor: StaffPrincipal) {
      const o = await scope(actor);
      return {
        organisation: o.organisation,
        offices: o.offices,
        services: o.services,
        today: localParts(deps.clock.now(), o.organisation.timeZone).date,
      };
    },

    /** Every figure for the filter; an office or service of another organisation is not found. */
    async figures(actor: StaffPrincipal, filter: StatsFilter): Promise<Figures> {
      const o = await scope(actor);
      const office = filter.officeId ? o.offices.find((x) => x.id === filter.officeId) : null;
      const service = filter.serviceId ? o.services.find((x) => x.id === filter.serviceId) : null;
      if (office === undefined || service === undefined)
        throw new AppError('not_found', 'no such office or service');
      const timeZone = office?.timeZone ?? o.organisation.timeZone;
      const period = { from: filter.from, to: filter.to };
      const s: repo.Scope = {
        organisationId: o.organisation.id,
        officeId: office?.id ?? null,
        serviceId: service?.id ?? null,
        timeZone,
        ...periodBounds(period.from, period.to, timeZone),
      };

      const today = localParts(deps.clock.now(), o.organisation.timeZone).date;
      const [
        rows,
        { wait, length, ...outcomes },
        ratings,
        comments,
        signIns,
        staff,
        citizens,
        fees,
      ] = await Promise.all([
        repo.bookingsPerDayAndService(db, s),
        repo.meetingFigures(db, s),
        repo.ratings(db, s),
        repo.comments(db, s, MAX_COMMENTS),
        repo.signIns(db, o.organisation.id, period.from, period.to),
        repo.activeStaff(db, o.organisation.id),
        repo.citizenSignIns(db, o.organisation.id, period.from, period.to),
        deps.fees.statistics(o.organisation.id, period, today),
      ]);
      const days = daysOf(period.from, period.to);
      const { perDay: perDayCounts, perKey: countFor } = tally(rows, days);
      const services = service ? [service] : o.services;
      const signInOn = new Map(signIns.map((r) => [r.day, r]));
      const due = outcomes.done + outcomes.noShows;
      const providers = citizenProviders();
      return {
        organisation: o.organisation,
        office,
        service,
        period,
        timeZone,
        perDay: perDayCounts,
        perService: services.map((x) => ({ service: x, count: countFor.get(x.id) ?? 0 })),
        capacity: service
          ? await capacityOf(
              o.organisation,
              office ? [office] : o.offices,
              service,
              period,
              perDayCounts,
            )
          : null,
        outcomes: { ...outcomes, due, rate: due === 0 ? null : outcomes.noShows / due },
        wait,
        length,
        satisfaction: satisfaction(ratings.flatMap((r) => Array<number>(r.count).fill(r.rating))),
        comments: comments.map((c) => ({
          date: localParts(c.submittedAt, timeZone).date,
          service: o.services.find((x) => x.id === c.serviceId) ?? null,
          comment: c.comment,
        })),
        signIns: days.map((date) => ({
          date,
          succeeded: signInOn.get(date)?.succeeded ?? 0,
          failed: signInOn.get(date)?.failed ?? 0,
        })),
        staff,
        citizens: {
          ...citizenSignIns(
            citizens,
            days,
            providers.map((p) => p.id),
          ),
          providers,
        },
        fees: { ...fees, currency: o.organisation.currency, today },
      };
    },
  };
}

export type StatsService = ReturnType<typeof statsService>;
