import type { Db } from '../db/db.ts';
import type { Database } from '../db/tables.ts';
import { changes, staffActor } from '../audit/domain.ts';
import type { AuditService } from '../audit/service.ts';
import type { BookingLifecycle } from '../booking/lifecycle.ts';
import { isLang, localize, translator } from '../i18n/i18n.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import type { Organisation } from '../tenants/domain.ts';
import type { TenantsService } from '../tenants/service.ts';
import { buildCitizenExport, exportFileName, normaliseEmail } from './export.ts';
import { anonymisationPlan } from './anonymisation.ts';
import * as repo from './repo.ts';
import { effectiveRetentionDays, erasureOnRequest, retentionCutoff } from './retention.ts';

/** Bookings anonymised per transaction by the job: small, so a crash loses little and locks are short. */
export const RETENTION_BATCH = 25;

export type PrivacySettings = {
  retentionDays: number;
  dpoName: string | null;
  dpoEmail: string | null;
  postalAddress: string | null;
};

/** A citizen's appointment as the admin's search lists it, with what erasure would do to it. */
export type FoundBooking = repo.CitizenBooking & { erasure: 'anonymise' | 'cancel_first' };

/**
 * Privacy (GDPR): the organisation's retention and data protection officer, the retention job,
 * and a citizen's data export and erasure on request. Admins act on their own organisation only;
 * every change, export and erasure is audited without the citizen's address.
 */
export function privacyService(deps: {
  db: Db;
  clock: Clock;
  tenants: TenantsService;
  lifecycle: BookingLifecycle;
  audit: AuditService;
  /** Makes overwritten and deleted rows of these tables unreadable from the database's files. */
  reclaim?: (tables: readonly (keyof Database)[]) => Promise<void>;
}) {
  const { db, clock, audit } = deps;

  /** After anonymising: the old values stay in dead row versions and the WAL until reclaimed. */
  async function reclaimAnonymised(): Promise<void> {
    await deps.reclaim?.(anonymisationPlan().map((step) => step.table));
  }

  async function adminScope(actor: StaffPrincipal): Promise<Organisation> {
    if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
    return (await deps.tenants.staffOverview(actor)).organisation;
  }

  async function effectiveSettings(organisationId: string, on: Db = db): Promise<PrivacySettings> {
    const s = await repo.settings(on, organisationId);
    return { ...s, retentionDays: effectiveRetentionDays(s.retentionDays) };
  }

  /** The address as searched, or an invalid_input error naming the field. */
  function searchable(email: string): string {
    const normalised = normaliseEmail(email);
    if (!normalised) throw new AppError('invalid_input', 'not an address');
    return normalised;
  }

  async function found(organisationId: string, email: string): Promise<FoundBooking[]> {
    const now = clock.now();
    return (await repo.bookingsByEmail(db, organisationId, email, now)).map((b) => ({
      ...b,
      erasure: erasureOnRequest(b, now),
    }));
  }

  /** Anonymises one organisation's due bookings, a batch per transaction with its audit entry. */
  async function retainOrganisation(org: {
    id: string;
    timeZone: string;
    retentionDays: number | null;
  }): Promise<number> {
    const cutoff = retentionCutoff(
      clock.now(),
      effectiveRetentionDays(org.retentionDays),
      org.timeZone,
    );
    let total = 0;
    for (;;) {
      const done = await db.transaction().execute(async (tx) => {
        const ids = await repo.lockDueBookings(tx, org.id, cutoff, RETENTION_BATCH);
        for (const id of ids) await repo.anonymiseBooking(tx, id);
        if (ids.length > 0) {
          await audit.record(tx, {
            organisationId: org.id,
            actor: { system: 'retention' },
            action: 'retention.run',
            objectType: 'organisation',
            objectId: org.id,
            detail: {
              anonymised: ids.length,
              retentionDays: effectiveRetentionDays(org.retentionDays),
              cutoff: cutoff.toISOString(),
            },
          });
        }
        return ids.length;
      });
      total += done;
      if (done < RETENTION_BATCH) return total;
    }
  }

  return {
    /**
     * The retention job: every organisation's bookings past their retention are anonymised as
     * ANONYMISATION_PLAN says. Safe to run on several instances at once and again after a crash:
     * rows are locked with SKIP LOCKED and the placeholder email marks a booking as done.
     */
    async runRetention(): Promise<{ anonymised: number; mailDeleted: number }> {
      let anonymised = 0;
      let mailDeleted = 0;
      for (const org of await repo.organisationsForRetention(db)) {
        anonymised += await retainOrganisation(org);
        mailDeleted += await repo.deleteSentMailOfAnonymised(db, org.id);
      }
      if (anonymised + mailDeleted > 0) await reclaimAnonymised();
      return { anonymised, mailDeleted };
    },

    /** What /staff/privacy shows: the organisation and its settings. */
    async overview(actor: StaffPrincipal) {
      const organisation = await adminScope(actor);
      return { organisation, settings: await effectiveSettings(organisation.id) };
    },

    /** Saves retention days and the data protection officer; the notice shows them at once. */
    async saveSettings(actor: StaffPrincipal, next: PrivacySettings): Promise<void> {
      const organisation = await adminScope(actor);
      await db.transaction().execute(async (tx) => {
        const before = await effectiveSettings(organisation.id, tx);
        await repo.saveSettings(tx, organisation.id, next, clock.now());
        await audit.record(tx, {
          organisationId: organisation.id,
          actor: staffActor(actor),
          action: 'privacy_settings.updated',
          objectType: 'organisation',
          objectId: organisation.id,
          summary: organisation.slug,
          detail: changes(before, next),
        });
      });
    },

    /** A citizen's appointments in the admin's organisation, by exact (normalised) address. */
    async search(
      actor: StaffPrincipal,
      email: string,
    ): Promise<{ email: string; bookings: FoundBooking[] }> {
      const organisation = await adminScope(actor);
      const normalised = searchable(email);
      return { email: normalised, bookings: await found(organisation.id, normalised) };
    },

    /** The GDPR Art. 15 export as a download; audited with the count and booking ids, never the address. */
    async exportFor(
      actor: StaffPrincipal,
      email: string,
    ): Promise<{ fileName: string; json: string }> {
      const organisation = await adminScope(actor);
      const normalised = searchable(email);
      const now = clock.now();
      const settings = await effectiveSettings(organisation.id);
      const bookings = await repo.bookingsByEmail(db, organisation.id, normalised, now);
      const rows = await repo.exportRows(
        db,
        organisation.id,
        normalised,
        bookings.map((b) => b.id),
      );
      const lang = organisation.defaultLanguage;
      const byId = new Map(bookings.map((b) => [b.id, b]));
      const data = buildCitizenExport({
        email: normalised,
        now,
        organisation: {
          id: organisation.id,
          slug: organisation.slug,
          country: organisation.country,
          time_zone: organisation.timeZone,
          email: organisation.email,
          name: localize(organisation.name, lang),
          retentionDays: settings.retentionDays,
        },
        bookings: rows.bookings.flatMap((b) => {
          const found = byId.get(b.id);
          return found
            ? [
                {
                  ...b,
                  start: found.start,
                  end: found.end,
                  office_name: localize(found.officeName, lang),
                  service_name: localize(found.serviceName, lang),
                  official_name: found.officialName,
                },
              ]
            : [];
        }),
        meetings: rows.meetings,
        participants: rows.participants,
        chat: rows.chat,
        surveys: rows.surveys,
        fileLog: rows.fileLog,
        mails: rows.mails,
      });
      await audit.record(db, {
        organisationId: organisation.id,
        actor: staffActor(actor),
        action: 'privacy.exported',
        objectType: 'organisation',
        objectId: organisation.id,
        summary: organisation.slug,
        detail: { bookings: data.bookings.length, bookingIds: data.bookings.map((b) => b.id) },
      });
      return {
        fileName: exportFileName(organisation.slug, now),
        json: `${JSON.stringify(data, null, 2)}\n`,
      };
    },

    /**
     * Erases a citizen's data in this organisation now. Appointments still ahead are cancelled
     * first (the citizen is emailed as for any cancellation) when `cancelFuture` is set, and
     * otherwise nothing happens: a conflict says which must be cancelled. A hold being made
     * right now cannot be cancelled and makes the admin try again shortly.
     */
    async erase(
      actor: StaffPrincipal,
      email: string,
      opts: { cancelFuture: boolean },
    ): Promise<{ erased: number; cancelled: number }> {
      const organisation = await adminScope(actor);
      const normalised = searchable(email);
      const bookings = await found(organisation.id, normalised);
      const ahead = bookings.filter((b) => b.erasure === 'cancel_first');
      if (ahead.some((b) => b.state === 'held'))
        throw new AppError('conflict', 'a booking is being made with this address right now');
      if (ahead.length > 0 && !opts.cancelFuture)
        throw new AppError('conflict', 'appointments ahead must be cancelled first');
      const cancelled: string[] = [];
      for (const b of ahead) {
        const reason = translator(isLang(b.language) ? b.language : organisation.defaultLanguage)(
          'privacy.cancel_reason',
        );
        const outcome = await deps.lifecycle.cancelOnBehalf(
          b.id,
          { staffId: actor.id, name: actor.displayName },
          reason,
          (tx) =>
            audit.record(tx, {
              organisationId: organisation.id,
              actor: staffActor(actor),
              action: 'privacy.cancelled',
              objectType: 'booking',
              objectId: b.id,
            }),
        );
        if (!outcome.ok)
          throw new AppError('conflict', 'an appointment changed while it was being cancelled');
        cancelled.push(b.id);
      }
      const erased = await db.transaction().execute(async (tx) => {
        const ids = await repo.lockBookings(
          tx,
          organisation.id,
          bookings.map((b) => b.id),
        );
        for (const id of ids) await repo.anonymiseBooking(tx, id);
        await audit.record(tx, {
          organisationId: organisation.id,
          actor: staffActor(actor),
          action: 'privacy.erased',
          objectType: 'organisation',
          objectId: organisation.id,
          summary: organisation.slug,
          detail: { bookings: ids.length, bookingIds: ids, cancelled: cancelled.length },
        });
        return ids.length;
      });
      if (erased > 0) await reclaimAnonymised();
      return { erased, cancelled: cancelled.length };
    },

    /** What the public privacy notice shows: the organisation, its offices and its settings. */
    async notice(orgSlug: string) {
      const view = await deps.tenants.getOrganisation(orgSlug);
      return { ...view, settings: await effectiveSettings(view.organisation.id) };
    },
  };
}

export type PrivacyService = ReturnType<typeof privacyService>;
