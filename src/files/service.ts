// The file-safety pipeline (decision 027): the one way a file from outside becomes a stored file.
// A domain that takes files (the meeting folder, a form's attachments, the notice board's PDFs)
// receives the bytes through `receive`, has them checked by `inspect` against its own policy,
// and keeps them with `keep`; or does all three with `accept`. It records its files in its own
// tables and serves them with `open` and `downloadHeaders`. This file is the module's surface:
// other folders import from here, not from the parts.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { semaphore } from '../lib/semaphore.ts';
import { checkFile, type FilePolicy, type FileRefusal } from './checks.ts';
import { scanBytes, ScannerUnavailable } from './clamav.ts';
import { uploadGate } from './gate.ts';
import { storageName } from './names.ts';
import type { FileType } from './sniff.ts';

export type { FilePolicy, FileRefusal } from './checks.ts';
export { FILE_TYPES, type FileType } from './sniff.ts';
export { downloadHeaders } from './disposition.ts';
export { zipStream, type ZipSource } from './zip-writer.ts';

/** Where the pipeline keeps files, and the scanner it asks (both from the configuration). */
export type FileSafetyConfig = { dir: string; clamavUrl: string | undefined };

/** A received file's bytes on disk as they arrived, before anything has looked at them. */
export type Spooled = { path: string; size: number };

/**
 * A stored file: the area its domain chose (a booking's id, `forms/<id>`) and the generated name
 * it is kept under. The domain keeps `name` in its own row. A quarantined file is never served.
 */
export type StoredFile = { area: string; name: string; quarantined: boolean };

/** What `inspect` found: a file that may be kept (infected ones only into quarantine), or why not. */
export type Inspection =
  | {
      ok: true;
      type: FileType;
      mime: string;
      /** The name to show and to offer on download, made from the uploader's. */
      name: string;
      size: number;
      sha256: string;
      scan: 'clean' | 'unscanned' | 'infected';
      /** The scanner's name for what it found, when infected. */
      signature: string | null;
    }
  | {
      ok: false;
      reason: Exclude<FileRefusal, 'infected'>;
      /** For the refusal's record: the scanner's error, when it failed. */
      detail: string | null;
      size: number;
      sha256: string | null;
    };

/** `accept`'s answer: a stored, clean file or the reason it was refused (nothing stays on disk). */
export type Accepted =
  | ({ ok: true; stored: StoredFile } & Omit<Extract<Inspection, { ok: true }>, 'ok'>)
  | { ok: false; reason: FileRefusal; signature?: string };

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

/** A full disk or quota: nothing is wrong with the upload, there is just no room now. */
export function isNoSpace(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

// Checking, scanning and hashing hold the whole file in memory (up to 20 MB, ~35 MB of RSS
// measured): this many at a time per instance, whichever domain they come for, bound that.
// Receiving holds no slot: the bytes are spooled to disk as they arrive, so a slow client
// costs a connection, not a slot.
const PROCESSED_AT_ONCE = 8;
// A spool file older than this is left from a crash (no request lives this long; see app.ts).
const STALE_PART_MS = 40 * 60_000;
// An area is one to three plain path segments: never "..", never absolute, never a quarantine.
// Deep enough for `forms/<id>/quarantine`; the walk for stale spool files stops there.
const AREA = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+){0,2}$/;
const MAX_AREA_DEPTH = 4;

/** Removes `.part` files last changed before `cutoff` in `dir` and the areas below it. */
async function removeStaleParts(dir: string, cutoff: number, depth: number): Promise<number> {
  let removed = 0;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const at = join(dir, e.name);
    if (e.isDirectory() && depth < MAX_AREA_DEPTH) {
      removed += await removeStaleParts(at, cutoff, depth + 1);
    } else if (e.isFile() && e.name.endsWith('.part')) {
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
  return removed;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * The file-safety pipeline: type by bytes, inspection, clamd, limits, storage under generated
 * names below `config.dir`, and safe downloads. One per process, shared by every domain, so its
 * bound on files in memory holds for the whole instance.
 */
export function fileSafety(deps: {
  config: FileSafetyConfig;
  log: { error(obj: object, msg: string): void };
}) {
  const { config } = deps;
  const processing = semaphore(PROCESSED_AT_ONCE);
  const gate = uploadGate();

  function areaDir(area: string): string {
    if (!AREA.test(area) || area.split('/').includes('quarantine'))
      throw new Error(`not a storage area: ${area}`);
    return join(config.dir, area);
  }
  const pathOf = (f: StoredFile) =>
    f.quarantined ? join(areaDir(f.area), 'quarantine', f.name) : join(areaDir(f.area), f.name);

  /** The scanner's verdict under the policy; a failing scanner refuses (fail closed). */
  async function scan(
    bytes: Uint8Array,
    policy: FilePolicy,
  ): Promise<{ scan: 'clean' | 'unscanned' | 'infected'; signature: string | null } | Error> {
    if (!config.clamavUrl) {
      return policy.scan === 'required'
        ? new Error('no scanner is configured')
        : { scan: 'unscanned', signature: null };
    }
    try {
      const r = await scanBytes(config.clamavUrl, bytes);
      return r.clean
        ? { scan: 'clean', signature: null }
        : { scan: 'infected', signature: r.signature };
    } catch (err) {
      // Fail closed: an unscanned file must not reach the other side when a scanner is expected.
      if (!(err instanceof ScannerUnavailable)) throw err;
      deps.log.error({ err }, 'virus scanner unavailable; upload refused');
      return err;
    }
  }

  const safety = {
    /**
     * A place for one more upload by `person` in `group` (a meeting, a form), or a 'busy'
     * failure; the returned function gives it back.
     */
    admit(group: string, person: string): () => void {
      const release = gate.enter(group, person);
      if (!release) throw new UploadFailure('busy');
      return release;
    },

    /**
     * Writes an incoming file to a spool file in `area` as it arrives, without a processing
     * slot. A full disk removes the spool file and fails with 'no_space'; a body that breaks
     * off (a client gone, a malformed form) with 'malformed'.
     */
    async receive(file: Readable, area: string): Promise<Spooled> {
      const dir = areaDir(area);
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

    /**
     * Checks a spooled file against `policy` and scans it, under one of the instance's
     * processing slots. Stores nothing: the spool file stays for `keep` or `discard`.
     */
    async inspect(spooled: Spooled, original: string, policy: FilePolicy): Promise<Inspection> {
      const release = await processing.acquire();
      try {
        const bytes = await readFile(spooled.path);
        const refused = (reason: Exclude<FileRefusal, 'infected'>, detail: string | null) => ({
          ok: false as const,
          reason,
          detail,
          size: bytes.length,
          sha256: bytes.length ? sha256(bytes) : null,
        });
        const checked = await checkFile(bytes, original, policy);
        if (!checked.ok) return refused(checked.reason, null);
        const hash = sha256(bytes);
        const scanned = await scan(bytes, policy);
        if (scanned instanceof Error) return refused('scanner_unavailable', scanned.message);
        const { type, mime, name } = checked;
        return { ok: true, type, mime, name, size: bytes.length, sha256: hash, ...scanned };
      } catch (err) {
        if (isNoSpace(err)) throw new UploadFailure('no_space', { cause: err });
        throw err;
      } finally {
        release();
      }
    },

    /**
     * Makes a spooled file a stored one in `area` (or its quarantine): flushed to the disk, then
     * renamed to a generated name, so a crash leaves either a `.part` (removed by
     * `cleanStaleParts`) or the whole file.
     */
    async keep(spooled: Spooled, area: string, quarantine = false): Promise<StoredFile> {
      const dir = quarantine ? join(areaDir(area), 'quarantine') : areaDir(area);
      try {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        const fh = await open(spooled.path, 'r+');
        try {
          await fh.datasync();
        } finally {
          await fh.close();
        }
        const name = storageName();
        await rename(spooled.path, join(dir, name));
        return { area, name, quarantined: quarantine };
      } catch (err) {
        if (isNoSpace(err)) throw new UploadFailure('no_space', { cause: err });
        throw err;
      }
    },

    /**
     * Receives, checks, scans and keeps one file in `area`: the whole pipeline for a domain with
     * nothing to decide between the checks and the storing. Infected files are refused, not
     * quarantined. A stream cut off at the size limit (busboy's `truncated`) is 'too_large'.
     */
    async accept(
      file: Readable,
      original: string,
      area: string,
      policy: FilePolicy,
    ): Promise<Accepted> {
      const spooled = await safety.receive(file, area);
      try {
        if ((file as { truncated?: boolean }).truncated) return { ok: false, reason: 'too_large' };
        const found = await safety.inspect(spooled, original, policy);
        if (!found.ok) return { ok: false, reason: found.reason };
        const { ok: _ok, ...rest } = found;
        if (found.scan === 'infected')
          return { ok: false, reason: 'infected', signature: found.signature ?? '' };
        return { ok: true, stored: await safety.keep(spooled, area), ...rest };
      } finally {
        await safety.discard(spooled);
      }
    },

    /** The bytes of a stored file, to stream to a download; a quarantined file is never served. */
    open(file: StoredFile): Readable {
      if (file.quarantined) throw new Error('a quarantined file is never served');
      return createReadStream(pathOf(file));
    },

    /** Removes one stored file; one already gone is not an error. */
    remove: (file: StoredFile) => unlink(pathOf(file)).catch(() => undefined),

    /** Removes an area with every file in it, quarantine included. */
    removeArea: (area: string) => rm(areaDir(area), { recursive: true, force: true }),

    /**
     * Removes spool files left by a crash or a killed process: older than any request lives.
     * Runs at start and with every purge; returns how many it removed.
     */
    async cleanStaleParts(): Promise<number> {
      // File times are the real clock's, whatever clock the service runs on.
      return removeStaleParts(config.dir, Date.now() - STALE_PART_MS, 0);
    },
  };
  return safety;
}

export type FileSafety = ReturnType<typeof fileSafety>;
