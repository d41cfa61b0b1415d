// Files attached to forms (issue 17, decision 039): a citizen's uploads to a draft, moved to the
// submission when it is sent, and later files added to a submission (a reply to "needs
// completion"). Every file comes through the file-safety pipeline (files/service.ts: type by its
// bytes, contents, clamd, names) under the question's rules, is written and flushed under
// FILES_DIR/forms/<draft or submission id>/ before its row commits, and is reached only through
// the draft or submission that holds it: callers have authorised the holder before they ask.
import type { Readable } from 'node:stream';
import type { Db } from '../db/db.ts';
import {
  FILE_TYPES,
  type FilePolicy,
  type FileRefusal,
  type FileSafety,
  type StoredFile,
} from '../files/service.ts';
import type { Clock } from '../lib/clock.ts';
import type { FileFacts } from './answer-types.ts';
import {
  attachmentRules,
  fitsDraft,
  MAX_BYTES_PER_DRAFT,
  MAX_FILES_PER_DRAFT,
  type AttachmentRules,
} from './attachments-domain.ts';
import * as repo from './attachments-repo.ts';
import type { QuestionOf } from './definition.ts';

/** A file a draft or submission holds, as pages and receipts show it. */
export type Attachment = Omit<repo.AttachmentRow, 'area' | 'storageName' | 'draftId' | 'scan'>;

/** Why a file was not attached: the pipeline's reasons, and the holder's own. */
export type AttachmentRefusal = FileRefusal | 'too_many' | 'draft_full' | 'gone';

export type AttachOutcome =
  { ok: true; attachment: Attachment } | { ok: false; reason: AttachmentRefusal; name: string };

/** An upload as it arrives: its bytes (cut off at the limit, busboy's `truncated`) and name. */
export type IncomingFile = { stream: Readable & { truncated?: boolean }; filename: string };

// How many orphans one purge removes: a bound on one run's work; the next run takes the rest.
const SWEEP_BATCH = 500;

const visible = (r: repo.AttachmentRow): Attachment => ({
  id: r.id,
  submissionId: r.submissionId,
  field: r.field,
  name: r.name,
  mime: r.mime,
  size: r.size,
  sha256: r.sha256,
  uploadedAt: r.uploadedAt,
});
const stored = (r: repo.AttachmentRow): StoredFile => ({
  area: r.area,
  name: r.storageName,
  quarantined: false,
});
// Names in a refusal are the uploader's own, shown back as readable text of bounded length.
const shown = (name: string) => [...name.replace(/[\p{Cc}\p{Cf}]/gu, '?')].slice(0, 200).join('');

export function formAttachments(deps: {
  db: Db;
  clock: Clock;
  files: FileSafety;
  /** The installation's own limits (FILE_MAX_MB, FILE_TYPES): a question stays within them. */
  installation: { maxFileBytes: number; types: readonly string[] };
  log?: { error(obj: object, msg: string): void };
}) {
  const { db, clock, files } = deps;
  // Purges run one at a time; a backup holds them while it copies the files its snapshot names.
  let tail: Promise<unknown> = Promise.resolve();
  let holds = 0;

  /** What a file question takes here, for the page to say before the upload and the pipeline. */
  const rulesFor = (q: Pick<QuestionOf<'file'>, 'accept' | 'maxBytes'>): AttachmentRules =>
    attachmentRules(q, deps.installation, FILE_TYPES);

  /**
   * Receives, checks and keeps one file in `area`, then records it with `record` (in a
   * transaction that decides whether the holder still takes it). Nothing stays on disk for a
   * refusal or a failure; a crash between keeping and committing leaves a file in the holder's
   * area that the purge of the area takes.
   */
  async function attach(
    incoming: IncomingFile,
    area: string,
    rules: { types: FilePolicy['types']; maxBytes: number },
    record: (
      tx: Db,
      found: Omit<repo.NewAttachment, 'draftId' | 'submissionId' | 'field'>,
    ) => Promise<repo.AttachmentRow | 'too_many' | 'draft_full' | 'gone'>,
  ): Promise<AttachOutcome> {
    const name = shown(incoming.filename);
    const spooled = await files.receive(incoming.stream, area);
    try {
      if (incoming.stream.truncated) return { ok: false, reason: 'too_large', name };
      const policy: FilePolicy = {
        types: rules.types,
        maxBytes: rules.maxBytes,
        scan: 'configured',
      };
      const found = await files.inspect(spooled, incoming.filename, policy);
      if (!found.ok) return { ok: false, reason: found.reason, name };
      if (found.scan === 'infected') return { ok: false, reason: 'infected', name };
      const kept = await files.keep(spooled, area);
      const row = await db
        .transaction()
        .execute((tx) =>
          record(tx, {
            name: found.name,
            mime: found.mime,
            size: found.size,
            sha256: found.sha256,
            scan: found.scan === 'clean' ? 'clean' : 'unscanned',
            area,
            storageName: kept.name,
            uploadedAt: clock.now(),
          }),
        )
        .catch(async (err: unknown) => {
          await files.remove(kept);
          throw err;
        });
      if (typeof row === 'string') {
        await files.remove(kept);
        return { ok: false, reason: row, name };
      }
      return { ok: true, attachment: visible(row) };
    } finally {
      await files.discard(spooled);
    }
  }

  const service = {
    rulesFor,
    limits: { filesPerDraft: MAX_FILES_PER_DRAFT, bytesPerDraft: MAX_BYTES_PER_DRAFT },

    /**
     * A place for one more upload to this draft or submission on this instance, or an
     * UploadFailure('busy'); the returned function gives it back.
     */
    admit: (holderId: string) => files.admit(`form ${holderId}`, holderId),

    /**
     * Attaches one uploaded file to a draft's `field` under the question's rules and the draft's
     * bounds, replacing the file `replacing` (the one the field named) when it is the draft's.
     */
    async toDraft(
      draftId: string,
      field: string,
      q: Pick<QuestionOf<'file'>, 'accept' | 'maxBytes'>,
      incoming: IncomingFile,
      replacing: string | null = null,
    ): Promise<AttachOutcome> {
      const out = await attach(incoming, `forms/${draftId}`, rulesFor(q), async (tx, found) => {
        const usage = await repo.lockDraftUsage(tx, draftId, replacing);
        if (!usage) return 'gone';
        const fit = fitsDraft(found.size, usage);
        if (fit !== 'ok') return fit;
        if (replacing) await repo.release(tx, draftId, replacing);
        return repo.insert(tx, { ...found, draftId, submissionId: null, field });
      });
      if (out.ok && replacing) await service.purgeSoon();
      return out;
    },

    /** A draft's files, oldest first. */
    async ofDraft(draftId: string): Promise<Attachment[]> {
      return (await repo.ofDraft(db, draftId)).map(visible);
    },

    /** Removes a file from a draft (the file goes at once); false when the draft has no such file. */
    async removeFromDraft(draftId: string, id: string): Promise<boolean> {
      if (!/^[0-9a-f-]{36}$/.test(id)) return false;
      const released = await repo.release(db, draftId, id);
      if (released) await service.purgeSoon();
      return released;
    },

    /**
     * Moves the files a sent draft's answers name to its submission, in the submission's own
     * transaction `tx`: they are the submission's exactly when it is stored.
     */
    async moveToSubmission(tx: Db, draftId: string, submissionId: string, ids: string[]) {
      return (await repo.moveToSubmission(tx, draftId, submissionId, ids)).map(visible);
    },

    /** What the server knows of a holder's files, for the answers' check of the ids they name. */
    facts(list: readonly Attachment[]): (fileId: string) => FileFacts | undefined {
      const byId = new Map(list.map((a) => [a.id, { type: a.mime, bytes: a.size }]));
      return (id) => byId.get(id);
    },

    /**
     * An account's drafts with what each holds (name, type, size, SHA-256, when; never the
     * bytes): their part of the account's export.
     */
    async withFiles<D extends { id: string }>(drafts: D[]) {
      const rows = await repo.ofDrafts(
        db,
        drafts.map((d) => d.id),
      );
      return drafts.map((d) => ({
        ...d,
        attachments: rows
          .filter((r) => r.draftId === d.id)
          .map(({ field, name, mime, size, sha256, uploadedAt }) => ({
            field,
            name,
            mime,
            size,
            sha256,
            uploadedAt,
          })),
      }));
    },

    /** A submission's files, oldest first. */
    async listOfSubmission(submissionId: string): Promise<Attachment[]> {
      return (await repo.ofSubmission(db, submissionId)).map(visible);
    },

    /** A submission's files with their bytes (for its receipt), oldest first. */
    async ofSubmission(
      submissionId: string,
    ): Promise<(Attachment & { bytes: Uint8Array<ArrayBuffer> })[]> {
      const rows = await repo.ofSubmission(db, submissionId);
      const out: (Attachment & { bytes: Uint8Array<ArrayBuffer> })[] = [];
      for (const r of rows) out.push({ ...visible(r), bytes: await service.bytesOf(r) });
      return out;
    },

    /** The bytes of a stored file. */
    async bytesOf(r: repo.AttachmentRow): Promise<Uint8Array<ArrayBuffer>> {
      const chunks: Buffer[] = [];
      for await (const c of files.open(stored(r))) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },

    /**
     * Adds a file to a stored submission (the citizen's answer to "needs completion"), under
     * `rules` (a question's, or the reply's own), within the per-draft bounds. `label` is what
     * the file is for, kept as its field. The caller has decided that the asker may add to it.
     */
    attachToSubmission(
      submissionId: string,
      label: string,
      rules: Pick<QuestionOf<'file'>, 'accept' | 'maxBytes'>,
      incoming: IncomingFile,
    ): Promise<AttachOutcome> {
      return attach(incoming, `forms/${submissionId}`, rulesFor(rules), async (tx, found) => {
        const usage = await repo.lockSubmissionUsage(tx, submissionId);
        if (!usage) return 'gone';
        const fit = fitsDraft(found.size, usage);
        if (fit !== 'ok') return fit;
        return repo.insert(tx, { ...found, draftId: null, submissionId, field: label });
      });
    },

    /** Removes orphaned files, then their rows (purgeOnce), one run at a time; how many. */
    purge(): Promise<number> {
      const next = tail.then(purgeOnce);
      tail = next.catch(() => undefined);
      return next;
    },

    /**
     * Removes orphans now, or after the backup holding deletions (a citizen's remove does not
     * wait for a backup): the file stays unlisted meanwhile, its row no longer the draft's.
     */
    async purgeSoon(): Promise<void> {
      const run = service.purge();
      if (holds === 0) await run;
      else run.catch((err: unknown) => deps.log?.error({ err }, 'form attachments purge failed'));
    },

    /**
     * Waits for a purge in progress, then keeps every later one waiting until the returned
     * function is called: a backup copies the files its database snapshot names (decision 024).
     */
    holdDeletions(): Promise<() => void> {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      holds++;
      const ready = tail.then(() => () => {
        holds--;
        release();
      });
      tail = ready.then(() => released);
      return ready;
    },
  };

  /**
   * Removes orphans, files whose draft and submission are gone: each file first, then its
   * row, and a draft's whole area (with anything a crash left there) once nothing in it is kept
   * and its draft is gone. The number of files removed.
   */
  async function purgeOnce(): Promise<number> {
    const rows = await repo.orphans(db, SWEEP_BATCH);
    for (const r of rows) await files.remove(stored(r));
    await repo.removeRows(
      db,
      rows.map((r) => r.id),
    );
    for (const area of new Set(rows.map((r) => r.area))) {
      const id = area.slice('forms/'.length);
      if (!(await repo.areaInUse(db, area)) && !(await repo.draftExists(db, id)))
        await files.removeArea(area);
    }
    return rows.length;
  }
  return service;
}

export type FormAttachments = ReturnType<typeof formAttachments>;
