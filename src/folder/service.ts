import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../config/config.ts';
import type { DatabaseHandle } from '../db/db.ts';
import type { Clock } from '../lib/clock.ts';
import { semaphore } from '../lib/semaphore.ts';
import type { Connection } from '../meeting/hub.ts';
import type { FileInfo } from '../meeting/protocol.ts';
import type { Entrant, MeetingService } from '../meeting/service.ts';
import { scanBytes, ScannerUnavailable } from '../files/clamav.ts';
import { inspectContents, type ContentRefusal } from '../files/contents.ts';
import { uploadGate } from '../files/gate.ts';
import {
  fits,
  folderClosesAt,
  folderState,
  MAX_FILES_PER_FOLDER,
  type FolderState,
  type UploadRefusal,
} from './domain.ts';
import { displayName, nameRefusal, storageName } from '../files/names.ts';
import * as repo from './repo.ts';
import { deleteAt } from './retention.ts';
import { sniffType, type SniffRefusal } from '../files/sniff.ts';
import { zipStream } from '../files/zip-writer.ts';

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
      reason: UploadRefusal | ContentRefusal | 'infected' | 'scanner_unavailable' | 'closed';
      signature?: string;
    };

/** An upload's bytes on disk as they arrived, before anything has looked at them. */
export type Spooled = { path: string; size: number };

/** Why a whole upload request failed, rather than one of its files. */
export type UploadFailureReason = 'busy' | 'no_space' | 'malformed';

/** A request-level failure of an upload: the route answers it with its own status and message. */
export class UploadFailure extends Error {
  readonly reason: UploadFailureReason;
  constructor(reason: UploadFailureReason, options?: ErrorOptions) {
    super(reason, options);
    this.reason = reason;
  }
}

// Checking, scanning and hashing hold the whole file in memory (up to 20 MB, ~35 MB of RSS
// measured): this many at a time per instance bound that. Receiving holds no slot: the bytes
// are spooled to disk as they arrive, so a slow client costs a connection, not a slot.
const PROCESSED_AT_ONCE = 8;
// A spool file older than this is left from a crash (no request lives this long; see app.ts).
const STALE_PART_MS = 40 * 60_000;

/** A full disk or quota: nothing is wrong with the upload, there is just no room now. */
function isNoSpace(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

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
 * The meeting folder: files the citizen and the official exchange during a meeting.
 * Every file is checked by its bytes (sniff.ts), scanned by clamd when configured,
 * written under a generated name below `config.dir` and listed live to everyone in the
 * meeting. The folder closes with the meeting; a job deletes the files after the
 * organisation's grace period (decision 011).
 */
export function folderService(deps: {
  handle: DatabaseHandle;
  clock: Clock;
  meeting: MeetingService;
  config: Config['files'];
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}) {
  const { clock, meeting, config } = deps;
  const db = deps.handle.db;
  const folderDir = (bookingId: string) => join(config.dir, bookingId);
  const processing = semaphore(PROCESSED_AT_ONCE);
  const gate = uploadGate();

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

  /**
   * Makes a spooled upload a stored file: flushed to the disk, then renamed to its final name
   * (in `dir`), so a crash leaves either a `.part` (removed at the next start) or the whole file.
   */
  async function keep(spooled: Spooled, dir: string): Promise<string> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const fh = await open(spooled.path, 'r+');
    try {
      await fh.datasync();
    } finally {
      await fh.close();
    }
    const name = storageName();
    await rename(spooled.path, join(dir, name));
    return name;
  }

  type Refusal = Extract<UploadOutcome, { ok: false }>['reason'];

  /** Records a refused upload (the name, size and hash; never the bytes) and says why. */
  async function refused(
    a: FolderAccess,
    original: string,
    bytes: Uint8Array | null,
    reason: Refusal,
    detail: string | null = null,
  ): Promise<UploadOutcome> {
    await repo.audit(db, a.actor.entrant.booking.id, clock.now(), [
      {
        action: 'refused',
        ...actorRow(a.actor),
        file_id: null,
        file_name: loggable(original),
        size_bytes: bytes?.length ?? null,
        sha256: bytes?.length ? sha256(bytes) : null,
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
      await service.purgeDue();
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

  /** Checks, scans and keeps one file whose bytes are in memory (upload's work under its slot). */
  async function check(
    a: FolderAccess,
    original: string,
    spooled: Spooled,
    bytes: Uint8Array,
  ): Promise<UploadOutcome> {
    const bookingId = a.actor.entrant.booking.id;
    const now = clock.now();
    const refuse = (reason: Refusal, detail: string | null = null) =>
      refused(a, original, bytes, reason, detail);
    if (original.includes('\0')) return refuse('null_byte');
    if (bytes.length > config.maxFileBytes) return refuse('too_large');
    const sniffed = sniffType(bytes, { allowed: config.types });
    if (!sniffed.ok) return refuse(sniffed.reason);
    // What is inside (every ZIP entry inflated, macros, hidden programs, HTML in a PDF).
    const inside = await inspectContents(bytes, sniffed.type, {
      allowMacros: await repo.allowMacros(db, a.actor.entrant.booking.target.organisation.id),
    });
    if (inside) return refuse(inside);
    const refusal = nameRefusal(original, sniffed.extension);
    if (refusal) return refuse(refusal);
    const named = displayName(original, sniffed.extension);
    if (!named.ok) return refuse(named.reason === 'null_byte' ? 'null_byte' : 'bad_name');
    const hash = sha256(bytes);

    let signature: string | null = null;
    if (config.clamavUrl) {
      try {
        const scan = await scanBytes(config.clamavUrl, bytes);
        if (!scan.clean) signature = scan.signature;
      } catch (err) {
        // Fail closed: an unscanned file must not reach the other side when a scanner is expected.
        if (!(err instanceof ScannerUnavailable)) throw err;
        deps.log.error({ err }, 'virus scanner unavailable; upload refused');
        return refuse('scanner_unavailable', err.message);
      }
    }

    // Checked again now that the bytes are in: the meeting may have ended, or the uploader
    // been removed, while a large file arrived or was scanned.
    const still = await service.access(a.actor.entrant, a.actor.name, a.actor.ip);
    if (still.state !== 'open') return refuse('closed');
    // The bytes go to disk before the transaction: on PGlite (one connection) a transaction
    // holding a 20 MB write and fsync would stall every other request. A refusal or a failure
    // removes the file again; a crash leaves an orphan that the folder's deletion removes.
    const dir = signature ? join(folderDir(bookingId), 'quarantine') : folderDir(bookingId);
    const stored = await keep(spooled, dir);
    let row: repo.FileRow | Exclude<UploadRefusal, SniffRefusal> | 'closed';
    try {
      row = await db.transaction().execute(async (tx) => {
        const usage = await repo.lockUsage(tx, bookingId, clock.now());
        if (!usage) return 'closed' as const;
        if (usage.count >= MAX_FILES_PER_FOLDER) return 'too_many' as const;
        const fit = fits(bytes.length, usage.bytes, config);
        if (fit !== 'ok') return fit;
        // Infected files are kept aside for the office's IT to look at, never served.
        const file = await repo.insertFile(tx, {
          bookingId,
          storageName: stored,
          name: named.name,
          mime: sniffed.mime,
          size: bytes.length,
          sha256: hash,
          uploadedBy: a.actor.participantId,
          uploaderName: a.actor.name,
          uploaderRole: a.actor.entrant.role,
          uploadedAt: now,
          scanState: signature ? 'infected' : config.clamavUrl ? 'clean' : 'unscanned',
          signature,
        });
        await repo.audit(tx, bookingId, now, [
          {
            action: signature ? 'quarantined' : 'uploaded',
            ...actorRow(a.actor),
            file_id: file.id,
            file_name: file.name,
            size_bytes: file.size,
            sha256: hash,
            detail: signature,
          },
        ]);
        return file;
      });
    } catch (err) {
      await unlink(join(dir, stored)).catch(() => undefined);
      throw err;
    }
    if (typeof row === 'string') await unlink(join(dir, stored)).catch(() => undefined);
    if (typeof row === 'string') return refuse(row);
    await broadcast(bookingId);
    if (row.scanState === 'infected')
      return { ok: false, name: row.name, reason: 'infected', signature: row.signature ?? '' };
    return { ok: true, file: info(row) };
  }

  let tail: Promise<unknown> = Promise.resolve();
  let queued: Promise<number> | null = null;
  async function purge(): Promise<number> {
    let purged = 0;
    for (;;) {
      const n = await db.transaction().execute(async (tx) => {
        const now = clock.now();
        const due = await repo.dueForPurge(tx, now, 20);
        for (const bookingId of due) {
          await rm(folderDir(bookingId), { recursive: true, force: true });
          const gone = await repo.markPurged(tx, bookingId, now);
          await repo.audit(tx, bookingId, now, [
            {
              action: 'deleted',
              actor_role: 'system',
              actor_name: null,
              actor_staff_id: null,
              actor_guest_id: null,
              actor_ip: null,
              file_id: null,
              file_name: null,
              size_bytes: gone.bytes,
              sha256: null,
              detail: `${gone.count} files`,
            },
          ]);
        }
        return due.length;
      });
      purged += n;
      if (n < 20) return purged;
    }
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
      const release = gate.enter(
        e.booking.id,
        a.actor.participantId ?? `${e.role} ${e.staffId ?? e.guestId ?? ''}`,
      );
      if (!release) throw new UploadFailure('busy');
      return release;
    },

    /**
     * Writes one file of an upload to a spool file in its folder as it arrives, without a
     * processing slot. A full disk removes the spool file and fails with 'no_space'; a body
     * that breaks off (a client gone, a malformed form) with 'malformed'.
     */
    async receive(a: FolderAccess, file: Readable): Promise<Spooled> {
      const dir = folderDir(a.actor.entrant.booking.id);
      const path = join(dir, `${storageName()}.part`);
      let size = 0;
      try {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
        await pipeline(file, out);
        size = out.bytesWritten;
      } catch (err) {
        await unlink(path).catch(() => undefined);
        if (isNoSpace(err)) throw new UploadFailure('no_space', { cause: err });
        // A file system error is ours; anything else came from the body.
        if ((err as { syscall?: unknown }).syscall) throw err;
        throw new UploadFailure('malformed', { cause: err });
      }
      return { path, size };
    },

    /** Removes a spooled file that will not be kept. */
    discard: (spooled: Spooled) => unlink(spooled.path).catch(() => undefined),

    /** Checks, scans and stores one spooled file; a refusal stores nothing but an audit line. */
    async upload(a: FolderAccess, original: string, spooled: Spooled): Promise<UploadOutcome> {
      const release = await processing.acquire();
      try {
        const bytes = await readFile(spooled.path);
        return await check(a, original, spooled, bytes);
      } catch (err) {
        if (isNoSpace(err)) throw new UploadFailure('no_space', { cause: err });
        throw err;
      } finally {
        release();
        await unlink(spooled.path).catch(() => undefined);
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
        open: () => createReadStream(join(folderDir(bookingId), f.storageName)),
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
          open: () => createReadStream(join(folderDir(bookingId), f.storageName)),
        })),
      );
    },

    /**
     * Deletes the files of every folder past its deletion time (its closing plus the
     * organisation's grace period, fixed when it opened and again when it ended): bytes first,
     * then rows, so a crash in between only repeats the (idempotent) removal next run.
     * Runs every minute and when a meeting ends; returns how many folders were purged.
     */
    purgeDue(): Promise<number> {
      // One run at a time per instance. A call during a run queues one more run after it (which
      // sees what became due meanwhile); calls while that one waits share it.
      if (queued) return queued;
      const next = tail.then(() => {
        queued = null;
        return purge();
      });
      queued = next;
      tail = next.catch(() => undefined);
      return next;
    },

    /**
     * Waits for a deletion run in progress, then keeps every later one waiting until the
     * returned function is called: a backup copies the files its database snapshot names
     * while none of them can go (decision 024).
     */
    holdDeletions(): Promise<() => void> {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const ready = tail.then(() => release);
      tail = ready.then(() => released);
      return ready;
    },

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
      await service.purgeDue();
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

    /**
     * Removes spool files left by a crash or a killed process: older than any request lives.
     * Runs at start and with every purge; returns how many it removed.
     */
    async cleanStaleParts(): Promise<number> {
      // File times are the real clock's, whatever clock the service runs on.
      const cutoff = Date.now() - STALE_PART_MS;
      let removed = 0;
      const folders = await readdir(config.dir).catch(() => [] as string[]);
      for (const folder of folders) {
        for (const dir of [join(config.dir, folder), join(config.dir, folder, 'quarantine')]) {
          const names = await readdir(dir).catch(() => [] as string[]);
          for (const name of names.filter((n) => n.endsWith('.part'))) {
            const at = join(dir, name);
            const old = await stat(at).then(
              (st) => st.mtimeMs < cutoff,
              () => false,
            );
            if (
              old &&
              (await unlink(at).then(
                () => true,
                () => false,
              ))
            )
              removed++;
          }
        }
      }
      return removed;
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

  // The official's "open folder" in the room, and an end that may make files due at once.
  meeting.hooks.openFolder = (c, name) => service.openFromRoom(c, name);
  meeting.hooks.ended = (bookingId) => {
    service
      .closeFor(bookingId)
      .catch((err: unknown) => deps.log.error({ err }, 'closing the meeting folder failed'));
  };
  return service;
}

export type FolderService = ReturnType<typeof folderService>;
