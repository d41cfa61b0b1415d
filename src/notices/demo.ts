/**
 * The demo organisations' notice boards (decision 049), loaded on a fresh database: Kopřivnice in
 * Czech (current notices of several kinds, one corrected, one withdrawn, two in the archive, one
 * with a PDF) and UE Domžale in Slovenian. Days are counted from the day it loads, so the board
 * looks the same whenever it is tried; the record (versions, events) is written as it would have
 * been, the PDF through the file-safety pipeline like any upload.
 */
import { Readable } from 'node:stream';
import type { Db } from '../db/db.ts';
import type { NoticeCategory } from '../db/tables-front-door.ts';
import type { FileSafety } from '../files/service.ts';
import { localize } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { addDays } from '../lib/calendar.ts';
import { startOfDay } from '../lib/zoned-time.ts';
import { noticeFiles, type Uploaded } from './attachments.ts';
import { boardDay } from './board-time.ts';
import * as repo from './repo.ts';
import { DEMO_NOTICES_CZ, DEMO_NOTICES_SI } from './demo-texts.ts';

/** One demo notice: days relative to the day of loading; a correction and a withdrawal optional. */
export type DemoNotice = {
  title: string;
  body: string;
  category: NoticeCategory;
  reference?: string;
  fileMark?: string;
  department?: string;
  from: number;
  until: number | null;
  corrected?: { title: string; note: string; after: number };
  withdrawn?: { reason: string; after: number };
  pdf?: string;
};
export type DemoBoard = { organisation: string; language: 'cs' | 'sl'; notices: DemoNotice[] };

export const DEMO_NOTICES: DemoBoard[] = [
  { organisation: 'koprivnice', language: 'cs', notices: DEMO_NOTICES_CZ },
  { organisation: 'ue-domzale', language: 'sl', notices: DEMO_NOTICES_SI },
];

/** A small valid one-page PDF saying `text` (ASCII), its cross-reference table at true offsets. */
export function demoPdf(text: string): Buffer {
  const content = `BT /F1 14 Tf 56 780 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Loads the demo boards of the organisations that have no notices yet; how many notices. */
export async function loadDemoNotices(
  deps: { db: Db; clock: Clock; files: FileSafety },
  boards: readonly DemoBoard[],
): Promise<number> {
  let loaded = 0;
  for (const board of boards) {
    const org = await deps.db
      .selectFrom('organisation')
      .select(['id', 'time_zone'])
      .where('slug', '=', board.organisation)
      .executeTakeFirst();
    if (!org) continue;
    const had = await deps.db
      .selectFrom('notices')
      .select('id')
      .where('organisation_id', '=', org.id)
      .executeTakeFirst();
    if (had) continue;
    const admin = await deps.db
      .selectFrom('staff')
      .select('id')
      .where('organisation_id', '=', org.id)
      .where('role', '=', 'admin')
      .orderBy('created_at')
      .executeTakeFirst();
    const departments = await deps.db
      .selectFrom('departments')
      .select(['id', 'slug', 'name'])
      .where('organisation_id', '=', org.id)
      .execute();
    const today = boardDay(deps.clock.now(), org.time_zone);
    for (const [i, n] of board.notices.entries()) {
      const dept = departments.find((d) => d.slug === n.department);
      await loadOne(deps, {
        organisationId: org.id,
        timeZone: org.time_zone,
        number: i + 1,
        by: admin?.id ?? null,
        today,
        language: board.language,
        department: dept ? { id: dept.id, name: localize(dept.name, board.language) } : null,
        notice: n,
      });
      loaded++;
    }
  }
  return loaded;
}

type One = {
  organisationId: string;
  timeZone: string;
  number: number;
  by: string | null;
  today: string;
  language: 'cs' | 'sl';
  department: { id: string; name: string } | null;
  notice: DemoNotice;
};

/** One notice with its versions, file and events, as they would have been recorded. */
async function loadOne(deps: { db: Db; clock: Clock; files: FileSafety }, o: One) {
  const n = o.notice;
  const postOn = addDays(o.today, n.from);
  const removeAfter = n.until === null ? null : addDays(o.today, n.until);
  // Made the working day before its first day, at 10:00 local (09:00 UTC is close enough in winter).
  const at = (day: string, hours: number) =>
    new Date(startOfDay(day, o.timeZone).getTime() + hours * 3600_000);
  const created = at(addDays(postOn, -1), 10);
  const id = crypto.randomUUID();
  const upload = { noticeId: id, area: `notices/${id}`, maxBytes: 1024 * 1024 };
  const stored: Uploaded[] = [];
  if (n.pdf) {
    const got = await noticeFiles(deps.files).receive(
      upload,
      Readable.from([demoPdf(n.pdf)]),
      `${n.reference ?? 'priloha'}.pdf`.replace(/[/ ]/g, '-'),
    );
    if (got.ok) stored.push(got.file);
  }
  await deps.db.transaction().execute(async (tx) => {
    await repo.insertNotice(tx, {
      id,
      organisationId: o.organisationId,
      number: o.number,
      now: created,
      by: o.by,
    });
    const base = {
      notice_id: id,
      language: o.language,
      body: n.body,
      category: n.category,
      reference_number: n.reference ?? null,
      file_mark: n.fileMark ?? null,
      department_id: o.department?.id ?? null,
      department_name: o.department?.name ?? null,
      post_on: postOn,
      remove_after: removeAfter,
      created_by: o.by,
    };
    await repo.insertVersion(tx, {
      ...base,
      version: 1,
      title: n.title,
      correction_note: null,
      created_at: created,
    });
    const fileIds: string[] = [];
    for (const f of stored)
      fileIds.push(
        await repo.insertFile(tx, { ...f, notice_id: id, uploaded_at: created, uploaded_by: o.by }),
      );
    await repo.linkFiles(tx, id, 1, fileIds);
    const now = deps.clock.now();
    const posted = startOfDay(postOn, o.timeZone);
    if (posted <= now)
      await repo.insertEvent(tx, {
        noticeId: id,
        kind: 'posted',
        version: 1,
        at: posted,
        actor: null,
      });
    let version = 1;
    if (n.corrected) {
      const when = at(addDays(postOn, n.corrected.after), 11);
      version = 2;
      await repo.insertVersion(tx, {
        ...base,
        version,
        title: n.corrected.title,
        correction_note: n.corrected.note,
        created_at: when,
      });
      await repo.linkFiles(tx, id, version, fileIds);
      await repo.insertEvent(tx, {
        noticeId: id,
        kind: 'corrected',
        version,
        at: when,
        actor: o.by,
      });
    }
    if (n.withdrawn && o.by) {
      const when = at(addDays(postOn, n.withdrawn.after), 9);
      await repo.setWithdrawn(tx, { id, at: when, by: o.by, reason: n.withdrawn.reason });
      await repo.insertEvent(tx, {
        noticeId: id,
        kind: 'withdrawn',
        version,
        at: when,
        actor: o.by,
      });
    } else if (removeAfter && startOfDay(addDays(removeAfter, 1), o.timeZone) <= now) {
      const down = startOfDay(addDays(removeAfter, 1), o.timeZone);
      await repo.insertEvent(tx, {
        noticeId: id,
        kind: 'taken_down',
        version,
        at: down,
        actor: null,
      });
    }
  });
}
