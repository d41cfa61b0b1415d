import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { auditService } from '../audit/service.ts';
import { DB_KINDS } from '../db/testing.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import { bootTestApp } from '../http/testing.ts';
import { fixedClock, type Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import type { StandingName } from './domain.ts';
import { birthNumberHmac } from './payer.ts';
import { feeRegister, obligationStanding } from './service.ts';
import { paymentSettings } from './settings.ts';

const refusedWith = (code: string, field?: string) => (err: unknown) =>
  err instanceof AppError && err.code === code && (!field || field in (err.fields ?? {}));

const SECRET = 'test-secret';

/** A clock the test moves. */
function movableClock(start: string): Clock & { set(iso: string): void } {
  let now = new Date(start);
  return { now: () => now, set: (iso) => (now = new Date(iso)) };
}

for (const kind of DB_KINDS) {
  describe(`the fee register on ${kind}`, () => {
    let okence: Okence;
    const clock = movableClock('2026-03-31T10:00:00Z');
    before(async () => {
      okence = await bootTestApp(kind, { clock: fixedClock(new Date('2026-03-31T10:00:00Z')) });
    });
    after(async () => {
      await okence.close();
    });
    const db = () => okence.handle.db;
    const audit = () => auditService({ db: db(), clock });
    const fees = () => feeRegister({ db: db(), clock, audit: audit(), secret: SECRET });
    const principal = async (email: string): Promise<StaffPrincipal> => {
      const s = await db()
        .selectFrom('staff')
        .select(['id', 'organisation_id', 'role', 'display_name', 'email'])
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      return {
        id: s.id,
        organisationId: s.organisation_id,
        role: s.role,
        displayName: s.display_name,
        email: s.email,
      };
    };
    const auditActions = async (organisationId: string) =>
      (
        await db()
          .selectFrom('audit_event')
          .select('action')
          .where('organisation_id', '=', organisationId)
          .execute()
      ).map((r) => r.action);
    const draft = (over: Record<string, unknown> = {}) => ({
      payerName: 'Jan Novák',
      subject: 'Pes Alík',
      period: '2026',
      amount: '',
      dueDates: ['31. 3. 2026', '30.9.2026'],
      birthNumber: '',
      email: '',
      ...over,
    });
    let feeId = '';

    test('fee types get numbers in turn; rates are versions by day, never changed', async () => {
      const admin = await principal('admin@koprivnice.example');
      clock.set('2026-03-31T10:00:00Z');
      feeId = await fees().createFeeType(admin, {
        code: 'test-pes',
        name: { cs: 'Poplatek ze psů' },
        basis: 'object',
        formSlug: '',
      });
      await assert.rejects(
        fees().createFeeType(admin, {
          code: 'test-pes',
          name: { cs: 'x' },
          basis: 'object',
          formSlug: '',
        }),
        refusedWith('invalid_input', 'code'),
      );
      await fees().addRate(admin, feeId, {
        effectiveFrom: '1. 1. 2025',
        amount: '1 000',
        ordinance: 'OZV č. 2/2024',
      });
      await fees().addRate(admin, feeId, {
        effectiveFrom: '2026-01-01',
        amount: '1500',
        ordinance: 'OZV č. 3/2025',
      });
      await assert.rejects(
        fees().addRate(admin, feeId, { effectiveFrom: '1.1.2026', amount: '9', ordinance: 'x' }),
        refusedWith('invalid_input', 'effectiveFrom'),
      );
      const type = (await fees().feeTypes(admin)).find((t) => t.id === feeId)!;
      assert.equal(type.rates.length, 2);
      assert.equal(type.current?.amountMinor, 150_000);
      assert.ok(type.number && type.number >= 1);
      const official = await principal('urednik@koprivnice.example');
      await assert.rejects(fees().feeTypes(official), refusedWith('forbidden'));
    });

    test('an obligation takes the rate on its first due date, split into instalments that add up', async () => {
      const admin = await principal('admin@koprivnice.example');
      const { id, variableSymbol } = await fees().createObligation(admin, feeId, draft());
      assert.match(variableSymbol, /^26\d{2}000001$/);
      const second = await fees().createObligation(admin, feeId, draft({ payerName: 'Eva Malá' }));
      assert.equal(Number(second.variableSymbol), Number(variableSymbol) + 1);
      const d = await fees().detail(admin, id);
      assert.deepEqual(
        d.instalments.map((i) => i.amountMinor),
        [75_000, 75_000],
      );
      assert.equal(d.obligation.amountMinor, 150_000);
      assert.equal(d.obligation.dueDate, '2026-09-30');
      const early = await fees().createObligation(
        admin,
        feeId,
        draft({ dueDates: ['31.12.2025'] }),
      );
      assert.equal((await fees().detail(admin, early.id)).obligation.amountMinor, 100_000);
      await assert.rejects(
        fees().createObligation(
          admin,
          feeId,
          draft({ payerName: ' ', dueDates: ['30.2.2026'], birthNumber: '123' }),
        ),
        (err: unknown) =>
          err instanceof AppError &&
          ['payerName', 'due1', 'birthNumber'].every((f) => f in (err.fields ?? {})),
      );
      const other = await principal('admin@domzale.example');
      await assert.rejects(fees().detail(other, id), refusedWith('not_found'));
      await assert.rejects(
        fees().createObligation(other, feeId, draft()),
        refusedWith('invalid_input', 'feeType'),
      );
    });

    test('the birth number is kept only as its HMAC under the secret', async () => {
      const admin = await principal('admin@koprivnice.example');
      const { id } = await fees().createObligation(
        admin,
        feeId,
        draft({ birthNumber: '736028/5163' }),
      );
      const row = await db()
        .selectFrom('obligations')
        .select('birth_number_hmac')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.birth_number_hmac, birthNumberHmac(SECRET, '7360285163'));
    });

    test('standing turns overdue on the day after the due date in Prague, not in UTC', async () => {
      const admin = await principal('admin@koprivnice.example');
      const { id } = await fees().createObligation(
        admin,
        feeId,
        draft({ payerName: 'Petr Dvořák' }),
      );
      // 21:59 UTC on 31 March is 23:59 in Prague: still the due date.
      clock.set('2026-03-31T21:59:00Z');
      let s = await obligationStanding(db(), id, clock.now());
      assert.equal(s?.standing.standing, 'due');
      // 22:00 UTC is midnight in Prague: the first instalment is overdue.
      clock.set('2026-03-31T22:00:00Z');
      s = await obligationStanding(db(), id, clock.now());
      assert.deepEqual([s?.standing.standing, s?.standing.arrearsMinor], ['overdue', 75_000]);
      await fees().recordCash(admin, id, { amount: '750', receivedOn: '1. 4. 2026' });
      s = await obligationStanding(db(), id, clock.now());
      assert.deepEqual([s?.standing.standing, s?.standing.dueMinor], ['partly_paid', 75_000]);
      await assert.rejects(
        fees().recordCash(admin, id, { amount: '10', receivedOn: '2. 4. 2026' }),
        refusedWith('invalid_input', 'receivedOn'),
      );
    });

    test('the list filters by standing as the domain rules say, with sums', async () => {
      const admin = await principal('admin@koprivnice.example');
      clock.set('2026-04-15T08:00:00Z');
      const all = await fees().list(admin, { feeTypeId: feeId });
      assert.ok(all.rows.length >= 5);
      for (const name of ['due', 'overdue', 'partly_paid', 'paid', 'cancelled'] as StandingName[]) {
        const only = await fees().list(admin, { feeTypeId: feeId, standing: name });
        const expected = all.rows
          .filter((r) => r.standing.standing === name)
          .map((r) => r.id)
          .sort();
        assert.deepEqual(only.rows.map((r) => r.id).sort(), expected, name);
      }
      const live = all.rows.filter((r) => r.cancelledAt === null);
      assert.equal(
        all.totals.amountMinor,
        live.reduce((s, r) => s + r.amountMinor, 0),
      );
      assert.equal(
        all.totals.arrearsMinor,
        live.reduce((s, r) => s + r.standing.arrearsMinor, 0),
      );
      const byName = await fees().list(admin, { q: 'PETR  DVORAK' });
      assert.deepEqual(
        byName.rows.map((r) => r.payerName),
        ['Petr Dvořák'],
      );
      const bySymbol = await fees().list(admin, { q: byName.rows[0]!.variableSymbol });
      assert.equal(bySymbol.rows.length, 1);
    });

    test('cancelling: the obligation owes nothing, cash is refused, the second cancel changes nothing', async () => {
      const admin = await principal('admin@koprivnice.example');
      const { id } = await fees().createObligation(admin, feeId, draft({ payerName: 'Zrušený' }));
      await fees().cancel(admin, id);
      await fees().cancel(admin, id);
      const s = await obligationStanding(db(), id, clock.now());
      assert.equal(s?.standing.standing, 'cancelled');
      await assert.rejects(
        fees().recordCash(admin, id, { amount: '10', receivedOn: '1. 4. 2026' }),
        refusedWith('conflict'),
      );
      const actions = await auditActions(admin.organisationId);
      assert.equal(actions.filter((a) => a === 'obligation.cancelled').length, 1);
      for (const a of [
        'fee_type.created',
        'fee_rate.added',
        'obligation.created',
        'obligation.cash_recorded',
      ])
        assert.ok(actions.includes(a), a);
    });

    test('payment settings: a bad IBAN and the birth-number switch without a legal basis are refused', async () => {
      const admin = await principal('admin@koprivnice.example');
      const settings = paymentSettings({ db: db(), clock, audit: audit() });
      const input = {
        payeeName: 'Město Kopřivnice',
        payeeStreet: 'Štefánikova 1163',
        payeeCity: 'Kopřivnice',
        iban: 'CZ65 0800 0000 1920 0014 5399',
        bic: 'GIBACZPX',
        qrFormat: 'spayd',
        purposeCode: '',
        birthNumberLookup: true,
        legalBasis: {},
      };
      await assert.rejects(
        settings.save(admin, input),
        refusedWith('invalid_input', 'legalBasis_sl'),
      );
      await assert.rejects(
        settings.save(admin, {
          ...input,
          iban: 'CZ65 0800 0000 1920 0014 5398',
          birthNumberLookup: false,
        }),
        refusedWith('invalid_input', 'iban'),
      );
      await settings.save(admin, { ...input, legalBasis: { cs: 'zákon č. 565/1990 Sb., § 14a' } });
      const saved = await settings.get(admin);
      assert.equal(saved?.iban, 'CZ6508000000192000145399');
      assert.equal(saved?.purposeCode, 'OTHR');
      assert.ok((await auditActions(admin.organisationId)).includes('payment_settings.saved'));
    });
  });
}
