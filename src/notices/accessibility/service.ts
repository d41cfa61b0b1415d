import type { Db } from '../../db/db.ts';
import { changes, staffActor } from '../../audit/domain.ts';
import type { AuditService } from '../../audit/service.ts';
import type { StaffPrincipal } from '../../identity/domain.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { TenantsService } from '../../tenants/service.ts';
import { effectiveStatement, type SavedStatement } from './domain.ts';
import * as repo from './repo.ts';

/** What the audit log keeps of a statement: all but the texts, whose languages it names. */
function auditShape(s: SavedStatement | undefined) {
  if (!s) return {};
  const { nonAccessible, ...rest } = s;
  return { ...rest, nonAccessibleLanguages: Object.keys(nonAccessible).sort().join(',') };
}

/**
 * The accessibility statement of an organisation: the public page (its own statement, or the
 * platform's with its contacts) and its admin's form. The admin's use cases check the actor is
 * an admin and touch only the actor's organisation's row; a save is audited in its transaction.
 */
export function accessibilityService(deps: {
  db: Db;
  clock: Clock;
  tenants: TenantsService;
  audit: AuditService;
}) {
  const { db, tenants } = deps;

  async function adminContext(actor: StaffPrincipal) {
    if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
    const { organisation } = await tenants.staffOverview(actor);
    return { organisation, saved: await repo.findStatement(db, organisation.id) };
  }

  return {
    /** The statement an organisation's page shows. */
    async statement(orgSlug: string) {
      const view = await tenants.getOrganisation(orgSlug);
      const saved = await repo.findStatement(db, view.organisation.id);
      return { ...view, statement: effectiveStatement(saved, view.organisation) };
    },

    /** The admin's form: the saved statement, or the platform's as a start. */
    async adminForm(actor: StaffPrincipal) {
      const { organisation, saved } = await adminContext(actor);
      return { organisation, saved, statement: effectiveStatement(saved, organisation) };
    },

    /** Saves the statement of the admin's organisation. */
    async save(actor: StaffPrincipal, input: SavedStatement): Promise<void> {
      const { organisation, saved } = await adminContext(actor);
      await db.transaction().execute(async (tx) => {
        await repo.saveStatement(tx, organisation.id, input, actor.id, deps.clock.now());
        await deps.audit.record(tx, {
          organisationId: organisation.id,
          actor: staffActor(actor),
          action: saved ? 'accessibility_statement.updated' : 'accessibility_statement.created',
          objectType: 'accessibility_statement',
          objectId: organisation.id,
          summary: input.compliance,
          detail: changes(auditShape(saved), auditShape(input)),
        });
      });
    },
  };
}

export type AccessibilityService = ReturnType<typeof accessibilityService>;
