import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../db/testing.ts';
import { storageName } from '../files/names.ts';
import { seedAppointments, seedOrganisation } from '../stats/testing.ts';

import { operatorSideApp, EXAMPLE, OPERATOR, refusal, spec } from './testing.ts';

// Creating, importing and listing organisations; suspension and deletion are in lifecycle.db.test.ts.
for (const kind of DB_KINDS) {
  describe(`organisations from the operator's side on ${kind}`, () => {
    const app = operatorSideApp(kind);
    const { clock, db, orgs, count, installationLog, page } = app;

    test('an organisation is created with its first office and admin, who is invited and has no password; citizens see it at once', async () => {
      const before = await count('mail_outbox');
      const created = await orgs().create(OPERATOR, spec());
      assert.equal(created.slug, 'ue-kamnik');
      const admin = await db()
        .selectFrom('staff')
        .selectAll()
        .where('email', '=', 'maja.novak@kamnik.example')
        .executeTakeFirstOrThrow();
      assert.equal(admin.role, 'admin');
      assert.equal(admin.password_hash, null, 'no password until the invitation is used');
      assert.equal(admin.organisation_id, created.id);
      const mail = await db()
        .selectFrom('mail_outbox')
        .selectAll()
        .where('to_address', '=', 'maja.novak@kamnik.example')
        .executeTakeFirstOrThrow();
      assert.match(mail.text_body, /https:\/\/okence\.example\/set-password\/[A-Za-z0-9_-]{43}/);
      assert.equal(await count('mail_outbox'), before + 1);
      const [entry] = await installationLog('organisation.created');
      assert.equal(entry?.object_id, created.id);
      assert.equal(entry?.summary, 'ue-kamnik');
      const org = await db()
        .selectFrom('organisation')
        .selectAll()
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        [org.currency, org.mail_sender_name, org.suspended_at],
        ['EUR', 'UE Kamnik', null],
      );
      const res = await page('/o/ue-kamnik');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Kamnik Administrative Unit/);
    });

    test('a slug or an admin email already there is a field error, and nothing is created', async () => {
      const [orgsBefore, staffBefore] = [await count('organisation'), await count('staff')];
      assert.deepEqual(
        await refusal(orgs().create(OPERATOR, spec({ adminEmail: 'someone@kamnik.example' }))),
        { code: 'invalid_input', fields: { slug: 'orgs.error.slug_taken' } },
      );
      assert.deepEqual(
        await refusal(
          orgs().create(
            OPERATOR,
            spec({ slug: 'ue-kamnik-2', adminEmail: 'ADMIN@domzale.example' }),
          ),
        ),
        { code: 'invalid_input', fields: { adminEmail: 'orgs.error.email_taken' } },
      );
      assert.deepEqual(
        [await count('organisation'), await count('staff')],
        [orgsBefore, staffBefore],
      );
    });

    test('the example file imports in one go: organisations, offices, services, officials with hours, an invitation each', async () => {
      const result = await orgs().import(OPERATOR, EXAMPLE);
      assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
      assert.deepEqual(result.organisations, [
        { slug: 'os-prule', invited: 2 },
        { slug: 'zs-komenskeho-brno', invited: 1 },
      ]);
      const tina = await db()
        .selectFrom('staff')
        .selectAll()
        .where('email', '=', 'tina.zupan@os-prule.example')
        .executeTakeFirstOrThrow();
      const hours = await db()
        .selectFrom('official_hours')
        .select(['weekday', 'starts', 'ends'])
        .where('staff_id', '=', tina.id)
        .orderBy('weekday')
        .orderBy('starts')
        .execute();
      assert.deepEqual(
        hours.map((h) => `${h.weekday} ${h.starts.slice(0, 5)}-${h.ends.slice(0, 5)}`),
        ['2 08:00-12:00', '2 13:00-14:30', '4 08:00-12:00'],
      );
      const invitations = await db()
        .selectFrom('mail_outbox')
        .select('to_address')
        .where('to_address', 'like', '%.example')
        .where('dedupe_key', 'like', 'invitation:%')
        .execute();
      for (const to of [
        'mojca.kovac@os-prule.example',
        'tina.zupan@os-prule.example',
        'jana.dvorakova@zs-komenskeho.example',
      ])
        assert.ok(
          invitations.some((m) => m.to_address === to),
          to,
        );
      assert.equal((await installationLog('organisation.imported')).length, 2);
      // The imported school takes bookings: its service page lists its office.
      const res = await page('/o/os-prule/s/vpis-v-1-razred', 'sl');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Prule 13/);
    });

    test('importing again is refused line by line, and a file with one bad organisation imports none', async () => {
      const again = await orgs().import(OPERATOR, EXAMPLE);
      assert.ok(!again.ok);
      assert.deepEqual(
        again.problems.map((p) => `${p.line} ${p.path} ${p.message}`),
        [
          '3 $[0].slug orgs.error.slug_exists',
          '45 $[0].officials[0].email orgs.error.email_exists',
          '53 $[0].officials[1].email orgs.error.email_exists',
          '62 $[1].slug orgs.error.slug_exists',
          '88 $[1].officials[0].email orgs.error.email_exists',
        ],
      );
      const file = JSON.parse(EXAMPLE) as { slug: string; officials: { email: string }[] }[];
      file[0]!.slug = 'os-prule-2';
      file[0]!.officials.forEach((p, i) => (p.email = `new${i}@os-prule.example`));
      // The second one reuses an address of the first: one account per address.
      file[1]!.slug = 'zs-nova';
      file[1]!.officials[0]!.email = 'new1@os-prule.example';
      const orgsBefore = await count('organisation');
      const mixed = await orgs().import(OPERATOR, JSON.stringify(file, null, 2));
      assert.ok(!mixed.ok);
      assert.deepEqual(
        mixed.problems.map((p) => `${p.path} ${p.message}`),
        ['$[1].officials[0].email orgs.error.duplicate_email'],
      );
      assert.equal(await count('organisation'), orgsBefore, 'all or nothing');
      file[1]!.officials[0]!.email = 'uradnik@domzale.example';
      const taken = await orgs().import(OPERATOR, JSON.stringify(file, null, 2));
      assert.ok(!taken.ok);
      assert.deepEqual(
        taken.problems.map((p) => `${p.path} ${p.message}`),
        ['$[1].officials[0].email orgs.error.email_exists'],
      );
      assert.equal(await count('organisation'), orgsBefore);
    });

    test('the list shows usage as counts: offices, staff, appointments this month in the organisation’s zone, folder bytes', async () => {
      const seeded = await seedOrganisation(db(), 'usage-test');
      const place = {
        organisationId: seeded.organisationId,
        officeId: seeded.officeId,
        serviceId: seeded.passports,
        staffId: seeded.official,
      };
      // 30 Nov 23:30 UTC is 1 December in Ljubljana: next month there, not this one.
      const ids = await seedAppointments(db(), place, [
        { start: new Date('2026-11-02T08:00:00Z') },
        { start: new Date('2026-11-20T08:00:00Z') },
        { start: new Date('2026-11-30T23:30:00Z') },
        { start: new Date('2026-10-30T08:00:00Z') },
        { start: new Date('2026-11-10T08:00:00Z'), state: 'cancelled' },
      ]);
      await db()
        .insertInto('meeting_folder')
        .values({
          booking_id: ids[0]!,
          organisation_id: seeded.organisationId,
          opened_by: null,
          opened_at: clock.now(),
          closes_at: clock.now(),
          delete_at: new Date('2027-01-01T00:00:00Z'),
        })
        .execute();
      await db()
        .insertInto('meeting_file')
        .values(
          [1200, 3400].map((size, i) => ({
            booking_id: ids[0]!,
            storage_name: storageName(),
            display_name: `file${i}.pdf`,
            mime: 'application/pdf',
            size_bytes: size,
            sha256: 'a'.repeat(64),
            uploaded_by: null,
            uploader_name: 'Citizen',
            uploader_role: 'citizen' as const,
            uploaded_at: clock.now(),
            scan_state: 'clean' as const,
            signature: null,
          })),
        )
        .execute();
      const listed = (await orgs().list()).find((o) => o.slug === 'usage-test')!;
      assert.deepEqual(listed.usage, {
        offices: 1,
        officials: 2,
        appointmentsThisMonth: 2,
        folderBytes: 4600,
      });
      assert.equal(listed.state, 'active');
      const keys = Object.keys(listed).sort();
      assert.deepEqual(
        keys,
        [
          'actions',
          'country',
          'createdAt',
          'defaultLanguage',
          'deletionDueAt',
          'deletionRequestedAt',
          'id',
          'name',
          'slug',
          'state',
          'suspendedAt',
          'timeZone',
          'usage',
        ],
        'counts and settings only, no citizen data',
      );
    });
  });
}
