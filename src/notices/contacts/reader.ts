// What the public reads of departments and contacts: the directory with its search, one
// department, the open data and the "handled by" of a service or life situation. Every read goes
// through the tenant catalogue first, so an unknown or suspended organisation is refused as
// everywhere else, and reads people only as published (repo's publishedOnly and domain's
// publicPeople, twice on purpose: an unpublished person must never leak).
import type { Db } from '../../db/db.ts';
import type { Lang, Localized } from '../../i18n/i18n.ts';
import { AppError } from '../../lib/errors.ts';
import type { Service } from '../../tenants/domain.ts';
import type { TenantsService } from '../../tenants/service.ts';
import type { SituationsService } from '../../situations/service.ts';
import {
  flattenTree,
  publicPeople,
  searchContacts,
  type Department,
  type Person,
} from './domain.ts';
import { contactsDocument } from './export.ts';
import * as repo from './repo.ts';

/** A life situation as the contacts link to it. */
export type SituationLink = { id: string; slug: string; title: Localized };

/** A published person with the services citizens can book with them (their staff account receives those appointments). */
export type PublicPerson = Person & { bookable: Service[] };

/** The public reads of contacts (the service spreads them into its own). */
export function contactsReader(deps: {
  db: Db;
  tenants: TenantsService;
  situations: SituationsService;
  publicUrl: URL;
}) {
  const { db, tenants } = deps;

  async function everything(orgSlug: string, lang: Lang) {
    const view = await tenants.getOrganisation(orgSlug);
    const orgId = view.organisation.id;
    const departments = await repo.listDepartments(db, orgId);
    const people = publicPeople(await repo.listPeople(db, orgId, { publishedOnly: true }));
    const situations: SituationLink[] = (
      await deps.situations.list(orgSlug, '', lang)
    ).situations.map((s) => ({ id: s.id, slug: s.slug, title: s.texts.title }));
    return { ...view, departments, people, situations };
  }

  /** The services of a department a citizen can book (active, at an open office). */
  const handled = (d: Department, services: readonly Service[]) =>
    services.filter((s) => d.serviceIds.includes(s.id));

  /** The services citizens can book with a person: those their staff account receives appointments for. */
  const withPerson = (staffId: string | null, services: readonly Service[]) =>
    staffId ? services.filter((s) => s.officialIds.includes(staffId)) : [];

  return {
    /** The organisation's departments as a tree with their published people, and a search's result. */
    async directory(orgSlug: string, query: string, lang: Lang) {
      const all = await everything(orgSlug, lang);
      const tree = flattenTree(all.departments, lang, all.organisation.defaultLanguage);
      const handled = {
        serviceNames: new Map(all.services.map((s) => [s.id, s.name])),
        situationNames: new Map(all.situations.map((s) => [s.id, s.title])),
      };
      const results = query ? searchContacts(tree, all.people, handled, query) : null;
      return { organisation: all.organisation, tree, people: all.people, results };
    },

    /** One department: its parents, sub-departments, published people and what it handles. */
    async department(orgSlug: string, slug: string, lang: Lang) {
      const all = await everything(orgSlug, lang);
      const department = all.departments.find((d) => d.slug === slug);
      if (!department) throw new AppError('not_found', `department ${slug}`);
      const parents: Department[] = [];
      for (let p = department.parentId; p;) {
        const parent = all.departments.find((d) => d.id === p);
        if (!parent || parents.includes(parent)) break;
        parents.unshift(parent);
        p = parent.parentId;
      }
      const children = flattenTree(all.departments, lang, all.organisation.defaultLanguage).filter(
        (e) => e.department.parentId === department.id,
      );
      const people: PublicPerson[] = all.people
        .filter((p) => p.departmentId === department.id)
        .map((p) => ({ ...p, bookable: withPerson(p.staffId, all.services) }));
      return {
        organisation: all.organisation,
        department,
        parents,
        children: children.map((c) => c.department),
        people,
        services: handled(department, all.services),
        situations: all.situations.filter((s) => department.situationIds.includes(s.id)),
      };
    },

    /** The open data: OFN Kontakty 2020-07-01 (export.ts), published people only. */
    async openData(orgSlug: string) {
      const view = await tenants.getOrganisation(orgSlug);
      const org = view.organisation;
      const departments = await repo.listDepartments(db, org.id);
      const people = publicPeople(await repo.listPeople(db, org.id, { publishedOnly: true }));
      return contactsDocument({
        contactsUrl: new URL(`/o/${org.slug}/contacts`, deps.publicUrl).href,
        country: org.country,
        defaultLanguage: org.defaultLanguage,
        departments: flattenTree(departments, org.defaultLanguage, org.defaultLanguage).map(
          (e) => e.department,
        ),
        people,
      });
    },

    /** The departments that handle a service or a life situation of the organisation (for their pages). */
    async handledBy(
      organisationId: string,
      what: { serviceId: string } | { situationId: string },
    ): Promise<{ slug: string; name: Localized }[]> {
      const departments = await repo.listDepartments(db, organisationId);
      return departments
        .filter((d) =>
          'serviceId' in what
            ? d.serviceIds.includes(what.serviceId)
            : d.situationIds.includes(what.situationId),
        )
        .map((d) => ({ slug: d.slug, name: d.name }));
    },
  };
}
