// A page of a form posted with its files (decision 039): without JavaScript the page is one
// multipart form, so its fields and the files chosen for its file questions arrive together.
// Each file is spooled and checked as it arrives (the parser waits for its stream to be read),
// attached to the draft, and its new id put in the field the page names it by; every other
// field is kept as typed, so a refused file re-renders the page with nothing else lost.
import type { FastifyRequest } from 'fastify';
import { finished } from 'node:stream/promises';
import { UploadFailure } from '../files/service.ts';
import type { PageContext } from '../http/page.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { formatSize } from '../views/sizes.ts';
import type { AttachmentRefusal, AttachOutcome, FormAttachments } from './attachments.ts';
import { fileQuestionAt, withFileAnswer } from './attachments-domain.ts';
import type { FormDrafts } from './drafts.ts';
import type { DraftInContext } from './fill-access.ts';
import type { Fields } from './fill-values.ts';
import type { Page } from './definition.ts';

/** A page's post: its fields as typed, and what became of each file chosen on it. */
export type PagePost = {
  body: Record<string, unknown>;
  uploads: { field: string; outcome: AttachOutcome }[];
};

// Fields of one page: its questions, their parts and repeats (a group of 30 members and 100
// repeats is the most a definition allows), and the buttons. A long text is 20,000 characters.
const PAGE_LIMITS = { fields: 4000, fieldSize: 100_000, files: 20 };

/** The page's post: urlencoded as before, or multipart with its files attached to the draft. */
export async function readPagePost(
  request: FastifyRequest,
  page: Page,
  draftId: string,
  attachments: FormAttachments,
  maxFileBytes: number,
): Promise<PagePost> {
  if (!request.isMultipart())
    return { body: (request.body ?? {}) as Record<string, unknown>, uploads: [] };
  const leave = attachments.admit(draftId);
  const body: Record<string, unknown> = {};
  const uploads: PagePost['uploads'] = [];
  const add = (name: string, value: string) => {
    const had = body[name];
    if (had === undefined) body[name] = value;
    else body[name] = [...(Array.isArray(had) ? (had as unknown[]) : [had]), value];
  };
  try {
    const parts = request.parts({
      limits: { ...PAGE_LIMITS, fileSize: maxFileBytes, parts: PAGE_LIMITS.fields + 20 },
    });
    const iterator = parts[Symbol.asyncIterator]();
    for (;;) {
      const next = await iterator.next().catch((err: unknown) => {
        if ((err as { statusCode?: unknown }).statusCode === 413) throw err;
        throw new UploadFailure('malformed', { cause: err });
      });
      if (next.done) return { body, uploads };
      const part = next.value;
      if (part.type === 'field') {
        if (typeof part.value === 'string') add(part.fieldname, part.value);
        continue;
      }
      const q = fileQuestionAt(page, part.fieldname);
      // A field of no file question here, or a file input left empty: read past it.
      if (!q || part.filename === '') {
        part.file.resume();
        await finished(part.file);
        continue;
      }
      // The field's hidden input (before its file input on the page) names the file replaced.
      const had = body[part.fieldname];
      const replacing = typeof had === 'string' ? had : null;
      const outcome = await attachments.toDraft(
        draftId,
        part.fieldname,
        q,
        { stream: part.file, filename: part.filename },
        replacing,
      );
      if (outcome.ok) body[part.fieldname] = outcome.attachment.id;
      uploads.push({ field: part.fieldname, outcome });
    }
  } finally {
    leave();
  }
}

/** The first file field of a page: where a failure of the whole upload is said. */
export const firstFileField = (page: Page): string => {
  for (const q of page.questions) {
    if (q.type === 'file') return q.id;
    const m = q.type === 'group' ? q.questions.find((x) => x.type === 'file') : undefined;
    if (m) return `${q.id}.0.${m.id}`;
  }
  return page.questions[0]!.id;
};

/**
 * A page post's files, kept in the draft at once so that a restart keeps them: each file
 * attached, or the one removed, set in the saved answers. `done` when the post only uploaded
 * or removed a file: the page comes again with what was typed, and why a file was refused.
 */
export async function keepFiles(
  deps: { drafts: Pick<FormDrafts, 'save'>; attachments: FormAttachments },
  d: DraftInContext,
  page: Page,
  post: PagePost,
  posted: Fields,
  action: string,
) {
  let saved = d.answers;
  for (const u of post.uploads)
    if (u.outcome.ok) saved = withFileAnswer(saved, u.field, u.outcome.attachment.id);
  const removal = /^remove-file:(.+)$/.exec(action)?.[1];
  const removing = removal !== undefined && fileQuestionAt(page, removal) !== null;
  if (removing) {
    const id = posted[removal];
    if (typeof id === 'string') await deps.attachments.removeFromDraft(d.draft.id, id);
    delete posted[removal];
    saved = withFileAnswer(saved, removal, null);
  }
  if (saved !== d.answers) await deps.drafts.save(d.holder, d.draft.id, d.form.version, saved);
  const refused = post.uploads.flatMap((u) => {
    const q = fileQuestionAt(page, u.field);
    return u.outcome.ok || !q ? [] : [{ field: u.field, q, ...u.outcome }];
  });
  const kept = post.uploads.flatMap((u) => (u.outcome.ok ? [u.outcome.attachment.name] : []));
  const worded = refused.length
    ? (ctx: PageContext) =>
        Object.fromEntries(
          refused.map((x) => [
            x.field,
            refusalText(
              ctx,
              x.reason,
              x.name,
              deps.attachments.rulesFor(x.q),
              deps.attachments.limits,
            ),
          ]),
        )
    : undefined;
  const notice = removing
    ? (ctx: PageContext) => ctx.t('forms.attach.removed')
    : kept.length
      ? (ctx: PageContext) => ctx.t('forms.attach.uploaded', { name: kept.join(', ') })
      : undefined;
  return {
    done: removing || action.startsWith('upload:'),
    status: refused.length ? 400 : 200,
    notice,
    worded,
  };
}

// Refusals worded for a form (the question's own types and size); the rest as the folder words them.
const OWN: Partial<Record<AttachmentRefusal, MessageKey>> = {
  not_allowed: 'forms.attach.error.type',
  unknown_type: 'forms.attach.error.type',
  too_large: 'forms.attach.error.too_large',
  too_many: 'forms.attach.error.too_many',
  draft_full: 'forms.attach.error.draft_full',
  gone: 'forms.attach.error.gone',
  infected: 'forms.attach.error.infected',
};

/** Why a file was not attached, in the reader's language, naming the question's limits. */
export function refusalText(
  ctx: PageContext,
  reason: AttachmentRefusal,
  name: string,
  rules: { typeNames: string[]; maxBytes: number },
  draft: { filesPerDraft: number; bytesPerDraft: number },
): string {
  const key: MessageKey = OWN[reason] ?? (`files.error.${reason}` as MessageKey);
  return ctx.t(key, {
    name: name || '?',
    types: rules.typeNames.join(', '),
    max: formatSize(reason === 'draft_full' ? draft.bytesPerDraft : rules.maxBytes, ctx.lang),
    count: String(draft.filesPerDraft),
    signature: '',
  });
}
