// The forms' use cases (decision 033): admins create forms, edit one draft per form, publish it
// as the next immutable version; citizens' pages read published versions. Every staff use case
// works only on the actor's own organisation's forms (anything else is 404); writes are admins'
// and audited. A definition is always checked (checkDefinition) before it is stored.
import { staffActor } from '../audit/domain.ts';
import type { AuditService } from '../audit/service.ts';
import type { Db } from '../db/db.ts';
import { isConflict } from '../db/retry.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { checkDefinition, type DefinitionProblem } from './definition-check.ts';
import type { FormDefinition } from './definition.ts';
import type { DemoForm } from './demo-forms.ts';
import * as repo from './repo.ts';

// The engine's pure modules, for the routes, pages, drafts and submissions other code builds on.
export type {
  FormDefinition,
  DefinitionInput,
  Page,
  Question,
  QuestionType,
  QuestionOf,
  MemberQuestion,
  GroupQuestion,
  LocalizedText,
  Currency,
  PrefillSource,
} from './definition.ts';
export { LIMITS, CURRENCIES, TEXT_PATTERNS, ACCEPTABLE_TYPES, FORMAT } from './definition.ts';
export type { Condition, Comparison } from './conditions.ts';
export { evaluate, isAnswered } from './conditions.ts';
export { checkDefinition } from './definition-check.ts';
export type { DefinitionProblem, DefinitionCheck } from './definition-check.ts';
export { validateAnswers, validateFormPost, validatePagePost } from './answers.ts';
export type {
  Answers,
  AnswerValue,
  Money,
  Address,
  Person,
  FileRef,
  GroupItem,
  FieldError,
  FieldParam,
  FileFacts,
  Validation,
  ValidateOptions,
} from './answers.ts';
export { visibility, type Visibility } from './visibility.ts';
export { prefill, type KnownPerson } from './prefill.ts';
export { answersJsonSchema } from './json-schema.ts';
export { fieldErrorText, answerIssues } from './error-text.ts';
export { actRequiredIssue } from './act-domain.ts';
export { namedFiles } from './attachments-domain.ts';
export type { FormAttachments, Attachment, AttachOutcome } from './attachments.ts';
import type { ReceiptModel } from './receipt/model.ts';
import type { Receipt } from './receipt/receipt.ts';
export type { ReceiptModel } from './receipt/model.ts';

/**
 * The receipt a submission gets (submissions/ makes it; decision 034), loaded at its first use:
 * pdfkit, fontkit and the parsed DejaVu fonts are memory that a start never needs (decision 028).
 */
export async function renderReceipt(model: ReceiptModel): Promise<Receipt> {
  const { renderReceipt: render } = await import('./receipt/receipt.ts');
  return render(model);
}

/** A form's slug: lower-case letters, digits and hyphens (the migration's CHECK). */
export const FORM_SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** One stored version, its definition checked again as it is read. */
export type FormVersion = {
  formId: string;
  slug: string;
  version: number;
  definition: FormDefinition;
  publishedAt: Date | null;
};

/** A refused definition: 400 with each problem at its JSON path. */
function refused(problems: DefinitionProblem[]): AppError {
  return new AppError(
    'invalid_input',
    'form definition rejected',
    problems.slice(0, 50).map((p) => ({ field: p.path, code: p.code, message: p.message })),
  );
}

function checked(input: unknown): FormDefinition {
  const c = checkDefinition(input);
  if (!c.ok) throw refused(c.problems);
  return c.definition;
}

/** A stored definition read back; one that no longer passes is our fault, not the reader's. */
function stored(row: repo.VersionRow, slug: string): FormVersion {
  const c = checkDefinition(row.definition);
  if (!c.ok)
    throw new AppError('internal', `stored form ${row.formId} v${row.version} fails its check`);
  return {
    formId: row.formId,
    slug,
    version: row.version,
    definition: c.definition,
    publishedAt: row.publishedAt,
  };
}

/** Published versions kept checked in memory: they never change, so the cache is never stale. */
const CACHED_VERSIONS = 200;

export function formsService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock, audit } = deps;
  const cache = new Map<string, FormVersion>();

  /** A published version, checked once per process (Map order drops the oldest first). */
  function publishedRow(row: repo.VersionRow, slug: string): FormVersion {
    const key = `${row.formId}:${row.version}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const version = stored(row, slug);
    if (cache.size >= CACHED_VERSIONS) cache.delete(cache.keys().next().value!);
    cache.set(key, version);
    return version;
  }

  function adminOnly(actor: StaffPrincipal): string {
    if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
    return actor.organisationId;
  }
  async function ownForm(tx: Db, actor: StaffPrincipal, formId: string): Promise<repo.FormRow> {
    const form = await repo.findForm(tx, actor.organisationId, formId);
    if (!form) throw new AppError('not_found', 'no such form');
    return form;
  }
  const record = (
    tx: Db,
    actor: StaffPrincipal,
    action: string,
    form: repo.FormRow,
    detail: Record<string, unknown>,
  ) =>
    audit.record(tx, {
      organisationId: actor.organisationId,
      actor: staffActor(actor),
      action,
      objectType: 'form',
      objectId: form.id,
      summary: form.slug,
      detail,
    });

  return {
    /** The organisation's forms for its staff: slug, title, newest published version, draft. */
    async list(actor: StaffPrincipal) {
      const rows = await repo.listForms(db, actor.organisationId);
      return rows.map((r) => ({ ...r, title: r.title ?? {} }));
    },

    /** A new form with its first draft (version 1); a slug already taken is `conflict`. */
    async create(
      actor: StaffPrincipal,
      input: { slug: string; definition: unknown },
    ): Promise<{ formId: string }> {
      const organisationId = adminOnly(actor);
      if (!FORM_SLUG.test(input.slug))
        throw new AppError('invalid_input', 'bad slug', { slug: 'forms.error.invalid' });
      const definition = checked(input.definition);
      const now = clock.now();
      try {
        return await db.transaction().execute(async (tx) => {
          const formId = await repo.insertForm(tx, organisationId, input.slug, now);
          await repo.insertDraft(tx, formId, 1, definition, now);
          await record(
            tx,
            actor,
            'form_definition.created',
            { id: formId, organisationId, slug: input.slug, createdAt: now },
            { version: 1 },
          );
          return { formId };
        });
      } catch (err) {
        if (isConflict(err))
          throw new AppError('conflict', 'slug taken', { slug: 'forms.error.invalid' });
        throw err;
      }
    },

    /** The draft an admin edits, or null when every version is published. */
    async draft(actor: StaffPrincipal, formId: string): Promise<FormVersion | null> {
      adminOnly(actor);
      const form = await ownForm(db, actor, formId);
      const row = await repo.findDraft(db, form.id);
      return row ? stored(row, form.slug) : null;
    },

    /**
     * Saves the draft: replaces it, or starts the next version's draft when the last one was
     * published. Returns the draft's version number.
     */
    async saveDraft(actor: StaffPrincipal, formId: string, input: unknown): Promise<number> {
      adminOnly(actor);
      const definition = checked(input);
      const now = clock.now();
      return db.transaction().execute(async (tx) => {
        const form = await ownForm(tx, actor, formId);
        await repo.lockForm(tx, form.id);
        let version = (await repo.findDraft(tx, form.id))?.version;
        if (version === undefined) {
          version = await repo.nextVersion(tx, form.id);
          await repo.insertDraft(tx, form.id, version, definition, now);
        } else await repo.updateDraft(tx, form.id, definition, now);
        await record(tx, actor, 'form_definition.draft_saved', form, { version });
        return version;
      });
    },

    /** Throws the draft away; the published versions stay as they are. */
    async discardDraft(actor: StaffPrincipal, formId: string): Promise<void> {
      adminOnly(actor);
      await db.transaction().execute(async (tx) => {
        const form = await ownForm(tx, actor, formId);
        await repo.lockForm(tx, form.id);
        if (!(await repo.deleteDraft(tx, form.id))) throw new AppError('not_found', 'no draft');
        await record(tx, actor, 'form_definition.draft_discarded', form, {});
      });
    },

    /** Publishes the draft as the form's newest version (immutable from now on); its number. */
    async publish(actor: StaffPrincipal, formId: string): Promise<number> {
      adminOnly(actor);
      return db.transaction().execute(async (tx) => {
        const form = await ownForm(tx, actor, formId);
        await repo.lockForm(tx, form.id);
        const draft = await repo.findDraft(tx, form.id);
        if (!draft) throw new AppError('not_found', 'no draft to publish');
        // Checked again: the format's rules may have grown since the draft was saved.
        checked(draft.definition);
        const version = await repo.publishDraft(tx, form.id, actor.id, clock.now());
        if (version === undefined) throw new AppError('conflict', 'published meanwhile');
        await record(tx, actor, 'form_definition.published', form, { version });
        return version;
      });
    },

    /** Any version of one of the organisation's forms, for its staff (a submission's, say). */
    async version(actor: StaffPrincipal, formId: string, version: number): Promise<FormVersion> {
      const form = await ownForm(db, actor, formId);
      const row = await repo.findVersion(db, form.id, version);
      if (!row) throw new AppError('not_found', 'no such version');
      return stored(row, form.slug);
    },

    /** The forms citizens can fill in: each one's newest published version, by slug. */
    async publishedForms(organisationId: string): Promise<FormVersion[]> {
      const rows = await repo.listForms(db, organisationId);
      const out: FormVersion[] = [];
      for (const r of rows)
        if (r.published !== null) out.push(await this.published(organisationId, r.slug));
      return out;
    },

    /**
     * Loads the demo forms, each published as version 1 by its organisation's first admin, into
     * the organisations that have no form yet (boot.ts, after the demo organisations); how many.
     * Each is checked as an admin's would be: a demo definition that fails is a bug here.
     */
    async loadDemo(demo: readonly DemoForm[]): Promise<number> {
      let loaded = 0;
      const now = clock.now();
      await db.transaction().execute(async (tx) => {
        for (const orgSlug of new Set(demo.map((d) => d.organisation))) {
          const org = await tx
            .selectFrom('organisation')
            .select('id')
            .where('slug', '=', orgSlug)
            .executeTakeFirst();
          if (!org || (await repo.listForms(tx, org.id)).length) continue;
          const admin = await tx
            .selectFrom('staff')
            .select('id')
            .where('organisation_id', '=', org.id)
            .where('role', '=', 'admin')
            .orderBy('created_at')
            .orderBy('id')
            .executeTakeFirst();
          if (!admin) continue;
          for (const d of demo.filter((x) => x.organisation === orgSlug)) {
            const formId = await repo.insertForm(tx, org.id, d.slug, now);
            await repo.insertDraft(tx, formId, 1, checked(d.definition), now);
            await repo.publishDraft(tx, formId, admin.id, now);
            loaded++;
          }
        }
      });
      return loaded;
    },

    /** What citizens fill in: the newest published version of an organisation's form, by slug. */
    async published(organisationId: string, slug: string): Promise<FormVersion> {
      const form = await repo.findFormBySlug(db, organisationId, slug);
      const row = form && (await repo.latestPublished(db, form.id));
      if (!form || !row) throw new AppError('not_found', 'no published form');
      return publishedRow(row, form.slug);
    },

    /**
     * A published version exactly (a draft of answers or a submission keeps the version it was
     * filled in); a draft version is not found here.
     */
    async publishedVersion(
      organisationId: string,
      formId: string,
      version: number,
    ): Promise<FormVersion> {
      const form = await repo.findForm(db, organisationId, formId);
      const row = form && (await repo.findVersion(db, form.id, version));
      if (!form || !row?.publishedAt) throw new AppError('not_found', 'no such published version');
      return publishedRow(row, form.slug);
    },
  };
}

export type FormsService = ReturnType<typeof formsService>;
