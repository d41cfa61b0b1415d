import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { DEMO_NOTICES, loadDemoNotices } from './demo.ts';
import { principalOf } from './testing.ts';

for (const kind of DB_KINDS) {
  describe(`the demo notice boards on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-12-03T09:00:00Z'));
    before(async () => {
      okence = await bootTestApp(kind, { clock, backgroundJobs: false });
    });
    after(() => okence?.close());
    const load = () =>
      loadDemoNotices({ db: okence.handle.db, clock, files: okence.services.files }, DEMO_NOTICES);

    test('Kopřivnice gets current notices of several kinds, a corrected, a withdrawn, two in the archive and a PDF; loading again adds none', async () => {
      assert.equal(await load(), 12);
      assert.equal(await load(), 0);
      const admin = await principalOf(okence.handle.db, 'admin@koprivnice.example');
      const { rows } = await okence.services.frontDoor.notices.list(admin);
      const count = (s: string) => rows.filter((r) => r.status === s).length;
      assert.equal(count('on_board'), 5);
      assert.equal(count('withdrawn'), 1);
      assert.equal(count('taken_down'), 2);
      assert.ok(new Set(rows.map((r) => r.category)).size >= 6);
      const corrected = rows.find((r) => r.version === 2);
      assert.ok(corrected, 'one corrected notice');
      const withPdf = rows.find((r) => r.category === 'planning')!;
      const d = await okence.services.frontDoor.notices.detail(admin, withPdf.id);
      assert.equal(d.latest.files.length, 1, 'the PDF passed the file-safety pipeline');
      assert.deepEqual(
        d.events.map((e) => e.kind),
        ['posted'],
      );
      const slovene = await principalOf(okence.handle.db, 'admin@domzale.example');
      const si = await okence.services.frontDoor.notices.list(slovene);
      assert.equal(si.rows.length, 4);
      assert.ok(si.rows.every((r) => r.status === 'on_board'));
    });
  });
}
