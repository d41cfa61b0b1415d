// A notice's attachments (PDF) through the file-safety pipeline (files/service.ts): type by its
// bytes, contents, clamd when configured, size and a safe name; stored under the notice's own
// area `notices/<id>` before the notice's transaction commits, and removed again when it does
// not. Callers have authorised the admin for the notice before they pass its area.
import type { Readable } from 'node:stream';
import type { FileRefusal, FileSafety } from '../files/service.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import type { FileRow } from './repo.ts';

/** Where one post's files go: the notice's own area (its id is chosen before it is stored). */
export type Upload = { noticeId: string; area: string; maxBytes: number };

/** A file the pipeline accepted and stored, waiting for its notice's transaction. */
export type Uploaded = Omit<FileRow, 'id' | 'notice_id' | 'uploaded_at' | 'uploaded_by'>;

/** What became of one uploaded file. */
export type Received =
  { ok: true; file: Uploaded } | { ok: false; name: string; reason: FileRefusal };

/** A post's files: those stored, and those refused (by name and reason). */
export type Receipt = { stored: Uploaded[]; refused: { name: string; reason: FileRefusal }[] };

// Names in a refusal are the uploader's own, shown back as readable text of bounded length.
const shown = (name: string) => [...name.replace(/[\p{Cc}\p{Cf}]/gu, '?')].slice(0, 200).join('');

/** The notice board's use of the file-safety pipeline. */
export function noticeFiles(files: FileSafety) {
  return {
    /** Runs one uploaded file through the pipeline (PDF only) into the post's area. */
    async receive(upload: Upload, stream: Readable, filename: string): Promise<Received> {
      const got = await files.accept(stream, filename, upload.area, {
        types: ['pdf'],
        maxBytes: upload.maxBytes,
        scan: 'configured',
      });
      if (!got.ok) return { ok: false, name: shown(filename), reason: got.reason };
      return {
        ok: true,
        file: {
          name: got.name,
          mime: got.mime,
          size_bytes: got.size,
          sha256: got.sha256,
          scan: got.scan === 'clean' ? 'clean' : 'unscanned',
          area: upload.area,
          storage_name: got.stored.name,
        },
      };
    },

    /** Removes files of a post that will not be stored (a refused form, a failed transaction). */
    async discard(upload: Upload, stored: readonly Uploaded[]): Promise<void> {
      await Promise.all(
        stored.map((f) =>
          files.remove({ area: upload.area, name: f.storage_name, quarantined: false }),
        ),
      );
    },

    /** A stored attachment's bytes, to stream to a download. */
    open: (f: { area: string; storageName: string }) =>
      files.open({ area: f.area, name: f.storageName, quarantined: false }),
  };
}

/** The message key of a refused file's reason (the files' own words, PDF for a wrong type). */
export function refusalKey(reason: FileRefusal): MessageKey {
  return reason === 'not_allowed' || reason === 'unknown_type'
    ? 'notices.admin.error.file_type'
    : (`files.error.${reason}` as MessageKey);
}
