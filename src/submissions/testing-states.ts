// Test fixtures of a submission's handling: a form anyone may send, published in an organisation,
// and submissions of it, stored through the submissions service as the pages and API store them.
import { Readable } from 'node:stream';
import type { Okence } from '../boot.ts';
import { samplePdf } from '../files/testing.ts';
import type { Db } from '../db/db.ts';
import type { StaffPrincipal } from '../identity/domain.ts';

export const SUBMITTER = {
  givenName: 'Ana',
  familyName: 'Novak',
  address: { text: 'Ljubljanska cesta 1, 1230 Domžale', country: 'SI' },
  email: 'ana@example.si',
};

/** A staff member of an organisation (by slug) with the role asked for, as the pages see them. */
export async function staffOf(
  okence: Okence,
  slug: string,
  role: 'admin' | 'official' = 'admin',
): Promise<StaffPrincipal> {
  const row = await okence.handle.db
    .selectFrom('staff as s')
    .innerJoin('organisation as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.email', 's.display_name', 's.organisation_id'])
    .where('o.slug', '=', slug)
    .where('s.role', '=', role)
    .orderBy('s.email')
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    organisationId: row.organisation_id,
    role,
    displayName: row.display_name,
    email: row.email,
  };
}

/** Publishes a one-question form of assurance low in the organisation; returns its slug. */
export async function publishOpenForm(okence: Okence, orgSlug: string, slug = 'vprasanje') {
  const admin = await staffOf(okence, orgSlug);
  const { formId } = await okence.services.forms.create(admin, {
    slug,
    definition: {
      format: 1,
      languages: ['sl', 'en'],
      title: { sl: 'Vprašanje upravni enoti', en: 'A question to the office' },
      assurance: 'low',
      pages: [
        {
          id: 'p',
          title: { sl: 'Vprašanje', en: 'Question' },
          questions: [
            { id: 'q', type: 'text', label: { sl: 'Vprašanje', en: 'Question' }, required: true },
          ],
        },
      ],
    },
  });
  await okence.services.forms.publish(admin, formId);
  return { slug, organisationId: admin.organisationId, admin };
}

/** Stores a submission of the form; a citizen's account when given, else without one. */
export async function send(
  okence: Okence,
  form: { slug: string; organisationId: string },
  opts: { text?: string; accountId?: string; email?: string | null } = {},
) {
  const { email: _email, ...rest } = SUBMITTER;
  const email = opts.email === undefined ? SUBMITTER.email : opts.email;
  return okence.services.submissions.submit({
    organisationId: form.organisationId,
    formSlug: form.slug,
    answers: { q: opts.text ?? 'Kdaj je uradna ura?' },
    lang: 'sl',
    submitter: { ...rest, ...(email ? { email } : {}) },
    ...(opts.accountId ? { citizen: { accountId: opts.accountId, loa: 'low' as const } } : {}),
  });
}

/**
 * A victim's submission for the authorisation sweep: its id, and what of it no one outside its
 * organisation may see (its number, its sender's name, its answer).
 */
export async function victimSubmission(okence: Okence, orgSlug: string, k: string) {
  const form = await publishOpenForm(okence, orgSlug, `victim-sub-${k}`);
  const name = `Victim Submitter ${k}`;
  const sent = await send(okence, form, { text: `victim answer ${k}` });
  await okence.handle.db
    .updateTable('submissions')
    .set({ submitter: JSON.stringify({ givenName: name, familyName: k }) })
    .where('id', '=', sent.id)
    .execute();
  // Its deliveries (the intake address's) would move under the job runner while the sweep
  // compares the tables before and after: the sweep's deliveries are seeded on their own.
  await okence.handle.db
    .deleteFrom('submission_deliveries')
    .where('submission_id', '=', sent.id)
    .execute();
  const file = await okence.services.formAttachments.attachToSubmission(
    sent.id,
    'answer-1',
    { accept: ['application/pdf'], maxBytes: 1_000_000 },
    {
      stream: Readable.from(Buffer.from(samplePdf(`victim ${k}`))),
      filename: `victim-reply-${k}.pdf`,
    },
  );
  if (!file.ok) throw new Error(`victim file: ${file.reason}`);
  return {
    id: sent.id,
    attachmentId: file.attachment.id,
    orgMarkers: [sent.reference, name, `victim answer ${k}`, `victim-reply-${k}.pdf`],
  };
}

/** The organisations' submissions' states and history, for a snapshot that must not change. */
export async function submissionRows(db: Db, organisationIds: string[]) {
  return {
    submissions: await db
      .selectFrom('submissions')
      .select(['id', 'state'])
      .where('organisation_id', 'in', organisationIds)
      .orderBy('id')
      .execute(),
    submission_events: await db
      .selectFrom('submission_events as e')
      .innerJoin('submissions as s', 's.id', 'e.submission_id')
      .select(['e.id', 'e.to_state'])
      .where('s.organisation_id', 'in', organisationIds)
      .orderBy('e.id')
      .execute(),
  };
}
