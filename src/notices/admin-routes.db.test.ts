// The notice board's staff pages through the real app: a multipart post with a PDF, a refused
// form keeping what was typed, a refused file, a correction keeping an attachment, a withdrawal,
// and another organisation's admin finding none of it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { samplePdf } from '../files/testing.ts';
import { bootTestApp, csrfFrom } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { browserFor } from '../tenants/admin-testing.ts';
import { noticeFields, noticeMultipart } from './testing.ts';

const PATH = '/staff/admin/notices';

for (const kind of DB_KINDS) {
  describe(`the notice board's staff pages on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-12-03T09:00:00Z'));
    before(async () => {
      okence = await bootTestApp(kind, { clock, backgroundJobs: false });
    });
    after(() => okence?.close());

    /** A multipart post as the admin's browser sends it (the token in the action's query). */
    async function postMultipart(
      b: Awaited<ReturnType<typeof browserFor>>,
      url: string,
      fields: Record<string, string | string[]>,
      files: { name: string; bytes: Uint8Array | string }[] = [],
    ) {
      const page = await b.get(url);
      const csrf = csrfFrom(page.body);
      const body = noticeMultipart(fields, files);
      return okence.app.inject({
        method: 'POST',
        url: `${url}?_csrf=${csrf}`,
        cookies: b.cookies,
        remoteAddress: '127.0.0.1',
        headers: { ...body.headers, 'accept-language': 'en' },
        payload: body.payload,
      });
    }
    const form = (over: Record<string, string> = {}) => {
      const f = noticeFields('2026-12-03', over);
      return { ...f, untilFurtherNotice: f.untilFurtherNotice ? '1' : '' };
    };
    let noticeId = '';

    test('an admin posts a notice with a PDF; the page shows it, the list its status, the file downloads', async () => {
      const admin = await browserFor(okence, 'admin@koprivnice.example');
      const empty = await admin.get(`${PATH}/new`);
      assert.equal(empty.statusCode, 200);
      assert.match(empty.body, /value="2026-12-03"/, 'today in the organisation is the default');
      const res = await postMultipart(admin, `${PATH}/new`, form(), [
        { name: 'vyhlaska.pdf', bytes: samplePdf('vyhlaska') },
      ]);
      assert.equal(res.statusCode, 303, res.body);
      noticeId = /notices\/([0-9a-f-]{36})\?done=created/.exec(String(res.headers.location))![1]!;
      const page = await admin.get(`${PATH}/${noticeId}?done=created`);
      assert.match(page.body, /Notice No\. 1 has been saved/);
      assert.match(page.body, /zahájení územního řízení/);
      assert.match(page.body, /vyhlaska\.pdf/);
      const list = await admin.get(`${PATH}?status=on_board`);
      assert.match(list.body, new RegExp(noticeId));
      assert.doesNotMatch((await admin.get(`${PATH}?status=scheduled`)).body, new RegExp(noticeId));
      const fileId = /attachments\/([0-9a-f-]{36})/.exec(page.body)![1]!;
      const file = await admin.get(`${PATH}/${noticeId}/attachments/${fileId}`);
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'application/octet-stream');
      assert.ok(file.rawPayload.subarray(0, 5).equals(Buffer.from('%PDF-')));
    });

    test('a refused form comes back with its error summary and every typed value', async () => {
      const admin = await browserFor(okence, 'admin@koprivnice.example');
      const before = await okence.handle.db.selectFrom('notices').select('id').execute();
      const res = await postMultipart(
        admin,
        `${PATH}/new`,
        form({ title: '', referenceNumber: 'MUKO 77/2026', postOn: '2026-12-02' }),
      );
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /class="error-summary"/);
      assert.match(res.body, /href="#title"/);
      assert.match(res.body, /The first day cannot be in the past/);
      assert.match(res.body, /value="MUKO 77\/2026"/);
      assert.match(res.body, /value="2026-12-02"/);
      const after = await okence.handle.db.selectFrom('notices').select('id').execute();
      assert.equal(after.length, before.length, 'nothing stored');
    });

    test('a file that is not a PDF is refused by its bytes, and nothing is stored', async () => {
      const admin = await browserFor(okence, 'admin@koprivnice.example');
      const res = await postMultipart(admin, `${PATH}/new`, form(), [
        { name: 'fake.pdf', bytes: 'MZ this is a program' },
      ]);
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /fake\.pdf/);
      assert.match(res.body, /choose the files again/);
      const rows = await okence.handle.db.selectFrom('notice_files').select('name').execute();
      assert.ok(!rows.some((r) => r.name === 'fake.pdf'));
    });

    test('a correction keeps the chosen attachment and adds a version with its reason', async () => {
      const admin = await browserFor(okence, 'admin@koprivnice.example');
      const start = await admin.get(`${PATH}/${noticeId}/correct`);
      assert.equal(start.statusCode, 200);
      const fileId = /name="keep" value="([0-9a-f-]{36})" checked/.exec(start.body)![1]!;
      const base = /name="base" value="(\d+)"/.exec(start.body)![1]!;
      assert.equal(base, '1');
      const noNote = await postMultipart(admin, `${PATH}/${noticeId}/correct`, {
        ...form({ title: 'Opravený název' }),
        keep: fileId,
        base,
      });
      assert.equal(noNote.statusCode, 400);
      assert.match(noNote.body, /value="Opravený název"/);
      // A form made from another version than the latest would undo it: refused, typed text kept.
      const stale = await postMultipart(admin, `${PATH}/${noticeId}/correct`, {
        ...form({ title: 'Opravený název' }),
        note: 'Oprava chyby v názvu.',
        keep: fileId,
        base: '0',
      });
      assert.equal(stale.statusCode, 400);
      assert.match(stale.body, /Someone else corrected this notice/);
      assert.match(stale.body, /value="Opravený název"/);
      // …and the form is now made from the latest version, so saving again is a deliberate choice.
      assert.match(stale.body, /name="base" value="1"/);
      const res = await postMultipart(admin, `${PATH}/${noticeId}/correct`, {
        ...form({ title: 'Opravený název' }),
        note: 'Oprava chyby v názvu.',
        keep: fileId,
        base,
      });
      assert.equal(res.statusCode, 303, res.body);
      const versions = await okence.handle.db
        .selectFrom('notice_versions')
        .select(['version', 'title', 'correction_note'])
        .where('notice_id', '=', noticeId)
        .orderBy('version')
        .execute();
      assert.deepEqual(
        versions.map((v) => [v.version, v.correction_note]),
        [
          [1, null],
          [2, 'Oprava chyby v názvu.'],
        ],
      );
      const linked = await okence.handle.db
        .selectFrom('notice_version_files')
        .select(['version', 'file_id'])
        .where('notice_id', '=', noticeId)
        .orderBy('version')
        .execute();
      assert.deepEqual(linked, [
        { version: 1, file_id: fileId },
        { version: 2, file_id: fileId },
      ]);
      const page = await admin.get(`${PATH}/${noticeId}`);
      assert.match(page.body, /Version 2/);
      assert.match(page.body, /Oprava chyby v názvu\./);
    });

    test("another organisation's admin gets 404 for the notice, its correction, withdrawal and file; an official 403", async () => {
      const other = await browserFor(okence, 'admin@domzale.example');
      const fileId = (
        await okence.handle.db
          .selectFrom('notice_files')
          .select('id')
          .where('notice_id', '=', noticeId)
          .executeTakeFirstOrThrow()
      ).id;
      for (const url of [
        `${PATH}/${noticeId}`,
        `${PATH}/${noticeId}/correct`,
        `${PATH}/${noticeId}/attachments/${fileId}`,
      ])
        assert.equal((await other.get(url)).statusCode, 404, url);
      const w = await other.post(`${PATH}/${noticeId}/withdraw`, { reason: 'cizí' });
      assert.equal(w.statusCode, 404);
      const c = await postMultipart(other, `${PATH}/new`, form());
      assert.equal(c.statusCode, 303, 'their own notice they may post');
      assert.doesNotMatch((await other.get(PATH)).body, new RegExp(noticeId));
      const official = await browserFor(okence, 'urednik@koprivnice.example');
      assert.equal((await official.get(PATH)).statusCode, 403);
      assert.equal((await official.get(`${PATH}/${noticeId}`)).statusCode, 403);
    });

    test('a withdrawal needs a reason, is recorded once and closes the notice', async () => {
      const admin = await browserFor(okence, 'admin@koprivnice.example');
      const none = await admin.post(`${PATH}/${noticeId}/withdraw`, { reason: ' ' });
      assert.equal(none.statusCode, 400);
      assert.match(none.body, /href="#reason"/);
      const res = await admin.post(`${PATH}/${noticeId}/withdraw`, {
        reason: 'Řízení bylo zastaveno.',
      });
      assert.equal(res.statusCode, 303);
      const page = await admin.get(`${PATH}/${noticeId}`);
      assert.match(page.body, /Reason: Řízení bylo zastaveno\./);
      assert.doesNotMatch(page.body, /\/correct"/);
      const again = await admin.post(`${PATH}/${noticeId}/withdraw`, { reason: 'Znovu.' });
      assert.equal(again.statusCode, 409);
      assert.equal((await admin.get(`${PATH}/${noticeId}/correct`)).statusCode, 409);
      const events = await okence.handle.db
        .selectFrom('notice_events')
        .select('kind')
        .where('notice_id', '=', noticeId)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        events.map((e) => e.kind),
        ['corrected', 'posted', 'withdrawn'],
      );
      const audit = await okence.handle.db
        .selectFrom('audit_event')
        .select('action')
        .where('object_id', '=', noticeId)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['official_notice.created', 'official_notice.corrected', 'official_notice.withdrawn'],
      );
    });
  });
}
