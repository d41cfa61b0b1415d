// The notice board's staff forms and queries as posted (zod): strings of bounded length, never
// trusted further than their shape; domain.ts checks what they mean.
import { z } from 'zod';
import type { NoticeForm } from './domain.ts';

const text = (max: number) => z.string().max(max).default('');

export const idParam = z.object({ id: z.uuid() });
export const attachmentParam = z.object({ id: z.uuid(), attachment: z.uuid() });

/** The list's filter: an unknown status reads as none. */
export const listQuery = z.object({
  status: z.enum(['scheduled', 'on_board', 'taken_down', 'withdrawn']).optional().catch(undefined),
});

/** Which change a redirect reports. */
export const doneQuery = z.object({
  done: z.enum(['created', 'corrected', 'withdrawn']).optional().catch(undefined),
});

/** A notice's fields as the new and the correction forms post them. */
const noticeFields = z.object({
  title: text(1000),
  body: text(60_000),
  category: text(40),
  referenceNumber: text(400),
  fileMark: text(400),
  department: text(40),
  postOn: text(40),
  removeAfter: text(40),
  untilFurtherNotice: text(5),
  language: text(5),
});

/** A new notice's form, as the service takes it. */
export function noticeForm(raw: unknown): NoticeForm {
  const f = noticeFields.parse(raw);
  return { ...f, untilFurtherNotice: f.untilFurtherNotice === '1' };
}

const correctionFields = z.object({
  note: text(4000),
  // The version the form was made from: a correction saved over a newer one would silently undo
  // it (a lost update), so the service refuses it (decision 049).
  base: z.coerce.number().int().min(0).max(1_000_000).catch(0),
  // The attachments of the current version to carry on: checkboxes sharing a name.
  keep: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string().max(40)).max(50)),
});

/** A correction's form: the notice's fields, its reason and the files kept. */
export function correctionForm(raw: unknown) {
  return { ...noticeForm(raw), ...correctionFields.parse(raw) };
}

export const withdrawForm = z.object({ reason: text(4000) });
