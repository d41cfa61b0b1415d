// The citizen's answer posted with its files (decision 041): the thread's form is multipart, so
// the message and the files arrive together. Each file goes through the forms' attachment
// pipeline (type by bytes, contents, clamd, the submission's bounds) as it arrives, under the
// label of the answer it belongs to; the message is kept as typed whatever became of a file.
import type { FastifyRequest } from 'fastify';
import { finished } from 'node:stream/promises';
import { UploadFailure } from '../files/service.ts';
import type { AttachOutcome, FormAttachments } from '../forms/service.ts';
import type { MessageKey, Translate } from '../i18n/i18n.ts';
import { formatSize } from '../views/sizes.ts';

/** What an answer may carry: documents and photos, as a file question commonly takes them. */
export const ANSWER_FILES = {
  accept: ['application/pdf', 'image/jpeg', 'image/png'] as (
    'application/pdf' | 'image/jpeg' | 'image/png'
  )[],
  maxBytes: 10 * 1024 * 1024,
};
/** The answer form's file input. */
export const FILES_FIELD = 'files';

export type AnswerPost = { message: string; refused: { name: string; reason: string }[] };

/** The message and what became of each file; urlencoded posts (no files) read as before. */
export async function readAnswerPost(
  request: FastifyRequest,
  target: { id: string; label: string },
  attachments: FormAttachments,
): Promise<AnswerPost> {
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    return { message: typeof body.message === 'string' ? body.message : '', refused: [] };
  }
  const leave = attachments.admit(target.id);
  const post: AnswerPost = { message: '', refused: [] };
  try {
    const parts = request.parts({
      limits: {
        fields: 5,
        fieldSize: 40_000,
        files: 5,
        fileSize: ANSWER_FILES.maxBytes,
        parts: 12,
      },
    });
    const iterator = parts[Symbol.asyncIterator]();
    for (;;) {
      const next = await iterator.next().catch((err: unknown) => {
        if ((err as { statusCode?: unknown }).statusCode === 413) throw err;
        throw new UploadFailure('malformed', { cause: err });
      });
      if (next.done) return post;
      const part = next.value;
      if (part.type === 'field') {
        if (part.fieldname === 'message' && typeof part.value === 'string')
          post.message = part.value;
        continue;
      }
      if (part.fieldname !== FILES_FIELD || part.filename === '') {
        part.file.resume();
        await finished(part.file);
        continue;
      }
      const outcome: AttachOutcome = await attachments.attachToSubmission(
        target.id,
        target.label,
        ANSWER_FILES,
        { stream: part.file, filename: part.filename },
      );
      if (!outcome.ok) post.refused.push({ name: outcome.name, reason: outcome.reason });
    }
  } finally {
    leave();
  }
}

// Refusals in the forms' words where they have their own; the rest as the folder words them.
const OWN: Partial<Record<string, MessageKey>> = {
  not_allowed: 'submissions.file.type',
  unknown_type: 'submissions.file.type',
  too_large: 'submissions.file.too_large',
  too_many: 'submissions.file.too_many',
  draft_full: 'submissions.file.full',
  infected: 'submissions.file.infected',
  gone: 'submissions.file.gone',
};

/** Why a file was not attached, in the reader's language. */
export function refusalText(
  t: Translate,
  lang: Parameters<typeof formatSize>[1],
  refused: { name: string; reason: string },
  limits: { typeNames: string[]; filesPerDraft: number; bytesPerDraft: number },
): string {
  const key: MessageKey = OWN[refused.reason] ?? (`files.error.${refused.reason}` as MessageKey);
  return t(key, {
    name: refused.name || '?',
    types: limits.typeNames.join(', '),
    max: formatSize(
      refused.reason === 'draft_full' ? limits.bytesPerDraft : ANSWER_FILES.maxBytes,
      lang,
    ),
    count: String(limits.filesPerDraft),
    signature: '',
  });
}
