import type { Db } from '../../db/db.ts';
import { changes, staffActor } from '../../audit/domain.ts';
import type { AuditService } from '../../audit/service.ts';
import type { StaffPrincipal } from '../../identity/domain.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { TenantsService } from '../../tenants/service.ts';
import type { SituationsService } from '../../situations/service.ts';
import { moveProblem, subtreeIds, type Department, type Person } from './domain.ts';
import * as repo from './repo.ts';
import type { DepartmentInput, PersonInput } from './schema.ts';
import { contactsReader } from './reader.ts';
import { loadDemoContacts, type DemoDepartment } from './demo.ts';

/** What the audit log keeps of a department: its slug, names, links and contact points. */
function departmentShape(d: Department) {
  return {
    slug: d.slug,
    name: d.name,
    parentId: d.parentId,
    email: d.email,
    phone: d.phone,
    position: d.position,
    serviceIds: d.serviceIds,
    situationIds: d.situationIds,
  };
}

/** What the audit log keeps of a person: name, links and publication, not their contact details. */
function personShape(p: Person) {
  return {
    fullName: p.fullName,
    departmentId: p.departmentId,
    staffId: p.staffId,
    published: p.published,
    consentRecordedAt: p.consentRecordedAt?.toISOString() ?? null,
    hasEmail: p.email !== null,
    hasPhone: p.phone !== null,
    position: p.position,
  };
}

const invalid = (field: string, message: MessageKey) =>
  new AppError('invalid_input', message, { [field]: message });

/**
 * Departments and contacts (decision 051): the citizens' directory, its search and open data
 * (reader.ts), and their administration by the organisation's admins. Every admin use case
 * checks the actor is an admin and touches only rows of the actor's organisation (anything
 * else, including another organisation's service, situation or staff id in a form, is 404),
 * and writes its audit entry in the transaction of the change. A person is published only by an
 * admin who confirms the person's consent, which is recorded with who and when.
 */
export function contactsService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  tenants: TenantsService;
  situations: SituationsService;
  publicUrl: URL;
}) {
  const { db, tenants } = deps;

  async function adminContext(actor: StaffPrincipal) {
    if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
    const { organisation, services, team } = await tenants.staffOverview(actor);
    const { situations } = await deps.situations.adminList(actor);
    const departments = await repo.listDepartments(db, organisation.id);
    return { organisation, services, situations, team, departments };
  }

  /** The admin's context with a department of theirs (none for id null; another's is 404). */
  async function withDepartment(actor: StaffPrincipal, id: string | null) {
    const context = await adminContext(actor);
    const department = id ? context.departments.find((d) => d.id === id) : undefined;
    if (id && !department) throw new AppError('not_found', 'no such department');
    return { ...context, department };
  }

  async function ownDepartment(actor: StaffPrincipal, id: string) {
    const context = await withDepartment(actor, id);
    return { ...context, department: context.department! };
  }

  /** A department of the admin's with one of its people (none for id null; another's is 404). */
  async function withPerson(actor: StaffPrincipal, departmentId: string, id: string | null) {
    const context = await ownDepartment(actor, departmentId);
    const person = id
      ? await repo.findPerson(db, actor.organisationId, departmentId, id)
      : undefined;
    if (id && !person) throw new AppError('not_found', 'no such person');
    return { ...context, person };
  }

  const audited = (
    tx: Db,
    actor: StaffPrincipal,
    action: string,
    object: { type: 'department' | 'department_person'; id: string; summary: string },
    detail: Record<string, unknown>,
  ) =>
    deps.audit.record(tx, {
      organisationId: actor.organisationId,
      actor: staffActor(actor),
      action,
      objectType: object.type,
      objectId: object.id,
      summary: object.summary,
      detail,
    });

  /** Who published: the flag asked for, against what is recorded (a new consent needs the admin's confirmation). */
  function publication(actor: StaffPrincipal, before: Person | undefined, input: PersonInput) {
    const kept = {
      consentRecordedAt: before?.consentRecordedAt ?? null,
      consentRecordedBy: before?.consentRecordedBy ?? null,
    };
    // Unpublishing is always possible; the record of the consent once given stays.
    if (!input.publish) return { published: false, ...kept };
    if (before?.published) return { published: true, ...kept };
    if (!input.consentConfirmed) throw invalid('consent', 'contacts.error.consent');
    return { published: true, consentRecordedAt: deps.clock.now(), consentRecordedBy: actor.id };
  }

  async function deletionScope(actor: StaffPrincipal, id: string) {
    const { organisation, department, departments } = await ownDepartment(actor, id);
    const ids = subtreeIds(departments, id);
    const counts = await repo.peopleCounts(db, organisation.id);
    const people = [...ids].reduce((n, d) => n + (counts.get(d) ?? 0), 0);
    return { organisation, department, subDepartments: ids.size - 1, people };
  }

  return {
    ...contactsReader(deps),

    /** The admin's list: the organisation's departments as a tree, with how many people each has. */
    async adminList(actor: StaffPrincipal) {
      const { organisation, departments } = await adminContext(actor);
      const counts = await repo.peopleCounts(db, organisation.id);
      return { organisation, departments, counts };
    },

    /** A department of the admin's organisation (or none for a new one) with what the form offers and its people. */
    async departmentForm(actor: StaffPrincipal, id: string | null) {
      const context = await withDepartment(actor, id);
      const { department } = context;
      const people = department
        ? await repo.listPeople(db, actor.organisationId, {
            publishedOnly: false,
            departmentId: department.id,
          })
        : [];
      // A department cannot go under itself or anything under it: those are not offered.
      const below = department ? subtreeIds(context.departments, department.id) : new Set<string>();
      const parents = context.departments.filter((d) => !below.has(d.id));
      return { ...context, department, people, parents };
    },

    /** Creates (id null) or updates a department; a taken slug or a cycle comes back as a field error. */
    async saveDepartment(actor: StaffPrincipal, id: string | null, input: DepartmentInput) {
      const context = await withDepartment(actor, id);
      const { organisation, departments, department: before } = context;
      // Another organisation's ids are not an input mistake but a forged form: 404.
      const own = <T extends { id: string }>(ids: string[], rows: readonly T[]) =>
        ids.every((x) => rows.some((r) => r.id === x));
      if (input.parentId && !own([input.parentId], departments))
        throw new AppError('not_found', 'no such department');
      if (!own(input.serviceIds, context.services))
        throw new AppError('not_found', 'no such service');
      if (!own(input.situationIds, context.situations))
        throw new AppError('not_found', 'no such life situation');
      const problem = moveProblem(departments, id, input.parentId);
      if (problem) throw invalid('parentId', `contacts.error.${problem}`);
      if (await repo.slugTaken(db, organisation.id, input.slug, id))
        throw invalid('slug', 'contacts.error.slug_taken');
      const saved = await db.transaction().execute(async (tx) => {
        const savedId = await repo.saveDepartment(tx, organisation.id, id, input, deps.clock.now());
        const after = (await repo.findDepartment(tx, organisation.id, { id: savedId }))!;
        const object = { type: 'department' as const, id: savedId, summary: after.slug };
        if (before)
          await audited(tx, actor, 'department.updated', object, {
            ...changes(departmentShape(before), departmentShape(after)),
          });
        else await audited(tx, actor, 'department.created', object, departmentShape(after));
        return savedId;
      });
      // The service pages show which department handles them, and are cached by the catalogue.
      await tenants.changed();
      return saved;
    },

    /** What a deletion takes along: the department, its sub-departments and all their people. */
    deletionScope,

    /** Deletes a department with everything under it. */
    async removeDepartment(actor: StaffPrincipal, id: string): Promise<void> {
      const scope = await deletionScope(actor, id);
      const { department, organisation } = scope;
      await db.transaction().execute(async (tx) => {
        await repo.deleteDepartment(tx, organisation.id, id);
        await audited(
          tx,
          actor,
          'department.deleted',
          { type: 'department', id, summary: department.slug },
          {
            ...departmentShape(department),
            subDepartments: scope.subDepartments,
            people: scope.people,
          },
        );
      });
      await tenants.changed();
    },

    /** A person of a department of the admin's organisation (or none for a new one), with the staff to link. */
    async personForm(actor: StaffPrincipal, departmentId: string, id: string | null) {
      const context = await withPerson(actor, departmentId, id);
      const { person } = context;
      const recordedBy = person?.consentRecordedBy
        ? (context.team.find((s) => s.id === person.consentRecordedBy)?.displayName ?? null)
        : null;
      return { ...context, person, recordedBy };
    },

    /** Creates (id null) or updates a person; publishing without a confirmed consent is a field error. */
    async savePerson(
      actor: StaffPrincipal,
      departmentId: string,
      id: string | null,
      input: PersonInput,
    ): Promise<string> {
      const context = await withPerson(actor, departmentId, id);
      const before = context.person;
      if (input.staffId && !context.team.some((s) => s.id === input.staffId))
        throw new AppError('not_found', 'no such staff account');
      const pub = publication(actor, before, input);
      const orgId = context.organisation.id;
      const saved = await db.transaction().execute(async (tx) => {
        const now = deps.clock.now();
        const savedId = await repo.savePerson(tx, orgId, departmentId, id, input, pub, now);
        const after = (await repo.findPerson(tx, orgId, departmentId, savedId))!;
        const object = { type: 'department_person' as const, id: savedId, summary: after.fullName };
        if (before)
          await audited(tx, actor, 'department_person.updated', object, {
            ...changes(personShape(before), personShape(after)),
          });
        else await audited(tx, actor, 'department_person.created', object, personShape(after));
        if (after.published !== (before?.published ?? false))
          await audited(
            tx,
            actor,
            after.published ? 'department_person.published' : 'department_person.unpublished',
            object,
            { consentRecordedAt: after.consentRecordedAt?.toISOString() ?? null },
          );
        return savedId;
      });
      await tenants.changed();
      return saved;
    },

    /** Deletes a person of a department of the admin's organisation. */
    async removePerson(actor: StaffPrincipal, departmentId: string, id: string): Promise<void> {
      const person = (await withPerson(actor, departmentId, id)).person!;
      await db.transaction().execute(async (tx) => {
        await repo.deletePerson(tx, actor.organisationId, id);
        await audited(
          tx,
          actor,
          'department_person.deleted',
          { type: 'department_person', id, summary: person.fullName },
          personShape(person),
        );
      });
      await tenants.changed();
    },

    /** Loads the demo departments of the organisations that have none (boot.ts, with the demo data). */
    async loadDemo(demo: readonly DemoDepartment[]): Promise<number> {
      return loadDemoContacts(db, deps.clock.now(), demo);
    },
  };
}

export type ContactsService = ReturnType<typeof contactsService>;
