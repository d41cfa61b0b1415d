// The statistics' reading of the fee register: every live obligation with an instalment due in
// the period, its instalments and what was paid towards it, folded by fee-stats.ts.
import { sql } from 'kysely';
import type { Db } from '../db/db.ts';
import type { Localized } from '../i18n/i18n.ts';
import { feeMonths, type FeeMonth, type ObligationFacts } from './fee-stats.ts';

/** The fee figures of the statistics page: the organisation's fee types and the monthly rows. */
export type FeeStatistics = { feeTypes: { id: string; name: Localized }[]; months: FeeMonth[] };

/**
 * Fee figures of an organisation for the instalments due in [from, to] as they stand on `today`
 * (days in its zone). Cancelled obligations and payments not yet assigned to one are left out:
 * they belong to no fee.
 */
export async function feeStatistics(
  db: Db,
  organisationId: string,
  period: { from: string; to: string },
  today: string,
): Promise<FeeStatistics> {
  const [feeTypes, rows] = await Promise.all([
    db
      .selectFrom('fee_types')
      .select(['id', 'name'])
      .where('organisation_id', '=', organisationId)
      .orderBy('number')
      .orderBy('code')
      .execute(),
    db
      .selectFrom('obligations as o')
      .innerJoin('obligation_instalments as i', 'i.obligation_id', 'o.id')
      .select([
        'o.id',
        'o.fee_type_id as feeTypeId',
        'i.seq',
        'i.due_date as dueDate',
        'i.amount_minor as amountMinor',
        sql<string | number>`(SELECT coalesce(sum(p.amount_minor), 0) FROM payments AS p
          WHERE p.obligation_id = o.id)`.as('paidMinor'),
      ])
      .where('o.organisation_id', '=', organisationId)
      .where('o.cancelled_at', 'is', null)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('obligation_instalments as d')
            .select(sql`1`.as('one'))
            .whereRef('d.obligation_id', '=', 'o.id')
            .where('d.due_date', '>=', period.from)
            .where('d.due_date', '<=', period.to),
        ),
      )
      .execute(),
  ]);
  const facts = new Map<
    string,
    ObligationFacts & { instalments: ObligationFacts['instalments'][number][] }
  >();
  for (const r of rows) {
    const o = facts.get(r.id) ?? {
      feeTypeId: r.feeTypeId,
      paidMinor: Number(r.paidMinor),
      instalments: [],
    };
    o.instalments.push({ seq: r.seq, dueDate: r.dueDate, amountMinor: Number(r.amountMinor) });
    facts.set(r.id, o);
  }
  return { feeTypes, months: feeMonths([...facts.values()], period, today) };
}
