// When a meeting folder closes and its files go: the end, the grace period, another instance,
// a moved booking, a cancellation refused.
import { after, before, describe, test } from 'node:test';
import type { InjectOptions } from 'fastify';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bootOkence, type Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, testConfig } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { staffCookie } from '../meeting/testing.ts';
import { folderFixture, type FolderFixture } from './testing.ts';
import { samplePdf } from '../files/testing.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
async function listen(okence: Okence): Promise<string> {
  await okence.app.listen({ port: 0, host: '127.0.0.1' });
  const address = okence.app.server.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}

for (const kind of DB_KINDS) {
  describe(`meeting folder: its end and the deletion of its files on ${kind}`, () => {
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

    const setGrace = async (minutes: number) => {
      const org = await okence.handle.db
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', 'ue-domzale')
        .executeTakeFirstOrThrow();
      await okence.handle.db
        .insertInto('folder_policy')
        .values({ organisation_id: org.id, grace_minutes: minutes })
        .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ grace_minutes: minutes }))
        .execute();
    };
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
    test('the meeting ends: links are gone, and the files are deleted after the grace period, even by another instance', async (t) => {
      // Grace of an hour for this organisation.
      await setGrace(60);
      t.after(() => setGrace(0));
      const m = await meetingInProgress();
      const pdf = samplePdf('Potrdilo');
      await upload(m.staffBase, [{ name: 'Potrdilo.pdf', bytes: pdf }], m.official);
      const fileId = (await rowsOf(m.b.id))[0]!.id;
      const watcher = open(`${m.citizenBase}/files/ws`);
      await watcher.next('files');
      m.staff.send({ type: 'end' });
      await m.citizen.next('ended');
      await watcher.next('ended');
      for (const url of [
        `${m.citizenBase}/files`,
        `${m.citizenBase}/files/${fileId}`,
        `${m.citizenBase}/files/all.zip`,
      ]) {
        const r = await inject({ method: 'GET', url });
        assert.equal(r.statusCode, 410, url);
        assert.match(r.body, /This folder is closed/);
      }
      assert.equal(
        (
          await inject({
            method: 'GET',
            url: `${m.staffBase}/files/${fileId}`,
            headers: { cookie: await staffCookie(okence, 'uradnik@domzale.example') },
          })
        ).statusCode,
        410,
      );
      // Within the grace period the bytes are still kept (for nobody to download).
      assert.equal(await okence.jobs.purgeFiles(), 0);
      assert.equal(onDisk(m.b.id).length, 1);

      // Another instance (or this one after a restart) picks the deletion up from the database alone.
      // (It shares this test's database connection, which it must leave open when it stops.)
      const shared = { ...okence.handle, close: async () => undefined };
      clock.set(new Date(clock.now().getTime() + 61 * 60_000));
      const second = await bootOkence(testConfig({ ...env, DATA_DIR: join(filesDir, '..') }), {
        handle: shared,
        clock,
      });
      await second.jobs.purgeFiles();
      await second.close();
      assert.equal(existsSync(join(filesDir, m.b.id)), false, 'nothing on disk');
      assert.deepEqual(await rowsOf(m.b.id), [], 'nothing in the database');
      const audit = await okence.handle.db
        .selectFrom('meeting_file_audit')
        .select(['action', 'file_name', 'sha256'])
        .where('booking_id', '=', m.b.id)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['opened', 'uploaded', 'deleted'],
      );
      assert.equal(
        audit[1]!.sha256,
        sha(pdf),
        'the audit log keeps names and hashes, not contents',
      );
    });

    test('a booking moved to a later time starts with a fresh folder; the old files go', async () => {
      const m = await meetingInProgress();
      await upload(m.citizenBase, [{ name: 'old.pdf', bytes: samplePdf('old') }]);
      assert.equal((await m.citizen.next('files')).files.length, 1);
      // As if the booking had been moved: the folder's own closing time has passed while the meeting is open.
      await okence.handle.db
        .updateTable('meeting_folder')
        .set({ closes_at: new Date(clock.now().getTime() - 60_000) })
        .where('booking_id', '=', m.b.id)
        .execute();
      const page = await inject({ method: 'GET', url: `${m.citizenBase}/files` });
      assert.match(page.body, /has not opened a shared folder/);
      assert.equal(
        await upload(m.staffBase, [{ name: 'x.pdf', bytes: samplePdf('x') }], m.official).catch(
          (e: Error) => e.message,
        ),
        'the folder page has no upload form',
      );
      m.staff.send({ type: 'open-folder' });
      assert.deepEqual((await m.citizen.next('files')).files, [], 'the reopened folder is empty');
      assert.deepEqual(await rowsOf(m.b.id), []);
      assert.deepEqual(onDisk(m.b.id), []);
    });

    test('a meeting in progress cannot be cancelled from its manage link: the folder and its files stay', async () => {
      const m = await meetingInProgress();
      await upload(m.citizenBase, [{ name: 'x.pdf', bytes: samplePdf('cancelled') }]);
      const manageToken = m.b.manageUrl.split('/m/')[1];
      const cancel = await inject({
        method: 'POST',
        url: `/api/v1/bookings/${manageToken}/cancel`,
        payload: {},
      });
      // History, not a race: a client must not retry it (issue 12, records 1).
      assert.equal(cancel.statusCode, 409, cancel.body);
      assert.equal(JSON.parse(cancel.body).code, 'no_longer_possible');
      assert.equal(
        (await inject({ method: 'GET', url: `${m.citizenBase}/files` })).statusCode,
        200,
      );
      assert.equal(onDisk(m.b.id).length, 1);
      assert.equal((await rowsOf(m.b.id)).length, 1);
    });

    test('with no grace period the files go as soon as the meeting ends', async () => {
      const m = await meetingInProgress();
      await upload(m.citizenBase, [{ name: 'x.pdf', bytes: samplePdf('x') }]);
      assert.equal(onDisk(m.b.id).length, 1);
      m.staff.send({ type: 'end' });
      await m.citizen.next('ended');
      // The directory goes inside the purge's transaction, before its rows: wait for both.
      for (
        let i = 0;
        i < 50 && (existsSync(join(filesDir, m.b.id)) || (await rowsOf(m.b.id)).length > 0);
        i++
      )
        await new Promise((r) => setTimeout(r, 50));
      assert.equal(existsSync(join(filesDir, m.b.id)), false);
      assert.deepEqual(await rowsOf(m.b.id), []);
    });
  });
}
