import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DB_KINDS } from '../db/testing.ts';
import { storageName } from '../files/names.ts';
import { seedAppointments, seedOrganisation } from '../stats/testing.ts';
import { browserFor } from '../tenants/admin-testing.ts';
import { DEMO_PASSWORD } from '../tenants/demo-data.ts';

import { operatorSideApp, MANAGE, OPERATOR, refusal, sha256 } from './testing.ts';

// Suspending, resuming and deleting an organisation, as the operator does it.
for (const kind of DB_KINDS) {
  describe(`suspending and deleting organisations on ${kind}`, () => {
    const app = operatorSideApp(kind);
    const { clock, filesDir, exportsDir, ip, db, orgs, installationLog, page } = app;

    test('suspending: citizen pages and the API say so (503), staff are signed out and cannot sign in, no reminders; resuming restores all', async () => {
      const official = await browserFor(app.okence, 'uradnik@domzale.example', DEMO_PASSWORD, ip());
      const home = await official.get('/staff');
      assert.equal(home.statusCode, 200, home.body.slice(0, 3000));
      const seeded = await db()
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', 'ue-domzale')
        .executeTakeFirstOrThrow();
      const office = await db()
        .selectFrom('office')
        .select('id')
        .where('organisation_id', '=', seeded.id)
        .executeTakeFirstOrThrow();
      const service = await db()
        .selectFrom('service')
        .select('id')
        .where('organisation_id', '=', seeded.id)
        .executeTakeFirstOrThrow();
      const staff = await db()
        .selectFrom('staff')
        .select('id')
        .where('email', '=', 'uradnik@domzale.example')
        .executeTakeFirstOrThrow();
      const [booking] = await seedAppointments(
        db(),
        {
          organisationId: seeded.id,
          officeId: office.id,
          serviceId: service.id,
          staffId: staff.id,
        },
        [{ start: new Date('2026-11-24T09:00:00Z') }],
      );
      await db()
        .updateTable('booking')
        .set({ manage_token_hash: sha256(MANAGE) })
        .where('id', '=', booking!)
        .execute();
      assert.equal((await page(`/m/${MANAGE}`)).statusCode, 200);

      await orgs().suspend(OPERATOR, 'ue-domzale');
      for (const [url, lang, text] of [
        ['/o/ue-domzale', 'sl', 'Spletno okence je začasno ustavljeno'],
        ['/o/ue-domzale/s/potrdila-iz-uradnih-evidenc', 'cs', 'online přepážka je pozastavena'],
        [`/m/${MANAGE}`, 'en', 'This online counter is suspended'],
      ] as const) {
        const res = await page(url, lang);
        assert.equal(res.statusCode, 503, url);
        assert.ok(res.body.includes(text), `${url}: ${text}`);
        assert.doesNotMatch(res.body, /Reference|Referenca/, 'not a fault: no reference number');
      }
      const api = await page('/api/v1/organisations/ue-domzale/offices');
      assert.equal(api.statusCode, 503);
      assert.equal(api.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(api.json().code, 'organisation_suspended');
      assert.match(api.json().type, /\/problems\/organisation_suspended$/);
      const list = (await page('/api/v1/organisations')).json<{ items: { slug: string }[] }>();
      assert.ok(!list.items.some((o) => o.slug === 'ue-domzale'), 'left out of the list');
      assert.ok(list.items.some((o) => o.slug === 'ue-ljutomer'));
      assert.equal((await page('/o/ue-ljutomer')).statusCode, 200, 'other organisations go on');

      const after = await official.get('/staff');
      assert.equal(after.statusCode, 303, 'the session ended');
      assert.equal(after.headers.location, '/staff/sign-in');
      const from = ip();
      const form = await app.okence.app.inject({
        method: 'GET',
        url: '/staff/sign-in',
        remoteAddress: from,
      });
      const { cookiesOf, csrfFrom } = await import('../http/testing.ts');
      const signIn = (password: string) =>
        app.okence.app.inject({
          method: 'POST',
          url: '/staff/sign-in',
          remoteAddress: from,
          cookies: cookiesOf(form),
          headers: { 'accept-language': 'en' },
          payload: { email: 'uradnik@domzale.example', password, _csrf: csrfFrom(form.body) },
        });
      const refused = await signIn(DEMO_PASSWORD);
      assert.equal(refused.statusCode, 403);
      assert.match(refused.body, /online counter is suspended, so you cannot sign in/);
      const wrong = await signIn('not the password');
      assert.equal(wrong.statusCode, 401);
      assert.doesNotMatch(
        wrong.body,
        /suspended/,
        'a wrong password learns nothing about the organisation',
      );

      // An hour before the appointment: its 60-minute reminder is due.
      clock.set(new Date('2026-11-24T08:30:00Z'));
      assert.equal(
        await app.okence.jobs.queueDueReminders(),
        0,
        'no reminders for a suspended organisation',
      );
      assert.ok((await installationLog('organisation.suspended')).length === 1);
      assert.equal(
        (await refusal(orgs().suspend(OPERATOR, 'ue-domzale'))).code,
        'no_longer_possible',
        'suspended already',
      );

      await orgs().resume(OPERATOR, 'ue-domzale');
      assert.equal((await page('/o/ue-domzale')).statusCode, 200);
      assert.equal((await page(`/m/${MANAGE}`)).statusCode, 200, 'the booking stayed');
      assert.equal((await signIn(DEMO_PASSWORD)).statusCode, 303);
      assert.ok((await app.okence.jobs.queueDueReminders()) > 0, 'reminders go out again');
      clock.set(new Date('2026-11-23T09:00:00Z'));
    });

    test('deletion: the typed slug, suspended at once with an export, cancellable, deleted by the job only after the waiting period', async () => {
      clock.set(new Date('2026-11-23T09:00:00Z'));
      const seeded = await seedOrganisation(db(), 'to-delete');
      const stored = storageName();
      const [booking] = await seedAppointments(
        db(),
        {
          organisationId: seeded.organisationId,
          officeId: seeded.officeId,
          serviceId: seeded.passports,
          staffId: seeded.official,
        },
        [{ start: new Date('2026-11-20T08:00:00Z'), rating: 5, comment: 'Thanks' }],
      );
      await db()
        .insertInto('meeting_folder')
        .values({
          booking_id: booking!,
          organisation_id: seeded.organisationId,
          opened_by: null,
          opened_at: clock.now(),
          closes_at: clock.now(),
          delete_at: new Date('2027-01-01T00:00:00Z'),
        })
        .execute();
      await db()
        .insertInto('meeting_file')
        .values({
          booking_id: booking!,
          storage_name: stored,
          display_name: 'vloga.pdf',
          mime: 'application/pdf',
          size_bytes: 9,
          sha256: 'a'.repeat(64),
          uploaded_by: null,
          uploader_name: 'Citizen',
          uploader_role: 'citizen',
          uploaded_at: clock.now(),
          scan_state: 'clean',
          signature: null,
        })
        .execute();
      mkdirSync(join(filesDir, booking!), { recursive: true });
      writeFileSync(join(filesDir, booking!, stored), '%PDF-1.7\n');

      assert.deepEqual(await refusal(orgs().requestDeletion(OPERATOR, 'to-delete', 'to-delet')), {
        code: 'invalid_input',
        fields: { confirm: 'orgs.error.confirm_slug' },
      });
      assert.equal(
        (await orgs().get('to-delete')).state,
        'active',
        'a wrong confirmation changes nothing',
      );
      const requested = await orgs().requestDeletion(OPERATOR, 'to-delete', 'to-delete');
      assert.deepEqual(requested.dueAt, new Date('2026-12-23T09:00:00Z'));
      assert.ok(requested.export);
      const zip = readFileSync(join(exportsDir, requested.export.name));
      assert.equal(
        statSync(join(exportsDir, requested.export.name)).mode & 0o777,
        0o600,
        'only the server’s administrator reads it',
      );
      assert.equal(createHash('sha256').update(zip).digest('hex'), requested.export.sha256);
      assert.ok(
        zip.includes('organisation.json') &&
          zip.includes(`folder-${booking}-vloga.pdf`) &&
          zip.includes('%PDF-1.7'),
      );
      assert.ok(
        zip.includes('"citizen_name": "Seeded Citizen"') && zip.includes('"comment": "Thanks"'),
        'the organisation’s own data, to hand over',
      );
      assert.ok(!zip.includes('password_hash') && !zip.includes('manage_token_hash'), 'no secrets');
      const detail = await orgs().get('to-delete');
      assert.equal(detail.state, 'deletion_requested');
      assert.deepEqual(detail.actions, ['cancel_deletion']);
      assert.equal((await page('/o/to-delete')).statusCode, 503);
      assert.equal(
        (await refusal(orgs().deleteNow(OPERATOR, 'to-delete', 'to-delete'))).code,
        'no_longer_possible',
        'not before the waiting period',
      );

      await orgs().cancelDeletion(OPERATOR, 'to-delete');
      assert.equal(
        (await orgs().get('to-delete')).state,
        'suspended',
        'cancelled: still suspended until resumed',
      );
      await orgs().requestDeletion(OPERATOR, 'to-delete', 'to-delete');
      clock.set(new Date('2026-12-23T08:59:59Z'));
      assert.equal(await orgs().runDueDeletions(), 0);
      clock.set(new Date('2026-12-23T09:00:00Z'));
      const exportsBefore = readdirSync(exportsDir).length;
      assert.equal(await orgs().runDueDeletions(), 1);
      clock.set(new Date('2026-11-23T09:00:00Z'));
      assert.equal(
        await db()
          .selectFrom('organisation')
          .select('id')
          .where('slug', '=', 'to-delete')
          .executeTakeFirst(),
        undefined,
      );
      assert.equal(
        await db().selectFrom('booking').select('id').where('id', '=', booking!).executeTakeFirst(),
        undefined,
      );
      assert.equal(existsSync(join(filesDir, booking!)), false, 'its folder files are gone');
      assert.equal(readdirSync(exportsDir).length, exportsBefore + 1, 'a final export first');
      const [deleted] = await installationLog('organisation.deleted');
      assert.equal(deleted?.summary, 'to-delete', 'the installation’s log keeps the deletion');
      assert.match(JSON.stringify(deleted?.detail), /"sha256":"[0-9a-f]{64}"/);
      assert.equal((await page('/o/to-delete')).statusCode, 404);
    });
  });
}
