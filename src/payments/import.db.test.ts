import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { auditService } from '../audit/service.ts';
import { DB_KINDS } from '../db/testing.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import { bootTestApp } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { obligationImport } from './import.ts';
import { feeRegister } from './service.ts';

/** Text as Windows-1250 bytes (only the Czech letters these tests use). */
function cp1250(text: string): Uint8Array {
  const table: Record<string, number> = {
    ř: 0xf8,
    í: 0xed,
    Š: 0x8a,
    ť: 0x9d,
    ý: 0xfd,
    á: 0xe1,
    č: 0xe8,
    ě: 0xec,
    é: 0xe9,
  };
  return Uint8Array.from([...text].map((c) => table[c] ?? c.charCodeAt(0)));
}

for (const kind of DB_KINDS) {
  describe(`the CSV import of obligations on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-12-01T09:00:00Z'));
    before(async () => {
      okence = await bootTestApp(kind, { clock });
    });
    after(async () => {
      await okence.close();
    });
    const db = () => okence.handle.db;
    const deps = () => ({ db: db(), clock, audit: auditService({ db: db(), clock }), secret: 's' });
    const admin = async (): Promise<StaffPrincipal> => {
      const s = await db()
        .selectFrom('staff')
        .select(['id', 'organisation_id', 'role', 'display_name', 'email'])
        .where('email', '=', 'admin@koprivnice.example')
        .executeTakeFirstOrThrow();
      return {
        id: s.id,
        organisationId: s.organisation_id,
        role: s.role,
        displayName: s.display_name,
        email: s.email,
      };
    };

    test('valid rows are imported, each refused row is reported by line, and importing again adds nothing', async () => {
      const actor = await admin();
      const fees = feeRegister(deps());
      await fees.createFeeType(actor, {
        code: 'odpad-test',
        name: { cs: 'Odpad' },
        basis: 'person',
        formSlug: '',
      });
      const csv = [
        'VS;Payer;Fee;Period;Amount;Due;Subject;Birth_number;Email',
        '7700001;Jiří Šťastný;odpad-test;2027;1 234,50;31.3.2027;Hlavní 1;;jiri@example.cz',
        ';Věra Malá;odpad-test;2027;900.00;2027-03-31;;;',
        '7700002;Bez poplatku;neznamy;2027;100;31.3.2027;;;',
        '7700003;Špatná částka;odpad-test;2027;1.234,50;31.3.2027;;;',
        '7700001;Dvakrát;odpad-test;2027;100;31.3.2027;;;',
        '7700004;Krátký řádek;odpad-test',
        '7700005;Špatné datum;odpad-test;2027;100;31.2.2027;;123;',
      ].join('\r\n');
      const imports = obligationImport(deps());
      const first = await imports.run(actor, cp1250(csv), 'finance.csv');
      assert.equal(first.encoding, 'windows-1250');
      assert.deepEqual(
        first.imported.map((i) => i.line),
        [2, 3],
      );
      assert.equal(first.imported[0]!.variableSymbol, '7700001');
      assert.match(first.imported[1]!.variableSymbol, /^26\d{8}$/);
      assert.deepEqual(
        first.refused.map((r) => [r.line, r.reasons]),
        [
          [4, ['fees.error.fee_code']],
          [5, ['fees.error.amount']],
          [6, ['fees.error.symbol_twice']],
          [7, ['fees.error.fields']],
          [8, ['fees.error.due_dates', 'fees.error.birth_number']],
        ],
      );
      const row = await db()
        .selectFrom('obligations')
        .select(['payer_name', 'payer_name_key', 'amount_minor', 'source', 'payer_email'])
        .where('variable_symbol', '=', '7700001')
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        { ...row, amount_minor: Number(row.amount_minor) },
        {
          payer_name: 'Jiří Šťastný',
          payer_name_key: 'jiri stastny',
          amount_minor: 123_450,
          source: 'import',
          payer_email: 'jiri@example.cz',
        },
      );
      const count = async () =>
        Number(
          (
            await db()
              .selectFrom('obligations')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      // The same file again (now as UTF-8): the row with a symbol is refused as taken, the row
      // without one as the same obligation already imported.
      const again = await imports.run(actor, new TextEncoder().encode(csv), 'finance.csv');
      assert.equal(again.encoding, 'utf-8');
      assert.deepEqual(again.imported, []);
      assert.deepEqual(again.refused.slice(0, 2), [
        { line: 2, reasons: ['fees.error.symbol_taken'] },
        { line: 3, reasons: ['fees.error.already_imported'] },
      ]);
      assert.equal(await count(), before);
      const audit = await db()
        .selectFrom('audit_event')
        .select(['action', 'summary'])
        .where('action', '=', 'obligation.imported')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.summary),
        ['finance.csv: 2 / 7', 'finance.csv: 0 / 7'],
      );
    });

    test('a file without the required columns is refused whole', async () => {
      const imports = obligationImport(deps());
      await assert.rejects(
        imports.run(await admin(), new TextEncoder().encode('name;amount\nX;1\n'), 'x.csv'),
        (err: unknown) => err instanceof AppError && err.fields?.file === 'fees.error.header',
      );
    });
  });
}
