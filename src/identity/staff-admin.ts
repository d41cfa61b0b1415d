import type { Db } from '../db/db.ts';
import { changes, staffActor } from '../audit/domain.ts';
import type { AuditService } from '../audit/service.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { locksOutLastAdmin } from '../tenants/admin-domain.ts';
import type { TenantsService } from '../tenants/service.ts';
import type { StaffPrincipal } from './domain.ts';
import { hashPassword, verifyPassword } from './password.ts';
import type { InvitationService } from './invitations.ts';
import { checkPassword } from './password-policy.ts';
import { hashToken, signInAttempts } from './service.ts';
import * as repo from './staff-repo.ts';

function invalid(fields: Record<string, string>): AppError {
  return new AppError('invalid_input', 'form rejected', fields);
}

/** The policy's reasons as message keys joined by `|` (the page translates and lists each). */
function passwordProblems(
  password: string,
  context: { email: string; name: string },
): string | null {
  const problems = checkPassword(password, context);
  return problems.length
    ? problems.map((p) => `identity.password.problem.${p}` satisfies string).join('|')
    : null;
}

/** An account as the admin's form gives it. */
export type StaffInput = repo.StaffWrite;

/**
 * Staff accounts: admins manage the officials and admins of their own organisation, and
 * everyone changes their own password. The organisation always keeps an active admin:
 * every change that could remove one runs under the organisation's row lock and is checked
 * against the accounts as they are then (see repo.lockOrganisation).
 */
export function staffAccounts(deps: {
  db: Db;
  clock: Clock;
  tenants: TenantsService;
  audit: AuditService;
  /** Sends new accounts their link to set a password (nobody types a password for someone else). */
  invitations: InvitationService;
  invalidate: () => void;
  /**
   * Closes the live sockets of an account: all of them (lobby, rooms) when its sessions end, or
   * only the lobby sockets, which reconnect and are scoped afresh, when it leaves an office.
   * Each socket was authorised once, when it opened.
   */
  closeSockets?: (staffId: string, lobbyOnly?: boolean) => void;
}) {
  const { db } = deps;
  function adminOnly(actor: StaffPrincipal): string {
    if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
    return actor.organisationId;
  }
  const audited = (
    tx: Db,
    actor: StaffPrincipal,
    action: string,
    objectId: string,
    summary: string,
    detail: Record<string, unknown>,
  ) =>
    deps.audit.record(tx, {
      organisationId: actor.organisationId,
      actor: staffActor(actor),
      action,
      objectType: 'staff',
      objectId,
      summary,
      detail,
    });
  async function published(): Promise<void> {
    await deps.tenants.changed();
    deps.invalidate();
  }

  /** Checks ids and the unique email; throws 404 for another organisation's offices or services. */
  async function validate(
    orgId: string,
    id: string | null,
    input: StaffInput,
  ): Promise<Record<string, string>> {
    const [offices, services] = await Promise.all([
      repo.ownIds(db, 'office', orgId, input.officeIds),
      repo.ownIds(db, 'service', orgId, input.serviceIds),
    ]);
    if (
      offices.length !== new Set(input.officeIds).size ||
      services.length !== new Set(input.serviceIds).size
    )
      throw new AppError('not_found', 'no such office or service');
    return (await repo.emailTaken(db, input.email, id))
      ? { email: 'identity.error.email_taken' satisfies MessageKey }
      : {};
  }

  /**
   * In the caller's transaction: takes the organisation's lock, checks the actor is still an
   * active admin (another admin may just have demoted them) and that `change` keeps an admin.
   */
  async function guardLastAdmin(
    tx: Db,
    actor: StaffPrincipal,
    change: { id: string; role: 'admin' | 'official'; active: boolean },
    field: string,
  ): Promise<void> {
    await repo.lockOrganisation(tx, actor.organisationId);
    const seats = await repo.adminSeats(tx, actor.organisationId);
    const me = seats.find((s) => s.id === actor.id);
    if (!me || me.role !== 'admin' || !me.active)
      throw new AppError('forbidden', 'no longer an admin');
    if (locksOutLastAdmin(seats, change))
      throw invalid({ [field]: 'identity.error.last_admin' satisfies MessageKey });
  }

  return {
    async list(actor: StaffPrincipal) {
      const orgId = adminOnly(actor);
      const [staff, choices] = await Promise.all([
        repo.listStaff(db, orgId),
        repo.choices(db, orgId),
      ]);
      return { staff, ...choices };
    },

    async get(actor: StaffPrincipal, id: string) {
      const orgId = adminOnly(actor);
      const [account, choices] = await Promise.all([
        repo.findStaff(db, orgId, id),
        repo.choices(db, orgId),
      ]);
      if (!account) throw new AppError('not_found', 'no such account');
      return { account, ...choices };
    },

    async choices(actor: StaffPrincipal) {
      return repo.choices(db, adminOnly(actor));
    },

    /**
     * Creates an account without a password and mails it a one-time link to set one (the
     * account, the link, the mail and the audit entries commit together).
     */
    async create(actor: StaffPrincipal, input: StaffInput): Promise<string> {
      const orgId = adminOnly(actor);
      const problems = await validate(orgId, null, input);
      if (Object.keys(problems).length) throw invalid(problems);
      const id = await db.transaction().execute(async (tx) => {
        const made = await deps.invitations.invite(
          {
            kind: 'staff',
            organisationId: orgId,
            email: input.email,
            name: input.displayName,
            role: input.role,
            title: input.title,
            officeIds: input.officeIds,
            serviceIds: input.serviceIds,
          },
          { name: actor.displayName, actor: staffActor(actor) },
          { tx },
        );
        await audited(tx, actor, 'staff.created', made.staffId!, input.displayName, {
          role: input.role,
          officeIds: input.officeIds,
          serviceIds: input.serviceIds,
        });
        return made.staffId!;
      });
      deps.invitations.wakeMail();
      await published();
      return id;
    },

    /** Sends a new link to an account that has not set its password yet; the earlier link dies. */
    async inviteAgain(actor: StaffPrincipal, id: string): Promise<string> {
      const orgId = adminOnly(actor);
      const account = await repo.findStaff(db, orgId, id);
      if (!account) throw new AppError('not_found', 'no such account');
      if (!account.pending) throw new AppError('conflict', 'the account has a password');
      const made = await deps.invitations.invite(
        { kind: 'staff', staffId: id },
        { name: actor.displayName, actor: staffActor(actor) },
      );
      return made.email;
    },

    /** Updates an account; a change of role is recorded as such, and never removes the last admin. */
    async update(actor: StaffPrincipal, id: string, input: StaffInput): Promise<void> {
      const orgId = adminOnly(actor);
      const before = await repo.findStaff(db, orgId, id);
      if (!before) throw new AppError('not_found', 'no such account');
      const problems = await validate(orgId, id, input);
      if (Object.keys(problems).length) throw invalid(problems);
      await db.transaction().execute(async (tx) => {
        await guardLastAdmin(tx, actor, { id, role: input.role, active: before.active }, 'role');
        await repo.updateStaff(tx, orgId, id, input);
        const after = await repo.findStaff(tx, orgId, id);
        const action = before.role !== input.role ? 'staff.role_changed' : 'staff.updated';
        await audited(tx, actor, action, id, input.displayName, changes(before, after ?? {}));
      });
      await published();
      // After the catalogue reload, so the lobby sockets reconnect to the offices as they are now.
      const lostOffice = before.officeIds.some((o) => !input.officeIds.includes(o));
      if (lostOffice) deps.closeSockets?.(id, true);
    },

    /** Deactivates (ending every session at once) or reactivates an account. */
    async setActive(actor: StaffPrincipal, id: string, active: boolean): Promise<void> {
      const orgId = adminOnly(actor);
      const before = await repo.findStaff(db, orgId, id);
      if (!before) throw new AppError('not_found', 'no such account');
      await db.transaction().execute(async (tx) => {
        await guardLastAdmin(tx, actor, { id, role: before.role, active }, 'active');
        await repo.setStaffActive(tx, orgId, id, active);
        if (!active) await repo.endSessions(tx, id);
        await audited(
          tx,
          actor,
          active ? 'staff.reactivated' : 'staff.deactivated',
          id,
          before.display_name,
          { active: [before.active, active] },
        );
      });
      if (!active) deps.closeSockets?.(id);
      await published();
    },

    /**
     * Changes one's own password: the current one is required, the new one must pass the
     * policy, and every other session of the account ends (the one in use stays). A wrong
     * current password counts as a failed sign-in, so a stolen session cannot be used to guess
     * the password faster than the sign-in form allows.
     */
    async changeOwnPassword(
      actor: StaffPrincipal,
      sessionToken: string,
      current: string,
      next: string,
    ): Promise<void> {
      const hash = await repo.passwordHashOf(db, actor.id);
      if (!hash) throw new AppError('unauthenticated');
      const now = deps.clock.now();
      const ip = actor.ip ?? 'unknown';
      const attempt = await signInAttempts(db).begin(actor.email, ip, now);
      if (!attempt.allowed) throw new AppError('rate_limited', 'too many wrong passwords');
      const problems: Record<string, string> = {};
      // A wrong current password stays counted as a failed sign-in; a right one is not a sign-in.
      if (!(await verifyPassword(current, hash)))
        problems.currentPassword = 'identity.password.error.current' satisfies MessageKey;
      else await attempt.uncounted();
      const weak = passwordProblems(next, { email: actor.email, name: actor.displayName });
      if (weak) problems.newPassword = weak;
      else if (current === next)
        problems.newPassword = 'identity.password.error.same' satisfies MessageKey;
      if (Object.keys(problems).length) throw invalid(problems);
      const newHash = await hashPassword(next);
      await db.transaction().execute(async (tx) => {
        await repo.setPasswordHash(tx, actor.id, newHash);
        await repo.endSessions(tx, actor.id, hashToken(sessionToken));
        await audited(tx, actor, 'password.changed', actor.id, actor.displayName, {});
      });
      // Open lobby sockets were authorised when they opened: close them all, on every instance.
      // The one of the session in use reconnects at once; those of the ended sessions meet the
      // sign-in check and stay closed. Rooms are left running: a live call is not cut short.
      deps.closeSockets?.(actor.id, true);
    },
  };
}

export type StaffAccounts = ReturnType<typeof staffAccounts>;
