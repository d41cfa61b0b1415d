import type { Db } from '../db/db.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { assertValidEntry, type AuditEntry } from './domain.ts';
import { instantAtOrAfterWall } from '../lib/zoned-time.ts';
import * as repo from './repo.ts';

export const AUDIT_PAGE_SIZE = 50;

/**
 * The audit log. Other domains call `record` with the transaction their change runs in, so
 * the entry and the change commit or roll back together; reading is for admins of the
 * organisation the entries belong to.
 */
export function auditService(deps: { db: Db; clock: Clock }) {
  async function search(actor: StaffPrincipal, query: Omit<repo.AuditQuery, 'organisationId' | 'limit'>): Promise<{ rows: repo.AuditRow[]; nextBeforeId: string | null }> {
    if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
    const rows = await repo.searchAuditEvents(deps.db, { ...query, organisationId: actor.organisationId, limit: AUDIT_PAGE_SIZE + 1 });
    const more = rows.length > AUDIT_PAGE_SIZE;
    const page = more ? rows.slice(0, AUDIT_PAGE_SIZE) : rows;
    return { rows: page, nextBeforeId: more ? page[page.length - 1]!.id : null };
  }

  return {
    /** Writes one entry; `tx` is the caller's transaction (or the database for a read, such as a view of an appointment). */
    async record(tx: Db, entry: AuditEntry): Promise<void> {
      assertValidEntry(entry);
      await repo.insertAuditEvent(tx, entry, deps.clock.now());
    },

    /** Entries of the admin's own organisation, newest first, a page at a time. */
    search,

    /**
     * The audit page: a page of entries for the filter, whose days (`fromDay`..`toDay`, both
     * included) are the organisation's calendar days, and what the filter offers (the people and
     * action families in the log) with the zone its times are shown in.
     */
    async browse(actor: StaffPrincipal, filter: Omit<repo.AuditQuery, 'organisationId' | 'limit' | 'from' | 'to'> & { fromDay?: string; toDay?: string }) {
      if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
      const [actors, families, timeZone] = await Promise.all([
        repo.actors(deps.db, actor.organisationId),
        repo.actionFamilies(deps.db, actor.organisationId),
        repo.organisationZone(deps.db, actor.organisationId),
      ]);
      const { fromDay, toDay, ...query } = filter;
      const from = fromDay ? dayStart(fromDay, timeZone) : undefined;
      const to = toDay ? dayStart(toDay, timeZone, 1) : undefined;
      const page = await search(actor, { ...query, ...(from ? { from } : {}), ...(to ? { to } : {}) });
      return { ...page, actors, families, timeZone };
    },
  };
}

export type AuditService = ReturnType<typeof auditService>;
export type { AuditRow, AuditQuery } from './repo.ts';

/** The first instant of a local day (YYYY-MM-DD), `plusDays` later: midnight, or the moment of a DST jump over it. */
function dayStart(day: string, timeZone: string, plusDays = 0): Date {
  return instantAtOrAfterWall(Date.parse(`${day}T00:00:00Z`) + plusDays * 86_400_000, timeZone);
}
