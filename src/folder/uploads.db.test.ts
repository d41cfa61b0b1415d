// Uploads under hostile or unlucky conditions: slow clients, bodies cut off, malformed forms,
// several uploads at once. The folder's happy paths are in routes.db.test.ts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, testConfig } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { folderFixture, type FolderFixture } from './testing.ts';
import { hostileCorpus, ooxml } from '../files/corpus.ts';
import { concat, multipartBody, samplePdf } from '../files/testing.ts';

/** A raw HTTP request on its own connection: its socket, and the answer once it starts arriving. */
type RawRequest = { socket: Socket; answer: Promise<string> };

function rawRequest(port: number, head: string, body: string | Uint8Array): RawRequest {
  const socket = connect(port, '127.0.0.1');
  socket.write(head);
  socket.write(body);
  socket.on('error', () => undefined);
  const answer = new Promise<string>((resolve) => {
    socket.once('data', (d: Buffer) => resolve(d.toString('latin1')));
    socket.on('close', () => resolve(''));
  });
  return { socket, answer };
}

const BOUNDARY = '----okence-test-boundary';
const partHead = (name: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`;

/** The request line and headers of an upload whose body will be `length` bytes. */
function uploadHead(form: { action: string; cookie: string }, length: number, extra = ''): string {
  return (
    `POST ${form.action} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${form.cookie}\r\nAccept: application/json\r\nAccept-Language: en\r\n` +
    `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: ${length}\r\n${extra}\r\n`
  );
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

for (const kind of DB_KINDS) {
  describe(`meeting folder uploads under stress on ${kind}`, () => {
    let okence: Okence;
    let port: number;
    let filesDir: string;
    let f: FolderFixture;
    const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
    const env = { FILE_MAX_MB: '1', FOLDER_MAX_MB: '5' };
    const open: RawRequest[] = [];
    // The files live on a small file system of their own, so that a full disk is a real one.
    let tmpfs = false;
    before(async () => {
      const dataDir = join(testConfig(env).files.dir, '..');
      filesDir = mkdtempSync(join(tmpdir(), 'okence-tmpfs-'));
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', filesDir], {
          stdio: 'ignore',
        });
        tmpfs = true;
      } catch {
        // Not root (or no mount namespace): the full-disk test is skipped.
      }
      okence = await bootTestApp(kind, {
        clock,
        env: { ...env, DATA_DIR: dataDir, FILES_DIR: filesDir },
      });
      await okence.app.listen({ port: 0, host: '127.0.0.1' });
      const address = okence.app.server.address();
      if (!address || typeof address !== 'object') throw new Error('no address');
      port = address.port;
      f = folderFixture(okence, `http://127.0.0.1:${port}`, clock);
    });
    after(async () => {
      for (const r of open) r.socket.destroy();
      await f.close();
      await okence.close();
      if (tmpfs) execFileSync('umount', ['-l', filesDir]);
    });
    const rowsOf = (bookingId: string) =>
      okence.handle.db
        .selectFrom('meeting_file')
        .selectAll()
        .where('booking_id', '=', bookingId)
        .execute();
    const leftovers = (bookingId: string) =>
      existsSync(join(filesDir, bookingId))
        ? readdirSync(join(filesDir, bookingId), { recursive: true })
            .map(String)
            .filter((n) => n.endsWith('.part'))
        : [];

    test("eight uploads trickling in from one participant do not delay another meeting's small upload", async () => {
      const attacker = await f.meetingInProgress();
      const form = await f.uploadForm(attacker.citizenBase);
      // Each announces 100 kB and sends the part's head and a few bytes, then nothing more.
      for (let i = 0; i < 8; i++) {
        const r = rawRequest(
          port,
          uploadHead(form, 100_000),
          `${partHead(`slow-${i}.pdf`)}%PDF-1.7\n`,
        );
        open.push(r);
      }
      const victim = await f.meetingInProgress();
      const started = performance.now();
      const deadline = new Promise<'late'>((resolve) => setTimeout(resolve, 5_000, 'late').unref());
      const res = await Promise.race([
        f.upload(victim.citizenBase, [{ name: 'small.pdf', bytes: samplePdf('small') }]),
        deadline,
      ]);
      assert.notEqual(res, 'late', 'the small upload waited behind the slow ones');
      assert.equal(
        res === 'late' ? 0 : res.statusCode,
        303,
        res === 'late' ? '' : /error-summary[\s\S]*?<\/ul>/.exec(res.body)?.[0],
      );
      assert.ok(performance.now() - started < 5_000);
      assert.equal((await rowsOf(victim.b.id)).length, 1);
    });

    test('one participant has at most two uploads in progress; the rest are told at once, and the official can still upload', async () => {
      const m = await f.meetingInProgress();
      const form = await f.uploadForm(m.citizenBase);
      const slow = Array.from({ length: 4 }, (_, i) =>
        rawRequest(port, uploadHead(form, 100_000), `${partHead(`slow-${i}.pdf`)}%PDF-1.7\n`),
      );
      open.push(...slow);
      // Two are refused as soon as the server knows who sends them; two stay receiving.
      const answered: string[] = [];
      for (const r of slow) void r.answer.then((a) => answered.push(a));
      const deadline = Date.now() + 10_000;
      while (answered.length < 2 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      assert.equal(answered.length, 2);
      for (const a of answered) {
        assert.equal(statusOf(a), 429, a);
        assert.match(a, /connection: close/i);
        assert.match(a, /You are already uploading files/);
      }
      const official = await f.upload(
        m.staffBase,
        [{ name: 'reply.pdf', bytes: samplePdf('reply') }],
        m.official,
      );
      assert.equal(official.statusCode, 303);
      // A citizen whose upload broke off has the place back.
      for (const r of slow) r.socket.destroy();
      const until = Date.now() + 10_000;
      while (leftovers(m.b.id).length > 0 && Date.now() < until)
        await new Promise((r) => setTimeout(r, 20));
      // (Uploads count against the folder's rate limit: a few tries, not a busy loop.)
      let again = await f.upload(m.citizenBase, [{ name: 'again.pdf', bytes: samplePdf('again') }]);
      for (let i = 0; i < 5 && again.statusCode === 429; i++) {
        await new Promise((r) => setTimeout(r, 200));
        again = await f.upload(m.citizenBase, [{ name: 'again.pdf', bytes: samplePdf('again') }]);
      }
      assert.equal(again.statusCode, 303, again.body);
      assert.deepEqual(leftovers(m.b.id), []);
    });

    test('a body cut off, a malformed form, no file, a field instead of a file: a clear 4xx, nothing stored, no spool file left', async () => {
      const m = await f.meetingInProgress();
      const form = await f.uploadForm(m.citizenBase);
      const post = (payload: Buffer | string, headers: Record<string, string> = {}) =>
        f.inject({
          method: 'POST',
          url: form.action,
          payload,
          headers: {
            cookie: form.cookie,
            accept: 'application/json',
            'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
            ...headers,
          },
        });
      const whole = Buffer.from(
        concat(partHead('cut.pdf'), samplePdf('cut'), `\r\n--${BOUNDARY}--\r\n`),
      );
      const cut = await post(whole.subarray(0, whole.length - 30));
      assert.equal(cut.statusCode, 400, cut.body);
      assert.deepEqual(cut.json(), {
        uploaded: [],
        errors: [
          'The upload broke off or arrived damaged, and nothing was stored. Please send the file again.',
        ],
      });
      const page = await f.inject({
        method: 'POST',
        url: form.action,
        payload: whole.subarray(0, 200),
        headers: {
          cookie: form.cookie,
          'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        },
      });
      assert.equal(page.statusCode, 400);
      assert.match(page.body, /class="error-summary"[\s\S]*The upload broke off/);
      const otherBoundary = await post(whole, {
        'content-type': 'multipart/form-data; boundary=something-else',
      });
      assert.equal(otherBoundary.statusCode, 400, otherBoundary.body);
      const noParts = await post(`--${BOUNDARY}--\r\n`);
      assert.equal(noParts.statusCode, 422);
      assert.deepEqual(noParts.json<{ errors: string[] }>().errors, [
        'Choose at least one file to upload.',
      ]);
      const field = await post(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"\r\n\r\n%PDF-1.7\r\n--${BOUNDARY}--\r\n`,
      );
      assert.equal(field.statusCode, 422);
      // Two file fields of the same name are two files.
      const two = multipartBody([
        { name: 'a.pdf', bytes: samplePdf('a') },
        { name: 'b.pdf', bytes: samplePdf('b') },
      ]);
      const both = await f.inject({
        method: 'POST',
        url: form.action,
        payload: two.payload,
        headers: { ...two.headers, cookie: form.cookie, accept: 'application/json' },
      });
      assert.deepEqual(both.json(), { uploaded: ['a.pdf', 'b.pdf'], errors: [] });
      assert.equal((await rowsOf(m.b.id)).length, 2);
      assert.deepEqual(leftovers(m.b.id), []);

      // A client that goes away mid-upload leaves nothing behind either.
      const gone = rawRequest(
        port,
        uploadHead(form, 100_000),
        concat(partHead('gone.pdf'), samplePdf('gone'), new Uint8Array(20_000)),
      );
      const deadline = Date.now() + 10_000;
      while (leftovers(m.b.id).length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      assert.equal(leftovers(m.b.id).length, 1, 'spooled while it arrives');
      gone.socket.destroy();
      while (leftovers(m.b.id).length > 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(leftovers(m.b.id), []);
      assert.equal((await rowsOf(m.b.id)).length, 2);
    });

    test('a full disk answers "no space now", removes the spool file, and the next upload that fits works', async (t) => {
      if (!tmpfs) return t.skip('cannot mount a tmpfs here');
      const m = await f.meetingInProgress();
      const big = (label: string) => concat(samplePdf(label), new Uint8Array(900 * 1024));
      for (const label of ['1', '2', '3'])
        assert.equal(
          (await f.upload(m.citizenBase, [{ name: `${label}.pdf`, bytes: big(label) }])).statusCode,
          303,
        );
      const full = await f.upload(m.citizenBase, [{ name: '4.pdf', bytes: big('4') }]);
      assert.equal(full.statusCode, 507, full.body);
      assert.match(full.body, /There is no room to store files right now/);
      assert.deepEqual(leftovers(m.b.id), []);
      assert.equal((await rowsOf(m.b.id)).length, 3);
      const small = await f.upload(m.citizenBase, [
        { name: 'small.pdf', bytes: samplePdf('fits') },
      ]);
      assert.equal(small.statusCode, 303, small.body);
      // Its files go with the meeting, leaving room for the tests after this one.
      m.staff.send({ type: 'end' });
      await m.citizen.next('ended');
      const deadline = Date.now() + 10_000;
      while (existsSync(join(filesDir, m.b.id)) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
    });

    test('spool files a crash left behind are removed once stale; one still arriving is not', async () => {
      const dir = join(filesDir, '00000000-0000-4000-8000-000000000001');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'old.part'), 'x');
      const hourAgo = new Date(Date.now() - 3_600_000);
      utimesSync(join(dir, 'old.part'), hourAgo, hourAgo);
      writeFileSync(join(dir, 'new.part'), 'x');
      await okence.jobs.purgeFiles();
      assert.deepEqual(readdirSync(dir), ['new.part']);
    });

    test('the hostile corpus: each file is accepted or refused by what is inside; macros pass once the organisation accepts them', async (t) => {
      const m = await f.meetingInProgress();
      const counts = { accepted: 0, refused: 0 };
      for (const item of hostileCorpus()) {
        const res = await f.upload(m.citizenBase, [{ name: item.name, bytes: item.bytes }]);
        const outcome = res.statusCode === 303 ? 'accepted' : 'refused';
        assert.equal(outcome, item.expected.outcome, `${item.what}: ${res.statusCode}`);
        if (item.expected.outcome === 'refused') assert.equal(res.statusCode, 422, item.what);
        counts[outcome]++;
      }
      t.diagnostic(`hostile corpus: ${JSON.stringify(counts)}`);
      const refusedRows = await okence.handle.db
        .selectFrom('meeting_file_audit')
        .select('detail')
        .where('booking_id', '=', m.b.id)
        .where('action', '=', 'refused')
        .execute();
      assert.deepEqual(
        refusedRows.map((r) => r.detail).sort(),
        hostileCorpus()
          .flatMap((i) => (i.expected.outcome === 'refused' ? [i.expected.reason] : []))
          .sort(),
      );
      const macro = ooxml('word', [{ name: 'word/vbaProject.bin', data: new Uint8Array(16) }]);
      const no = await f.upload(m.citizenBase, [{ name: 'Makro.docx', bytes: macro }]);
      assert.match(no.body, /Makro\.docx: documents with macros cannot be uploaded/);
      const org = await okence.handle.db
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', 'ue-domzale')
        .executeTakeFirstOrThrow();
      await okence.handle.db
        .insertInto('folder_policy')
        .values({ organisation_id: org.id, grace_minutes: 0, allow_macros: true })
        .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ allow_macros: true }))
        .execute();
      t.after(() =>
        okence.handle.db.updateTable('folder_policy').set({ allow_macros: false }).execute(),
      );
      assert.equal(
        (await f.upload(m.citizenBase, [{ name: 'Makro.docx', bytes: macro }])).statusCode,
        303,
      );
    });
  });
}
