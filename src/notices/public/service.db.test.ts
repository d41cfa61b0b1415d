import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../../boot.ts';
import { DB_KINDS } from '../../db/testing.ts';
import { bootTestApp } from '../../http/testing.ts';
import { fixedClock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { pdfBytes, seedTestBoard } from './testing.ts';

const notFound = (err: unknown) => err instanceof AppError && err.code === 'not_found';

for (const kind of DB_KINDS) {
  describe(`the public notice board's service on ${kind}`, () => {
    let okence: Okence;
    // 10 Dec 2026, 09:00 in Kopřivnice (Europe/Prague).
    const clock = fixedClock(new Date('2026-12-10T08:00:00Z'));
    const ids: Record<string, string> = {};
    const files: Record<string, string> = {};
    before(async () => {
      okence = await bootTestApp(kind, { clock });
      const seeded = await seedTestBoard(okence);
      Object.assign(ids, seeded.ids);
      Object.assign(files, seeded.files);
    });
    after(async () => {
      await okence.close();
    });
    const board = () => okence.services.frontDoor.publicNotices;
    const all = { category: null, q: '', page: 1 };

    test('current notices: on the board now, newest posting first; nothing scheduled', async () => {
      const current = await board().current('koprivnice', all);
      assert.deepEqual(
        current.items.map((e) => e.number),
        [5, 1],
      );
      assert.equal(current.items[0]!.latest.title, 'Územní plán, opravený návrh');
      const latest = await board().latestNotices(current.organisation, clock.now(), 1);
      assert.deepEqual(
        latest.map((e) => e.number),
        [5],
      );
    });

    test('the archive holds the taken down and the withdrawn, with the days they were up', async () => {
      const archive = await board().archive('koprivnice', all);
      assert.deepEqual(
        archive.items.map((e) => [e.number, e.status, e.postedOn, e.downOn]),
        [
          [4, 'withdrawn', '2026-12-03', '2026-12-08'],
          [3, 'taken_down', '2026-11-20', '2026-12-03'],
        ],
      );
    });

    test('filter by category and search folded (case and diacritics)', async () => {
      const decrees = await board().current('koprivnice', { ...all, category: 'public_decree' });
      assert.deepEqual(
        decrees.items.map((e) => e.number),
        [1],
      );
      const found = await board().current('koprivnice', { ...all, q: 'STRAMBERSKE' });
      assert.deepEqual(
        found.items.map((e) => e.number),
        [1],
      );
      const inBody = await board().current('koprivnice', { ...all, q: 'zmeny uzemniho' });
      assert.deepEqual(
        inBody.items.map((e) => e.number),
        [5],
      );
      const none = await board().current('koprivnice', { ...all, q: 'tajny' });
      assert.equal(none.total, 0, 'a superseded-before-posting title is not searchable');
    });

    test('scheduled notices and versions superseded before posting are not found', async () => {
      await assert.rejects(board().notice('koprivnice', 2), notFound);
      await assert.rejects(board().file('koprivnice', 2, files.two!), notFound);
      await assert.rejects(board().notice('koprivnice', 5, 1), notFound);
      const five = await board().notice('koprivnice', 5);
      assert.deepEqual(
        five.entry.shown.map((v) => v.version),
        [2],
      );
      const one = await board().notice('koprivnice', 1, 1);
      assert.equal(one.version.title, 'Veřejná vyhláška o uzavírce');
      assert.deepEqual(
        one.entry.shown.map((v) => v.version),
        [1, 2],
      );
    });

    test('an attachment is served only through its own notice of its own organisation', async () => {
      const file = await board().file('koprivnice', 1, files.one!);
      assert.equal(file.name, 'vyhlaska.pdf');
      const chunks: Buffer[] = [];
      for await (const c of file.open()) chunks.push(c as Buffer);
      assert.deepEqual(Buffer.concat(chunks), pdfBytes());
      await assert.rejects(board().file('koprivnice', 1, files.other!), notFound);
      await assert.rejects(board().file('koprivnice', 3, files.one!), notFound);
      await assert.rejects(board().file('liberecky-kraj', 1, files.one!), notFound);
    });

    test('a day later the scheduled notice is up, and open data lists it with its file', async () => {
      clock.set(new Date('2026-12-10T23:00:00Z')); // midnight in Prague: 11 Dec begins
      try {
        const data = await board().openData('koprivnice');
        assert.deepEqual(
          data.entries.map((e) => e.number),
          [2, 5, 1],
        );
        assert.equal(data.files.get(data.entries[0]!.id)?.[0]?.name, 'drazba.pdf');
        assert.equal((await board().file('koprivnice', 2, files.two!)).name, 'drazba.pdf');
      } finally {
        clock.set(new Date('2026-12-10T08:00:00Z'));
      }
    });
  });
}
