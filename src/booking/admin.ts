import type { Db } from '../db/db.ts';
import { validGraceMinutes } from '../folder/service.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import { staffActor } from '../audit/domain.ts';
import type { AuditService } from '../audit/service.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import type { TenantsService } from '../tenants/service.ts';
import { formatDayHours, minutesOf } from '../lib/calendar.ts';
import * as repo from './admin-repo.ts';
import { localParts } from '../lib/zoned-time.ts';

/**
 * Admins' settings of availability: officials' weekly hours, closures and each
 * service's booking rules. Every use case checks that the admin and everything
 * touched belong to one organisation; a change is seen by citizens at once.
 */
export function availabilityAdmin(deps: {
  db: Db;
  clock: Clock;
  tenants: TenantsService;
  invalidate: () => void;
  /** The meeting folder's retention setting, owned by the files domain. */
  folderPolicy: {
    graceMinutes(organisationId: string): Promise<number>;
    setGraceMinutes(organisationId: string, minutes: number): Promise<void>;
    allowMacros(organisationId: string): Promise<boolean>;
    setAllowMacros(organisationId: string, allow: boolean): Promise<void>;
  };
  audit: AuditService;
}) {
  const { db, tenants } = deps;
  /** One audit entry in the change's own transaction. */
  const audited = (
    tx: Db,
    actor: StaffPrincipal,
    action: string,
    objectType: string,
    objectId: string | null,
    summary: string,
    detail: Record<string, unknown> = {},
  ) =>
    deps.audit.record(tx, {
      organisationId: actor.organisationId,
      actor: staffActor(actor),
      action,
      objectType,
      objectId,
      summary,
      detail,
    });

  async function scope(actor: StaffPrincipal) {
    if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
    const overview = await tenants.staffOverview(actor);
    return overview;
  }

  return {
    /** What the settings page shows. */
    async overview(actor: StaffPrincipal) {
      const o = await scope(actor);
      const officials = o.team.filter((m) => m.role === 'official');
      const officeIds = o.offices.map((x) => x.id);
      const rows = officials.length
        ? await db
            .selectFrom('official_hours')
            .selectAll()
            .where(
              'staff_id',
              'in',
              officials.map((m) => m.id),
            )
            .where('office_id', 'in', officeIds)
            .execute()
        : [];
      const hours = officials.flatMap((m) =>
        m.officeIds.map((officeId) => ({
          official: m,
          office: o.offices.find((x) => x.id === officeId)!,
          days: [1, 2, 3, 4, 5, 6, 7].map((weekday) =>
            formatDayHours(
              rows
                .filter(
                  (r) => r.staff_id === m.id && r.office_id === officeId && r.weekday === weekday,
                )
                .map((r) => ({ start: minutesOf(r.starts), end: minutesOf(r.ends) }))
                .sort((a, b) => a.start - b.start),
            ),
          ),
        })),
      );
      const today = localParts(deps.clock.now(), o.organisation.timeZone).date;
      const closures = await repo.upcomingClosures(db, o.organisation.id, today);
      const absences = await repo.upcomingAbsences(
        db,
        officials.map((m) => m.id),
        deps.clock.now(),
      );
      const reminders = await repo.reminderMinutes(db, o.organisation.id);
      const fileGraceMinutes = await deps.folderPolicy.graceMinutes(o.organisation.id);
      const fileMacros = await deps.folderPolicy.allowMacros(o.organisation.id);
      return { ...o, hours, closures, absences, reminders, fileGraceMinutes, fileMacros };
    },

    async setHours(
      actor: StaffPrincipal,
      staffId: string,
      officeId: string,
      week: { weekday: number; start: number; end: number }[],
    ) {
      const o = await scope(actor);
      const official = o.team.find((m) => m.id === staffId);
      if (!official || !official.officeIds.includes(officeId))
        throw new AppError('not_found', 'no such official at that office');
      await db.transaction().execute(async (tx) => {
        await repo.replaceOfficialHours(tx, staffId, officeId, week);
        const office = o.offices.find((x) => x.id === officeId);
        await audited(
          tx,
          actor,
          'hours.updated',
          'staff',
          staffId,
          `${official.displayName} · ${office?.slug ?? officeId}`,
          { officeId, week },
        );
      });
      deps.invalidate();
    },

    async addClosure(actor: StaffPrincipal, day: string, officeId: string | null, note: string) {
      const o = await scope(actor);
      if (officeId && !o.offices.some((x) => x.id === officeId))
        throw new AppError('not_found', 'no such office');
      await db.transaction().execute(async (tx) => {
        await repo.insertClosure(tx, { organisationId: o.organisation.id, officeId, day, note });
        await audited(
          tx,
          actor,
          'closure.created',
          'closure',
          null,
          day,
          officeId ? { officeId, note } : { allOffices: true, note },
        );
      });
      deps.invalidate();
    },

    async removeClosure(actor: StaffPrincipal, id: string) {
      const o = await scope(actor);
      await db.transaction().execute(async (tx) => {
        if (!(await repo.deleteClosure(tx, o.organisation.id, id)))
          throw new AppError('not_found', 'no such closure');
        await audited(tx, actor, 'closure.deleted', 'closure', id, '');
      });
      deps.invalidate();
    },

    async addAbsence(actor: StaffPrincipal, staffId: string, start: Date, end: Date) {
      const o = await scope(actor);
      const official = o.team.find((m) => m.id === staffId);
      if (!official) throw new AppError('not_found', 'no such official');
      await db.transaction().execute(async (tx) => {
        await repo.insertAbsence(tx, staffId, start, end);
        await audited(tx, actor, 'absence.created', 'staff', staffId, official.displayName, {
          from: start.toISOString(),
          to: end.toISOString(),
        });
      });
      deps.invalidate();
    },

    async removeAbsence(actor: StaffPrincipal, id: string) {
      const o = await scope(actor);
      await db.transaction().execute(async (tx) => {
        if (
          !(await repo.deleteAbsence(
            tx,
            o.team.map((m) => m.id),
            id,
          ))
        )
          throw new AppError('not_found', 'no such absence');
        await audited(tx, actor, 'absence.deleted', 'absence', id, '');
      });
      deps.invalidate();
    },

    async setReminders(actor: StaffPrincipal, minutes: readonly number[]) {
      const o = await scope(actor);
      await db.transaction().execute(async (tx) => {
        await repo.setReminderMinutes(tx, o.organisation.id, minutes);
        await audited(
          tx,
          actor,
          'reminders.updated',
          'organisation',
          o.organisation.id,
          o.organisation.slug,
          { minutes },
        );
      });
    },

    /** How long a meeting folder's files stay on disk after the meeting (0 to 7 days). */
    async setFileGrace(actor: StaffPrincipal, minutes: number) {
      const o = await scope(actor);
      if (!validGraceMinutes(minutes))
        throw new AppError('invalid_input', 'grace period out of range');
      await deps.folderPolicy.setGraceMinutes(o.organisation.id, minutes);
      await audited(
        db,
        actor,
        'file_retention.updated',
        'organisation',
        o.organisation.id,
        o.organisation.slug,
        { minutes },
      );
    },

    /** Whether the meeting folder accepts office documents with macros; recorded when it changes. */
    async setFileMacros(actor: StaffPrincipal, allow: boolean) {
      const o = await scope(actor);
      if ((await deps.folderPolicy.allowMacros(o.organisation.id)) === allow) return;
      await deps.folderPolicy.setAllowMacros(o.organisation.id, allow);
      await audited(
        db,
        actor,
        'file_macros.updated',
        'organisation',
        o.organisation.id,
        o.organisation.slug,
        { allowMacros: allow },
      );
    },

    async setServiceRules(
      actor: StaffPrincipal,
      serviceId: string,
      rules: Parameters<typeof repo.updateServiceRules>[3],
    ) {
      const o = await scope(actor);
      await db.transaction().execute(async (tx) => {
        if (!(await repo.updateServiceRules(tx, o.organisation.id, serviceId, rules)))
          throw new AppError('not_found', 'no such service');
        await audited(
          tx,
          actor,
          'service_rules.updated',
          'service',
          serviceId,
          o.services.find((x) => x.id === serviceId)?.slug ?? '',
          { ...rules },
        );
      });
      // Rules live in the tenant catalogue: reload it here and on every instance.
      await tenants.changed();
    },
  };
}

export type AvailabilityAdmin = ReturnType<typeof availabilityAdmin>;
