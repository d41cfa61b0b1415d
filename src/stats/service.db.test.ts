import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bookingService } from '../booking/service.ts';
import type { OfferedProvider } from '../citizens/providers.ts';
import { citizensService, type Loa, type VerifiedIdentity } from '../citizens/service.ts';
import type { DatabaseHandle } from '../db/db.ts';
import { DB_KINDS, openTestDatabase } from '../db/testing.ts';
import { identityService } from '../identity/service.ts';
import { fixedClock } from '../lib/clock.ts';
import { anonymiseBooking } from '../privacy/repo.ts';
import { AppError } from '../lib/errors.ts';
import { tenantsService } from '../tenants/service.ts';
import { feeStatistics } from '../payments/fee-stats-repo.ts';
import { statsService, type StatsFilter } from './service.ts';
import { seedAppointments, seedFee, seedOrganisation } from './testing.ts';

const PROVIDERS: OfferedProvider[] = [
  {
    id: 'sipass',
    protocol: 'saml',
    name: { sl: 'SI-PASS', cs: 'SI-PASS', en: 'SI-PASS' },
    loa: 'substantial',
  },
  {
    id: 'nia',
    protocol: 'saml',
    name: { sl: 'NIA (CZ)', cs: 'NIA', en: 'NIA (CZ)' },
    loa: 'substantial',
  },
];

// Europe/Ljubljana moves to summer time on Sunday 29 March 2026 at 02:00: UTC+1 before, UTC+2 after.
const at = (iso: string) => new Date(iso);

for (const kind of DB_KINDS) {
  describe(`statistics (${kind})`, () => {
    let handle: DatabaseHandle;
    let org: Awaited<ReturnType<typeof seedOrganisation>>;
    let other: Awaited<ReturnType<typeof seedOrganisation>>;
    const clock = fixedClock(at('2026-04-02T10:00:00Z'));
    let stats: ReturnType<typeof statsService>;
    const admin = () => ({
      id: org.admin,
      organisationId: org.organisationId,
      role: 'admin' as const,
      displayName: 'Admin',
      email: 'admin@stats-a.example',
    });
    const filter = (f: Partial<StatsFilter> = {}): StatsFilter => ({
      from: '2026-03-27',
      to: '2026-03-31',
      officeId: null,
      serviceId: null,
      ...f,
    });

    before(async () => {
      handle = await openTestDatabase(kind);
      const identity = identityService({ db: handle.db, clock });
      const passwordHash = await identity.hashPassword('correct horse battery staple');
      org = await seedOrganisation(handle.db, 'stats-a', { passwordHash });
      other = await seedOrganisation(handle.db, 'stats-b');
      const tenants = tenantsService({ handle });
      stats = statsService({
        db: handle.db,
        clock,
        tenants,
        booking: bookingService({ db: handle.db, clock }),
        providers: { all: () => PROVIDERS },
        fees: { statistics: (id, period, today) => feeStatistics(handle.db, id, period, today) },
      });
      const place = {
        organisationId: org.organisationId,
        officeId: org.officeId,
        serviceId: org.passports,
        staffId: org.official,
      };
      await seedAppointments(handle.db, place, [
        {
          start: at('2026-03-27T07:00:00Z'),
          wait: 2,
          length: 20,
          rating: 5,
          comment: 'Very quick',
        }, // Fri 08:00 local
        { start: at('2026-03-27T07:30:00Z'), wait: 4, length: 30, rating: 4 },
        { start: at('2026-03-30T07:00:00Z'), noShow: true }, // Mon 09:00 local
        { start: at('2026-03-29T23:30:00Z') }, // Mon 01:30 local, though still Sunday in UTC
        { start: at('2026-03-31T06:00:00Z'), state: 'cancelled' },
        { start: at('2026-03-26T22:30:00Z') }, // Thu 23:30 local: before the period
        { start: at('2026-03-31T22:30:00Z') }, // Wed 00:30 local: after it
      ]);
      await seedAppointments(handle.db, { ...place, serviceId: org.permits }, [
        {
          start: at('2026-03-30T06:00:00Z'),
          minutes: 60,
          wait: 10,
          length: 40,
          rating: 2,
          comment: 'Waited long',
        },
      ]);
      await seedAppointments(
        handle.db,
        {
          organisationId: other.organisationId,
          officeId: other.officeId,
          serviceId: other.passports,
          staffId: other.official,
        },
        [
          {
            start: at('2026-03-27T07:00:00Z'),
            wait: 30,
            length: 90,
            rating: 1,
            comment: 'Other organisation',
          },
        ],
      );
      // Closed on Tuesday the 31st; the official is away on Friday from 10:00 local.
      await handle.db
        .insertInto('closure')
        .values({
          organisation_id: org.organisationId,
          office_id: null,
          day: '2026-03-31',
          note: '{}',
        })
        .execute();
      await handle.db
        .insertInto('absence')
        .values({
          staff_id: org.official,
          during: '[2026-03-27 09:00:00+00,2026-03-27 11:00:00+00)',
          note: null,
        })
        .execute();
      // Sign-ins: a failure on Saturday, a success just after midnight on Monday (local), one for the other organisation.
      clock.set(at('2026-03-28T10:00:00Z'));
      assert.equal(
        (
          await identity.signIn({
            email: 'admin@stats-a.example',
            password: 'wrong',
            ip: '192.0.2.1',
          })
        ).ok,
        false,
      );
      clock.set(at('2026-03-29T22:30:00Z'));
      assert.equal(
        (
          await identity.signIn({
            email: 'admin@stats-a.example',
            password: 'correct horse battery staple',
            ip: '192.0.2.1',
          })
        ).ok,
        true,
      );
      await identity.signIn({
        email: 'official@stats-b.example',
        password: 'nope',
        ip: '192.0.2.2',
      });
      await identity.signIn({ email: 'nobody@stats-a.example', password: 'nope', ip: '192.0.2.2' });
      clock.set(at('2026-04-02T10:00:00Z'));
    });
    after(() => handle.close());

    test('the figures of a known set, per local day across the DST change', async () => {
      const f = await stats.figures(admin(), filter());
      assert.equal(f.timeZone, 'Europe/Ljubljana');
      assert.deepEqual(f.perDay, [
        { date: '2026-03-27', count: 2 },
        { date: '2026-03-28', count: 0 },
        { date: '2026-03-29', count: 0 },
        { date: '2026-03-30', count: 3 },
        { date: '2026-03-31', count: 0 },
      ]);
      assert.deepEqual(
        f.perService.map((s) => [s.service.slug, s.count]),
        [
          ['passports', 4],
          ['permits', 1],
        ],
      );
      assert.deepEqual(f.outcomes, {
        booked: 5,
        done: 3,
        noShows: 1,
        cancelled: 1,
        due: 4,
        rate: 0.25,
      });
      assert.deepEqual(f.wait, { count: 3, median: 4, p90: 10, mean: 16 / 3 });
      assert.deepEqual(f.length, { count: 3, median: 30, p90: 40, mean: 30 });
      assert.deepEqual(f.satisfaction, { count: 3, average: 3.7, distribution: [0, 1, 0, 1, 1] });
      assert.deepEqual(
        f.comments.map((c) => [c.date, c.service?.slug, c.comment]),
        [
          ['2026-03-30', 'permits', 'Waited long'],
          ['2026-03-27', 'passports', 'Very quick'],
        ],
      );
      assert.deepEqual(
        f.signIns.filter((d) => d.succeeded || d.failed),
        [
          { date: '2026-03-28', succeeded: 0, failed: 1 },
          { date: '2026-03-30', succeeded: 1, failed: 0 },
        ],
      );
      assert.deepEqual(f.staff, { admins: 1, officials: 1 });
      assert.equal(f.capacity, null, 'capacity needs one service');
    });

    test('fees: charged, paid, due and overdue per fee type and month, this organisation only', async () => {
      const ours = await seedFee(handle.db, org.organisationId, 'dog', [
        { vs: '2601000001', instalments: [['2026-03-31', 150_000]], paid: [50_000] },
        { vs: '2601000002', instalments: [['2026-03-15', 20_000]], paid: [20_000, 5_000] },
        { vs: '2601000003', instalments: [['2026-04-30', 150_000]], paid: [] },
        { vs: '2601000004', instalments: [['2026-03-20', 99_900]], paid: [], cancelled: true },
        { vs: '2601000005', instalments: [['2026-02-28', 7_000]], paid: [] },
      ]);
      await seedFee(handle.db, other.organisationId, 'dog', [
        { vs: '2601000001', instalments: [['2026-03-31', 1_000]], paid: [] },
      ]);
      // 2 April: the 31 March instalment is overdue, the 30 April one still due.
      const f = await stats.figures(admin(), filter({ from: '2026-03-01', to: '2026-04-30' }));
      assert.equal(f.fees.currency, 'EUR');
      assert.deepEqual(
        f.fees.feeTypes.map((t) => t.id),
        [ours],
      );
      assert.deepEqual(
        f.fees.months.map((m) => [
          m.month,
          m.chargedMinor,
          m.paidMinor,
          m.dueMinor,
          m.overdueMinor,
        ]),
        [
          ['2026-03', 170_000, 75_000, 0, 100_000],
          ['2026-04', 150_000, 0, 150_000, 0],
        ],
      );
    });

    test('capacity: the slots of the hours, less the closure and the absence, against the bookings', async () => {
      const f = await stats.figures(admin(), filter({ serviceId: org.passports }));
      // 30-minute slots 08:00–12:00 on weekdays: 8 a day; Friday loses 10:00–12:00 to the absence, Tuesday is closed.
      assert.deepEqual(
        f.capacity?.days.map((d) => [d.date, d.free, d.booked]),
        [
          ['2026-03-27', 2, 2],
          ['2026-03-28', 0, 0],
          ['2026-03-29', 0, 0],
          ['2026-03-30', 6, 2],
          ['2026-03-31', 0, 0],
        ],
      );
      assert.deepEqual(f.capacity?.total, { free: 8, booked: 4, utilisation: 4 / 12 });
    });

    test('filters by service and office', async () => {
      const permits = await stats.figures(
        admin(),
        filter({ serviceId: org.permits, officeId: org.officeId }),
      );
      assert.deepEqual(
        permits.perDay.map((d) => d.count),
        [0, 0, 0, 1, 0],
      );
      assert.deepEqual(permits.outcomes, {
        booked: 1,
        done: 1,
        noShows: 0,
        cancelled: 0,
        due: 1,
        rate: 0,
      });
      assert.deepEqual(permits.satisfaction.distribution, [0, 1, 0, 0, 0]);
      const oneDay = await stats.figures(admin(), filter({ from: '2026-03-30', to: '2026-03-30' }));
      assert.deepEqual(oneDay.perDay, [{ date: '2026-03-30', count: 3 }]);
    });

    test("citizens' sign-ins: per local day, provider and level, only those started from this organisation's pages", async () => {
      const signInClock = fixedClock(at('2026-03-29T22:30:00Z')); // Mon 30 March 00:30 local
      const citizens = citizensService({ db: handle.db, clock: signInClock });
      const person = (
        id: string,
        providerId = 'nia',
        loa: Loa = 'substantial',
      ): VerifiedIdentity => ({
        providerId,
        personIdentifier: id,
        loa,
        givenName: 'Ana',
        familyName: 'Novak',
      });
      const signIn = (who: VerifiedIdentity, organisationId?: string) =>
        citizens.signIn(who, { organisationId, ip: '192.0.2.1' });
      await signIn(person('CZ/CZ/stats-1'), org.organisationId); // a new account
      signInClock.set(at('2026-03-30T08:00:00Z'));
      await signIn(person('CZ/CZ/stats-1'), org.organisationId); // the same person again
      await signIn(person('CZ/CZ/stats-2', 'nia', 'high'), other.organisationId);
      await signIn(person('CZ/CZ/stats-3')); // from no organisation's page
      signInClock.set(at('2026-03-31T12:00:00Z'));
      await signIn(
        { ...person('ana@example.com', 'email', 'low'), email: 'ana@example.com' },
        org.organisationId,
      );
      await signIn(person('retired-1', 'retired', 'high'), org.organisationId);
      signInClock.set(at('2026-04-01T12:00:00Z')); // after the period
      await signIn(person('CZ/CZ/stats-4'), org.organisationId);

      const f = await stats.figures(admin(), filter());
      assert.deepEqual(
        f.citizens.perDay.map((d) => [d.date, d.signIns, d.newAccounts]),
        [
          ['2026-03-27', 0, 0],
          ['2026-03-28', 0, 0],
          ['2026-03-29', 0, 0],
          ['2026-03-30', 2, 1],
          ['2026-03-31', 2, 2],
        ],
      );
      assert.deepEqual(
        f.citizens.perProvider.map((p) => [p.providerId, p.loa, p.signIns, p.newAccounts]),
        [
          ['nia', 'substantial', 2, 1],
          ['email', 'low', 1, 1],
          ['retired', 'high', 1, 1],
        ],
      );
      assert.deepEqual(
        f.citizens.providers.map((p) => p.id),
        ['sipass', 'nia', 'email'],
      );
      // The other organisation sees its own sign-in only; nobody sees the one from no page.
      const theirs = await stats.figures(
        { ...admin(), id: other.admin, organisationId: other.organisationId },
        filter(),
      );
      assert.deepEqual(
        theirs.citizens.perProvider.map((p) => [p.providerId, p.loa, p.signIns]),
        [['nia', 'high', 1]],
      );
      // Office and service filters do not narrow them: a sign-in has neither.
      const atOffice = await stats.figures(admin(), filter({ officeId: org.officeId }));
      assert.deepEqual(atOffice.citizens, f.citizens);
    });

    test("figures survive the retention job's anonymisation: the comments go, the numbers stay", async () => {
      const before = await stats.figures(admin(), filter());
      const ids = await handle.db
        .selectFrom('booking')
        .select('id')
        .where('organisation_id', '=', org.organisationId)
        .execute();
      await handle.db.transaction().execute(async (tx) => {
        for (const { id } of ids) await anonymiseBooking(tx, id);
      });
      const after = await stats.figures(admin(), filter());
      assert.deepEqual(after.comments, []);
      assert.deepEqual({ ...after, comments: before.comments }, before);
    });

    test("officials are refused, and another organisation's office or service is not found", async () => {
      await assert.rejects(
        stats.figures({ ...admin(), role: 'official' }, filter()),
        (e) => e instanceof AppError && e.code === 'forbidden',
      );
      await assert.rejects(
        stats.options({ ...admin(), role: 'official' }),
        (e) => e instanceof AppError && e.code === 'forbidden',
      );
      await assert.rejects(
        stats.figures(admin(), filter({ officeId: other.officeId })),
        (e) => e instanceof AppError && e.code === 'not_found',
      );
      await assert.rejects(
        stats.figures(admin(), filter({ serviceId: other.passports })),
        (e) => e instanceof AppError && e.code === 'not_found',
      );
    });
  });
}
