import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { migrate, pendingMigrationCount, readMigrations } from './migrate.ts';
import { ALL_DB_KINDS, openTestDatabase } from './testing.ts';
import type { DatabaseHandle } from './db.ts';

test('migration files are numbered without gaps and a bad name is refused', () => {
  const all = readMigrations();
  assert.ok(all.length >= 1);
  assert.deepEqual(
    all.map((m) => m.version),
    all.map((_, i) => i + 1),
  );
  const dir = mkdtempSync(join(tmpdir(), 'okence-mig-'));
  writeFileSync(join(dir, '001_a.sql'), 'SELECT 1');
  writeFileSync(join(dir, '003_c.sql'), 'SELECT 1');
  assert.throws(() => readMigrations(dir), /without gaps/);
});

// Both databases wherever both are here: the runner's lock and transactions differ between them.
for (const kind of ALL_DB_KINDS) {
  describe(`migrations on ${kind}`, () => {
    let handle: DatabaseHandle;
    before(async () => {
      handle = await openTestDatabase(kind);
    });
    after(async () => {
      await handle.close();
    });

    test('are all applied, and a second run applies nothing', async () => {
      assert.equal(await pendingMigrationCount(handle.db), 0);
      assert.deepEqual(await migrate(handle.db), []);
    });

    test('btree_gist is enabled: an exclusion constraint on ranges rejects overlap with 23P01', async () => {
      await sql`CREATE TEMP TABLE slot_probe (office int, during tstzrange, EXCLUDE USING gist (office WITH =, during WITH &&))`.execute(
        handle.db,
      );
      await sql`INSERT INTO slot_probe VALUES (1, '[2026-03-29 08:00+02, 2026-03-29 08:30+02)'), (1, '[2026-03-29 08:30+02, 2026-03-29 09:00+02)')`.execute(
        handle.db,
      );
      await assert.rejects(
        sql`INSERT INTO slot_probe VALUES (1, '[2026-03-29 08:15+02, 2026-03-29 08:45+02)')`.execute(
          handle.db,
        ),
        (err: { code?: string }) => err.code === '23P01',
      );
    });

    test('translatable texts must be JSON objects', async () => {
      await assert.rejects(
        sql`INSERT INTO organisation (slug, country, default_language, time_zone, currency, name) VALUES ('x', 'SI', 'sl', 'Europe/Ljubljana', 'EUR', '"plain"')`.execute(
          handle.db,
        ),
        (err: { code?: string }) => err.code === '23514',
      );
    });
  });
}
