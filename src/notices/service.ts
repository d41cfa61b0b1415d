/**
 * The official notice board, staff side (issue 19, decision 049): an organisation's admins post
 * notices, correct them (a new version, never an update) and withdraw them; the board job
 * records when each went up and came down. Every change is audited in its own transaction;
 * every read by id is scoped to the admin's organisation, so another's notice is not found.
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Db } from '../db/db.ts';
import { staffActor } from '../audit/domain.ts';
import type { AuditService } from '../audit/service.ts';
import type { FileSafety } from '../files/service.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import { localize, type Localized } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { boardDay, boardStatus, type BoardStatus } from './board-time.ts';
import {
  CATEGORIES,
  LIMITS,
  checkNotice,
  checkReason,
  isOpen,
  postOnKept,
  type FieldProblems,
  type NoticeDraft,
  type NoticeForm,
} from './domain.ts';
import { noticeFiles, type Receipt, type Upload, type Uploaded } from './attachments.ts';
import { recordBoardEvents } from './job.ts';
import * as repo from './repo.ts';

export type { Receipt, Upload, Uploaded } from './attachments.ts';

const LIST_LIMIT = 500;

/** The error of a correction made from a version that is no longer the latest. */
export const CORRECTED_MEANWHILE = 'notices.admin.error.corrected_meanwhile';

function invalid(fields: FieldProblems): AppError {
  return new AppError('invalid_input', 'form rejected', fields);
}

/** The notice board's staff service: built once in front-door.ts. */
export function noticeBoard(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  files: FileSafety;
  /** The installation's most bytes per file (FILE_MAX_MB); a notice's own limit stays within it. */
  maxFileBytes: number;
}) {
  const { db, clock, audit, files } = deps;

  const maxBytes = () => Math.min(LIMITS.fileBytes, deps.maxFileBytes);

  function adminOnly(actor: StaffPrincipal): string {
    if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
    return actor.organisationId;
  }

  async function today(organisationId: string) {
    const org = await repo.orgContext(db, organisationId);
    return { org, today: boardDay(clock.now(), org.timeZone) };
  }

  const attachments = noticeFiles(files);
  const discard = (upload: Upload, stored: readonly Uploaded[]) =>
    attachments.discard(upload, stored);

  /** The department's name as the notice's language says it, kept with the version. */
  async function departmentName(organisationId: string, draft: NoticeDraft) {
    if (!draft.departmentId) return null;
    const list = await repo.departmentsOf(db, organisationId);
    const d = list.find((x) => x.id === draft.departmentId);
    return d ? localize(d.name, draft.language).slice(0, LIMITS.departmentName) || null : null;
  }

  /** Refuses the post when a field or a file is wrong, removing what was stored. */
  async function refuse(upload: Upload, fields: FieldProblems, receipt: Receipt): Promise<never> {
    const all = { ...fields };
    if (receipt.refused.length) all.files = 'notices.admin.error.files_refused';
    else if (Object.keys(fields).length && receipt.stored.length)
      all.files = 'notices.admin.error.files_again';
    await discard(upload, receipt.stored);
    throw invalid(all);
  }

  /** Stores a version with its files (the kept ones first, then the new), in `tx`. */
  async function storeVersion(
    tx: Db,
    v: {
      noticeId: string;
      version: number;
      draft: NoticeDraft;
      departmentName: string | null;
      note: string | null;
      keep: readonly string[];
      added: readonly Uploaded[];
      actor: StaffPrincipal;
      now: Date;
    },
  ) {
    const d = v.draft;
    await repo.insertVersion(tx, {
      notice_id: v.noticeId,
      version: v.version,
      language: d.language,
      title: d.title,
      body: d.body,
      category: d.category,
      reference_number: d.referenceNumber,
      file_mark: d.fileMark,
      department_id: d.departmentId,
      department_name: v.departmentName,
      post_on: d.postOn,
      remove_after: d.removeAfter,
      correction_note: v.note,
      created_at: v.now,
      created_by: v.actor.id,
    });
    const added: string[] = [];
    for (const f of v.added)
      added.push(
        await repo.insertFile(tx, {
          ...f,
          notice_id: v.noticeId,
          uploaded_at: v.now,
          uploaded_by: v.actor.id,
        }),
      );
    await repo.linkFiles(tx, v.noticeId, v.version, [...v.keep, ...added]);
  }

  /** The notice's current state, from its row and latest version, at `now`. */
  async function current(organisationId: string, id: string) {
    const notice = await repo.findNotice(db, organisationId, id);
    if (!notice) throw new AppError('not_found', 'no such notice');
    const [versions, fileRows, events, { org, today: day }] = await Promise.all([
      repo.versionsOf(db, id),
      repo.filesOf(db, id),
      repo.eventsOf(db, id),
      today(organisationId),
    ]);
    const latest = versions[versions.length - 1]!;
    const status = boardStatus(
      { postOn: latest.post_on, removeAfter: latest.remove_after },
      notice.withdrawn_at,
      clock.now(),
      org.timeZone,
    );
    const withFiles = versions.map((v) => ({
      ...v,
      files: fileRows.filter((f) => f.version === v.version),
    }));
    return {
      notice,
      versions: withFiles,
      latest: withFiles[withFiles.length - 1]!,
      events,
      status,
      org,
      today: day,
    };
  }

  /** Checks a post's form against the organisation's departments and today. */
  async function check(organisationId: string, form: NoticeForm, earliestPost: string | null) {
    const [{ today: day }, departments] = await Promise.all([
      today(organisationId),
      repo.departmentsOf(db, organisationId),
    ]);
    return checkNotice(form, {
      today: day,
      earliestPost,
      departments: departments.map((d) => d.id),
    });
  }

  /**
   * A correction's problems: the notice's fields, its reason, a posted notice's first day kept,
   * and the files it carries on (only the current version's) within the limit.
   */
  async function checkCorrection(
    organisationId: string,
    c: Awaited<ReturnType<typeof current>>,
    form: NoticeForm & { note: string; keep: readonly string[] },
    receipt: Receipt,
  ) {
    const checked = await check(organisationId, form, c.status === 'scheduled' ? c.today : null);
    const fields: FieldProblems = checked.ok ? {} : { ...checked.fields };
    const note = checkReason(form.note);
    if (!note) fields.note = 'notices.admin.error.note';
    const days = { postOn: c.latest.post_on, removeAfter: c.latest.remove_after };
    const kept = postOnKept(days, c.status, checked.ok ? checked.value.postOn : days.postOn);
    if (kept) fields.postOn = kept;
    const keep = c.latest.files.map((f) => f.id).filter((id) => form.keep.includes(id));
    if (keep.length + receipt.stored.length > LIMITS.files)
      fields.files = 'notices.admin.error.too_many_files';
    return { checked, fields, note, keep };
  }

  return {
    categories: CATEGORIES,
    limits: LIMITS,
    /** Removes a post's stored files when its request broke before the service saw it. */
    discard,

    /** What the admin's forms offer: the organisation's zone, language, departments and today. */
    async context(actor: StaffPrincipal) {
      const organisationId = adminOnly(actor);
      const [{ org, today: day }, departments] = await Promise.all([
        today(organisationId),
        repo.departmentsOf(db, organisationId),
      ]);
      return {
        org,
        today: day,
        departments: departments as { id: string; name: Localized }[],
        maxBytes: maxBytes(),
      };
    },

    /**
     * The correction form's start: the current version's fields and files, all kept; refused
     * (409) once the notice is in the archive.
     */
    async correctionOf(actor: StaffPrincipal, id: string) {
      const c = await current(adminOnly(actor), id);
      if (!isOpen(c.status)) throw new AppError('no_longer_possible', 'notice closed');
      const v = c.latest;
      const values = {
        title: v.title,
        body: v.body,
        category: v.category,
        referenceNumber: v.reference_number ?? '',
        fileMark: v.file_mark ?? '',
        department: v.department_id ?? '',
        postOn: v.post_on,
        removeAfter: v.remove_after ?? '',
        untilFurtherNotice: v.remove_after === null ? '1' : '',
        language: v.language,
        note: '',
        keep: v.files.map((f) => f.id),
        base: String(v.version),
      };
      return { number: c.notice.number, files: v.files, values };
    },

    /** The organisation's notices, newest first, each with its status now; optionally one status. */
    async list(actor: StaffPrincipal, status?: BoardStatus) {
      const organisationId = adminOnly(actor);
      const [{ org }, rows] = await Promise.all([
        today(organisationId),
        repo.listCurrent(db, organisationId, LIST_LIMIT),
      ]);
      const now = clock.now();
      const all = rows.map((r) => ({
        ...r,
        status: boardStatus(r, r.withdrawnAt, now, org.timeZone),
      }));
      return { rows: status ? all.filter((r) => r.status === status) : all, limit: LIST_LIMIT };
    },

    /** A notice with every version, its files and events; 404 outside the admin's organisation. */
    async detail(actor: StaffPrincipal, id: string) {
      return current(adminOnly(actor), id);
    },

    /**
     * Where a post's files go: a new notice's area (its id chosen now), or a correction's (its
     * notice's, which must be the admin's and still open). Called before the files are read.
     */
    async startUpload(actor: StaffPrincipal, noticeId: string | null): Promise<Upload> {
      const organisationId = adminOnly(actor);
      if (noticeId) {
        const c = await current(organisationId, noticeId);
        if (!isOpen(c.status)) throw new AppError('no_longer_possible', 'notice closed');
      }
      const id = noticeId ?? randomUUID();
      return {
        noticeId: id,
        area: `notices/${id}`,
        maxBytes: maxBytes(),
      };
    },

    /** Runs one uploaded file through the file-safety pipeline (PDF only) into the post's area. */
    receiveFile: (upload: Upload, stream: Readable, filename: string) =>
      attachments.receive(upload, stream, filename),

    /** Posts a new notice with the next number of the organisation; audited. */
    async create(actor: StaffPrincipal, upload: Upload, form: NoticeForm, receipt: Receipt) {
      const organisationId = adminOnly(actor);
      const { today: day } = await today(organisationId);
      const checked = await check(organisationId, form, day);
      if (!checked.ok || receipt.refused.length || receipt.stored.length > LIMITS.files)
        return refuse(upload, checked.ok ? tooMany(receipt) : checked.fields, receipt);
      const draft = checked.value;
      const deptName = await departmentName(organisationId, draft);
      const now = clock.now();
      try {
        return await db.transaction().execute(async (tx) => {
          await repo.lockNumbering(tx, organisationId);
          const number = await repo.nextNumber(tx, organisationId);
          const noticeId = upload.noticeId;
          await repo.insertNotice(tx, { id: noticeId, organisationId, number, now, by: actor.id });
          await storeVersion(tx, {
            noticeId,
            version: 1,
            draft,
            departmentName: deptName,
            note: null,
            keep: [],
            added: receipt.stored,
            actor,
            now,
          });
          await audit.record(tx, {
            organisationId,
            actor: staffActor(actor),
            action: 'official_notice.created',
            objectType: 'official_notice',
            objectId: noticeId,
            summary: `${number}: ${draft.title}`.slice(0, 500),
            detail: {
              number,
              postOn: draft.postOn,
              removeAfter: draft.removeAfter,
              files: receipt.stored.length,
            },
          });
          return { id: noticeId, number };
        });
      } catch (err) {
        await discard(upload, receipt.stored);
        throw err;
      }
    },

    /**
     * Corrects a notice still scheduled or on the board: a new version (allocated with the notice
     * locked, so two corrections never race to one number) with its reason, the files kept and
     * those added, and a 'corrected' event; audited.
     */
    async correct(
      actor: StaffPrincipal,
      upload: Upload,
      form: NoticeForm & { note: string; keep: readonly string[]; base: number },
      receipt: Receipt,
    ) {
      const organisationId = adminOnly(actor);
      const c = await current(organisationId, upload.noticeId);
      if (!isOpen(c.status)) {
        await discard(upload, receipt.stored);
        throw new AppError('no_longer_possible', 'notice closed');
      }
      const { checked, fields, note, keep } = await checkCorrection(
        organisationId,
        c,
        form,
        receipt,
      );
      if (!checked.ok || !note || Object.keys(fields).length || receipt.refused.length)
        return refuse(upload, fields, receipt);
      const draft = checked.value;
      const deptName = await departmentName(organisationId, draft);
      const now = clock.now();
      try {
        return await db.transaction().execute(async (tx) => {
          const notice = await repo.lockNotice(tx, organisationId, upload.noticeId);
          if (!notice) throw new AppError('not_found', 'no such notice');
          if (notice.withdrawn_at) throw new AppError('no_longer_possible', 'withdrawn');
          const version = (await repo.latestVersion(tx, notice.id)) + 1;
          // Someone else corrected it since this form was made: saving would undo their version.
          if (version - 1 !== form.base) throw invalid({ note: CORRECTED_MEANWHILE });
          await storeVersion(tx, {
            noticeId: notice.id,
            version,
            draft,
            departmentName: deptName,
            note,
            keep,
            added: receipt.stored,
            actor,
            now,
          });
          await repo.insertEvent(tx, {
            noticeId: notice.id,
            kind: 'corrected',
            version,
            at: now,
            actor: actor.id,
          });
          await audit.record(tx, {
            organisationId,
            actor: staffActor(actor),
            action: 'official_notice.corrected',
            objectType: 'official_notice',
            objectId: notice.id,
            summary: `${notice.number}: ${draft.title}`.slice(0, 500),
            detail: {
              number: notice.number,
              version,
              note,
              kept: keep.length,
              added: receipt.stored.length,
            },
          });
          return { id: notice.id, version };
        });
      } catch (err) {
        await discard(upload, receipt.stored);
        throw err;
      }
    },

    /**
     * Takes a notice down before its last day, with the reason the public reads: the withdrawal
     * is set once, with a 'withdrawn' event (and the 'posted' one if the job had not yet seen it
     * go up); audited.
     */
    async withdraw(actor: StaffPrincipal, id: string, reasonText: string) {
      const organisationId = adminOnly(actor);
      const reason = checkReason(reasonText);
      if (!reason) throw invalid({ reason: 'notices.admin.error.reason' });
      const c = await current(organisationId, id);
      if (!isOpen(c.status)) throw new AppError('no_longer_possible', 'notice closed');
      const now = clock.now();
      await db.transaction().execute(async (tx) => {
        const notice = await repo.lockNotice(tx, organisationId, id);
        if (!notice) throw new AppError('not_found', 'no such notice');
        const version = await repo.latestVersion(tx, id);
        if (!(await repo.setWithdrawn(tx, { id, at: now, by: actor.id, reason })))
          throw new AppError('no_longer_possible', 'already withdrawn');
        if (c.status === 'on_board')
          await repo.insertEventOnce(tx, { noticeId: id, kind: 'posted', version, at: now });
        await repo.insertEvent(tx, {
          noticeId: id,
          kind: 'withdrawn',
          version,
          at: now,
          actor: actor.id,
        });
        await audit.record(tx, {
          organisationId,
          actor: staffActor(actor),
          action: 'official_notice.withdrawn',
          objectType: 'official_notice',
          objectId: id,
          summary: `${notice.number}: ${c.latest.title}`.slice(0, 500),
          detail: { number: notice.number, version, reason },
        });
      });
    },

    /** An attachment of the admin's organisation's notice, to download; 404 otherwise. */
    async attachment(actor: StaffPrincipal, noticeId: string, fileId: string) {
      const f = await repo.findFile(db, adminOnly(actor), noticeId, fileId);
      if (!f) throw new AppError('not_found', 'no such attachment');
      return {
        ...f,
        stream: attachments.open(f),
      };
    },

    /**
     * The board job: records 'posted' for each notice whose first day has begun and
     * 'taken_down' for each whose last day has ended, in every organisation, once each (the
     * unique index decides between instances running it at once). How many it recorded.
     */
    recordBoardEvents: () => recordBoardEvents(db, clock.now()),
  };

  function tooMany(receipt: Receipt): FieldProblems {
    return receipt.stored.length > LIMITS.files
      ? { files: 'notices.admin.error.too_many_files' }
      : {};
  }
}

export type NoticeBoard = ReturnType<typeof noticeBoard>;
