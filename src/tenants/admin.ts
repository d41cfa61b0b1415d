import type { Db } from '../db/db.ts';
import { changes, staffActor } from '../audit/domain.ts';
import type { AuditService } from '../audit/service.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import type { Lang, Localized, MessageKey } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import {
  missingTranslations,
  registrationNumberProblem,
  serviceProblems,
  type TranslationGap,
} from './admin-domain.ts';
import * as repo from './admin-repo.ts';
import type { OfficeInput, ServiceInput, SettingsInput } from './admin-schema.ts';
import type { TenantsService } from './service.ts';

/** A form-level refusal: 400 with a message key per field, so the form comes back with what was typed. */
function invalid(fields: Record<string, MessageKey>): AppError {
  return new AppError('invalid_input', 'form rejected', fields);
}

/** At least one language of a required text; the error points at the default language's input. */
function requireText(
  text: Localized,
  prefix: string,
  lang: Lang,
  message: MessageKey,
): Record<string, MessageKey> {
  return Object.values(text).some((v) => v?.trim()) ? {} : { [`${prefix}_${lang}`]: message };
}

/**
 * Admins' use cases for their own organisation: offices, services and the organisation's
 * settings. Each one checks the actor is an admin, touches only rows of the actor's
 * organisation (anything else is 404), writes its audit entry in the same transaction,
 * and then reloads the tenant catalogue everywhere so citizens see the change at once.
 */
export function organisationAdmin(deps: {
  db: Db;
  clock: Clock;
  tenants: TenantsService;
  audit: AuditService;
  invalidate: () => void;
}) {
  const { db, tenants } = deps;

  function adminOnly(actor: StaffPrincipal): string {
    if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
    return actor.organisationId;
  }
  const audited = (
    tx: Db,
    actor: StaffPrincipal,
    action: string,
    objectType: string,
    objectId: string,
    summary: string,
    detail: Record<string, unknown>,
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
  async function published(): Promise<void> {
    await tenants.changed();
    // Cached availability depends on offices, services and who holds them.
    deps.invalidate();
  }

  async function organisation(actor: StaffPrincipal) {
    return repo.findOrganisation(db, adminOnly(actor));
  }

  return {
    organisation,

    /** Offices with how many appointments are still to come at each. */
    async offices(actor: StaffPrincipal) {
      const org = await organisation(actor);
      const offices = await repo.listOffices(db, org.id, deps.clock.now());
      return {
        organisation: org,
        offices: offices.map((o) => ({ ...o, futureBookings: Number(o.future_bookings ?? 0) })),
      };
    },

    async office(actor: StaffPrincipal, id: string) {
      const { organisation: org, offices } = await this.offices(actor);
      const office = offices.find((o) => o.id === id);
      if (!office) throw new AppError('not_found', 'no such office');
      return { organisation: org, office };
    },

    /** Creates (id null) or updates an office; the slug is fixed once created, as links use it. */
    async saveOffice(
      actor: StaffPrincipal,
      id: string | null,
      input: OfficeInput,
    ): Promise<string> {
      const org = await organisation(actor);
      const before = id ? await repo.findOffice(db, org.id, id) : undefined;
      if (id && !before) throw new AppError('not_found', 'no such office');
      const slug = before?.slug ?? input.slug;
      const problems = requireText(
        input.name,
        'name',
        org.default_language,
        'tenants.error.name_required',
      );
      if (!before && (await repo.slugTaken(db, 'office', org.id, slug, null)))
        problems.slug = 'tenants.error.slug_taken';
      if (Object.keys(problems).length) throw invalid(problems);
      const officeId = await db.transaction().execute(async (tx) => {
        if (before) {
          await repo.updateOffice(tx, org.id, before.id, { ...input, slug });
          const after = await repo.findOffice(tx, org.id, before.id);
          await audited(
            tx,
            actor,
            'office.updated',
            'office',
            before.id,
            slug,
            changes(before, after ?? {}),
          );
          return before.id;
        }
        const created = await repo.insertOffice(tx, org.id, input);
        await audited(tx, actor, 'office.created', 'office', created, slug, {
          name: input.name,
          city: input.city,
          timeZone: input.timeZone,
        });
        return created;
      });
      await published();
      return officeId;
    },

    /** Deactivates or reactivates an office: it leaves (or returns to) the citizen pages; bookings stay. */
    async setOfficeActive(actor: StaffPrincipal, id: string, active: boolean): Promise<void> {
      const org = await organisation(actor);
      const office = await repo.findOffice(db, org.id, id);
      if (!office) throw new AppError('not_found', 'no such office');
      if (office.active === active) return;
      await db.transaction().execute(async (tx) => {
        await repo.setOfficeActive(tx, org.id, id, active);
        await audited(
          tx,
          actor,
          active ? 'office.reactivated' : 'office.deactivated',
          'office',
          id,
          office.slug,
          { active: [office.active, active] },
        );
      });
      await published();
    },

    /** Every service (active or not) with its translation gaps. */
    async services(actor: StaffPrincipal) {
      const org = await organisation(actor);
      const rows = await repo.listServices(db, org.id);
      return {
        organisation: org,
        services: rows.map((s) => ({
          ...s,
          gaps: missingTranslations({
            name: s.name,
            description: s.description,
            preparation: s.preparation,
            feeNote: s.fee_note,
          }),
        })),
      };
    },

    /** One service (or a blank one) with what its form offers: the offices and officials to choose from. */
    async serviceForm(actor: StaffPrincipal, id: string | null) {
      const org = await organisation(actor);
      const service = id ? await repo.findService(db, org.id, id) : undefined;
      if (id && !service) throw new AppError('not_found', 'no such service');
      const [offices, staff] = await Promise.all([
        repo.listOffices(db, org.id, deps.clock.now()),
        repo.listStaffNames(db, org.id),
      ]);
      return { organisation: org, service, offices, officials: staff.filter((s) => s.active) };
    },

    /** Creates or updates a service. Gaps in translations are allowed (the list warns about them). */
    async saveService(
      actor: StaffPrincipal,
      id: string | null,
      input: ServiceInput,
    ): Promise<{ id: string; gaps: TranslationGap[] }> {
      const org = await organisation(actor);
      const before = id ? await repo.findService(db, org.id, id) : undefined;
      if (id && !before) throw new AppError('not_found', 'no such service');
      const problems = requireText(
        input.name,
        'name',
        org.default_language,
        'tenants.error.name_required',
      );
      for (const p of serviceProblems(input)) {
        if (p === 'no_mode') problems.byVideo = 'tenants.error.no_mode';
        else problems.offices = 'tenants.error.no_office';
      }
      if (await repo.slugTaken(db, 'service', org.id, input.slug, id))
        problems.slug = 'tenants.error.slug_taken';
      // Ids from another organisation are not an input mistake but a forged form: 404.
      const [offices, officials] = await Promise.all([
        repo.ownIds(db, 'office', org.id, input.officeIds),
        repo.ownIds(db, 'staff', org.id, input.officialIds),
      ]);
      if (
        offices.length !== new Set(input.officeIds).size ||
        officials.length !== new Set(input.officialIds).size
      )
        throw new AppError('not_found', 'no such office or official');
      if (Object.keys(problems).length) throw invalid(problems);
      const clean = {
        ...input,
        officeIds: [...new Set(input.officeIds)].sort(),
        officialIds: [...new Set(input.officialIds)].sort(),
      };
      const serviceId = await db.transaction().execute(async (tx) => {
        const saved = await repo.saveService(tx, org.id, id, clean);
        const after = await repo.findService(tx, org.id, saved);
        if (before)
          await audited(
            tx,
            actor,
            'service.updated',
            'service',
            saved,
            clean.slug,
            changes(before, after ?? {}),
          );
        else
          await audited(tx, actor, 'service.created', 'service', saved, clean.slug, {
            name: clean.name,
            active: clean.active,
            officeIds: clean.officeIds,
          });
        return saved;
      });
      await published();
      return { id: serviceId, gaps: missingTranslations(clean) };
    },

    /** Updates the organisation's names, public contacts, default language and email sender. */
    async saveSettings(actor: StaffPrincipal, input: SettingsInput): Promise<void> {
      const before = await organisation(actor);
      const problems = requireText(
        input.name,
        'name',
        input.defaultLanguage,
        'tenants.error.name_required',
      );
      if (!input.name[input.defaultLanguage])
        problems[`name_${input.defaultLanguage}`] = 'tenants.error.name_default_language';
      const number = input.registrationNumber;
      const numberProblem = number && registrationNumberProblem(before.country, number);
      if (numberProblem)
        problems.registrationNumber =
          numberProblem === 'format'
            ? `tenants.error.registration_number_${before.country === 'CZ' ? 'cz' : 'si'}`
            : 'tenants.error.registration_number_check';
      if (Object.keys(problems).length) throw invalid(problems);
      await db.transaction().execute(async (tx) => {
        await repo.updateOrganisation(tx, before.id, input);
        const after = await repo.findOrganisation(tx, before.id);
        // The logo can be large and is not edited here: leave it out of the diff.
        const { logo_svg: _a, ...b } = before;
        const { logo_svg: _b, ...a } = after;
        await audited(
          tx,
          actor,
          'organisation.updated',
          'organisation',
          before.id,
          before.slug,
          changes(b, a),
        );
      });
      await published();
    },
  };
}

export type OrganisationAdmin = ReturnType<typeof organisationAdmin>;
