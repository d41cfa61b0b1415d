/** The statistics filter as it arrives in the query string, and what it means. */
import { z } from 'zod';
import type { Translate } from '../i18n/i18n.ts';
import type { FieldErrors } from '../views/form.ts';
import { MAX_PERIOD_DAYS, periodProblem, presets } from './domain.ts';
import type { StatsFilter } from './service.ts';

/** What the form sends; every field is optional, so the bare page shows this month. */
export const statsQuery = z.object({
  office: z.string().max(100).optional(),
  service: z.string().max(100).optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
});
export type StatsQuery = z.infer<typeof statsQuery>;

const choice = z.union([z.literal(''), z.uuid()]);
const isoDate = z.iso.date();

/**
 * The filter, or the errors keyed by field id (the form comes back with them and the typed
 * values). A missing date means this month's first or last day in the organisation's zone.
 */
export function readFilter(
  raw: unknown,
  today: string,
  t: Translate,
): { filter: StatsFilter; typed: StatsQuery; errors: FieldErrors } {
  const q = statsQuery.safeParse(raw ?? {});
  const typed: StatsQuery = q.success ? q.data : {};
  const month = presets(today)[0]!;
  const errors: FieldErrors = {};
  const office = choice.safeParse(typed.office ?? '');
  const service = choice.safeParse(typed.service ?? '');
  if (!office.success) errors['stats-office'] = t('stats.error.choice');
  if (!service.success) errors['stats-service'] = t('stats.error.choice');
  const from = isoDate.safeParse(typed.from?.trim() || month.from);
  const to = isoDate.safeParse(typed.to?.trim() || month.to);
  if (!from.success) errors['stats-from'] = t('stats.error.date');
  if (!to.success) errors['stats-to'] = t('stats.error.date');
  const period = { from: from.data ?? month.from, to: to.data ?? month.to };
  if (from.success && to.success) {
    const problem = periodProblem(period);
    if (problem === 'order') errors['stats-to'] = t('stats.error.order');
    if (problem === 'too_long')
      errors['stats-to'] = t('stats.error.too_long', { days: MAX_PERIOD_DAYS });
  }
  return {
    filter: { ...period, officeId: office.data || null, serviceId: service.data || null },
    typed: {
      office: typed.office ?? '',
      service: typed.service ?? '',
      from: typed.from ?? period.from,
      to: typed.to ?? period.to,
    },
    errors,
  };
}
