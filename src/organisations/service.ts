import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditActor } from '../audit/domain.ts';
import type { AuditService } from '../audit/service.ts';
import type { InvitationService } from '../identity/invitations.ts';
import type { Db } from '../db/db.ts';
import { isConflict } from '../db/retry.ts';
import type { Lang, MessageKey } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import {
  allowedActions,
  confirmsSlug,
  deletionDueAt,
  deletionMayRun,
  organisationState,
  DELETION_WAITING_DAYS,
} from './domain.ts';
import { writeOrganisationExport, type ExportFile } from './export.ts';
import { formatJsonPath } from './json-lines.ts';
import { readImport, sortProblems, type ImportProblem, type Located } from './import.ts';
import * as repo from './repo.ts';
import type { OrganisationSpec } from './schema.ts';

/**
 * Who acts: an operator signed in to the console, the command line on the server, or the
 * deletion job; `name` is what invitation mails say sent them, `actor` what the audit log records.
 */
export type OperatorActor = { name: string; actor: AuditActor };

/** An operator's action for the installation's audit log (never citizen data). */
export type OperatorAuditEntry = {
  actor: OperatorActor;
  action: string;
  objectId: string;
  summary: string;
  detail?: Record<string, unknown>;
};

/** A staff account to invite: the invitation mail goes out with the caller's transaction. */
export type Invitee = { staffId: string; language: Lang; by: OperatorActor };

export type OrganisationsDeps = {
  db: Db;
  clock: Clock;
  /** Reloads the tenant catalogue on every instance (citizen pages change at once). */
  published: () => Promise<void>;
  /** Writes one entry in the installation's audit log, in the caller's transaction. */
  record: (tx: Db, entry: OperatorAuditEntry) => Promise<void>;
  /** Queues an invitation (a one-time link to set a password) in the caller's transaction. */
  invite: (tx: Db, who: Invitee) => Promise<void>;
  /** Closes an account's live sockets (its sessions have ended). */
  closeSockets?: (staffId: string) => void;
  /** Tells the mail worker there is mail to send, after a commit. */
  wakeMail?: () => void;
  exportsDir: string;
  filesDir: string;
  waitingDays?: number;
  log?: { error(obj: object, msg: string): void };
};

/**
 * Organisations from the operator's side: provisioning (one, or many from a file), the list
 * with usage counts, suspension and resumption, and deletion after a waiting period with an
 * export first. Every action is in the installation's audit log, in its own transaction.
 */
export function organisationsService(deps: OrganisationsDeps) {
  const { db, clock } = deps;
  const waitingDays = deps.waitingDays ?? DELETION_WAITING_DAYS;

  /** Inserts the specs and queues the invitations, in the caller's transaction. */
  async function provision(
    tx: Db,
    actor: OperatorActor,
    specs: OrganisationSpec[],
    action: 'organisation.created' | 'organisation.imported',
  ) {
    const created: { id: string; slug: string; invited: number }[] = [];
    for (const spec of specs) {
      const { id, staff } = await repo.insertSpec(tx, spec);
      for (const p of spec.officials)
        await deps.invite(tx, {
          staffId: staff.get(p.email)!,
          language: spec.defaultLanguage,
          by: actor,
        });
      await deps.record(tx, {
        actor,
        action,
        objectId: id,
        summary: spec.slug,
        detail: {
          offices: spec.offices.length,
          services: spec.services.length,
          officials: spec.officials.length,
          country: spec.country,
        },
      });
      created.push({ id, slug: spec.slug, invited: spec.officials.length });
    }
    return created;
  }

  /** Runs a provisioning transaction; a slug or email taken by someone in the same moment is a conflict. */
  async function transact<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    try {
      const out = await db.transaction().execute(work);
      await deps.published();
      deps.wakeMail?.();
      return out;
    } catch (err) {
      if (isConflict(err)) throw new AppError('conflict', 'a slug or an email was taken meanwhile');
      throw err;
    }
  }

  /** The organisation by slug, locked, in the caller's transaction; 404 when there is none. */
  async function locked(tx: Db, slug: string) {
    const org = await repo.lockOrganisation(tx, slug);
    if (!org) throw new AppError('not_found', `organisation ${slug}`);
    return org;
  }

  /** Refuses an action the organisation's state does not allow (two operators, or a stale page). */
  function mustAllow(
    org: repo.OrganisationRow,
    action: ReturnType<typeof allowedActions>[number],
  ): void {
    const due = deletionMayRun(org.deletionRequestedAt, clock.now(), waitingDays);
    if (!allowedActions(organisationState(org), due).includes(action))
      throw new AppError('no_longer_possible', `${action} not allowed now`);
  }

  async function afterSuspension(organisationId: string): Promise<void> {
    await deps.published();
    for (const id of await repo.staffIds(db, organisationId)) deps.closeSockets?.(id);
  }

  async function exportFor(org: { id: string; slug: string }): Promise<ExportFile> {
    return writeOrganisationExport({
      db,
      organisationId: org.id,
      slug: org.slug,
      now: clock.now(),
      exportsDir: deps.exportsDir,
      filesDir: deps.filesDir,
    });
  }

  /** Deletes a due organisation: the export first (no export, no deletion), then the rows, then its files. */
  async function deleteDue(actor: OperatorActor, slug: string): Promise<ExportFile> {
    const before = await repo.findOrganisation(db, slug);
    if (!before) throw new AppError('not_found', `organisation ${slug}`);
    mustAllow(before, 'delete');
    const exported = await exportFor(before);
    const folders = await repo.bookingsWithFiles(db, before.id);
    await db.transaction().execute(async (tx) => {
      const org = await locked(tx, slug);
      // Cancelled (or cancelled and asked again) while the export was written: not this one.
      if (
        org.id !== before.id ||
        org.deletionRequestedAt?.getTime() !== before.deletionRequestedAt?.getTime()
      )
        throw new AppError('no_longer_possible', 'the request changed');
      await repo.deleteOrganisation(tx, org.id);
      await deps.record(tx, {
        actor,
        action: 'organisation.deleted',
        objectId: org.id,
        summary: slug,
        detail: { export: exported, requestedAt: org.deletionRequestedAt?.toISOString() },
      });
    });
    await deps.published();
    for (const bookingId of folders)
      await rm(join(deps.filesDir, bookingId), { recursive: true, force: true });
    return exported;
  }

  return {
    /** Creates one organisation with its first office and admin, who is invited by email. */
    async create(
      actor: OperatorActor,
      spec: OrganisationSpec,
    ): Promise<{ id: string; slug: string }> {
      const fields: Record<string, MessageKey> = {};
      if ((await repo.slugsTaken(db, [spec.slug])).length) fields.slug = 'orgs.error.slug_taken';
      if (
        (
          await repo.emailsTaken(
            db,
            spec.officials.map((p) => p.email),
          )
        ).length
      )
        fields.adminEmail = 'orgs.error.email_taken';
      if (Object.keys(fields).length) throw new AppError('invalid_input', 'form rejected', fields);
      const [created] = await transact((tx) =>
        provision(tx, actor, [spec], 'organisation.created'),
      );
      return { id: created!.id, slug: created!.slug };
    },

    /**
     * Imports a file of organisations, all or nothing: every problem is reported with its JSON
     * path and line, including slugs and emails the installation already has.
     */
    async import(
      actor: OperatorActor,
      text: string,
    ): Promise<
      | { ok: true; organisations: { slug: string; invited: number }[] }
      | { ok: false; problems: ImportProblem[] }
    > {
      const read = readImport(text);
      if (!read.ok) return read;
      const problems = await takenProblems(db, read.organisations, read.located);
      if (problems.length) return { ok: false, problems };
      const created = await transact((tx) =>
        provision(tx, actor, read.organisations, 'organisation.imported'),
      );
      return { ok: true, organisations: created.map(({ slug, invited }) => ({ slug, invited })) };
    },

    /** Every organisation with its state, what may be done with it, and its usage as counts. */
    async list() {
      const now = clock.now();
      return (await repo.listWithUsage(db, now)).map((o) => {
        const state = organisationState(o);
        const due = o.deletionRequestedAt
          ? deletionDueAt(o.deletionRequestedAt, waitingDays)
          : null;
        return {
          ...o,
          state,
          deletionDueAt: due,
          actions: allowedActions(state, deletionMayRun(o.deletionRequestedAt, now, waitingDays)),
        };
      });
    },

    /** One organisation of the list, or 404. */
    async get(slug: string) {
      const org = (await this.list()).find((o) => o.slug === slug);
      if (!org) throw new AppError('not_found', `organisation ${slug}`);
      return org;
    },

    /** Suspends the online counter: citizen pages say so, staff sessions end and sign-in is refused. */
    async suspend(actor: OperatorActor, slug: string): Promise<void> {
      const org = await db.transaction().execute(async (tx) => {
        const org = await locked(tx, slug);
        mustAllow(org, 'suspend');
        await repo.setSuspended(tx, org.id, clock.now());
        const sessions = await repo.endStaffSessions(tx, org.id);
        await deps.record(tx, {
          actor,
          action: 'organisation.suspended',
          objectId: org.id,
          summary: slug,
          detail: { sessionsEnded: sessions },
        });
        return org;
      });
      await afterSuspension(org.id);
    },

    /** Resumes a suspended organisation (not one waiting for deletion: cancel that first). */
    async resume(actor: OperatorActor, slug: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const org = await locked(tx, slug);
        mustAllow(org, 'resume');
        await repo.setSuspended(tx, org.id, null);
        await deps.record(tx, {
          actor,
          action: 'organisation.resumed',
          objectId: org.id,
          summary: slug,
          detail: { suspendedAt: org.suspendedAt?.toISOString() },
        });
      });
      await deps.published();
    },

    /**
     * Asks for the deletion, confirmed by the slug typed: the organisation is suspended at once
     * and deleted when the waiting period is over. An export is written now, so the
     * organisation can be given its data during the waiting period.
     */
    async requestDeletion(
      actor: OperatorActor,
      slug: string,
      typed: string,
    ): Promise<{ dueAt: Date; export: ExportFile | null }> {
      if (!confirmsSlug(typed, slug))
        throw new AppError('invalid_input', 'confirmation', {
          confirm: 'orgs.error.confirm_slug' satisfies MessageKey,
        });
      const now = clock.now();
      const org = await db.transaction().execute(async (tx) => {
        const org = await locked(tx, slug);
        mustAllow(org, 'request_deletion');
        if (!org.suspendedAt) await repo.setSuspended(tx, org.id, now);
        await repo.setDeletionRequested(tx, org.id, now);
        const sessions = await repo.endStaffSessions(tx, org.id);
        await deps.record(tx, {
          actor,
          action: 'organisation.deletion_requested',
          objectId: org.id,
          summary: slug,
          detail: { dueAt: deletionDueAt(now, waitingDays).toISOString(), sessionsEnded: sessions },
        });
        return org;
      });
      await afterSuspension(org.id);
      let exported: ExportFile | null = null;
      try {
        exported = await exportFor(org);
        await deps.record(db, {
          actor,
          action: 'organisation.exported',
          objectId: org.id,
          summary: slug,
          detail: { export: exported },
        });
      } catch (err) {
        // The request stands; the deletion writes its own export and does not run without one.
        deps.log?.error({ err }, 'exporting the organisation failed');
      }
      return { dueAt: deletionDueAt(now, waitingDays), export: exported };
    },

    /** Cancels a deletion request during the waiting period; the organisation stays suspended until resumed. */
    async cancelDeletion(actor: OperatorActor, slug: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const org = await locked(tx, slug);
        mustAllow(org, 'cancel_deletion');
        await repo.setDeletionRequested(tx, org.id, null);
        await deps.record(tx, {
          actor,
          action: 'organisation.deletion_cancelled',
          objectId: org.id,
          summary: slug,
          detail: { requestedAt: org.deletionRequestedAt?.toISOString() },
        });
      });
    },

    /** Deletes now, from the console, once the waiting period is over; the slug typed again. */
    async deleteNow(actor: OperatorActor, slug: string, typed: string): Promise<ExportFile> {
      if (!confirmsSlug(typed, slug))
        throw new AppError('invalid_input', 'confirmation', {
          confirm: 'orgs.error.confirm_slug' satisfies MessageKey,
        });
      return deleteDue(actor, slug);
    },

    /** The job: deletes every organisation whose waiting period is over. Returns how many went. */
    async runDueDeletions(): Promise<number> {
      const now = clock.now();
      let deleted = 0;
      for (const slug of await repo.deletionsDue(
        db,
        new Date(now.getTime() - waitingDays * 86_400_000),
      )) {
        try {
          await deleteDue({ name: 'deletion job', actor: { system: 'deletion' } }, slug);
          deleted++;
        } catch (err) {
          deps.log?.error({ err, slug }, 'deleting an organisation failed');
        }
      }
      return deleted;
    },
  };
}

export type OrganisationsService = ReturnType<typeof organisationsService>;

/**
 * The service wired to the audit log (the installation's scope) and to staff invitations, as
 * boot and the command line both build it.
 */
export function connectedOrganisations(
  parts: Omit<OrganisationsDeps, 'record' | 'invite'> & {
    audit: AuditService;
    invitations: InvitationService;
  },
): OrganisationsService {
  const { audit, invitations, ...deps } = parts;
  return organisationsService({
    ...deps,
    record: (tx, e) =>
      audit.record(tx, {
        organisationId: null,
        actor: e.actor.actor,
        action: e.action,
        objectType: 'organisation',
        objectId: e.objectId,
        summary: e.summary,
        ...(e.detail ? { detail: e.detail } : {}),
      }),
    invite: async (tx, who) =>
      void (await invitations.invite({ kind: 'staff', staffId: who.staffId }, who.by, {
        tx,
        lang: who.language,
      })),
  });
}

/** Slugs and emails of the file that the installation already has, as problems on their lines. */
async function takenProblems(
  db: Db,
  specs: OrganisationSpec[],
  located: Located,
): Promise<ImportProblem[]> {
  const [slugs, emails] = await Promise.all([
    repo.slugsTaken(
      db,
      specs.map((s) => s.slug),
    ),
    repo.emailsTaken(
      db,
      specs.flatMap((s) => s.officials.map((p) => p.email)),
    ),
  ]);
  const problems: ImportProblem[] = [];
  const at = (path: (string | number)[], message: MessageKey): ImportProblem => ({
    path: formatJsonPath(located.pathOf(path)),
    line: located.lineOf(path),
    message,
  });
  specs.forEach((s, i) => {
    if (slugs.includes(s.slug)) problems.push(at([i, 'slug'], 'orgs.error.slug_exists'));
    s.officials.forEach(
      (p, j) =>
        emails.includes(p.email) &&
        problems.push(at([i, 'officials', j, 'email'], 'orgs.error.email_exists')),
    );
  });
  return sortProblems(problems);
}
