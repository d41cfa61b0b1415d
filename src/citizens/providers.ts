import type { Db } from '../db/db.ts';
import type { EidProvider } from '../config/eid-providers.ts';
import { changes, staffActor } from '../audit/domain.ts';
import type { AuditService } from '../audit/service.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import type { Loa } from './domain.ts';
import * as repo from './repo.ts';

/** A provider as the sign-in page and the admin page show it (no file paths, no keys). */
export type OfferedProvider = {
  id: string;
  protocol: 'saml' | 'oidc';
  name: { sl: string; cs: string; en: string };
  loa: Loa;
};

const offered = (p: EidProvider): OfferedProvider => ({
  id: p.id,
  protocol: p.protocol,
  name: p.name,
  loa: p.loa,
});

/**
 * Which of the installation's eID providers (EID_PROVIDERS_FILE) each organisation offers. The
 * list is the configuration's, in its order; an organisation's admin switches each on or off
 * (audited). A provider removed from the configuration disappears everywhere, whatever is stored.
 */
export function eidProviderSettings(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  providers: readonly EidProvider[];
}) {
  const { db, clock, providers } = deps;

  function adminOnly(actor: StaffPrincipal): string {
    if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
    return actor.organisationId;
  }

  return {
    /** Every configured provider, for the protocol routes (by id). */
    configured(id: string): EidProvider | undefined {
      return providers.find((p) => p.id === id);
    },

    /** Every configured provider as the pages name it, in the configuration's order (statistics). */
    all(): OfferedProvider[] {
      return providers.map(offered);
    },

    /** The providers on for an organisation, or (null) on for at least one organisation. */
    async offered(organisationId: string | null): Promise<OfferedProvider[]> {
      if (providers.length === 0) return [];
      const on = new Set(await repo.enabledProviderIds(db, organisationId));
      return providers.filter((p) => on.has(p.id)).map(offered);
    },

    /** The admin's page: every configured provider and whether the organisation offers it. */
    async forAdmin(actor: StaffPrincipal) {
      const on = new Set(await repo.enabledProviderIds(db, adminOnly(actor)));
      return providers.map((p) => ({ ...offered(p), on: on.has(p.id) }));
    },

    /** Sets which providers the admin's organisation offers; ids not configured are refused. */
    async update(actor: StaffPrincipal, enabledIds: readonly string[]): Promise<void> {
      const organisationId = adminOnly(actor);
      const wanted = [...new Set(enabledIds)];
      if (wanted.some((id) => !providers.some((p) => p.id === id)))
        throw new AppError('invalid_input', 'not a configured provider');
      await db.transaction().execute(async (tx) => {
        const before = (await repo.enabledProviderIds(tx, organisationId)).sort();
        const after = providers.map((p) => p.id).filter((id) => wanted.includes(id));
        const diff = changes({ providers: before }, { providers: [...after].sort() });
        if (Object.keys(diff).length === 0) return;
        await repo.setEnabledProviders(tx, organisationId, after, clock.now());
        await deps.audit.record(tx, {
          organisationId,
          actor: staffActor(actor),
          action: 'eid_providers.updated',
          objectType: 'organisation',
          objectId: organisationId,
          detail: diff,
        });
      });
    },

    /** In development with demo data, every configured provider is on for every organisation. */
    async enableEverywhere(): Promise<void> {
      await repo.enableEverywhere(
        db,
        providers.map((p) => p.id),
        clock.now(),
      );
    },
  };
}

export type EidProviderSettings = ReturnType<typeof eidProviderSettings>;
