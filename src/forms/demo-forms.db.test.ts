import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { auditService } from '../audit/service.ts';
import type { DatabaseHandle } from '../db/db.ts';
import { DB_KINDS, openTestDatabase } from '../db/testing.ts';
import { hashPassword } from '../identity/password.ts';
import { fixedClock } from '../lib/clock.ts';
import { loadDemoData } from '../tenants/demo-data.ts';
import { DEMO_FORMS } from './demo-forms.ts';
import { formsService } from './service.ts';

for (const kind of DB_KINDS) {
  describe(`demo forms (${kind})`, () => {
    let handle: DatabaseHandle;
    before(async () => {
      handle = await openTestDatabase(kind);
      await loadDemoData(handle.db, hashPassword);
    });
    after(async () => handle.close());

    test('load published as version 1, once; the organisations number by their patterns', async () => {
      const clock = fixedClock(new Date('2026-12-03T09:00:00Z'));
      const forms = formsService({
        db: handle.db,
        clock,
        audit: auditService({ db: handle.db, clock }),
      });
      assert.equal(await forms.loadDemo(DEMO_FORMS), 6);
      const count = async () =>
        Number(
          (
            await handle.db
              .selectFrom('form_versions')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      assert.equal(await count(), 6);
      assert.equal(await forms.loadDemo(DEMO_FORMS), 0, 'a second load changes nothing');
      assert.equal(await count(), 6);
      const orgs = await handle.db
        .selectFrom('organisation')
        .select(['id', 'slug', 'reference_pattern'])
        .execute();
      const org = (slug: string) => orgs.find((o) => o.slug === slug)!;
      assert.equal(org('koprivnice').reference_pattern, 'MUKO/{year}/{seq:5}');
      assert.equal(org('liberecky-kraj').reference_pattern, 'KULK/{year}/{seq:5}');
      assert.equal(org('ue-domzale').reference_pattern, 'UEDOM-{seq:5}/{year}');
      const published = await forms.publishedForms(org('koprivnice').id);
      assert.deepEqual(published.map((f) => [f.slug, f.version]).sort(), [
        ['ohlaseni-psa', 1],
        ['poplatek-za-odpad', 1],
        ['zabor-verejneho-prostranstvi', 1],
      ]);
      assert.ok(published.every((f) => f.publishedAt));
      const domzale = await forms.published(org('ue-domzale').id, 'sprejem-novorojencev');
      assert.equal(domzale.definition.assurance, 'low');
    });
  });
}
