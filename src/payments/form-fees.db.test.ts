import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { publishOpenForm, send } from '../submissions/testing-states.ts';
import { auditService } from '../audit/service.ts';
import { DEMO_FEES, loadDemoFees } from './demo.ts';
import { obligationStanding } from './service.ts';

for (const kind of DB_KINDS) {
  describe(`demo fees and a form's fee on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-12-01T09:00:00Z'));
    before(async () => {
      okence = await bootTestApp(kind, { clock });
      // Tests boot without the demo fees (each seeds its own): load them as a fresh start would.
      const db = okence.handle.db;
      const deps = { db, clock, audit: auditService({ db, clock }), secret: 's' };
      assert.equal(await loadDemoFees(deps, DEMO_FEES), 6);
      assert.equal(await loadDemoFees(deps, DEMO_FEES), 0, 'loaded once');
    });
    after(async () => {
      await okence.close();
    });
    const db = () => okence.handle.db;
    const standingOf = async (vs: string) => {
      const o = await db()
        .selectFrom('obligations')
        .select('id')
        .where('variable_symbol', '=', vs)
        .executeTakeFirstOrThrow();
      return (await obligationStanding(db(), o.id, clock.now()))!.standing;
    };

    test('the demo data has an overdue, a partly paid, a paid and a payable obligation, and both QR formats', async () => {
      assert.equal((await standingOf('2603000017')).standing, 'overdue');
      assert.equal((await standingOf('2601000023')).standing, 'partly_paid');
      assert.equal((await standingOf('2603000031')).standing, 'paid');
      const newcomer = await standingOf('2601000042');
      assert.deepEqual([newcomer.standing, newcomer.dueMinor], ['due', 150_000]);
      const formats = await db()
        .selectFrom('payment_settings as s')
        .innerJoin('organisation as o', 'o.id', 's.organisation_id')
        .select(['o.slug', 's.qr_format', 's.iban'])
        .orderBy('o.slug')
        .execute();
      assert.deepEqual(
        formats.map((f) => [f.slug, f.qr_format, f.iban.slice(0, 2)]),
        [
          ['koprivnice', 'spayd', 'CZ'],
          ['ue-domzale', 'upn', 'SI'],
        ],
      );
    });

    test("a stored submission of a fee's form makes its obligation once, linked to the citizen's account", async () => {
      const form = await publishOpenForm(okence, 'koprivnice', 'ohlaseni-test');
      const fee = await db()
        .insertInto('fee_types')
        .values({
          organisation_id: form.organisationId,
          code: 'test-form-fee',
          name: JSON.stringify({ cs: 'Test' }),
          basis: 'person',
          number: 50,
          form_slug: 'ohlaseni-test',
          created_at: clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db()
        .insertInto('fee_rates')
        .values({
          fee_type_id: fee.id,
          effective_from: '2026-01-01',
          amount_minor: 50_000,
          ordinance: 'OZV č. 1/2026',
          created_at: clock.now(),
        })
        .execute();
      const account = await db()
        .insertInto('citizen_accounts')
        .values({ created_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow();
      const sent = await send(okence, form, { accountId: account.id });
      // The obligation follows the stored event: wait for it, at most a few seconds.
      let row;
      for (const deadline = Date.now() + 5000; !row && Date.now() < deadline;) {
        row = await db()
          .selectFrom('obligations')
          .select([
            'id',
            'citizen_account_id',
            'source',
            'amount_minor',
            'due_date',
            'variable_symbol',
          ])
          .where('submission_id', '=', sent.id)
          .executeTakeFirst();
        if (!row) await new Promise((r) => setTimeout(r, 20));
      }
      assert.ok(row, 'an obligation for the submission');
      assert.equal(row.citizen_account_id, account.id);
      assert.equal(row.source, 'form');
      assert.equal(Number(row.amount_minor), 50_000);
      assert.equal(row.due_date, '2026-12-31');
      assert.match(row.variable_symbol, /^2650\d{6}$/);
      // Announced again (a retry): still one obligation.
      assert.equal(await okence.services.fromForms.fromSubmission(sent.id), row.id);
      const count = await db()
        .selectFrom('obligations')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('submission_id', '=', sent.id)
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 1);
    });
  });
}
