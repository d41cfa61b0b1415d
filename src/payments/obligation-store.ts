/**
 * Writing an obligation, whichever way it came (the staff form, a submitted form, the import,
 * the demo data): its variable symbol allocated when it has none, the row and its instalments,
 * and its audit entry, all in the caller's transaction.
 */
import type { Db } from '../db/db.ts';
import { staffActor } from '../audit/domain.ts';
import type { AuditService } from '../audit/service.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { dayIn, nextSymbol, symbolRange } from './domain.ts';
import type { CheckedObligation } from './obligation-input.ts';
import * as repo from './repo.ts';

/** Where an obligation came from, and who made it. */
export type OriginOfObligation = {
  source: 'staff' | 'form' | 'import';
  createdBy: string | null;
  submissionId?: string | null;
  citizenAccountId?: string | null;
};

/**
 * Allocates the next variable symbol of a fee type in the year of `day`. The fee type's row is
 * locked for the transaction, so two allocations for one fee wait for each other and never
 * take the same number.
 */
export async function allocateSymbol(
  tx: Db,
  organisationId: string,
  feeTypeId: string,
  day: string,
): Promise<string> {
  const fee = await repo.findFeeType(tx, organisationId, { id: feeTypeId }, true);
  if (!fee?.number) throw new AppError('conflict', 'the fee type has no number for symbols');
  const year = Number(day.slice(0, 4));
  const top = await repo.highestSymbol(tx, organisationId, symbolRange(year, fee.number));
  const symbol = nextSymbol(year, fee.number, top);
  if (!symbol) throw new AppError('conflict', 'the fee type ran out of symbols this year');
  return symbol;
}

/**
 * Stores a checked obligation in `tx`, allocating its symbol when it has none. Audited one by
 * one unless `audited` is false (the import records one entry for the whole file).
 */
export async function storeObligation(
  deps: { clock: Clock; audit: AuditService },
  tx: Db,
  organisationId: string,
  feeTypeId: string,
  value: CheckedObligation,
  origin: OriginOfObligation & { actor: StaffPrincipal | null; audited?: boolean },
): Promise<{ id: string; variableSymbol: string }> {
  const org = await repo.orgContext(tx, organisationId);
  const now = deps.clock.now();
  const variableSymbol =
    value.variableSymbol ??
    (await allocateSymbol(tx, organisationId, feeTypeId, dayIn(now, org.timeZone)));
  const id = await repo.insertObligation(tx, {
    organisationId,
    feeTypeId,
    ...value,
    variableSymbol,
    currency: org.currency,
    source: origin.source,
    submissionId: origin.submissionId ?? null,
    citizenAccountId: origin.citizenAccountId ?? null,
    createdBy: origin.createdBy,
    now,
  });
  if (origin.audited === false) return { id, variableSymbol };
  await deps.audit.record(tx, {
    organisationId,
    actor: origin.actor ? staffActor(origin.actor) : { system: origin.source },
    action: 'obligation.created',
    objectType: 'obligation',
    objectId: id,
    summary: `${variableSymbol} ${value.payerName}`,
    detail: {
      source: origin.source,
      amountMinor: value.instalments.reduce((s, i) => s + i.amountMinor, 0),
      instalments: value.instalments.length,
    },
  });
  return { id, variableSymbol };
}
