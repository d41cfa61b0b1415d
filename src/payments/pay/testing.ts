// Test fixtures of paying: an organisation's payment settings and obligations written straight
// into the tables (the register's own service is tested with the register).
import type { Db } from '../../db/db.ts';
import { birthNumberHmac, foldName } from '../payer.ts';

/** The organisation's id by slug. */
export async function organisationId(db: Db, slug: string): Promise<string> {
  const row = await db
    .selectFrom('organisation')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Payment settings with birth-number lookup on or off. */
export async function seedSettings(
  db: Db,
  organisation: string,
  opts: {
    birthNumberLookup: boolean;
    iban: string;
    qrFormat: 'spayd' | 'upn' | 'epc';
    payeeName?: string;
  },
): Promise<void> {
  await db
    .insertInto('payment_settings')
    .values({
      organisation_id: organisation,
      payee_name: opts.payeeName ?? 'Město Kopřivnice',
      iban: opts.iban,
      qr_format: opts.qrFormat,
      birth_number_lookup: opts.birthNumberLookup,
      birth_number_legal_basis: opts.birthNumberLookup
        ? JSON.stringify({
            cs: '§ 15 odst. 1 zákona č. 565/1990 Sb., o místních poplatcích',
            en: 'Section 15(1) of Act No. 565/1990 Coll., on local fees',
          })
        : null,
      updated_at: new Date(),
    })
    // The demo data may have given the organisation settings already: the test's win.
    .onConflict((oc) =>
      oc.column('organisation_id').doUpdateSet((eb) => ({
        payee_name: eb.ref('excluded.payee_name'),
        iban: eb.ref('excluded.iban'),
        qr_format: eb.ref('excluded.qr_format'),
        birth_number_lookup: eb.ref('excluded.birth_number_lookup'),
        birth_number_legal_basis: eb.ref('excluded.birth_number_legal_basis'),
      })),
    )
    .execute();
}

/** A fee type of the organisation; its id. */
export async function seedFeeType(db: Db, organisation: string, code: string): Promise<string> {
  const row = await db
    .insertInto('fee_types')
    .values({
      organisation_id: organisation,
      code,
      name: JSON.stringify({ cs: 'Poplatek ze psů', en: 'Dog fee', sl: 'Taksa za psa' }),
      basis: 'object',
      created_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One obligation with its instalments (and payments received); its id. */
export async function seedObligation(
  db: Db,
  o: {
    organisation: string;
    feeType: string;
    variableSymbol: string;
    payerName: string;
    currency: string;
    instalments: { dueDate: string; amountMinor: number }[];
    paid?: { amountMinor: number; receivedOn: string }[];
    accountId?: string;
    birthNumber?: { secret: string; digits: string };
    cancelled?: boolean;
  },
): Promise<string> {
  const amount = o.instalments.reduce((s, i) => s + i.amountMinor, 0);
  const row = await db
    .insertInto('obligations')
    .values({
      organisation_id: o.organisation,
      fee_type_id: o.feeType,
      variable_symbol: o.variableSymbol,
      payer_name: o.payerName,
      payer_name_key: foldName(o.payerName),
      birth_number_hmac: o.birthNumber
        ? birthNumberHmac(o.birthNumber.secret, o.birthNumber.digits)
        : null,
      citizen_account_id: o.accountId ?? null,
      subject: 'Rex (pes)',
      period: '2026',
      amount_minor: amount,
      currency: o.currency,
      due_date: o.instalments.at(-1)!.dueDate,
      source: 'staff',
      created_at: new Date(),
      cancelled_at: o.cancelled ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('obligation_instalments')
    .values(
      o.instalments.map((i, n) => ({
        obligation_id: row.id,
        seq: n + 1,
        due_date: i.dueDate,
        amount_minor: i.amountMinor,
      })),
    )
    .execute();
  for (const p of o.paid ?? [])
    await db
      .insertInto('payments')
      .values({
        organisation_id: o.organisation,
        obligation_id: row.id,
        method: 'cash',
        amount_minor: p.amountMinor,
        currency: o.currency,
        received_on: p.receivedOn,
        recorded_at: new Date(),
      })
      .execute();
  return row.id;
}
