import type { Db } from '../db/db.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { assertValidEntry, type AuditEntry } from './domain.ts';
import { instantAtOrAfterWall } from '../lib/zoned-time.ts';
import { localize, type Lang } from '../i18n/i18n.ts';
import * as repo from './repo.ts';

export const AUDIT_PAGE_SIZE = 50;
/** The CSV of a search holds at most this many entries, newest first: enough for a period, bounded in memory. */
export const AUDIT_EXPORT_MAX = 10_000;

/** A search whose period is given in the organisation's calendar days (`fromDay`..`toDay`, both included). */
export type DayFilter = Omit<repo.AuditQuery, 'organisationId' | 'limit' | 'from' | 'to'> & {
  fromDay?: string;
  toDay?: string;
};

/**
 * The audit log. Other domains call `record` with the transaction their change runs in, so
 * the entry and the change commit or roll back together; reading is for admins of the
 * organisation the entries belong to.
 */
export function auditService(deps: { db: Db; clock: Clock }) {
  async function search(
    actor: StaffPrincipal,
    query: Omit<repo.AuditQuery, 'organisationId' | 'limit'>,
  ): Promise<{ rows: repo.AuditRow[]; nextBeforeId: string | null }> {
    if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
    const rows = await repo.searchAuditEvents(deps.db, {
      ...query,
      organisationId: actor.organisationId,
      limit: AUDIT_PAGE_SIZE + 1,
    });
    const more = rows.length > AUDIT_PAGE_SIZE;
    const page = more ? rows.slice(0, AUDIT_PAGE_SIZE) : rows;
    return { rows: page, nextBeforeId: more ? page[page.length - 1]!.id : null };
  }

  /** Names of the organisation's offices, services and staff by id, in `lang`. */
  async function namesIn(organisationId: string, lang: Lang): Promise<Map<string, string>> {
    const rows = await repo.objectNames(deps.db, organisationId);
    return new Map(
      rows.map((r) => [r.id, typeof r.name === 'string' ? r.name : localize(r.name, lang)]),
    );
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
    async browse(actor: StaffPrincipal, filter: DayFilter, lang: Lang) {
      if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
      const [actors, families, timeZone, names] = await Promise.all([
        repo.actors(deps.db, actor.organisationId),
        repo.actionFamilies(deps.db, actor.organisationId),
        repo.organisationZone(deps.db, actor.organisationId),
        namesIn(actor.organisationId, lang),
      ]);
      const page = await search(actor, withinDays(filter, timeZone));
      return { ...page, actors, families, timeZone, names };
    },

    /** Every entry of the filter (newest first, at most AUDIT_EXPORT_MAX) for the CSV, with the zone to write times in. */
    async export(
      actor: StaffPrincipal,
      filter: DayFilter,
      lang: Lang,
    ): Promise<{ rows: repo.AuditRow[]; timeZone: string; names: Map<string, string> }> {
      if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
      const [timeZone, names] = await Promise.all([
        repo.organisationZone(deps.db, actor.organisationId),
        namesIn(actor.organisationId, lang),
      ]);
      const rows = await repo.searchAuditEvents(deps.db, {
        ...withinDays(filter, timeZone),
        organisationId: actor.organisationId,
        limit: AUDIT_EXPORT_MAX,
      });
      return { rows, timeZone, names };
    },
  };
}

export type AuditService = ReturnType<typeof auditService>;
export type { AuditRow, AuditQuery } from './repo.ts';

/** The first instant of a local day (YYYY-MM-DD), `plusDays` later: midnight, or the moment of a DST jump over it. */
function dayStart(day: string, timeZone: string, plusDays = 0): Date {
  return instantAtOrAfterWall(Date.parse(`${day}T00:00:00Z`) + plusDays * 86_400_000, timeZone);
}

/** The search with its days turned into instants of the organisation's zone. */
function withinDays(
  filter: DayFilter,
  timeZone: string,
): Omit<repo.AuditQuery, 'organisationId' | 'limit'> {
  const { fromDay, toDay, ...query } = filter;
  return {
    ...query,
    ...(fromDay ? { from: dayStart(fromDay, timeZone) } : {}),
    ...(toDay ? { to: dayStart(toDay, timeZone, 1) } : {}),
  };
}
