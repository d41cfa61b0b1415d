/**
 * The demo organisations' fee registers (decision 043), loaded with the demo forms on a fresh
 * database: Kopřivnice in koruny with QR Platba, UE Domžale in euros with UPN QR. Among the
 * obligations: one overdue, one partly paid in cash, one paid, and one a newcomer can find and
 * pay (README, "Demo data": variable symbol 2601000042, Petra Malá).
 */
import type { Db } from '../db/db.ts';
import type { AuditService } from '../audit/service.ts';
import type { Localized } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { dayIn } from './domain.ts';
import { checkDraft, type ObligationDraft } from './obligation-input.ts';
import { storeObligation } from './obligation-store.ts';
import * as obligations from './obligations-repo.ts';
import * as repo from './repo.ts';

type DemoFeeType = {
  code: string;
  number: number;
  name: Localized;
  basis: 'person' | 'household' | 'object';
  formSlug?: string;
  rates: { effectiveFrom: string; amountMinor: number; ordinance: string }[];
};
type DemoObligation = Omit<ObligationDraft, 'birthNumber' | 'email'> & {
  fee: string;
  birthNumber?: string;
  email?: string;
  /** Cash received: [day, minor units]. */
  paid?: [string, number][];
};
export type DemoFees = {
  organisation: string;
  settings: Omit<repo.PaymentSettings, 'updatedAt'>;
  feeTypes: DemoFeeType[];
  obligations: DemoObligation[];
};

const DOG_ORDINANCE = 'OZV č. 3/2025, o místním poplatku ze psů';

export const DEMO_FEES: DemoFees[] = [
  {
    organisation: 'koprivnice',
    settings: {
      payeeName: 'Město Kopřivnice',
      payeeStreet: 'Štefánikova 1163',
      payeeCity: '742 21 Kopřivnice',
      iban: 'CZ6508000000192000145399',
      bic: 'GIBACZPX',
      qrFormat: 'spayd',
      purposeCode: 'OTHR',
      birthNumberLookup: true,
      birthNumberLegalBasis: {
        cs: 'Zákon č. 565/1990 Sb., o místních poplatcích, § 14a (ohlašovací povinnost včetně rodného čísla), a zákon č. 280/2009 Sb., daňový řád; čl. 6 odst. 1 písm. e) GDPR.',
        en: 'Act No. 565/1990 Coll. on local fees, section 14a (the notice, including the birth number), and Act No. 280/2009 Coll., the Tax Code; Article 6(1)(e) GDPR.',
        sl: 'Češki zakon št. 565/1990 Zb. o lokalnih taksah, § 14a (prijava z rojstno številko), in zakon št. 280/2009 Zb., davčni red; člen 6(1)(e) GDPR.',
      },
    },
    feeTypes: [
      {
        code: 'pes',
        number: 1,
        name: { cs: 'Poplatek ze psů', en: 'Dog fee', sl: 'Taksa za pse' },
        basis: 'object',
        formSlug: 'ohlaseni-psa',
        rates: [
          {
            effectiveFrom: '2025-01-01',
            amountMinor: 120_000,
            ordinance: 'OZV č. 5/2024, o místním poplatku ze psů',
          },
          { effectiveFrom: '2026-01-01', amountMinor: 150_000, ordinance: DOG_ORDINANCE },
        ],
      },
      {
        code: 'pes-snizena',
        number: 2,
        name: {
          cs: 'Poplatek ze psů – snížená sazba (poživatel důchodu)',
          en: 'Dog fee – reduced rate (pensioner)',
          sl: 'Taksa za pse – znižana tarifa (upokojenec)',
        },
        basis: 'object',
        rates: [
          {
            effectiveFrom: '2026-01-01',
            amountMinor: 20_000,
            ordinance: `${DOG_ORDINANCE}, čl. 4 odst. 2`,
          },
        ],
      },
      {
        code: 'odpad',
        number: 3,
        name: {
          cs: 'Poplatek za obecní systém odpadového hospodářství',
          en: 'Municipal waste fee',
          sl: 'Taksa za ravnanje z odpadki',
        },
        basis: 'person',
        rates: [
          {
            effectiveFrom: '2026-01-01',
            amountMinor: 90_000,
            ordinance: 'OZV č. 2/2025, o místním poplatku za obecní systém odpadového hospodářství',
          },
        ],
      },
    ],
    obligations: [
      // Overdue: the waste fee of 2026, due at the end of May, never paid.
      {
        fee: 'odpad',
        variableSymbol: '2603000017',
        payerName: 'Jan Novák',
        subject: 'Dlouhá 12, Kopřivnice',
        period: '2026',
        amount: '900',
        dueDates: ['2026-05-31'],
      },
      // Paid in cash at the town hall.
      {
        fee: 'odpad',
        variableSymbol: '2603000031',
        payerName: 'Tomáš Dvořák',
        subject: 'Záhumenní 1031, Kopřivnice',
        period: '2026',
        amount: '900',
        dueDates: ['2026-05-31'],
        paid: [['2026-05-12', 90_000]],
      },
      // Partly paid: the first of two instalments paid in cash; found by birth number too.
      {
        fee: 'pes',
        variableSymbol: '2601000023',
        payerName: 'Marie Svobodová',
        subject: 'Rex',
        period: '2027',
        amount: '',
        dueDates: ['2027-03-31', '2027-09-30'],
        birthNumber: '736028/5163',
        paid: [['2026-11-20', 75_000]],
      },
      // For newcomers: found by its symbol and name without signing in, and paid (README).
      {
        fee: 'pes',
        variableSymbol: '2601000042',
        payerName: 'Petra Malá',
        subject: 'Bella',
        period: '2027',
        amount: '',
        dueDates: ['2027-03-31'],
        email: 'petra.mala@example.cz',
      },
    ],
  },
  {
    organisation: 'ue-domzale',
    settings: {
      payeeName: 'Upravna enota Domžale',
      payeeStreet: 'Ljubljanska cesta 69',
      payeeCity: '1230 Domžale',
      iban: 'SI56011006000421003',
      bic: 'BSLJSI2X',
      qrFormat: 'upn',
      purposeCode: 'GOVT',
      birthNumberLookup: false,
      birthNumberLegalBasis: null,
    },
    feeTypes: [
      {
        code: 'upravna-taksa',
        number: 1,
        name: {
          sl: 'Upravna taksa za odločbo',
          en: 'Administrative fee for a decision',
          cs: 'Správní poplatek za rozhodnutí',
        },
        basis: 'person',
        rates: [
          {
            effectiveFrom: '2023-01-01',
            amountMinor: 2_260,
            ordinance: 'Zakon o upravnih taksah (ZUT), tarifna številka 3',
          },
        ],
      },
    ],
    obligations: [
      {
        fee: 'upravna-taksa',
        variableSymbol: '2601000005',
        payerName: 'Ana Kovač',
        subject: 'Odločba o vpisu v evidenco',
        period: '2026',
        amount: '',
        dueDates: ['2027-01-15'],
      },
      {
        fee: 'upravna-taksa',
        variableSymbol: '2601000006',
        payerName: 'Marko Horvat',
        subject: 'Odločba o dovolitvi',
        period: '2026',
        amount: '',
        dueDates: ['2026-10-15'],
      },
    ],
  },
];

/**
 * Loads the demo fee registers into the organisations that have no fee type yet (boot.ts, with
 * the demo forms, on a fresh database); how many obligations. Each obligation is checked as a
 * typed one: a demo row that fails is a bug here.
 */
export async function loadDemoFees(
  deps: { db: Db; clock: Clock; audit: AuditService; secret: string },
  demo: readonly DemoFees[],
): Promise<number> {
  let loaded = 0;
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    for (const d of demo) {
      const org = await tx
        .selectFrom('organisation')
        .select(['id', 'time_zone', 'currency'])
        .where('slug', '=', d.organisation)
        .executeTakeFirst();
      if (!org || (await repo.listFeeTypes(tx, org.id)).length) continue;
      const admin = await tx
        .selectFrom('staff')
        .select('id')
        .where('organisation_id', '=', org.id)
        .where('role', '=', 'admin')
        .orderBy('created_at')
        .executeTakeFirstOrThrow();
      await repo.saveSettings(tx, org.id, d.settings, now);
      const ids = new Map<string, string>();
      for (const f of d.feeTypes) {
        const id = await repo.insertFeeType(tx, {
          organisationId: org.id,
          code: f.code,
          name: f.name,
          basis: f.basis,
          number: f.number,
          formSlug: f.formSlug ?? null,
          now,
        });
        ids.set(f.code, id);
        for (const r of f.rates) await repo.insertRate(tx, { feeTypeId: id, ...r, now });
      }
      for (const o of d.obligations) {
        const feeTypeId = ids.get(o.fee)!;
        const rates = await repo.listRates(tx, org.id, feeTypeId);
        const draft = { birthNumber: '', email: '', ...o };
        const checked = checkDraft(draft, {
          rates,
          today: dayIn(now, org.time_zone),
          secret: deps.secret,
        });
        if (!checked.ok)
          throw new Error(`demo obligation ${o.variableSymbol}: ${JSON.stringify(checked.fields)}`);
        const { id } = await storeObligation(deps, tx, org.id, feeTypeId, checked.value, {
          source: 'staff',
          createdBy: admin.id,
          actor: null,
        });
        for (const [receivedOn, amountMinor] of o.paid ?? [])
          await obligations.insertCashPayment(tx, {
            organisationId: org.id,
            obligationId: id,
            amountMinor,
            currency: org.currency,
            receivedOn,
            by: admin.id,
            now,
          });
        loaded++;
      }
    }
  });
  return loaded;
}
