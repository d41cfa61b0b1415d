import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DatabaseHandle } from '../db/db.ts';
import { DB_KINDS, openTestDatabase } from '../db/testing.ts';
import { nextReference } from './counter.ts';

for (const kind of DB_KINDS) {
  describe(`reference numbers on ${kind}`, () => {
    let handle: DatabaseHandle;
    before(async () => {
      handle = await openTestDatabase(kind);
    });
    after(async () => {
      await handle.close();
    });

    let orgs = 0;
    async function organisation(pattern?: string) {
      const n = ++orgs;
      return handle.db
        .insertInto('organisation')
        .values({
          slug: `ref-org-${n}`,
          country: 'CZ',
          default_language: 'cs',
          time_zone: 'Europe/Prague',
          currency: 'CZK',
          name: JSON.stringify({ cs: `Obec ${n}` }),
          ...(pattern ? { reference_pattern: pattern } : {}),
        })
        .returning(['id', 'time_zone', 'reference_pattern'])
        .executeTakeFirstOrThrow();
    }
    const at = new Date('2026-06-15T10:00:00Z');
    const take = (org: Awaited<ReturnType<typeof organisation>>, when = at) =>
      handle.db.transaction().execute((tx) => nextReference(tx, org, when));

    test('one after another, in the pattern; the default pattern when none is set', async () => {
      const muko = await organisation('MUKO/{year}/{seq:5}');
      assert.deepEqual(
        [(await take(muko)).reference, (await take(muko)).reference, (await take(muko)).reference],
        ['MUKO/2026/00001', 'MUKO/2026/00002', 'MUKO/2026/00003'],
      );
      const plain = await organisation();
      assert.equal((await take(plain)).reference, '2026/00001', 'its own counter, from 1');
    });

    test('a transaction that fails takes its number back: no gap', async () => {
      const org = await organisation('R-{seq}/{year}');
      assert.equal((await take(org)).seq, 1);
      await assert.rejects(
        handle.db.transaction().execute(async (tx) => {
          assert.equal((await nextReference(tx, org, at)).seq, 2);
          throw new Error('the submission could not be stored');
        }),
        /could not be stored/,
      );
      assert.equal((await take(org)).reference, 'R-2/2026');
    });

    test('the year is the organisation’s: 00:30 on 1 January in Prague starts 2027 at 1', async () => {
      const org = await organisation('{year}-{seq}');
      assert.equal((await take(org, new Date('2026-12-31T22:30:00Z'))).reference, '2026-1');
      assert.equal((await take(org, new Date('2026-12-31T23:30:00Z'))).reference, '2027-1');
      assert.equal((await take(org, new Date('2026-12-31T22:59:00Z'))).reference, '2026-2');
    });

    test('many at once, some failing: the stored ones are exactly 1…n, each once', async () => {
      const org = await organisation();
      const tries = Array.from({ length: 24 }, (_, i) => i);
      const results = await Promise.allSettled(
        tries.map((i) =>
          handle.db.transaction().execute(async (tx) => {
            const r = await nextReference(tx, org, at);
            // Hold the row a moment, as storing a submission does; every fifth fails after it.
            await tx.selectFrom('organisation').select('id').where('id', '=', org.id).execute();
            if (i % 5 === 0) throw new Error('failed after taking a number');
            return r.seq;
          }),
        ),
      );
      const stored = results
        .filter((r): r is PromiseFulfilledResult<number> => r.status === 'fulfilled')
        .map((r) => r.value)
        .sort((a, b) => a - b);
      assert.equal(stored.length, 19);
      assert.deepEqual(
        stored,
        stored.map((_, i) => i + 1),
      );
      const row = await handle.db
        .selectFrom('submission_counter')
        .select('last')
        .where('organisation_id', '=', org.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.last, 19);
    });
  });
}
