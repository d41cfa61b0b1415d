// Submissions of forms (issue 17): stored with their reference number, their receipt made and
// kept, read back by the receipt's link. Delivery to the office's systems builds on this.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/db.ts';
import { isConflict } from '../db/retry.ts';
import type { Lang } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { loaAtLeast, type Loa } from '../citizens/service.ts';
import {
  actRequiredIssue,
  answerIssues,
  namedFiles,
  renderReceipt,
  validateAnswers,
  type Attachment,
  type FormAttachments,
  type FormsService,
  type FormVersion,
} from '../forms/service.ts';
import type { ActProof } from '../eid/act.ts';
import { actProofOf, actProofUsed, insertActProof } from './act-proofs.ts';
import { nextReference } from './counter.ts';
import { isId } from './handling-repo.ts';
import { deliverDue, queueDeliveries } from './deliveries.ts';
import { sendDigests } from './digest-mail.ts';
import { followEmails, handOverEmails, type DeliveryDocument } from './email-delivery.ts';
import { formLanguage, formText, receiptAttachments, receiptSections } from './receipt-model.ts';

/** Who sends a submission, as the receipt names them. */
export type Submitter = {
  givenName: string;
  familyName: string;
  /** The address as written, and its country (ISO 3166-1 alpha-2). */
  address: { text: string; country: string };
  /** Absent when the citizen's eID gave none and the form asked for none. */
  email?: string;
};

export type SubmitInput = {
  organisationId: string;
  formSlug: string;
  /** The version the answers were filled in (a draft keeps it); else the newest published. */
  version?: number;
  /** Answers as JSON; validated here against the version, whatever the caller checked. */
  answers: unknown;
  lang: Lang;
  submitter: Submitter;
  /** The signed-in citizen, with their session's level; absent for a form that needs none. */
  citizen?: { accountId: string; loa: Loa };
  /**
   * What the caller names this sending (a draft's id): a second submit with the same key is
   * the same submission, stored once, its receipt link given anew.
   */
  idempotencyKey?: string;
  /**
   * The draft whose files the answers may name: those named become the submission's, in its
   * transaction. Without it (the API), an answer naming a file is refused: files come only
   * through a draft's upload.
   */
  draftId?: string;
  /**
   * The proof that the act was authorised by a fresh eID sign-in, already decided on
   * (forms/act.ts): a form with `authoriseAct` is refused without it (decision 042).
   */
  actProof?: ActProof & { authnInstant: Date };
};

export type Submitted = {
  id: string;
  reference: string;
  /** The token of the receipt's link: shown once, stored only as its SHA-256. */
  receiptToken: string;
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function submissionsService(deps: {
  db: Db;
  clock: Clock;
  forms: FormsService;
  /** Where drafts' files become a submission's; absent, no answer may name a file. */
  attachments?: FormAttachments;
  /** Webhook receivers on loopback, by http too (development and tests, decision 040). */
  allowLoopback?: boolean;
  /** The installation's address, for the digest's link (decision 040). */
  publicUrl?: URL;
  /** Runs the mail worker soon, after a commit that queued mail. */
  wakeMail?: () => void;
  /** The configured eID providers' names, for a receipt naming who vouched (decision 042). */
  eidProviders?: readonly { id: string; name: Partial<Record<Lang, string>> }[];
  /** Announces a stored submission (services.ts makes it an event): a form's fee follows from it. */
  onStored?: (stored: { submissionId: string }) => void;
}) {
  const { db, clock, forms, attachments } = deps;

  /** A provider's name in the receipt's language, or its id once it is no longer configured. */
  const providerName = (id: string, lang: Lang) => {
    const name = deps.eidProviders?.find((p) => p.id === id)?.name;
    return name?.[lang] ?? (name && Object.values(name)[0]) ?? id;
  };
  const allowLoopback = deps.allowLoopback ?? false;

  /** A published version of a form by slug: the one asked for, else the newest. */
  async function formVersionOf(
    organisationId: string,
    slug: string,
    version?: number,
  ): Promise<FormVersion> {
    const latest = await forms.published(organisationId, slug);
    return version === undefined || version === latest.version
      ? latest
      : forms.publishedVersion(organisationId, latest.formId, version);
  }

  /**
   * Makes a stored submission's receipt and keeps it (once: a second maker keeps the first's),
   * with what a mail to the office says about it: the form's title in the office's language.
   */
  async function makeReceipt(id: string): Promise<DeliveryDocument> {
    const s = await db
      .selectFrom('submissions as s')
      .innerJoin('organisation as o', 'o.id', 's.organisation_id')
      .innerJoin('forms as f', 'f.id', 's.form_id')
      .select([
        's.id',
        's.organisation_id',
        's.form_id',
        's.form_version',
        's.reference',
        's.language',
        's.answers',
        's.submitter',
        's.submitted_at',
        'f.slug',
        'o.name',
        'o.country',
        'o.time_zone',
        'o.default_language',
      ])
      .where('s.id', '=', id)
      .executeTakeFirstOrThrow();
    // The stored submission names its form and version: one lookup, not the newest and then it.
    const version = await forms.publishedVersion(s.organisation_id, s.form_id, s.form_version);
    const def = version.definition;
    const lang = formLanguage(def, s.language);
    const submitter = s.submitter as Submitter;
    const name = s.name;
    const files = attachments ? await attachments.ofSubmission(s.id) : [];
    const act = await actProofOf(db, s.id);
    const receipt = await renderReceipt({
      organisation: {
        name: name[lang] ?? name[s.default_language] ?? Object.values(name)[0] ?? '',
        country: s.country,
      },
      referenceNumber: s.reference,
      submittedAt: s.submitted_at,
      timeZone: s.time_zone,
      lang,
      form: { id: s.slug, title: formText(def, def.title, lang), version: String(s.form_version) },
      submitter,
      sections: receiptSections(def, s.answers as Record<string, never>, lang, files),
      attachments: receiptAttachments(def, s.answers as Record<string, never>, lang, files),
      ...(act
        ? {
            actAuthorisation: {
              at: act.authn_instant,
              provider: providerName(act.provider_id, lang),
            },
          }
        : {}),
    });
    await db
      .insertInto('submission_receipts')
      .values({
        submission_id: s.id,
        pdf: receipt.pdf,
        sha256: receipt.sha256,
        created_at: clock.now(),
      })
      .onConflict((oc) => oc.column('submission_id').doNothing())
      .execute();
    // The receipt kept is the one every delivery sends: the first maker's, should two race.
    const kept = await db
      .selectFrom('submission_receipts')
      .select('pdf')
      .where('submission_id', '=', s.id)
      .executeTakeFirstOrThrow();
    const officeLang = formLanguage(def, s.default_language);
    return {
      pdf: Buffer.from(kept.pdf),
      reference: s.reference,
      formTitle: formText(def, def.title, officeLang),
      organisation: name[s.default_language] ?? Object.values(name)[0] ?? '',
      officeLang: s.default_language,
      timeZone: s.time_zone,
      submittedAt: s.submitted_at,
    };
  }

  return {
    /**
     * Stores a submission: the answers checked against the form version, the session's level
     * against the form's, the reference number taken in the same transaction (no gaps), then
     * the receipt made and kept. Bad answers are a 422 naming each field, in `lang`.
     */
    async submit(input: SubmitInput): Promise<Submitted> {
      const version = await formVersionOf(input.organisationId, input.formSlug, input.version);
      const def = version.definition;
      // Before the level: an anonymous API client should read why this form is not for it.
      if (def.authoriseAct && !input.actProof)
        throw new AppError('forbidden', `form ${input.formSlug} needs its act authorised`, [
          actRequiredIssue(),
        ]);
      if (
        def.assurance !== 'low' &&
        !(input.citizen && loaAtLeast(input.citizen.loa, def.assurance))
      )
        throw new AppError('unauthenticated', `form ${input.formSlug} needs ${def.assurance}`);
      const key = input.idempotencyKey ?? null;
      // The files the answers may name, by what the server found them to be: the draft's own,
      // and those an earlier send with the same key already moved to its submission.
      const held: Attachment[] =
        attachments && input.draftId ? await attachments.ofDraft(input.draftId) : [];
      const sentBefore = key
        ? await db
            .selectFrom('submissions')
            .select('id')
            .where('organisation_id', '=', input.organisationId)
            .where('idempotency_key', '=', key)
            .executeTakeFirst()
        : undefined;
      if (sentBefore && attachments)
        held.push(...(await attachments.listOfSubmission(sentBefore.id)));
      const facts = new Map(held.map((a) => [a.id, { type: a.mime, bytes: a.size }]));
      const checked = validateAnswers(def, input.answers, { files: (id) => facts.get(id) });
      if (!checked.ok)
        throw new AppError(
          'unprocessable',
          'answers break the form',
          answerIssues(checked.errors, input.lang),
        );
      const receiptToken = randomBytes(32).toString('base64url');
      const at = clock.now();
      const store = () =>
        db.transaction().execute(async (tx) => {
          if (key) {
            // Sent before: the same submission, with a new link (the earlier one may never have
            // reached the citizen); the old link stops opening it.
            const earlier = await tx
              .updateTable('submissions')
              .set({ receipt_token_hash: sha256(receiptToken) })
              .where('organisation_id', '=', input.organisationId)
              .where('idempotency_key', '=', key)
              .returning('id')
              .executeTakeFirst();
            if (earlier) return earlier.id;
          }
          const org = await tx
            .selectFrom('organisation')
            .select(['id', 'time_zone', 'reference_pattern', 'intake_email'])
            .where('id', '=', input.organisationId)
            .executeTakeFirstOrThrow();
          const ref = await nextReference(tx, org, at);
          const row = await tx
            .insertInto('submissions')
            .values({
              organisation_id: org.id,
              form_id: version.formId,
              form_version: version.version,
              reference: ref.reference,
              year: ref.year,
              seq: ref.seq,
              citizen_account_id: input.citizen?.accountId ?? null,
              submitter: JSON.stringify(input.submitter),
              language: input.lang,
              answers: JSON.stringify(checked.answers),
              receipt_token_hash: sha256(receiptToken),
              submitted_at: at,
              idempotency_key: key,
            })
            .returning(['id', 'reference'])
            .executeTakeFirstOrThrow();
          if (attachments && input.draftId)
            await attachments.moveToSubmission(
              tx,
              input.draftId,
              row.id,
              namedFiles(def, checked.answers).map((f) => f.fileId),
            );
          if (input.actProof) await insertActProof(tx, row.id, input.actProof, at);
          // The history's first entry (decision 041): received, by the system, when stored.
          await tx
            .insertInto('submission_events')
            .values({
              submission_id: row.id,
              kind: 'state',
              from_state: null,
              to_state: 'received',
              actor_kind: 'system',
              at,
            })
            .execute();
          await queueDeliveries(
            tx,
            { id: row.id, organisationId: org.id, intakeEmail: org.intake_email },
            at,
          );
          return row.id;
        });
      // Two sends with one key at once: the second waits on the first's unique key and fails;
      // once more, it finds the stored one.
      const id = await store().catch((err: unknown) => {
        if (key && isConflict(err)) return store();
        throw err;
      });
      // Stored: from here on nothing is lost. A receipt not made now is made when first asked for.
      const { reference } = await makeReceipt(id);
      deps.onStored?.({ submissionId: id });
      return { id, reference, receiptToken };
    },

    /**
     * The job runner's work: every webhook delivery that is due, tried (deliveries.ts); e-mail
     * deliveries handed to the outbox with their receipt, and their outcome followed.
     */
    async deliverDue(): Promise<{ delivered: number; failed: number; mailed: number }> {
      const posted = await deliverDue({ db, clock, allowLoopback });
      const mailed = await handOverEmails({ db, clock, document: makeReceipt });
      if (mailed > 0) deps.wakeMail?.();
      await followEmails({ db, clock });
      return { ...posted, mailed };
    },

    /** A stored submission's receipt with what the office's mail says about it (made if need be). */
    receiptDocument: (id: string) => makeReceipt(id),

    /** The job runner's daily digest of failed deliveries to each organisation's admins. */
    sendDigests: () =>
      sendDigests({
        db,
        clock,
        publicUrl: deps.publicUrl ?? new URL('http://localhost:3000'),
        wakeMail: deps.wakeMail,
      }),

    /**
     * The receipt of a submission of `organisationId` (the staff page's link), or null for
     * another organisation's.
     */
    async receiptOf(
      organisationId: string,
      id: string,
    ): Promise<{ pdf: Buffer; reference: string } | null> {
      if (!isId(id)) return null;
      const s = await db
        .selectFrom('submissions as s')
        .leftJoin('submission_receipts as r', 'r.submission_id', 's.id')
        .select(['s.id', 's.reference', 'r.pdf'])
        .where('s.id', '=', id)
        .where('s.organisation_id', '=', organisationId)
        .executeTakeFirst();
      if (!s) return null;
      return s.pdf ? { pdf: Buffer.from(s.pdf), reference: s.reference } : makeReceipt(s.id);
    },

    /** The SHA-256 of a stored submission's receipt, made now if a crash left it unmade. */
    async receiptHash(id: string): Promise<string> {
      await makeReceipt(id);
      const r = await db
        .selectFrom('submission_receipts')
        .select('sha256')
        .where('submission_id', '=', id)
        .executeTakeFirstOrThrow();
      return r.sha256;
    },

    /** Whether a submission already holds this eID answer as the proof of its act. */
    actProofUsed: (proof: ActProof) => actProofUsed(db, proof),

    /** How a submission's act was authorised (decision 042), for the API; null: it needed none. */
    async actAuthorisation(id: string) {
      const p = await actProofOf(db, id);
      if (!p) return null;
      return {
        method: 'fresh_eid_sign_in' as const,
        provider: p.provider_id,
        protocol: p.protocol,
        authenticatedAt: p.authn_instant.toISOString(),
        responseId: p.response_id,
        level: p.loa,
        responseSha256: p.response_sha256,
        authorisedAt: p.authorised_at.toISOString(),
      };
    },

    /** The receipt behind a link's token, or null: the token is the only key to it. */
    async receipt(token: string): Promise<{ pdf: Buffer; reference: string } | null> {
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
      const s = await db
        .selectFrom('submissions as s')
        .leftJoin('submission_receipts as r', 'r.submission_id', 's.id')
        .select(['s.id', 's.reference', 'r.pdf'])
        .where('s.receipt_token_hash', '=', sha256(token))
        .executeTakeFirst();
      if (!s) return null;
      return s.pdf ? { pdf: Buffer.from(s.pdf), reference: s.reference } : makeReceipt(s.id);
    },
  };
}

export type SubmissionsService = ReturnType<typeof submissionsService>;
