import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DatabaseHandle } from '../db/db.ts';
import { DB_KINDS, openTestDatabase } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { auditService } from './service.ts';

for (const kind of DB_KINDS) {
  describe(`audit log (${kind})`, () => {
    let handle: DatabaseHandle;
    let orgA: string;
    let orgB: string;
    const STAFF = '00000000-0000-4000-8000-000000000002';
    const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
    before(async () => {
      handle = await openTestDatabase(kind);
      const org = (slug: string) =>
        handle.db
          .insertInto('organisation')
          .values({
            slug,
            country: 'SI',
            default_language: 'sl',
            time_zone: 'Europe/Ljubljana',
            currency: 'EUR',
            name: JSON.stringify({ sl: slug }),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
      orgA = (await org('audit-a')).id;
      orgB = (await org('audit-b')).id;
      await handle.db
        .insertInto('staff')
        .values({
          id: STAFF,
          organisation_id: orgA,
          email: 'bojan@audit.example',
          display_name: 'Bojan Novak',
          role: 'official',
          password_hash: 'x',
        })
        .execute();
    });
    after(() => handle.close());

    const admin = (organisationId: string) => ({
      id: '00000000-0000-4000-8000-000000000001',
      organisationId,
      role: 'admin' as const,
      displayName: 'Ana Admin',
      email: 'a@x.example',
    });

    test('an entry commits and rolls back with the change it records', async () => {
      const audit = auditService({ db: handle.db, clock });
      await handle.db.transaction().execute((tx) =>
        audit.record(tx, {
          organisationId: orgA,
          actor: { system: 'test' },
          action: 'service.updated',
          objectType: 'service',
          objectId: 's1',
          summary: 'Potrdila',
        }),
      );
      await assert.rejects(
        handle.db.transaction().execute(async (tx) => {
          await audit.record(tx, {
            organisationId: orgA,
            actor: { system: 'test' },
            action: 'service.deleted',
            objectType: 'service',
            objectId: 's1',
          });
          throw new Error('the change failed');
        }),
        /the change failed/,
      );
      const rows = await handle.db
        .selectFrom('audit_event')
        .select(['action', 'actor_name', 'at'])
        .where('organisation_id', '=', orgA)
        .execute();
      assert.deepEqual(
        rows.map((r) => r.action),
        ['service.updated'],
      );
      assert.equal(rows[0]!.actor_name, 'system:test');
      assert.equal(rows[0]!.at.toISOString(), '2026-11-24T09:00:00.000Z');
    });

    test('search finds by words, action family, object and period, only in the own organisation, newest first, in pages', async () => {
      const audit = auditService({ db: handle.db, clock });
      const staff = { staffId: STAFF, name: 'Bojan Novak', ip: '192.0.2.7' };
      for (let i = 0; i < 55; i++) {
        clock.advance(60_000);
        await audit.record(handle.db, {
          organisationId: orgA,
          actor: staff,
          action: i % 2 ? 'appointment.viewed' : 'office.updated',
          objectType: i % 2 ? 'booking' : 'office',
          objectId: `obj-${i}`,
          summary: i % 2 ? '' : `Izpostava ${i}`,
        });
      }
      await audit.record(handle.db, {
        organisationId: orgB,
        actor: staff,
        action: 'office.updated',
        objectType: 'office',
        objectId: 'other',
        summary: 'Izpostava B',
      });

      const first = await audit.search(admin(orgA), {});
      assert.equal(first.rows.length, 50);
      assert.ok(first.nextBeforeId);
      assert.ok(first.rows.every((r, i) => i === 0 || r.at <= first.rows[i - 1]!.at));
      const second = await audit.search(admin(orgA), { beforeId: first.nextBeforeId });
      assert.equal(second.rows.length, 6); // 55 + the first test's one
      assert.equal(second.nextBeforeId, null);

      assert.equal((await audit.search(admin(orgA), { text: 'novak izpostava' })).rows.length, 28);
      assert.equal((await audit.search(admin(orgA), { action: 'appointment' })).rows.length, 27);
      assert.equal(
        (await audit.search(admin(orgA), { action: 'appointment.viewed', objectId: 'obj-3' })).rows
          .length,
        1,
      );
      assert.equal(
        (await audit.search(admin(orgA), { text: '100%_' })).rows.length,
        0,
        'LIKE wildcards are taken literally',
      );
      const late = await audit.search(admin(orgA), {
        from: new Date(clock.now().getTime() - 10 * 60_000),
      });
      assert.equal(
        late.rows.length,
        11,
        'from is inclusive: the last ten minutes and the minute they start at',
      );
      assert.ok(
        (await audit.search(admin(orgB), { text: 'Izpostava' })).rows.every(
          (r) => r.objectId === 'other',
        ),
      );
      await assert.rejects(
        audit.search({ ...admin(orgA), role: 'official' }, {}),
        (e) => e instanceof AppError && e.code === 'forbidden',
      );
    });
  });
}
