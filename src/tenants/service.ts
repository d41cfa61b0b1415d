import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/db.ts';
import { AppError } from '../lib/errors.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import {
  searchOrganisations,
  type Catalogue,
  type Office,
  type Official,
  type Organisation,
  type Service,
} from './domain.ts';
import { loadCatalogue } from './repo.ts';

/** Officials who hold a service and work at an office: whom a booking there can go to. */
function officialsAt(c: Catalogue, service: Service, office: Office): string[] {
  return c.officials
    .filter((o) => service.officialIds.includes(o.id) && o.officeIds.includes(office.id))
    .map((o) => o.id);
}

/** NOTIFY channel telling every instance that tenant data changed. */
export const TENANTS_CHANGED = 'okence_tenants_changed';

export type OrganisationView = {
  organisation: Organisation;
  offices: Office[];
  services: Service[];
  /** The catalogue snapshot this came from: a new one after every change (pages cache by it). */
  snapshot: object;
};

/**
 * Organisations, offices, services and officials. Citizens' pages read an
 * in-memory catalogue: it changes a few times a day, while pages are read all the
 * time. Writers call `changed()`, which reloads here and, through NOTIFY, on every
 * other instance.
 */
export function tenantsService(deps: { handle: DatabaseHandle }) {
  const { handle } = deps;
  let current: Promise<Catalogue> | undefined;

  function catalogue(): Promise<Catalogue> {
    if (!current) {
      current = loadCatalogue(handle.db);
      // A failed load must not be cached: the next request tries again.
      current.catch(() => {
        current = undefined;
      });
    }
    return current;
  }

  async function organisationBySlug(
    slug: string,
  ): Promise<{ catalogue: Catalogue; organisation: Organisation }> {
    const c = await catalogue();
    const organisation = c.organisations.find((o) => o.slug === slug);
    if (!organisation) throw new AppError('not_found', `organisation ${slug}`);
    // Every citizen page and API call of the organisation comes through here or bookingTargetById.
    if (organisation.suspended)
      throw new AppError('organisation_suspended', `organisation ${slug}`);
    return { catalogue: c, organisation };
  }

  return {
    /** Starts listening for changes made by other instances. */
    async start(): Promise<void> {
      await handle.listen(TENANTS_CHANGED, () => {
        current = undefined;
      });
    },

    /** Call after writing tenant data: drops the cache here and tells other instances. */
    async changed(): Promise<void> {
      current = undefined;
      await sql`SELECT pg_notify(${TENANTS_CHANGED}, '')`.execute(handle.db);
    },

    async searchOrganisations(
      query: string,
    ): Promise<{ organisations: Organisation[]; snapshot: object }> {
      const c = await catalogue();
      return { organisations: searchOrganisations(c, query), snapshot: c };
    },

    /** Organisations taking bookings: a suspended one is left out. */
    async listOrganisations(): Promise<Organisation[]> {
      return (await catalogue()).organisations.filter((o) => !o.suspended);
    },

    /** An organisation by id, for a page reached by a link to one of its objects (a payment link). */
    async organisationById(id: string): Promise<Organisation> {
      const organisation = (await catalogue()).organisations.find((o) => o.id === id);
      if (!organisation) throw new AppError('not_found', `organisation ${id}`);
      if (organisation.suspended)
        throw new AppError('organisation_suspended', `organisation ${organisation.slug}`);
      return organisation;
    },

    /** An organisation with its offices and active services. */
    async getOrganisation(slug: string): Promise<OrganisationView> {
      const { catalogue: c, organisation } = await organisationBySlug(slug);
      const offices = c.offices.filter((o) => o.organisationId === organisation.id && o.active);
      return {
        organisation,
        offices,
        // A service offered only at deactivated offices cannot be booked: citizens do not see it.
        services: c.services.filter(
          (s) =>
            s.organisationId === organisation.id && offices.some((o) => s.officeIds.includes(o.id)),
        ),
        snapshot: c,
      };
    },

    /** One service with the offices that offer it and the officials who hold it. */
    async getService(
      orgSlug: string,
      serviceSlug: string,
    ): Promise<
      OrganisationView & { service: Service; serviceOffices: Office[]; officials: Official[] }
    > {
      const { catalogue: c, organisation } = await organisationBySlug(orgSlug);
      const service = c.services.find(
        (s) => s.organisationId === organisation.id && s.slug === serviceSlug,
      );
      if (!service) throw new AppError('not_found', `service ${serviceSlug}`);
      const offices = c.offices.filter((o) => o.organisationId === organisation.id && o.active);
      return {
        organisation,
        offices,
        services: c.services.filter((s) => s.organisationId === organisation.id),
        service,
        snapshot: c,
        serviceOffices: offices.filter((o) => service.officeIds.includes(o.id)),
        officials: c.officials.filter((o) => service.officialIds.includes(o.id)),
      };
    },

    /** A service at one office, with the officials who hold it there: what booking needs. */
    async bookingTarget(orgSlug: string, officeSlug: string, serviceSlug: string) {
      const { catalogue: c, organisation } = await organisationBySlug(orgSlug);
      // A deactivated office takes no new bookings (existing ones go through bookingTargetById).
      const office = c.offices.find(
        (o) => o.organisationId === organisation.id && o.slug === officeSlug && o.active,
      );
      const service = c.services.find(
        (s) => s.organisationId === organisation.id && s.slug === serviceSlug,
      );
      if (!office || !service || !service.officeIds.includes(office.id))
        throw new AppError('not_found', 'no such service at that office');
      const officialIds = officialsAt(c, service, office);
      return { organisation, office, service, officialIds };
    },

    /** The same as bookingTarget, by ids (for an existing booking), with the official's name. */
    async bookingTargetById(
      organisationId: string,
      officeId: string,
      serviceId: string,
      staffId: string,
    ) {
      const c = await catalogue();
      const organisation = c.organisations.find((o) => o.id === organisationId);
      const office = c.offices.find((o) => o.id === officeId);
      const service = c.services.find((s) => s.id === serviceId);
      if (!organisation || !office || !service)
        throw new AppError('not_found', 'booking refers to something that no longer exists');
      // A suspended organisation's manage, join and guest links and code pages say so (its staff cannot sign in).
      if (organisation.suspended)
        throw new AppError('organisation_suspended', `organisation ${organisation.slug}`);
      const officialIds = officialsAt(c, service, office);
      const officialName = c.officials.find((o) => o.id === staffId)?.displayName ?? null;
      return { organisation, office, service, officialIds, officialName };
    },

    /** What the staff start page shows: only the signed-in person's own organisation. */
    async staffOverview(staff: StaffPrincipal) {
      const c = await catalogue();
      const organisation = c.organisations.find((o) => o.id === staff.organisationId);
      if (!organisation) throw new AppError('forbidden', 'staff without organisation');
      const me = c.officials.find((o) => o.id === staff.id);
      const offices = c.offices.filter((o) => o.organisationId === organisation.id);
      return {
        organisation,
        myOffices: offices.filter((o) => me?.officeIds.includes(o.id)),
        myServices: c.services.filter((s) => s.officialIds.includes(staff.id)),
        team:
          staff.role === 'admin'
            ? c.officials.filter((o) => o.organisationId === organisation.id)
            : [],
        services: c.services.filter((s) => s.organisationId === organisation.id),
        offices,
      };
    },
  };
}

export type TenantsService = ReturnType<typeof tenantsService>;
