// The notice board's service on the database: versions the database itself keeps unchanged,
// numbers and versions allocated under locks when requests race, and the board job across a
// change of day (and of daylight-saving time) in the organisation's zone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import type { AppError } from '../lib/errors.ts';
import { CORRECTED_MEANWHILE } from './service.ts';
import { noticeFields, postNotice, principalOf } from './testing.ts';

for (const kind of DB_KINDS) {
  describe(`the notice board's service on ${kind}`, () => {
    let okence: Okence;
    // 2026-12-03 08:00 in Prague.
    const clock = fixedClock(new Date('2026-12-03T07:00:00Z'));
    before(async () => {
      okence = await bootTestApp(kind, { clock, backgroundJobs: false });
    });
    after(() => okence?.close());
    const db = () => okence.handle.db;
    const notices = () => okence.services.frontDoor.notices;
    const admin = () => principalOf(db(), 'admin@koprivnice.example');
    const events = async (id: string) =>
      (
        await db()
          .selectFrom('notice_events')
          .select(['kind', 'at'])
          .where('notice_id', '=', id)
          .orderBy('id')
          .execute()
      ).map((e) => `${e.kind}@${e.at.toISOString()}`);

    test('a version cannot be updated or deleted, not even by SQL', async () => {
      const { id } = await postNotice(okence, await admin(), noticeFields('2026-12-03'));
      await assert.rejects(
        sql`UPDATE notice_versions SET title = 'tampered' WHERE notice_id = ${id}`.execute(db()),
        /append-only/,
      );
      await assert.rejects(
        sql`DELETE FROM notice_versions WHERE notice_id = ${id}`.execute(db()),
        /append-only/,
      );
      const v = await db()
        .selectFrom('notice_versions')
        .select('title')
        .where('notice_id', '=', id)
        .executeTakeFirstOrThrow();
      assert.notEqual(v.title, 'tampered');
    });

    test('notices created at once get consecutive numbers, with no gap and no twice', async () => {
      const a = await admin();
      const before = await db()
        .selectFrom('notices')
        .select('number')
        .where('organisation_id', '=', a.organisationId)
        .execute();
      const made = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          postNotice(okence, a, noticeFields('2026-12-04', { title: `Souběh ${i}` })),
        ),
      );
      const numbers = made.map((m) => m.number).sort((x, y) => x - y);
      const top = Math.max(0, ...before.map((b) => b.number));
      assert.deepEqual(
        numbers,
        Array.from({ length: 8 }, (_, i) => top + 1 + i),
      );
    });

    test('of corrections made at once from the same version one is saved, the rest are refused rather than undoing it; each saved one has an event and an audit entry', async () => {
      const a = await admin();
      const { id } = await postNotice(okence, a, noticeFields('2026-12-03'));
      const correct = async (i: number, base: number) => {
        const upload = await notices().startUpload(a, id);
        const f = noticeFields('2026-12-03', { title: `Oprava ${i}` });
        return notices().correct(
          a,
          upload,
          { ...f, note: `Důvod ${i}`, keep: [], base },
          { stored: [], refused: [] },
        );
      };
      const done = await Promise.allSettled([1, 2, 3, 4, 5].map((i) => correct(i, 1)));
      const saved = done.filter((d) => d.status === 'fulfilled');
      assert.deepEqual(
        saved.map((d) => d.value.version),
        [2],
      );
      for (const d of done.filter((x) => x.status === 'rejected')) {
        const err = d.reason as AppError;
        assert.equal(err.code, 'invalid_input');
        assert.equal(err.fields?.note, CORRECTED_MEANWHILE);
      }
      // Made from the version now latest, a correction is saved as the next one.
      assert.equal((await correct(6, 2)).version, 3);
      await assert.rejects(
        correct(7, 2),
        (err: AppError) => err.fields?.note === CORRECTED_MEANWHILE,
      );
      const corrected = await db()
        .selectFrom('notice_events')
        .select('version')
        .where('notice_id', '=', id)
        .where('kind', '=', 'corrected')
        .execute();
      assert.deepEqual(corrected.map((e) => e.version).sort(), [2, 3]);
      const audit = await db()
        .selectFrom('audit_event')
        .select('action')
        .where('object_id', '=', id)
        .execute();
      assert.equal(audit.filter((x) => x.action === 'official_notice.corrected').length, 2);
    });

    test('the job posts at local midnight and takes down after the last day, once each, however many run it', async () => {
      const a = await admin();
      // Today is 2026-12-03 in Prague; the notice is on the board 4–5 December.
      const { id } = await postNotice(
        okence,
        a,
        noticeFields('2026-12-04', { removeAfter: '2026-12-05' }),
      );
      const run = () => Promise.all([1, 2, 3].map(() => notices().recordBoardEvents()));
      clock.set(new Date('2026-12-03T22:59:59Z')); // 23:59:59 on 3 December in Prague
      await run();
      assert.deepEqual(await events(id), []);
      clock.set(new Date('2026-12-03T23:00:00Z')); // 00:00:00 on 4 December
      await run();
      assert.deepEqual(await events(id), ['posted@2026-12-03T23:00:00.000Z']);
      clock.set(new Date('2026-12-05T22:59:59Z'));
      await run();
      assert.deepEqual(await events(id), ['posted@2026-12-03T23:00:00.000Z']);
      clock.set(new Date('2026-12-05T23:00:00Z'));
      await run();
      await run();
      assert.deepEqual(await events(id), [
        'posted@2026-12-03T23:00:00.000Z',
        'taken_down@2026-12-05T23:00:00.000Z',
      ]);
      const { rows } = await notices().list(a, 'taken_down');
      assert.ok(rows.some((r) => r.id === id));
    });

    test('across the change to summer time the day still ends at local midnight (a 23-hour day)', async () => {
      const a = await admin();
      clock.set(new Date('2027-03-20T09:00:00Z'));
      // 28 March 2027 is 23 hours long in Prague: the midnight ending it is 22:00 UTC, where
      // counting 24-hour days from the first day's start would give 23:00.
      const { id } = await postNotice(
        okence,
        a,
        noticeFields('2027-03-27', { removeAfter: '2027-03-28' }),
      );
      clock.set(new Date('2027-03-26T22:59:59Z'));
      await notices().recordBoardEvents();
      assert.deepEqual(await events(id), []);
      clock.set(new Date('2027-03-26T23:00:00Z'));
      await notices().recordBoardEvents();
      clock.set(new Date('2027-03-28T21:59:59Z'));
      await notices().recordBoardEvents();
      assert.deepEqual(await events(id), ['posted@2027-03-26T23:00:00.000Z']);
      clock.set(new Date('2027-03-28T22:00:00Z'));
      await notices().recordBoardEvents();
      assert.deepEqual(await events(id), [
        'posted@2027-03-26T23:00:00.000Z',
        'taken_down@2027-03-28T22:00:00.000Z',
      ]);
    });

    test('a notice withdrawn before its first day is never posted by the job', async () => {
      const a = await admin();
      clock.set(new Date('2027-04-01T08:00:00Z'));
      const { id } = await postNotice(okence, a, noticeFields('2027-04-10'));
      await notices().withdraw(a, id, 'Vyvěšeno omylem.');
      clock.set(new Date('2027-05-01T08:00:00Z'));
      await notices().recordBoardEvents();
      assert.deepEqual(
        (await events(id)).map((e) => e.split('@')[0]),
        ['withdrawn'],
      );
    });
  });
}
