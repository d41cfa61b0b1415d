// A notice's form posted with its attachments (multipart, no JavaScript): the fields are
// collected as they arrive, each file goes through the file-safety pipeline into the notice's
// area at once (notice-board service), and nothing is decided here about what they mean.
import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { finished } from 'node:stream/promises';
import { AppError } from '../lib/errors.ts';
import { LIMITS } from './domain.ts';
import type { NoticeBoard, Receipt, Upload } from './service.ts';

/** The form's file input. */
export const FILES_FIELD = 'files';

/** The fields (repeated ones as arrays) and the files of a notice's post. */
export type NoticePost = { fields: Record<string, string | string[]>; receipt: Receipt };

function addField(fields: NoticePost['fields'], name: string, value: string) {
  const had = fields[name];
  fields[name] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
}

/** Reads a notice's post; a urlencoded one (no files) reads as its body. */
export async function readNoticePost(
  request: FastifyRequest,
  notices: NoticeBoard,
  upload: Upload,
): Promise<NoticePost> {
  const post: NoticePost = { fields: {}, receipt: { stored: [], refused: [] } };
  if (!request.isMultipart()) {
    post.fields = (request.body ?? {}) as NoticePost['fields'];
    return post;
  }
  const parts = request.parts({
    limits: {
      fields: 80,
      fieldSize: 100_000,
      // One more than a version may carry, so that "too many" is the notice's answer.
      files: LIMITS.files + 1,
      fileSize: upload.maxBytes,
      parts: 100,
    },
  });
  try {
    for await (const part of parts) await readPart(post, part, notices, upload);
    return post;
  } catch (err) {
    // A broken or oversized request: nothing of it stays on disk.
    await notices.discard(upload, post.receipt.stored);
    if ((err as { statusCode?: unknown }).statusCode === 413) throw err;
    throw err instanceof AppError ? err : new AppError('invalid_input', 'malformed upload');
  }
}

/** One part: a field collected, a file through the pipeline, anything else drained. */
async function readPart(
  post: NoticePost,
  part: Multipart,
  notices: NoticeBoard,
  upload: Upload,
): Promise<void> {
  {
    if (part.type === 'field') {
      if (typeof part.value === 'string') addField(post.fields, part.fieldname, part.value);
      return;
    }
    if (part.fieldname !== FILES_FIELD || part.filename === '') {
      part.file.resume();
      await finished(part.file);
      return;
    }
    const got = await notices.receiveFile(upload, part.file, part.filename);
    if (got.ok) post.receipt.stored.push(got.file);
    else post.receipt.refused.push({ name: got.name, reason: got.reason });
  }
}
