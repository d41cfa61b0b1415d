import type { Config } from '../config/config.ts';
import type { DatabaseHandle } from '../db/db.ts';
import {
  isNoSpace,
  UploadFailure,
  zipStream,
  type FilePolicy,
  type FileSafety,
  type Inspection,
  type Spooled,
} from '../files/service.ts';
import type { Readable } from 'node:stream';
import type { Clock } from '../lib/clock.ts';
import type { Connection } from '../meeting/hub.ts';
import type { FileInfo } from '../meeting/protocol.ts';
import type { Entrant, MeetingService } from '../meeting/service.ts';
import { folderDeletion } from './deletion.ts';
import {
  fits,
  folderClosesAt,
  folderState,
  MAX_FILES_PER_FOLDER,
  type FolderState,
  type UploadRefusal,
} from './domain.ts';
import * as repo from './repo.ts';
import { deleteAt } from './retention.ts';

// The grace period's range, which the organisation's settings page checks before saving it.
export { validGraceMinutes } from './retention.ts';

/**
 * Someone using a folder: the entrant a route authenticated, the name the server knows them
 * by (the staff account's, the booking's, the guest link's; never one they typed), and their address.
 */
export type Actor = {
  entrant: Entrant;
  participantId: string | null;
  name: string;
  ip: string | null;
};

/** What a person may do with a meeting's folder right now. */
export type FolderAccess = {
  state: FolderState | 'not_admitted';
  closesAt: Date;
  /** Milliseconds until `closesAt` by the service's clock, for timers. */
  closesInMs: number;
  actor: Actor;
};

export type UploadOutcome =
  | { ok: true; file: FileInfo }
  | {
      ok: false;
      name: string;
      reason: UploadRefusal;
      signature?: string;
    };

function info(f: repo.FileRow): FileInfo {
  return {
    id: f.id,
    name: f.name,
    size: f.size,
    uploader: f.uploaderName,
    uploaderRole: f.uploaderRole,
    uploadedAt: f.uploadedAt.toISOString(),
    state: f.scanState,
    signature: f.signature,
  };
}

// A refused file's name goes into the audit log only as readable text of bounded length.
function loggable(name: string): string {
  return [...name.replace(/[\p{Cc}\p{Cf}]/gu, '?')].slice(0, 200).join('');
}

/**
 * The meeting folder: files the citizen and the official exchange during a meeting. Every file
 * goes through the file-safety pipeline (`files`: checked by its bytes, scanned by clamd when
 * configured, kept under a generated name in the booking's area) and is listed live to everyone
 * in the meeting. The folder closes with the meeting; a job deletes the files after the
 * organisation's grace period (decision 011).
 */
export function folderService(deps: {
  handle: DatabaseHandle;
  clock: Clock;
  meeting: MeetingService;
  files: FileSafety;
  config: Config['files'];
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}) {
  const { clock, meeting, config, files } = deps;
  const db = deps.handle.db;
  const deletion = folderDeletion({ db, clock, files });

  async function broadcast(bookingId: string): Promise<void> {
    meeting.hub.toMeeting(
      bookingId,
      { admitted: true },
      { type: 'files', files: (await repo.files(db, bookingId)).map(info) },
    );
  }

  function actorRow(a: Actor) {
    return {
      actor_role: a.entrant.role,
      actor_name: a.name,
      actor_staff_id: a.entrant.staffId,
      actor_guest_id: a.entrant.guestId,
      actor_ip: a.ip,
    };
  }

  /** What a folder accepts: the configured types and size, and the organisation's macro choice. */
  async function policyFor(a: FolderAccess): Promise<FilePolicy> {
    const organisationId = a.actor.entrant.booking.target.organisation.id;
    return {
      types: config.types,
      maxBytes: config.maxFileBytes,
      allowMacros: await repo.allowMacros(db, organisationId),
      scan: 'configured',
    };
  }

  /** Records a refused upload (the name, size and hash; never the bytes) and says why. */
  async function refused(
    a: FolderAccess,
    original: string,
    bytes: { size: number; sha256: string | null } | null,
    reason: UploadRefusal,
    detail: string | null = null,
  ): Promise<UploadOutcome> {
    await repo.audit(db, a.actor.entrant.booking.id, clock.now(), [
      {
        action: 'refused',
        ...actorRow(a.actor),
        file_id: null,
        file_name: loggable(original),
        size_bytes: bytes?.size ?? null,
        sha256: bytes?.sha256 ?? null,
        detail: detail ?? reason,
      },
    ]);
    return { ok: false, name: loggable(original), reason };
  }

  async function open_(bookingId: string, actor: Actor): Promise<void> {
    const now = clock.now();
    const b = actor.entrant.booking;
    const grace = await repo.graceMinutes(db, b.target.organisation.id);
    // A folder left from before the booking was moved goes first: the moved meeting starts empty.
    const old = await repo.findFolder(db, bookingId);
    if (old && !old.purgedAt && now >= old.closesAt) {
      await repo.expireFolder(db, bookingId, now);
      await deletion.purgeDue();
    }
    const closesAt = folderClosesAt(b.end, null);
    const opened = await repo.openFolder(db, {
      bookingId,
      organisationId: b.target.organisation.id,
      staffId: actor.entrant.staffId,
      now,
      closesAt,
      deleteAt: deleteAt(closesAt, grace),
    });
    if (!opened) return;
    await repo.audit(db, bookingId, now, [
      {
        action: 'opened',
        ...actorRow(actor),
        file_id: null,
        file_name: null,
        size_bytes: null,
        sha256: null,
        detail: null,
      },
    ]);
    if (actor.participantId)
      await meeting.announceFolder(bookingId, actor.participantId, actor.name);
    await broadcast(bookingId);
  }

  /**
   * Keeps a file the pipeline passed, if the folder still takes it: still open to the uploader,
   * under its count and size. Infected files are kept aside (quarantine) for the office's IT
   * to look at, listed, and never served.
   */
  async function keep(
    a: FolderAccess,
    original: string,
    spooled: Spooled,
    found: Extract<Inspection, { ok: true }>,
    now: Date,
  ): Promise<UploadOutcome> {
    const bookingId = a.actor.entrant.booking.id;
    const refuse = (reason: UploadRefusal) => refused(a, original, found, reason);
    // Checked again now that the bytes are in: the meeting may have ended, or the uploader
    // been removed, while a large file arrived or was scanned.
    const still = await service.access(a.actor.entrant, a.actor.name, a.actor.ip);
    if (still.state !== 'open') return refuse('closed');
    // The bytes go to disk before the transaction: on PGlite (one connection) a transaction
    // holding a 20 MB write and fsync would stall every other request. A refusal or a failure
    // removes the file again; a crash leaves an orphan that the folder's deletion removes.
    const infected = found.scan === 'infected';
    const stored = await files.keep(spooled, bookingId, infected);
    let row: repo.FileRow | 'closed' | 'too_many' | 'too_large' | 'folder_full';
    try {
      row = await db.transaction().execute(async (tx) => {
        const usage = await repo.lockUsage(tx, bookingId, clock.now());
        if (!usage) return 'closed' as const;
        if (usage.count >= MAX_FILES_PER_FOLDER) return 'too_many' as const;
        const fit = fits(found.size, usage.bytes, config);
        if (fit !== 'ok') return fit;
        const file = await repo.insertFile(tx, {
          bookingId,
          storageName: stored.name,
          name: found.name,
          mime: found.mime,
          size: found.size,
          sha256: found.sha256,
          uploadedBy: a.actor.participantId,
          uploaderName: a.actor.name,
          uploaderRole: a.actor.entrant.role,
          uploadedAt: now,
          scanState: found.scan,
          signature: found.signature,
        });
        await repo.audit(tx, bookingId, now, [
          {
            action: infected ? 'quarantined' : 'uploaded',
            ...actorRow(a.actor),
            file_id: file.id,
            file_name: file.name,
            size_bytes: file.size,
            sha256: found.sha256,
            detail: found.signature,
          },
        ]);
        return file;
      });
    } catch (err) {
      await files.remove(stored);
      throw err;
    }
    if (typeof row === 'string') {
      await files.remove(stored);
      return refuse(row);
    }
    await broadcast(bookingId);
    if (row.scanState === 'infected')
      return { ok: false, name: row.name, reason: 'infected', signature: row.signature ?? '' };
    return { ok: true, file: info(row) };
  }

  const service = {
    /**
     * Whether an entrant may use the folder now: only someone admitted to the room (staff too:
     * a colleague who is not in the meeting does not see its documents), and only while the
     * folder is open. `name` is the name the door authenticated, for the records.
     */
    async access(entrant: Entrant, name: string, ip: string | null): Promise<FolderAccess> {
      const [p, folder, window, m] = await Promise.all([
        meeting.participantOf(entrant),
        repo.findFolder(db, entrant.booking.id),
        meeting.windowOf(entrant.booking),
        meeting.afterMeeting(entrant.booking.id),
      ]);
      const actor: Actor = { entrant, participantId: p?.id ?? null, name, ip };
      const closesAt =
        folder && !folder.purgedAt && folder.closesAt > clock.now()
          ? folder.closesAt
          : folderClosesAt(entrant.booking.end, m.endedAt);
      const state = folderState(window.kind === 'over', folder ?? null, clock.now());
      const closesInMs = Math.max(0, closesAt.getTime() - clock.now().getTime());
      if (state !== 'closed' && p?.state !== 'admitted')
        return { state: 'not_admitted', closesAt, closesInMs, actor };
      return { state, closesAt, closesInMs, actor };
    },

    /** Opens the folder (staff), posting its link in the chat once. */
    open: (a: FolderAccess) => open_(a.actor.entrant.booking.id, a.actor),

    /** The folder opened from the room by the official's socket. */
    async openFromRoom(c: Connection, name: string): Promise<void> {
      const entrant = await meeting.staffEntrant(c.bookingId, c.staffId);
      const a = await service.access(entrant, name, null);
      if (a.state === 'closed' || a.state === 'not_admitted') return;
      await open_(c.bookingId, { ...a.actor, participantId: c.participantId });
    },

    async list(bookingId: string): Promise<FileInfo[]> {
      return (await repo.files(db, bookingId)).map(info);
    },

    /** A file cut off at the size limit while it arrived: refused, with its name in the audit log. */
    tooLarge: (a: FolderAccess, original: string) => refused(a, original, null, 'too_large'),

    /**
     * A place for one more upload by this person in this meeting, or a 'busy' failure; the
     * returned function gives it back.
     */
    admit(a: FolderAccess): () => void {
      const e = a.actor.entrant;
      return files.admit(
        e.booking.id,
        a.actor.participantId ?? `${e.role} ${e.staffId ?? e.guestId ?? ''}`,
      );
    },

    /**
     * Writes one file of an upload to a spool file in its folder as it arrives, without a
     * processing slot (the pipeline's `receive`: 'no_space' and 'malformed' failures).
     */
    receive: (a: FolderAccess, file: Readable): Promise<Spooled> =>
      files.receive(file, a.actor.entrant.booking.id),

    /** Removes a spooled file that will not be kept. */
    discard: (spooled: Spooled) => files.discard(spooled),

    /** Checks, scans and stores one spooled file; a refusal stores nothing but an audit line. */
    async upload(a: FolderAccess, original: string, spooled: Spooled): Promise<UploadOutcome> {
      const now = clock.now();
      try {
        const found = await files.inspect(spooled, original, await policyFor(a));
        if (!found.ok) return await refused(a, original, found, found.reason, found.detail);
        return await keep(a, original, spooled, found, now);
      } catch (err) {
        if (isNoSpace(err)) throw new UploadFailure('no_space', { cause: err });
        throw err;
      } finally {
        await files.discard(spooled);
      }
    },

    /** A file to download, with its path; quarantined files are never handed out. */
    async download(
      a: FolderAccess,
      id: string,
    ): Promise<
      { file: FileInfo; open(): NodeJS.ReadableStream } | 'not_found' | { signature: string }
    > {
      const bookingId = a.actor.entrant.booking.id;
      const f = await repo.file(db, bookingId, id);
      if (!f) return 'not_found';
      if (f.scanState === 'infected') return { signature: f.signature ?? '' };
      await repo.audit(db, bookingId, clock.now(), [
        {
          action: 'downloaded',
          ...actorRow(a.actor),
          file_id: f.id,
          file_name: f.name,
          size_bytes: f.size,
          sha256: f.sha256,
          detail: null,
        },
      ]);
      return {
        file: info(f),
        open: () => files.open({ area: bookingId, name: f.storageName, quarantined: false }),
      };
    },

    /** Every downloadable file as one zip, streamed. */
    async downloadAll(a: FolderAccess): Promise<AsyncGenerator<Uint8Array> | null> {
      const bookingId = a.actor.entrant.booking.id;
      const all = (await repo.files(db, bookingId)).filter((f) => f.scanState !== 'infected');
      if (all.length === 0) return null;
      await repo.audit(
        db,
        bookingId,
        clock.now(),
        all.map((f) => ({
          action: 'downloaded_all' as const,
          ...actorRow(a.actor),
          file_id: f.id,
          file_name: f.name,
          size_bytes: f.size,
          sha256: f.sha256,
          detail: null,
        })),
      );
      return zipStream(
        all.map((f) => ({
          name: f.name,
          modified: f.uploadedAt,
          open: () => files.open({ area: bookingId, name: f.storageName, quarantined: false }),
        })),
      );
    },

    /** Deletes the files of every folder past its deletion time (deletion.ts). */
    purgeDue: () => deletion.purgeDue(),

    /** Keeps deletions waiting while a backup copies the files (deletion.ts, decision 024). */
    holdDeletions: () => deletion.holdDeletions(),

    /**
     * The meeting ended, or its booking was cancelled or moved: the folder closes now and its
     * files go after the organisation's grace period (at once by default).
     */
    async closeFor(bookingId: string): Promise<void> {
      const folder = await repo.findFolder(db, bookingId);
      if (!folder || folder.purgedAt) return;
      const now = clock.now();
      await repo.closeFolder(
        db,
        bookingId,
        now,
        deleteAt(now, await repo.graceMinutes(db, folder.organisationId)),
      );
      await deletion.purgeDue();
    },

    /**
     * What the appointment page lists of a meeting's folder: the files still there (name, size,
     * who uploaded, when) and how many were deleted; null when no folder was ever opened.
     */
    async summaryFor(bookingId: string) {
      const [files, deleted] = await Promise.all([
        repo.files(db, bookingId),
        repo.deletedCounts(db, bookingId),
      ]);
      if (!deleted) return null;
      return { files, deleted };
    },

    /** The audit log of a meeting's folder, oldest first. */
    audit: (bookingId: string) => repo.auditOf(db, bookingId),
    graceMinutes: (organisationId: string) => repo.graceMinutes(db, organisationId),
    setGraceMinutes: (organisationId: string, minutes: number) =>
      repo.setGraceMinutes(db, organisationId, minutes),
    allowMacros: (organisationId: string) => repo.allowMacros(db, organisationId),
    setAllowMacros: (organisationId: string, allow: boolean) =>
      repo.setAllowMacros(db, organisationId, allow),
  };

  return service;
}

export type FolderService = ReturnType<typeof folderService>;
