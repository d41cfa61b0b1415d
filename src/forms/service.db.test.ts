import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { auditService } from '../audit/service.ts';
import type { DatabaseHandle } from '../db/db.ts';
import { DB_KINDS, openTestDatabase } from '../db/testing.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import { fixedClock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { organisationData } from '../organisations/export.ts';
import { formsService, type FormsService } from './service.ts';
import { DOG_REGISTRATION } from './testing.ts';

const renamed = (title: string) => ({
  ...DOG_REGISTRATION,
  title: { cs: title, en: title },
});
const code = (c: AppError['code']) => (err: unknown) => err instanceof AppError && err.code === c;

for (const kind of DB_KINDS) {
  describe(`forms and their versions (${kind})`, () => {
    let handle: DatabaseHandle;
    let forms: FormsService;
    const clock = fixedClock(new Date('2026-12-02T09:00:00Z'));
    const staff: Record<string, StaffPrincipal> = {};

    before(async () => {
      handle = await openTestDatabase(kind);
      forms = formsService({ db: handle.db, clock, audit: auditService({ db: handle.db, clock }) });
      for (const slug of ['forms-a', 'forms-b']) {
        const org = await handle.db
          .insertInto('organisation')
          .values({
            slug,
            country: 'CZ',
            default_language: 'cs',
            time_zone: 'Europe/Prague',
            currency: 'CZK',
            name: JSON.stringify({ cs: slug }),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const role of ['admin', 'official'] as const) {
          const row = await handle.db
            .insertInto('staff')
            .values({
              organisation_id: org.id,
              email: `${role}@${slug}.example`,
              display_name: `${role} ${slug}`,
              role,
              password_hash: 'x',
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          staff[`${role}-${slug}`] = {
            id: row.id,
            organisationId: org.id,
            role,
            displayName: `${role} ${slug}`,
            email: `${role}@${slug}.example`,
          };
        }
      }
    });
    after(() => handle.close());

    const adminA = () => staff['admin-forms-a']!;
    const adminB = () => staff['admin-forms-b']!;
    const officialA = () => staff['official-forms-a']!;

    test('a draft is edited, published as version 1, and the next edit starts version 2', async () => {
      const { formId } = await forms.create(adminA(), {
        slug: 'dog',
        definition: DOG_REGISTRATION,
      });
      assert.equal((await forms.draft(adminA(), formId))?.version, 1);
      await assert.rejects(forms.published(adminA().organisationId, 'dog'), code('not_found'));
      assert.equal(await forms.saveDraft(adminA(), formId, renamed('Pes 1')), 1);
      assert.equal(await forms.publish(adminA(), formId), 1);
      assert.equal(await forms.draft(adminA(), formId), null);
      const v1 = await forms.published(adminA().organisationId, 'dog');
      assert.equal(v1.version, 1);
      assert.equal(v1.definition.title.cs, 'Pes 1');

      assert.equal(await forms.saveDraft(adminA(), formId, renamed('Pes 2')), 2);
      assert.equal(await forms.saveDraft(adminA(), formId, renamed('Pes 2b')), 2);
      // Citizens still get version 1 while version 2 is a draft; a draft is no published version.
      assert.equal((await forms.published(adminA().organisationId, 'dog')).version, 1);
      await assert.rejects(
        forms.publishedVersion(adminA().organisationId, formId, 2),
        code('not_found'),
      );
      assert.equal(await forms.publish(adminA(), formId), 2);
      const v2 = await forms.published(adminA().organisationId, 'dog');
      assert.equal(v2.definition.title.cs, 'Pes 2b');
      // The old version is still there, unchanged, for the submissions made with it.
      const old = await forms.publishedVersion(adminA().organisationId, formId, 1);
      assert.equal(old.definition.title.cs, 'Pes 1');
      await assert.rejects(forms.publish(adminA(), formId), code('not_found'));

      const list = await forms.list(officialA());
      assert.deepEqual(
        list.map((f) => [f.slug, f.published, f.draft, f.title.cs]),
        [['dog', 2, null, 'Pes 2b']],
      );
      const actions = await handle.db
        .selectFrom('audit_event')
        .select('action')
        .where('object_id', '=', formId)
        .execute();
      assert.deepEqual(
        actions.map((a) => a.action).sort(),
        [
          'form_definition.created',
          'form_definition.draft_saved',
          'form_definition.draft_saved',
          'form_definition.draft_saved',
          'form_definition.published',
          'form_definition.published',
        ].sort(),
      );
    });

    test("another organisation's form is not found, and only admins write", async () => {
      const { formId } = await forms.create(adminA(), {
        slug: 'mine',
        definition: DOG_REGISTRATION,
      });
      await assert.rejects(forms.draft(adminB(), formId), code('not_found'));
      await assert.rejects(forms.saveDraft(adminB(), formId, DOG_REGISTRATION), code('not_found'));
      await assert.rejects(forms.publish(adminB(), formId), code('not_found'));
      await assert.rejects(forms.discardDraft(adminB(), formId), code('not_found'));
      await assert.rejects(forms.version(adminB(), formId, 1), code('not_found'));
      await assert.rejects(
        forms.publishedVersion(adminB().organisationId, formId, 1),
        code('not_found'),
      );
      await assert.rejects(forms.publish(officialA(), formId), code('forbidden'));
      await assert.rejects(
        forms.create(officialA(), { slug: 'x', definition: DOG_REGISTRATION }),
        code('forbidden'),
      );
      // An official reads the organisation's versions (a submission's), never writes.
      assert.equal((await forms.version(officialA(), formId, 1)).version, 1);
      assert.deepEqual(await forms.list(adminB()), []);
    });

    test('a slug is unique within an organisation, not across them', async () => {
      await forms.create(adminA(), { slug: 'waste-fee', definition: DOG_REGISTRATION });
      await assert.rejects(
        forms.create(adminA(), { slug: 'waste-fee', definition: DOG_REGISTRATION }),
        code('conflict'),
      );
      await forms.create(adminB(), { slug: 'waste-fee', definition: DOG_REGISTRATION });
      await assert.rejects(
        forms.create(adminA(), { slug: 'Bad Slug', definition: DOG_REGISTRATION }),
        code('invalid_input'),
      );
    });

    test('a definition that fails its check is refused with each problem at its path', async () => {
      const bad = { ...DOG_REGISTRATION, pages: [{ ...DOG_REGISTRATION.pages[0], extra: 1 }] };
      const err = await forms.create(adminA(), { slug: 'bad', definition: bad }).then(
        () => null,
        (e: unknown) => e,
      );
      assert.ok(err instanceof AppError && err.code === 'invalid_input');
      assert.deepEqual(
        err.issues?.map((i) => [i.field, i.code]),
        [['pages.0', 'unknown_key']],
      );
      assert.equal(
        await handle.db
          .selectFrom('forms')
          .select('id')
          .where('slug', '=', 'bad')
          .executeTakeFirst(),
        undefined,
      );
    });

    test('the database refuses to change or delete a published version; a draft may go', async () => {
      const { formId } = await forms.create(adminA(), {
        slug: 'frozen',
        definition: DOG_REGISTRATION,
      });
      await forms.publish(adminA(), formId);
      await forms.saveDraft(adminA(), formId, renamed('draft'));
      const db = handle.db;
      await assert.rejects(
        db
          .updateTable('form_versions')
          .set({ definition: '{}' })
          .where('form_id', '=', formId)
          .where('version', '=', 1)
          .execute(),
        /published and cannot be changed/,
      );
      await assert.rejects(
        sql`UPDATE form_versions SET published_at = NULL, published_by = NULL WHERE form_id = ${formId} AND version = 1`.execute(
          db,
        ),
        /published and cannot be changed/,
      );
      await assert.rejects(
        db
          .deleteFrom('form_versions')
          .where('form_id', '=', formId)
          .where('version', '=', 1)
          .execute(),
        /published and cannot be changed/,
      );
      // The draft is an ordinary row until it is published.
      await db
        .updateTable('form_versions')
        .set({ updated_at: new Date() })
        .where('form_id', '=', formId)
        .where('version', '=', 2)
        .execute();
      await forms.discardDraft(adminA(), formId);
      const left = await db
        .selectFrom('form_versions')
        .select('version')
        .where('form_id', '=', formId)
        .execute();
      assert.deepEqual(
        left.map((r) => r.version),
        [1],
      );
    });

    test("an organisation's deletion takes its forms and their published versions with it", async () => {
      const org = await handle.db
        .insertInto('organisation')
        .values({
          slug: 'forms-gone',
          country: 'SI',
          default_language: 'sl',
          time_zone: 'Europe/Ljubljana',
          currency: 'EUR',
          name: JSON.stringify({ sl: 'gone' }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const admin = await handle.db
        .insertInto('staff')
        .values({
          organisation_id: org.id,
          email: 'a@gone.example',
          display_name: 'A',
          role: 'admin',
          password_hash: 'x',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const actor: StaffPrincipal = {
        id: admin.id,
        organisationId: org.id,
        role: 'admin',
        displayName: 'A',
        email: 'a@gone.example',
      };
      const { formId } = await forms.create(actor, { slug: 'gone', definition: DOG_REGISTRATION });
      await forms.publish(actor, formId);
      await forms.saveDraft(actor, formId, DOG_REGISTRATION);
      // The export written before a deletion holds the forms and every version.
      const data = await organisationData(handle.db, org.id, clock.now());
      assert.deepEqual(
        (data.forms as { slug: string }[]).map((f) => f.slug),
        ['gone'],
      );
      assert.deepEqual(
        (data.formVersions as { version: number; published_at: string | null }[]).map((v) => [
          v.version,
          v.published_at !== null,
        ]),
        [
          [1, true],
          [2, false],
        ],
      );
      await handle.db.deleteFrom('organisation').where('id', '=', org.id).execute();
      const left = await handle.db
        .selectFrom('form_versions')
        .select('version')
        .where('form_id', '=', formId)
        .execute();
      assert.deepEqual(left, []);
    });
  });
}
