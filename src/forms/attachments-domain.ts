// Pure rules of a form's attachments (decision 039): what one file question accepts (its own
// types and size within the operator's), how many files and bytes a draft may hold, which files
// a draft's answers name, and an answer set or cleared at a form field. No I/O.
import type { FileType } from '../files/service.ts';
import type { Answers, FileRef, GroupItem } from './answer-types.ts';
import type { FormDefinition, MemberQuestion, Page, QuestionOf } from './definition.ts';

/** Files one draft may hold at once, whatever its questions: a bound on a receipt's size too. */
export const MAX_FILES_PER_DRAFT = 20;
/** Bytes one draft's files may take together: the receipt embeds them all, in memory. */
export const MAX_BYTES_PER_DRAFT = 50 * 1024 * 1024;

/** The types the file-safety module tells by their bytes, and their media types. */
export type TypeTable = Record<FileType, { mime: string; extension: string }>;

/** What one file question takes: the file-safety policy, and what the page says of it. */
export type AttachmentRules = {
  types: FileType[];
  maxBytes: number;
  /** The types as a reader knows them (PDF, JPG), in the order the question lists them. */
  typeNames: string[];
};

/**
 * A file question's rules within the operator's: the types both the question and the
 * installation accept (a type the module cannot tell by its bytes, such as plain text, is
 * never accepted), and the smaller of the two sizes.
 */
export function attachmentRules(
  q: Pick<QuestionOf<'file'>, 'accept' | 'maxBytes'>,
  installation: { maxFileBytes: number; types: readonly string[] },
  table: TypeTable,
): AttachmentRules {
  const types: FileType[] = [];
  for (const mime of q.accept)
    for (const [type, t] of Object.entries(table) as [FileType, TypeTable[FileType]][])
      if (t.mime === mime && installation.types.includes(type) && !types.includes(type))
        types.push(type);
  return {
    types,
    maxBytes: Math.min(q.maxBytes, installation.maxFileBytes),
    typeNames: [...new Set(types.map((t) => table[t].extension.toUpperCase()))],
  };
}

/** Whether one more file of `size` bytes fits in a draft holding `count` files of `bytes`. */
export function fitsDraft(
  size: number,
  held: { count: number; bytes: number },
): 'ok' | 'too_many' | 'draft_full' {
  if (held.count >= MAX_FILES_PER_DRAFT) return 'too_many';
  if (held.bytes + size > MAX_BYTES_PER_DRAFT) return 'draft_full';
  return 'ok';
}

const FIELD = /^([a-z][a-z0-9-]{0,39})(?:\.(\d{1,3})\.([a-z][a-z0-9-]{0,39}))?$/;

/**
 * The file question a form field of `page` names (`proof`, or `dog.2.vaccination` in a repeated
 * group, below its most items), or null for any other field.
 */
export function fileQuestionAt(page: Page, field: string): QuestionOf<'file'> | null {
  const m = FIELD.exec(field);
  if (!m) return null;
  const q = page.questions.find((x) => x.id === m[1]);
  if (!q) return null;
  if (m[2] === undefined) return q.type === 'file' ? q : null;
  if (q.type !== 'group' || Number(m[2]) >= q.maxItems) return null;
  const member: MemberQuestion | undefined = q.questions.find((x) => x.id === m[3]);
  return member?.type === 'file' ? member : null;
}

const isFileRef = (v: unknown): v is FileRef =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'fileId' in v;

/** Every file the answers name, with the field that names it, in the form's order. */
export function namedFiles(
  def: FormDefinition,
  answers: Answers,
): { field: string; fileId: string; questionId: string }[] {
  const out: { field: string; fileId: string; questionId: string }[] = [];
  for (const q of def.pages.flatMap((p) => p.questions)) {
    const v = answers[q.id];
    if (q.type === 'file' && isFileRef(v))
      out.push({ field: q.id, fileId: v.fileId, questionId: q.id });
    if (q.type !== 'group' || !Array.isArray(v)) continue;
    v.forEach((item, i) => {
      for (const m of q.questions) {
        const x = (item as GroupItem)[m.id];
        if (m.type === 'file' && isFileRef(x))
          out.push({ field: `${q.id}.${i}.${m.id}`, fileId: x.fileId, questionId: m.id });
      }
    });
  }
  return out;
}

/**
 * The answers with a file set at `field` (or cleared, for null): a question of its own, or a
 * member of a repeat the answers already hold. A repeat not saved yet is left alone (its page's
 * post carries the file until it is saved).
 */
export function withFileAnswer(answers: Answers, field: string, fileId: string | null): Answers {
  const m = FIELD.exec(field);
  if (!m) return answers;
  const out: Answers = { ...answers };
  if (m[2] === undefined) {
    if (fileId) out[m[1]!] = { fileId };
    else delete out[m[1]!];
    return out;
  }
  const items = out[m[1]!];
  const i = Number(m[2]);
  if (!Array.isArray(items) || !items[i]) return answers;
  const item: GroupItem = { ...(items[i] as GroupItem) };
  if (fileId) item[m[3]!] = { fileId };
  else delete item[m[3]!];
  out[m[1]!] = items.map((x, j) => (j === i ? item : x)) as GroupItem[];
  return out;
}
