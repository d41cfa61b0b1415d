import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../../boot.ts';
import { staffActor } from '../../audit/domain.ts';
import { DB_KINDS } from '../../db/testing.ts';
import { bootTestApp } from '../../http/testing.ts';
import { AppError } from '../../lib/errors.ts';
import { staffOf } from '../../submissions/testing-states.ts';
import { statementsService, type StatementActor } from './service.ts';
import { aboFile, aboHeader, aboItem, camtEntry, camtFile, camtTx } from './testing.ts';
import { seedObligations, statementTables } from './testing-db.ts';

const code = (err: unknown) => (err instanceof AppError ? err.code : String(err));

for (const kind of DB_KINDS) {
  describe(`bank statements imported and matched (${kind})`, () => {
    let okence: Okence;
    let service: ReturnType<typeof statementsService>;
    let org: string;
    let other: string;
    let actor: StatementActor;
    let obligations: Map<string, string>;
    before(async () => {
      okence = await bootTestApp(kind);
      const db = okence.handle.db;
      service = statementsService({
        db,
        clock: okence.services.clock,
        audit: okence.services.audit,
      });
      const admin = await staffOf(okence, 'koprivnice');
      org = admin.organisationId;
      other = (await staffOf(okence, 'ue-domzale')).organisationId;
      actor = { staffId: admin.id, audit: staffActor(admin) };
      obligations = await seedObligations(db, org, [
        { vs: '1001', amountMinor: 50000 },
        { vs: '1002', amountMinor: 50000 },
        { vs: '1003', amountMinor: 50000 },
        { vs: '1004', amountMinor: 1000, currency: 'EUR' },
        { vs: '1005', amountMinor: 50000, cancelled: true },
        { vs: '1006', amountMinor: 120000 },
        { vs: '1007', amountMinor: 7000 },
      ]);
      await seedObligations(db, other, [{ vs: '9009', amountMinor: 100 }]);
    });
    after(async () => {
      await okence.close();
    });
    const tables = () => statementTables(okence.handle.db, org);
    const importFile = (bytes: Uint8Array, fileName = 'vypis.gpc') =>
      service.importStatement({ organisationId: org, bytes, fileName, actor });

    const twin = aboItem({
      amountMinor: 35000,
      vs: '0000001006',
      note: 'Řehoř Žůrek',
      document: '0',
    });
    const november = aboFile([
      aboHeader({ name: 'Město Kopřivnice', number: 11 }),
      aboItem({ amountMinor: 50000, vs: '1001', note: 'Jiří Dvořák' }),
      '078Poplatek ze psů – Ořech',
      aboItem({ amountMinor: 20000, vs: '0000001002', note: 'Růžena Malá' }),
      aboItem({ amountMinor: 60000, vs: '1003' }),
      aboItem({ amountMinor: 1000, vs: '1004' }),
      aboItem({ amountMinor: 50000, vs: '1005' }),
      aboItem({ amountMinor: 777, vs: '424242' }),
      aboItem({ amountMinor: 1, vs: '0' }),
      twin,
      twin,
      aboItem({ amountMinor: 99999, code: '1', vs: '1001' }),
      aboItem({ amountMinor: 5000, code: '5', vs: '1001' }),
    ]);

    test('an ABO statement: exact, partial and over payments matched, the rest unmatched with reasons', async () => {
      const report = await importFile(november);
      assert.equal(report.outcome, 'imported');
      if (report.outcome !== 'imported') return;
      assert.deepEqual(report.counts, {
        lines: 11,
        credits: 9,
        alreadyKnown: 0,
        matched: { exact: 1, partial: 3, over: 1 },
        unmatched: {
          no_variable_symbol: 1,
          unknown_variable_symbol: 1,
          other_currency: 1,
          cancelled: 1,
        },
        debits: 1,
        reversals: 1,
      });
      assert.deepEqual(report.reversals, [
        { source: 13, direction: 'credit-reversal', amountMinor: 5000, currency: 'CZK' },
      ]);
      const t = await tables();
      assert.equal(
        t.statement_lines.length,
        9,
        'both identical payments are stored; no debit or reversal',
      );
      const paid = (vs: string) =>
        t.payments
          .filter((p) => p.obligation_id === obligations.get(vs))
          .map((p) => Number(p.amount_minor));
      assert.deepEqual(paid('1001'), [50000]);
      assert.deepEqual(paid('1002'), [20000], 'a partial payment is kept as it came');
      assert.deepEqual(paid('1003'), [60000], 'an overpayment is kept as it came');
      assert.deepEqual(paid('1006'), [35000, 35000]);
      assert.equal(t.payments.filter((p) => p.obligation_id === null).length, 4);
      assert.ok(t.payments.every((p) => p.method === 'bank' && p.received_on === '2026-11-30'));
      const withMessage = t.statement_lines.find((l) => l.variable_symbol === '1001')!;
      assert.equal(withMessage.counter_name, 'Jiří Dvořák');
      assert.equal(withMessage.message, 'Poplatek ze psů – Ořech');
      assert.deepEqual(
        t.audit.map((a) => a.action),
        ['bank_statement.imported'],
      );
    });

    test('the same file again is refused by its hash and changes nothing', async () => {
      const before = await tables();
      const report = await importFile(november, 'again.gpc');
      assert.equal(report.outcome, 'already_imported');
      assert.deepEqual(await tables(), before);
    });

    test('an overlapping statement counts the payments it shares once; later payments see what is still due', async () => {
      const overlap = aboFile([
        aboHeader({ number: 12 }),
        aboItem({ amountMinor: 20000, vs: '1002', note: 'Růžena Malá' }),
        twin,
        aboItem({ amountMinor: 30000, vs: '1002', date: '011226' }),
        aboItem({ amountMinor: 120000 - 70000, vs: '1006', date: '011226' }),
      ]);
      const report = await importFile(overlap, 'prekryv.gpc');
      assert.equal(report.outcome, 'imported');
      if (report.outcome !== 'imported') return;
      assert.equal(report.counts.alreadyKnown, 2);
      assert.deepEqual(report.counts.matched, { exact: 2, partial: 0, over: 0 });
      const t = await tables();
      assert.equal(t.payments.filter((p) => p.obligation_id === obligations.get('1002')).length, 2);
    });

    test('a malformed file is refused whole with its line numbers; nothing is stored', async () => {
      const before = await tables();
      const good = aboItem({ amountMinor: 100, vs: '1007' });
      const report = await importFile(
        aboFile([
          aboHeader({ number: 13 }),
          good,
          `${good.slice(0, 61)}12345X7890${good.slice(71)}`,
          good.slice(0, 50) + 'é'.repeat(90),
        ]),
      );
      assert.equal(report.outcome, 'refused');
      assert.deepEqual(
        report.outcome === 'refused' && report.errors.map((e) => [e.line, e.problem]),
        [
          [3, 'bad_symbol'],
          [4, 'bad_length'],
        ],
      );
      assert.deepEqual(await tables(), before);
    });

    test('a camt.053 statement with a batch entry', async () => {
      const report = await importFile(
        camtFile([
          camtEntry({
            amount: '70.00',
            ref: 'KB-1',
            details: camtTx({ endToEnd: 'VS1007', name: 'Šárka Říhová' }),
          }),
          camtEntry({
            amount: '30.00',
            ref: 'KB-2',
            details:
              camtTx({ amount: '10.00', message: '/VS/9009' }) +
              camtTx({ amount: '20.00', message: 'bez symbolu' }),
          }),
          camtEntry({ amount: '5.00', ref: 'KB-3', credit: false }),
        ]),
        'vypis.xml',
      );
      assert.equal(report.outcome, 'imported');
      if (report.outcome !== 'imported') return;
      assert.equal(report.format, 'camt053');
      assert.deepEqual(report.counts.matched, { exact: 1, partial: 0, over: 0 });
      assert.equal(
        report.counts.unmatched.unknown_variable_symbol,
        1,
        "another organisation's VS is unknown here",
      );
      assert.equal(report.counts.unmatched.no_variable_symbol, 1);
      assert.equal(report.counts.debits, 1);
    });

    test('an unmatched payment is assigned by hand once, audited; another organisation cannot reach it', async () => {
      const unmatched = await service.unmatched(org);
      const target = unmatched.find((p) => p.variableSymbol === '424242')!;
      assert.ok(target);
      const intruder = await staffOf(okence, 'ue-domzale');
      await assert.rejects(
        service.assignPayment({
          organisationId: intruder.organisationId,
          paymentId: target.id,
          obligation: { variableSymbol: '9009' },
          actor: { staffId: intruder.id, audit: staffActor(intruder) },
        }),
        (err) => code(err) === 'not_found',
      );
      const assign = (vs: string) =>
        service.assignPayment({
          organisationId: org,
          paymentId: target.id,
          obligation: { variableSymbol: vs },
          actor,
        });
      await assert.rejects(
        assign('9009'),
        (err) => code(err) === 'invalid_input',
        "another organisation's obligation",
      );
      await assert.rejects(
        assign('1004'),
        (err) => code(err) === 'invalid_input',
        'another currency',
      );
      await assert.rejects(
        assign('1005'),
        (err) => code(err) === 'invalid_input',
        'a cancelled obligation',
      );
      assert.deepEqual(await assign('0001007'), { obligationId: obligations.get('1007') });
      const before = await tables();
      await assert.rejects(assign('1001'), (err) => code(err) === 'conflict');
      assert.deepEqual(await tables(), before);
      const row = before.payments.find((p) => p.id === target.id)!;
      assert.equal(row.obligation_id, obligations.get('1007'));
      assert.equal(row.assigned_by, actor.staffId);
      assert.deepEqual(
        before.audit.filter((a) => a.action === 'bank_payment.assigned').map((a) => a.object_id),
        [target.id],
      );
      assert.ok(!(await service.unmatched(org)).some((p) => p.id === target.id));
    });

    test('a statement of another account than the payment settings is refused whole', async () => {
      const iban = 'CZ6508000000192000145399';
      await okence.handle.db
        .insertInto('payment_settings')
        .values({
          organisation_id: org,
          payee_name: 'Město Kopřivnice',
          iban,
          qr_format: 'spayd',
          updated_at: new Date(),
        })
        .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ iban }))
        .execute();
      const ours = await importFile(
        aboFile([
          aboHeader({ account: '0000192000145399', number: 31 }),
          aboItem({ amountMinor: 1, vs: '1007' }),
        ]),
      );
      assert.equal(ours.outcome, 'imported');
      const before = await okence.handle.db
        .selectFrom('statement_lines')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      const theirs = await importFile(
        aboFile([aboHeader({ number: 32 }), aboItem({ amountMinor: 2, vs: '1007' })]),
      );
      assert.equal(theirs.outcome, 'other_account');
      assert.equal(theirs.outcome === 'other_account' && theirs.iban, iban);
      const after = await okence.handle.db
        .selectFrom('statement_lines')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n), 'nothing of it was stored');
    });

    test('the statements list counts credits and matched payments per statement', async () => {
      const list = await service.statements(org);
      assert.equal(list.length, 4, "the other account's statement was refused");
      const first = list.find((s) => s.statementNumber === '011')!;
      assert.equal(first.credits, 9);
      assert.equal(first.matched, 6, 'five matched on import and the one assigned by hand');
    });
  });
}
