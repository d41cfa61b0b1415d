// The meeting folder with a real clamd (Debian's, started by the test with an EICAR signature):
// clean files are marked scanned, an infected one is quarantined, listed to both sides with the
// reason and never served, and with the scanner gone uploads are refused and nothing is stored.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Okence } from '../src/boot.ts';
import { DB_KINDS } from '../src/db/testing.ts';
import { bootTestApp, testConfig } from '../src/http/testing.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { folderFixture, type FolderFixture } from '../src/folder/testing.ts';
import { concat, samplePdf } from '../src/files/testing.ts';
import { EICAR, startClamd } from './clamd.ts';

for (const kind of DB_KINDS) {
  describe(`meeting folder with clamd on ${kind}`, () => {
    let okence: Okence;
    let f: FolderFixture;
    let clamd: Awaited<ReturnType<typeof startClamd>>;
    let filesDir: string;
    const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
    before(async () => {
      clamd = await startClamd();
      const dataDir = testConfig().dataDir;
      filesDir = join(dataDir, 'files');
      okence = await bootTestApp(kind, {
        clock,
        env: { CLAMAV_URL: clamd.url, DATA_DIR: dataDir },
      });
      await okence.app.listen({ port: 0, host: '127.0.0.1' });
      const address = okence.app.server.address();
      f = folderFixture(
        okence,
        `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
        clock,
      );
    });
    after(async () => {
      await f.close();
      await okence.close();
      await clamd.stop();
    });

    test('clean files are scanned; an infected one is quarantined, shown to both sides with why, and never served', async () => {
      const m = await f.meetingInProgress();
      const clean = await f.upload(m.citizenBase, [
        { name: 'vloga.pdf', bytes: samplePdf('clean') },
      ]);
      assert.equal(clean.statusCode, 303, clean.body);
      assert.equal((await m.staff.next('files')).files[0]!.state, 'clean');

      const infected = await f.upload(m.citizenBase, [
        { name: 'racun.pdf', bytes: concat(samplePdf('x'), EICAR, '\n%%EOF\n') },
      ]);
      assert.equal(infected.statusCode, 422);
      // clamd marks signatures from a database it cannot verify as ".UNOFFICIAL".
      assert.match(
        infected.body,
        /racun\.pdf: the virus scanner found Eicar-Test-Signature(\.UNOFFICIAL)?\. The file was blocked/,
      );
      const listed = (await m.staff.next('files')).files.find((x) => x.name === 'racun.pdf');
      assert.equal(listed?.state, 'infected');
      assert.match(listed.signature ?? '', /^Eicar-Test-Signature/);
      for (const [base, cookie] of [
        [m.citizenBase, ''],
        [m.staffBase, m.official],
      ] as const) {
        const page = await f.inject({ method: 'GET', url: `${base}/files`, headers: { cookie } });
        assert.match(page.body, /Blocked: the virus scanner found Eicar-Test-Signature/);
        assert.doesNotMatch(
          page.body,
          new RegExp(`href="[^"]*/files/${listed.id}"`),
          'no download link',
        );
        const direct = await f.inject({
          method: 'GET',
          url: `${base}/files/${listed.id}`,
          headers: { cookie },
        });
        assert.equal(direct.statusCode, 403);
        assert.match(direct.body, /This file was blocked/);
        assert.equal(direct.headers['content-disposition'], undefined);
      }
      // Kept aside from the folder's files, and out of the zip.
      assert.equal(readdirSync(join(filesDir, m.b.id, 'quarantine')).length, 1);
      const audit = await okence.handle.db
        .selectFrom('meeting_file_audit')
        .select(['action', 'detail'])
        .where('booking_id', '=', m.b.id)
        .where('action', '=', 'quarantined')
        .execute();
      assert.equal(audit.length, 1);
      assert.match(audit[0]!.detail ?? '', /^Eicar-Test-Signature/);
    });

    test('without a scanner that answers, uploads are refused and nothing is stored', async () => {
      const m = await f.meetingInProgress();
      await clamd.stop();
      const res = await f.upload(m.citizenBase, [
        { name: 'vloga.pdf', bytes: samplePdf('while down') },
      ]);
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /the virus scanner is not available right now/);
      // The body was spooled into the meeting's directory while it arrived; refused, it is gone.
      const dir = join(filesDir, m.b.id);
      assert.deepEqual(existsSync(dir) ? readdirSync(dir) : [], []);
      assert.deepEqual(
        await okence.handle.db
          .selectFrom('meeting_file')
          .select('id')
          .where('booking_id', '=', m.b.id)
          .execute(),
        [],
      );
      clamd = await startClamd();
    });
  });
}
