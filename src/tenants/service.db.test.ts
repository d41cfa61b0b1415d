import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase, type DatabaseHandle } from '../db/db.ts';
import { createFreshDatabase, DB_KINDS, openTestDatabase } from '../db/testing.ts';
import { migrate } from '../db/migrate.ts';
import { AppError } from '../lib/errors.ts';
import { hashPassword } from '../identity/password.ts';
import { loadDemoData } from './demo-data.ts';
import { tenantsService } from './service.ts';

for (const kind of DB_KINDS) {
  describe(`tenants service on ${kind}`, () => {
    let handle: DatabaseHandle & { url?: string };
    let other: DatabaseHandle;
    before(async () => {
      handle = await openTestDatabase(kind);
      // A second instance: another connection pool to the same PostgreSQL, or the same embedded database.
      other = handle.url
        ? await openDatabase({ databaseUrl: handle.url, dataDir: 'unused' })
        : handle;
    });
    after(async () => {
      if (other !== handle) await other.close();
      await handle.close();
    });

    test('demo data loads once: the four pilot organisations with offices, services and officials', async () => {
      const accounts = await loadDemoData(handle.db, hashPassword);
      assert.ok(accounts.some((a) => a.role === 'admin' && a.organisation === 'ue-domzale'));
      assert.ok(accounts.some((a) => a.role === 'official' && a.organisation === 'liberecky-kraj'));
      assert.deepEqual(
        await loadDemoData(handle.db, hashPassword),
        [],
        'a database with organisations is left alone',
      );
      const tenants = tenantsService({ handle });
      const domzale = await tenants.getOrganisation('ue-domzale');
      assert.deepEqual(
        domzale.services.map((s) => s.slug),
        [
          'splosne-informacije',
          'potrdila-iz-uradnih-evidenc',
          'faza-postopka',
          'sestava-smrtovnice',
        ],
      );
      assert.equal(domzale.offices[0]?.timeZone, 'Europe/Ljubljana');
      assert.equal(domzale.offices[0]?.hours.length, 5);
      const kopr = await tenants.getService('koprivnice', 'konzultace-stavby');
      assert.deepEqual(
        kopr.serviceOffices.map((o) => o.slug),
        ['stavebni-urad'],
      );
      assert.deepEqual(
        kopr.officials.map((o) => o.displayName),
        ['Lucie Černá'],
      );
      assert.equal(kopr.offices[0]?.timeZone, 'Europe/Prague');
    });

    test('unknown organisation or service is not_found, and a service of another organisation is not reachable', async () => {
      const tenants = tenantsService({ handle });
      await assert.rejects(
        tenants.getOrganisation('nowhere'),
        (e) => e instanceof AppError && e.code === 'not_found',
      );
      await assert.rejects(
        tenants.getService('ue-domzale', 'konzultace-stavby'),
        (e) => e instanceof AppError && e.code === 'not_found',
      );
    });

    test('a change made by one instance reaches the cached catalogue of another through NOTIFY', async () => {
      const writer = tenantsService({ handle });
      const reader = tenantsService({ handle: other });
      await reader.start();
      assert.equal(
        (await reader.getOrganisation('ue-ljutomer')).organisation.name.en,
        'Ljutomer Administrative Unit',
      );
      await handle.db
        .updateTable('organisation')
        .set({ name: JSON.stringify({ sl: 'UE Ljutomer', en: 'Ljutomer Unit' }) })
        .where('slug', '=', 'ue-ljutomer')
        .execute();
      assert.equal(
        (await reader.getOrganisation('ue-ljutomer')).organisation.name.en,
        'Ljutomer Administrative Unit',
        'still cached',
      );
      await writer.changed();
      let name: string | undefined;
      for (let i = 0; i < 50 && name !== 'Ljutomer Unit'; i++) {
        await sleep(20);
        name = (await reader.getOrganisation('ue-ljutomer')).organisation.name.en;
      }
      assert.equal(name, 'Ljutomer Unit');
    });
  });
}

if (process.env.DATABASE_URL) {
  test('instances starting together on an empty PostgreSQL migrate and seed exactly once', async () => {
    const fresh = await createFreshDatabase(process.env.DATABASE_URL ?? '', 'okence_test');
    const handles = await Promise.all(
      [1, 2, 3].map(() => openDatabase({ databaseUrl: fresh.url, dataDir: 'unused' })),
    );
    try {
      const results = await Promise.all(
        handles.map(async (h) => {
          await migrate(h.db);
          return loadDemoData(h.db, hashPassword);
        }),
      );
      assert.equal(results.filter((accounts) => accounts.length > 0).length, 1);
      const orgs = await handles[0]!.db.selectFrom('organisation').select('slug').execute();
      assert.equal(orgs.length, 4);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
      await fresh.drop();
    }
  });
}
