import type { Db } from '../db/db.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { assertValidEntry, type AuditEntry } from './domain.ts';
import * as repo from './repo.ts';

export const AUDIT_PAGE_SIZE = 50;

/**
 * The audit log. Other domains call `record` with the transaction their change runs in, so
 * the entry and the change commit or roll back together; reading is for admins of the
 * organisation the entries belong to.
 */
export function auditService(deps: { db: Db; clock: Clock }) {
  return {
    /** Writes one entry; `tx` is the caller's transaction (or the database for a read, such as a view of an appointment). */
    async record(tx: Db, entry: AuditEntry): Promise<void> {
      assertValidEntry(entry);
      await repo.insertAuditEvent(tx, entry, deps.clock.now());
    },

    /** Entries of the admin's own organisation, newest first, a page at a time. */
    async search(actor: StaffPrincipal, query: Omit<repo.AuditQuery, 'organisationId' | 'limit'>): Promise<{ rows: repo.AuditRow[]; nextBeforeId: string | null }> {
      if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
      const rows = await repo.searchAuditEvents(deps.db, { ...query, organisationId: actor.organisationId, limit: AUDIT_PAGE_SIZE + 1 });
      const more = rows.length > AUDIT_PAGE_SIZE;
      const page = more ? rows.slice(0, AUDIT_PAGE_SIZE) : rows;
      return { rows: page, nextBeforeId: more ? page[page.length - 1]!.id : null };
    },
  };
}

export type AuditService = ReturnType<typeof auditService>;
export type { AuditRow, AuditQuery } from './repo.ts';
