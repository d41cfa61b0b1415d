// The sweep's change detector: a write is found, a read or a write elsewhere is not.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/db.ts';
import { DB_KINDS, openTestDatabase } from '../db/testing.ts';
import { victimChanges } from './testing-sweep-changes.ts';

for (const kind of DB_KINDS) {
  describe(`the sweep's victim changes on ${kind}`, () => {
    let handle: DatabaseHandle;
    before(async () => {
      handle = await openTestDatabase(kind);
      await sql`CREATE TABLE victim (id int PRIMARY KEY, v text)`.execute(handle.db);
      await sql`CREATE TABLE other (id int PRIMARY KEY)`.execute(handle.db);
      await sql`INSERT INTO victim VALUES (1, 'a')`.execute(handle.db);
    });
    after(() => handle?.close());

    test('finds a changed row, and nothing after reads and after writes to other tables', async () => {
      const snapshot = async () => ({
        victim: (await sql`SELECT * FROM victim ORDER BY id`.execute(handle.db)).rows,
      });
      const changes = victimChanges(() => handle.db, snapshot);
      await changes.take();
      assert.deepEqual(await changes.changed(), []);
      await sql`SELECT * FROM victim`.execute(handle.db);
      assert.deepEqual(await changes.changed(), []);
      await sql`INSERT INTO other VALUES (1)`.execute(handle.db);
      assert.deepEqual(await changes.changed(), [], 'a write elsewhere');
      await sql`UPDATE victim SET v = 'b' WHERE id = 1`.execute(handle.db);
      assert.deepEqual(await changes.changed(), ['victim']);
      assert.deepEqual(await changes.changed(), ['victim'], 'until taken again');
      await changes.take();
      assert.deepEqual(await changes.changed(), []);
      await handle.db.transaction().execute(async (trx) => {
        await sql`INSERT INTO victim VALUES (2, 'c')`.execute(trx);
      });
      assert.deepEqual(await changes.changed(), ['victim'], 'a committed transaction');
    });
  });
}
