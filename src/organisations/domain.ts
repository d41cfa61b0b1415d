/** Pure rules of organisations as the operator sees them: states, the deletion's waiting period, sizes. */
import { localeOf, type Lang } from '../i18n/i18n.ts';

/**
 * Days between a deletion request and the deletion: long enough for a mistaken request to be
 * noticed and cancelled, and for the organisation to get its export (decision 023).
 */
export const DELETION_WAITING_DAYS = 30;
const DAY_MS = 86_400_000;

/** Where an organisation stands. A deletion request suspends it too. */
export type OrganisationState = 'active' | 'suspended' | 'deletion_requested';

/** The state from the two timestamps migration 018 keeps. */
export function organisationState(o: {
  suspendedAt: Date | null;
  deletionRequestedAt: Date | null;
}): OrganisationState {
  if (o.deletionRequestedAt) return 'deletion_requested';
  return o.suspendedAt ? 'suspended' : 'active';
}

/** When a deletion asked for at `requestedAt` may run. */
export function deletionDueAt(requestedAt: Date, waitingDays = DELETION_WAITING_DAYS): Date {
  return new Date(requestedAt.getTime() + waitingDays * DAY_MS);
}

/** Whether the deletion may run now: it was asked for and its waiting period is over. */
export function deletionMayRun(
  requestedAt: Date | null,
  now: Date,
  waitingDays = DELETION_WAITING_DAYS,
): boolean {
  return requestedAt !== null && now.getTime() >= deletionDueAt(requestedAt, waitingDays).getTime();
}

/**
 * Whether what the operator typed confirms the organisation: its slug exactly (surrounding
 * spaces forgiven), so a deletion is never confirmed by a click alone or by the wrong tab.
 */
export function confirmsSlug(typed: string, slug: string): boolean {
  return typed.trim() === slug;
}

/** What may be done in each state (the console offers only these; the service refuses the rest). */
export function allowedActions(
  state: OrganisationState,
  deletionDue: boolean,
): ('suspend' | 'resume' | 'request_deletion' | 'cancel_deletion' | 'delete')[] {
  switch (state) {
    case 'active':
      return ['suspend', 'request_deletion'];
    case 'suspended':
      return ['resume', 'request_deletion'];
    case 'deletion_requested':
      return deletionDue ? ['cancel_deletion', 'delete'] : ['cancel_deletion'];
  }
}

const UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** A size as people read it, in decimal units as Intl names them ("1.5 MB", "1,5 MB"); kilobytes at least. */
export function humanBytes(bytes: number, lang: Lang): string {
  let value = Math.max(0, bytes) / 1000;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(localeOf(lang), {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}
