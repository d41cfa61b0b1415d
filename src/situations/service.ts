import type { Db } from '../db/db.ts';
import { changes, staffActor } from '../audit/domain.ts';
import type { AuditService } from '../audit/service.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import type { Lang, Localized, MessageKey } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import type { Service } from '../tenants/domain.ts';
import type { TenantsService } from '../tenants/service.ts';
import { missingLanguages, searchSituations, type Situation } from './domain.ts';
import * as repo from './repo.ts';
import type { SituationInput } from './schema.ts';
import type { DemoSituation } from './demo-situations.ts';
import type { FormsService } from '../forms/service.ts';

/** A form a guide offers: its slug and title (in the form's own languages). */
export type OfferedForm = { slug: string; title: Localized };

/** The services of a situation that citizens can see (active, offered at an open office), in its order. */
function bookable(situation: Situation, services: readonly Service[]): Service[] {
  return situation.serviceIds.flatMap((id) => services.find((s) => s.id === id) ?? []);
}

/** What the audit log keeps of a situation: its slug, texts' languages and links, never whole texts. */
function auditShape(s: Situation) {
  return {
    slug: s.slug,
    title: s.texts.title,
    languages: Object.fromEntries(
      Object.entries(s.texts).map(([f, t]) => [f, Object.keys(t).sort().join(',')]),
    ),
    videoPath: s.videoPath,
    captionsPath: s.captionsPath,
    rppCodes: s.rppCodes,
    serviceIds: s.serviceIds,
    formSlugs: s.formSlugs,
    position: s.position,
  };
}

/**
 * Life situations: the public guides of an organisation (list, search, one guide, the API) and
 * their administration by the organisation's admins. Public reads go through the tenant
 * catalogue first, so an unknown or suspended organisation is refused as everywhere else; every
 * admin use case checks the actor is an admin and touches only rows of the actor's organisation
 * (anything else is 404), and writes its audit entry in the transaction of the change.
 */
export function situationsService(deps: {
  db: Db;
  clock: Clock;
  tenants: TenantsService;
  audit: AuditService;
  forms: FormsService;
}) {
  const { db, tenants } = deps;

  /** The organisation's published forms, read through the form engine's service only. */
  async function publishedForms(organisationId: string): Promise<OfferedForm[]> {
    const forms = await deps.forms.publishedForms(organisationId);
    return forms.map((f) => ({ slug: f.slug, title: f.definition.title }));
  }

  async function adminContext(actor: StaffPrincipal) {
    if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
    const { organisation, services } = await tenants.staffOverview(actor);
    return { organisation, services };
  }

  async function ownSituation(actor: StaffPrincipal, id: string) {
    const context = await adminContext(actor);
    const situation = await repo.findSituation(db, context.organisation.id, { id });
    if (!situation) throw new AppError('not_found', 'no such life situation');
    return { ...context, situation };
  }

  const audited = (
    tx: Db,
    actor: StaffPrincipal,
    action: string,
    s: { id: string; slug: string },
    detail: Record<string, unknown>,
  ) =>
    deps.audit.record(tx, {
      organisationId: actor.organisationId,
      actor: staffActor(actor),
      action,
      objectType: 'situation',
      objectId: s.id,
      summary: s.slug,
      detail,
    });

  return {
    /** An organisation's situations matching a search (all of them for an empty one), in the reader's language. */
    async list(orgSlug: string, query: string, lang: Lang) {
      const view = await tenants.getOrganisation(orgSlug);
      const all = await repo.listSituations(db, view.organisation.id);
      const found = searchSituations(all, query, lang, view.organisation.defaultLanguage);
      return { ...view, situations: found, total: all.length };
    },

    /** One guide with the services one can book about it. */
    async guide(orgSlug: string, slug: string) {
      const view = await tenants.getOrganisation(orgSlug);
      const situation = await repo.findSituation(db, view.organisation.id, { slug });
      if (!situation) throw new AppError('not_found', `life situation ${slug}`);
      // Only the published ones, in the guide's order: a form named before it is published, or
      // withdrawn, is simply not shown.
      const published = await publishedForms(view.organisation.id);
      const forms = situation.formSlugs.flatMap((f) => published.find((p) => p.slug === f) ?? []);
      return { ...view, situation, bookable: bookable(situation, view.services), forms };
    },

    /** The API's list: each situation with its bookable services; searched in `lang`, else the organisation's. */
    async listForApi(orgSlug: string, query: string, lang: Lang | undefined) {
      const view = await tenants.getOrganisation(orgSlug);
      const fallback = view.organisation.defaultLanguage;
      const all = await repo.listSituations(db, view.organisation.id);
      return searchSituations(all, query, lang ?? fallback, fallback).map((s) => ({
        situation: s,
        services: bookable(s, view.services),
      }));
    },

    /** The admin's list: every situation of their organisation with its missing translations. */
    async adminList(actor: StaffPrincipal) {
      const { organisation, services } = await adminContext(actor);
      const situations = await repo.listSituations(db, organisation.id);
      return {
        organisation,
        services,
        situations: situations.map((s) => ({ ...s, gaps: missingLanguages(s.texts) })),
      };
    },

    /** A situation of the admin's organisation (or a blank one for null) with the services to choose from. */
    async adminForm(actor: StaffPrincipal, id: string | null) {
      const forms = await publishedForms(actor.organisationId);
      if (id === null) return { ...(await adminContext(actor)), forms, situation: undefined };
      return { ...(await ownSituation(actor, id)), forms };
    },

    /** Creates (id null) or updates a situation; a slug in use comes back as a field error. */
    async save(actor: StaffPrincipal, id: string | null, input: SituationInput): Promise<string> {
      const { organisation } = await adminContext(actor);
      const before = id ? await repo.findSituation(db, organisation.id, { id }) : undefined;
      if (id && !before) throw new AppError('not_found', 'no such life situation');
      // A service of another organisation is not an input mistake but a forged form: 404.
      const own = await repo.ownServiceIds(db, organisation.id, input.serviceIds);
      if (own.length !== input.serviceIds.length)
        throw new AppError('not_found', 'no such service');
      if (await repo.slugTaken(db, organisation.id, input.slug, id)) {
        const fields: Record<string, MessageKey> = { slug: 'situations.error.slug_taken' };
        throw new AppError('invalid_input', 'slug taken', fields);
      }
      return db.transaction().execute(async (tx) => {
        const saved = await repo.saveSituation(tx, organisation.id, id, input, deps.clock.now());
        const after = (await repo.findSituation(tx, organisation.id, { id: saved }))!;
        if (before)
          await audited(
            tx,
            actor,
            'situation.updated',
            after,
            changes(auditShape(before), auditShape(after)),
          );
        else await audited(tx, actor, 'situation.created', after, auditShape(after));
        return saved;
      });
    },

    /** Deletes a situation of the admin's organisation. */
    async remove(actor: StaffPrincipal, id: string): Promise<void> {
      const { situation, organisation } = await ownSituation(actor, id);
      await db.transaction().execute(async (tx) => {
        await repo.deleteSituation(tx, organisation.id, id);
        await audited(tx, actor, 'situation.deleted', situation, auditShape(situation));
      });
    },

    /**
     * Loads the demo situations of the organisations that have none, naming their services by
     * slug (boot.ts, right after the demo organisations were loaded).
     */
    async loadDemo(demo: readonly DemoSituation[]): Promise<number> {
      let loaded = 0;
      await db.transaction().execute(async (tx) => {
        for (const orgSlug of new Set(demo.map((d) => d.organisation))) {
          const org = await tx
            .selectFrom('organisation')
            .select('id')
            .where('slug', '=', orgSlug)
            .executeTakeFirst();
          if (!org || (await repo.listSituations(tx, org.id)).length) continue;
          const services = await tx
            .selectFrom('service')
            .select(['id', 'slug'])
            .where('organisation_id', '=', org.id)
            .execute();
          for (const [position, d] of demo.filter((x) => x.organisation === orgSlug).entries()) {
            const serviceIds = d.services.map((slug) => {
              const found = services.find((s) => s.slug === slug);
              if (!found) throw new Error(`demo situation ${d.slug}: no service ${slug}`);
              return found.id;
            });
            await repo.saveSituation(
              tx,
              org.id,
              null,
              {
                ...d,
                serviceIds,
                formSlugs: d.forms,
                position,
                videoPath: null,
                captionsPath: null,
              },
              deps.clock.now(),
            );
            loaded++;
          }
        }
      });
      return loaded;
    },
  };
}

export type SituationsService = ReturnType<typeof situationsService>;
