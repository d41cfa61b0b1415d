import { after, before, describe, test } from 'node:test';
import type { InjectOptions } from 'fastify';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, cookiesOf, testConfig } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { bookThroughApi, openSocket, staffCookie } from '../meeting/testing.ts';
import { folderFixture, type FolderFixture } from './testing.ts';
import { readZipDirectory } from '../files/zip.ts';
import { concat, makeOoxml, makeZip, multipartBody, samplePdf } from '../files/testing.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const png = () =>
  concat(
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    'IHDR',
    new Uint8Array(17),
  );

async function listen(okence: Okence): Promise<string> {
  await okence.app.listen({ port: 0, host: '127.0.0.1' });
  const address = okence.app.server.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}

for (const kind of DB_KINDS) {
  describe(`meeting folder on ${kind}`, () => {
    let okence: Okence;
    let base: string;
    let filesDir: string;
    const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
    const env = { FILE_MAX_MB: '1', FOLDER_MAX_MB: '2.5' };
    before(async () => {
      const config = testConfig(env);
      filesDir = config.files.dir;
      okence = await bootTestApp(kind, { clock, env: { ...env, DATA_DIR: join(filesDir, '..') } });
      base = await listen(okence);
      f = folderFixture(okence, base, clock);
    });
    after(async () => {
      await f.close();
      await okence.close();
    });

    let f: FolderFixture;
    const inject = (o: InjectOptions) => f.inject(o);
    const meetingInProgress = (opts?: { openFolder?: boolean }) => f.meetingInProgress(opts);
    const upload = (
      pathBase: string,
      files: { name: string; bytes: Uint8Array | string }[],
      cookie?: string,
    ) => f.upload(pathBase, files, cookie);
    const open = (path: string, opts?: { cookie?: string }) => f.open(path, opts);
    let n = 100;

    const rowsOf = async (bookingId: string) =>
      okence.handle.db
        .selectFrom('meeting_file')
        .selectAll()
        .where('booking_id', '=', bookingId)
        .execute();
    const onDisk = (bookingId: string) =>
      existsSync(join(filesDir, bookingId))
        ? readdirSync(join(filesDir, bookingId)).filter((f) => f !== 'quarantine')
        : [];

    test('the official opens the folder from the room: its link is posted in the chat and the list goes live', async () => {
      const m = await meetingInProgress({ openFolder: false });
      const before = await inject({ method: 'GET', url: `${m.citizenBase}/files` });
      assert.equal(before.statusCode, 200);
      assert.match(before.body, /has not opened a shared folder/);
      m.staff.send({ type: 'open-folder' });
      const line = await m.citizen.next('chat');
      assert.equal(line.line.kind, 'folder');
      assert.deepEqual((await m.citizen.next('files')).files, []);
      // Opening again announces nothing more.
      m.staff.send({ type: 'open-folder' });
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(m.citizen.messages.filter((x) => x.type === 'chat').length, 1);
      // The citizen may not open it.
      m.citizen.send({ type: 'open-folder' });
      assert.equal((await m.citizen.next('error')).code, 'forbidden');
      const page = await inject({ method: 'GET', url: `${m.citizenBase}/files` });
      assert.match(
        page.body,
        /Files are deleted when the meeting ends \(planned end at \d\d:\d\d\)/,
      );
    });

    test('a PDF uploaded without JavaScript reaches the official live and downloads byte-identical with safe headers', async () => {
      const m = await meetingInProgress();
      const pdf = samplePdf('Vloga');
      const watcher = open(`${m.staffBase}/files/ws`, { cookie: m.official });
      assert.deepEqual((await watcher.next('files')).files, []);
      const res = await upload(m.citizenBase, [{ name: 'Vloga za potrdilo č. 5.pdf', bytes: pdf }]);
      // Without JavaScript: back to the folder, which confirms it (a reload sends nothing twice).
      assert.equal(res.statusCode, 303, res.body);
      assert.equal(res.headers.location, `${m.citizenBase}/files?uploaded=1#folder-files`);
      const after = await inject({ method: 'GET', url: String(res.headers.location) });
      assert.match(after.body, /Files uploaded: 1/);
      // Garbage in the query is no notice, never a 500.
      for (const q of [
        'uploaded=1&uploaded=2',
        'uploaded=99',
        `uploaded=${'1'.repeat(5000)}`,
        'uploaded=1.5',
      ]) {
        const res = await inject({ method: 'GET', url: `${m.citizenBase}/files?${q}` });
        assert.equal(res.statusCode, 200, q);
        assert.doesNotMatch(res.body, /Files uploaded/, q);
      }
      assert.match(
        after.body,
        /Vloga za potrdilo č. 5.pdf<\/a> <span class="hint">1 kB · Citizen \d+ \(citizen\)/,
      );
      const live = await m.staff.next('files');
      assert.equal(live.files.length, 1);
      const f = live.files[0]!;
      // The uploader as the server knows them (the booking's name), not the name typed in the room ("Ana").
      assert.deepEqual(
        { name: f.name, size: f.size, role: f.uploaderRole, state: f.state },
        {
          name: 'Vloga za potrdilo č. 5.pdf',
          size: pdf.length,
          role: 'citizen',
          state: 'unscanned',
        },
      );
      assert.match(f.uploader, /^Citizen \d+$/);
      assert.equal(
        (await watcher.next('files')).files.length,
        1,
        'a folder page beside the room hears it too',
      );

      const dl = await inject({
        method: 'GET',
        url: `${m.staffBase}/files/${f.id}`,
        headers: { cookie: m.official },
      });
      assert.equal(dl.statusCode, 200);
      assert.equal(sha(dl.rawPayload), sha(pdf));
      assert.equal(dl.headers['content-type'], 'application/octet-stream');
      assert.equal(
        dl.headers['content-disposition'],
        `attachment; filename="Vloga za potrdilo _. 5.pdf"; filename*=UTF-8''Vloga%20za%20potrdilo%20%C4%8D.%205.pdf`,
      );
      assert.equal(dl.headers['x-content-type-options'], 'nosniff');
      assert.equal(dl.headers['content-security-policy'], "sandbox; default-src 'none'");
      assert.equal(dl.headers['cache-control'], 'private, no-store');
      // A HEAD is no download: it is not answered, so it cannot land in the audit log.
      assert.equal(
        (
          await inject({
            method: 'HEAD',
            url: `${m.staffBase}/files/${f.id}`,
            headers: { cookie: m.official },
          })
        ).statusCode,
        404,
      );

      // Stored under a generated name, never the uploader's.
      const stored = onDisk(m.b.id);
      assert.equal(stored.length, 1);
      assert.match(stored[0]!, /^[0-9a-f-]{36}$/);
      const audit = await okence.handle.db
        .selectFrom('meeting_file_audit')
        .selectAll()
        .where('booking_id', '=', m.b.id)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['opened', 'uploaded', 'downloaded'],
      );
      assert.equal(audit[1]!.sha256, sha(pdf));
      assert.equal(audit[2]!.actor_role, 'staff');
      assert.equal(
        audit[2]!.actor_name,
        'Janez Novak',
        'the account name, not the one typed in the room',
      );
      assert.ok(audit[2]!.actor_staff_id);
      assert.ok(audit[1]!.actor_ip);
    });

    test('a hostile corpus is refused with a clear message each, and nothing is stored', async () => {
      const m = await meetingInProgress();
      const bomb = makeZip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'word/document.xml', data: new Uint8Array(50 * 1024 * 1024), level: 1 },
      ]);
      const corpus: { name: string; bytes: Uint8Array | string; message: RegExp }[] = [
        {
          name: 'polyglot.pdf',
          bytes: concat('%PDF-1.7\n% <html><script>alert(1)</script>\n', samplePdf()),
          message: /hides content of another kind/,
        },
        {
          name: 'image.png',
          bytes: concat(png(), makeZip([{ name: 'a.txt', data: 'x' }])),
          message: /hides content of another kind/,
        },
        {
          name: 'invoice.pdf.exe',
          bytes: samplePdf(),
          message: /does not match what the file really is/,
        },
        { name: 'a.pdf\0.exe', bytes: samplePdf(), message: /forbidden character/ },
        {
          name: 'invoice.pdf',
          bytes: concat('MZ', new Uint8Array(58), '%PDF-1.7'),
          message: /programs cannot be uploaded/,
        },
        {
          name: 'drawing.svg',
          bytes: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
          message: /scripts/,
        },
        { name: 'report.docx', bytes: bomb, message: /unreasonable size/ },
        {
          name: 'big.pdf',
          bytes: concat(samplePdf(), new Uint8Array(1024 * 1024 + 10)),
          message: /larger than/,
        },
        { name: '../../etc/passwd.pdf', bytes: samplePdf(), message: /folder path/ },
        { name: '..\\..\\windows\\win.ini.pdf', bytes: samplePdf(), message: /folder path/ },
        { name: 'empty.pdf', bytes: '', message: /the file is empty/ },
        { name: 'notes.txt', bytes: 'just text', message: /not accepted/ },
      ];
      for (const item of corpus) {
        const res = await upload(m.citizenBase, [item]);
        assert.equal(res.statusCode, 422, `${item.name}: ${res.statusCode}`);
        assert.match(res.body, item.message, item.name);
        assert.match(res.body, /class="error-summary"/);
      }
      assert.deepEqual(await rowsOf(m.b.id), []);
      assert.deepEqual(onDisk(m.b.id), []);
      const refused = await okence.handle.db
        .selectFrom('meeting_file_audit')
        .select(['action', 'detail'])
        .where('booking_id', '=', m.b.id)
        .where('action', '=', 'refused')
        .execute();
      assert.equal(refused.length, corpus.length, 'each refusal is in the audit log');
      // The script's request gets the same answer as JSON.
      const page = await inject({ method: 'GET', url: `${m.citizenBase}/files` });
      const action = /action="([^"]+)" enctype/.exec(page.body)![1]!.replace(/&amp;/g, '&');
      const body = multipartBody([{ name: 'x.svg', bytes: '<svg onload="alert(1)"/>' }]);
      const json = await inject({
        method: 'POST',
        url: action,
        payload: body.payload,
        headers: {
          ...body.headers,
          accept: 'application/json',
          cookie: Object.entries(cookiesOf(page))
            .map(([k, v]) => `${k}=${v}`)
            .join('; '),
        },
      });
      assert.equal(json.statusCode, 422);
      assert.deepEqual(json.json<{ uploaded: string[] }>().uploaded, []);
    });

    test('uploads need the CSRF token; the folder has a total limit; office documents and several files at once are fine', async () => {
      const m = await meetingInProgress();
      const body = multipartBody([{ name: 'a.pdf', bytes: samplePdf() }]);
      const noToken = await inject({
        method: 'POST',
        url: `${m.citizenBase}/files`,
        payload: body.payload,
        headers: body.headers,
      });
      assert.equal(noToken.statusCode, 403);
      const mb = (label: string) => concat(samplePdf(label), new Uint8Array(900 * 1024));
      const two = await upload(m.citizenBase, [
        { name: 'one.pdf', bytes: mb('1') },
        { name: 'two.pdf', bytes: mb('2') },
        { name: 'Zapisnik.docx', bytes: makeOoxml('word') },
      ]);
      assert.equal(two.statusCode, 303, two.body);
      const full = await upload(m.staffBase, [{ name: 'three.pdf', bytes: mb('3') }], m.official);
      assert.equal(full.statusCode, 422);
      assert.match(full.body, /the folder would hold more than 2\.5 MB in all/);
      assert.equal((await rowsOf(m.b.id)).length, 3);

      const zip = await inject({ method: 'GET', url: `${m.citizenBase}/files/all.zip` });
      assert.equal(zip.statusCode, 200);
      assert.equal(zip.headers['content-type'], 'application/octet-stream');
      assert.match(String(zip.headers['content-disposition']), /^attachment; .*\.zip"/);
      const dir = readZipDirectory(new Uint8Array(zip.rawPayload), {
        maxEntries: 10,
        maxTotalUncompressed: 10 * 1024 * 1024,
        maxRatio: 1000,
        ratioFloor: 1024 * 1024,
      });
      assert.ok(dir.ok);
      assert.deepEqual(dir.entries.map((e) => e.name).sort(), [
        'Zapisnik.docx',
        'one.pdf',
        'two.pdf',
      ]);
    });

    test('only people admitted to that meeting get in; a file id from another meeting is not found', async () => {
      const a = await meetingInProgress();
      const ok = await upload(a.citizenBase, [{ name: 'mine.pdf', bytes: samplePdf('mine') }]);
      assert.equal(ok.statusCode, 303);
      const fileId = (await rowsOf(a.b.id))[0]!.id;
      assert.equal(
        (await inject({ method: 'GET', url: `${a.citizenBase}/files/${fileId}` })).statusCode,
        200,
      );
      const b = await meetingInProgress();
      assert.equal(
        (await inject({ method: 'GET', url: `${b.citizenBase}/files/${fileId}` })).statusCode,
        404,
      );
      assert.equal(
        (
          await inject({
            method: 'GET',
            url: `${b.staffBase}/files/${fileId}`,
            headers: { cookie: b.official },
          })
        ).statusCode,
        404,
      );

      // A citizen still in the lobby, an unknown link, another organisation's official, no session.
      n++;
      const waiting = await bookThroughApi(okence, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'splosne-informacije',
        day: '2026-11-25',
        to: '2026-12-20',
        email: `w${n}@example.si`,
        name: 'Waiting',
        ip: `198.51.100.${100 + n}`,
      });
      clock.set(new Date(waiting.start.getTime() - 5 * 60_000));
      const knocker = open(`/j/${waiting.joinToken}/ws?name=W`);
      await knocker.next('welcome');
      assert.equal(
        (await inject({ method: 'GET', url: `/j/${waiting.joinToken}/files` })).statusCode,
        403,
      );
      assert.equal(
        (await inject({ method: 'GET', url: `/j/${'x'.repeat(43)}/files` })).statusCode,
        404,
      );
      const other = await staffCookie(okence, 'uradnik@ljutomer.example');
      assert.equal(
        (await inject({ method: 'GET', url: `${b.staffBase}/files`, headers: { cookie: other } }))
          .statusCode,
        404,
      );
      // A colleague at the same office who is not in the meeting does not see its folder either.
      const colleague = await staffCookie(okence, 'ana.horvat@domzale.example');
      assert.equal(
        (
          await inject({
            method: 'GET',
            url: `${b.staffBase}/files`,
            headers: { cookie: colleague },
          })
        ).statusCode,
        403,
      );
      const anonymous = await inject({ method: 'GET', url: `${b.staffBase}/files/${fileId}` });
      assert.ok([302, 303, 401].includes(anonymous.statusCode), String(anonymous.statusCode));
      // A foreign page cannot open the live list.
      const foreign = openSocket(base, `${b.citizenBase}/files/ws`, {
        origin: 'https://evil.example',
      });
      assert.equal((await foreign.closed).code, 1008);
    });
  });
}
