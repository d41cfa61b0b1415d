import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { storageName } from '../files/names.ts';
import { seedAppointments, seedOrganisation } from '../stats/testing.ts';
import { browserFor } from '../tenants/admin-testing.ts';
import { DEMO_PASSWORD } from '../tenants/demo-data.ts';
import { parseCreateForm } from './schema.ts';
import type { OperatorActor } from './service.ts';

const EXAMPLE = readFileSync(
  new URL('../../docs/examples/organisations.json', import.meta.url),
  'utf8',
);
const OPERATOR: OperatorActor = { name: 'npm run operator', actor: { system: 'cli' } };
const MANAGE = randomBytes(32).toString('base64url');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const FORM = {
  name_sl: 'Upravna enota Kamnik',
  name_en: 'Kamnik Administrative Unit',
  slug: 'ue-kamnik',
  country: 'SI',
  defaultLanguage: 'sl',
  timeZone: 'Europe/Ljubljana',
  officeName_sl: 'Glavni urad',
  officeSlug: 'glavni',
  street: 'Glavni trg 24',
  postcode: '1241',
  city: 'Kamnik',
  officeTimeZone: 'Europe/Ljubljana',
  adminName: 'Maja Novak',
  adminEmail: 'maja.novak@kamnik.example',
  mailSenderName: 'UE Kamnik',
};
const spec = (over: Record<string, string> = {}) => {
  const parsed = parseCreateForm({ ...FORM, ...over });
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.fields));
  return parsed.spec;
};
const refusal = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, fields: err.fields };
    throw err;
  }
  assert.fail('expected a refusal');
};

for (const kind of DB_KINDS) {
  describe(`organisations from the operator's side on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
    const dataDir = mkdtempSync(join(tmpdir(), 'okence-orgs-'));
    const filesDir = join(dataDir, 'files');
    const exportsDir = join(dataDir, 'exports');
    let ips = 0;
    const ip = () => `203.0.113.${++ips}`;
    before(async () => {
      okence = await bootTestApp(kind, {
        clock,
        env: { DATA_DIR: dataDir, PUBLIC_URL: 'https://okence.example' },
      });
    });
    after(async () => {
      await okence.close();
    });
    const db = () => okence.handle.db;
    // The app's own service: its catalogue is dropped at once. A second tenants service here
    // would reach the app only by NOTIFY, which PostgreSQL delivers a moment later (a page read
    // in between saw the organisation unsuspended).
    const orgs = () => okence.organisations;
    const count = async (table: 'organisation' | 'staff' | 'mail_outbox') =>
      Number(
        (
          await db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const installationLog = (action: string) =>
      db()
        .selectFrom('audit_event')
        .selectAll()
        .where('organisation_id', 'is', null)
        .where('action', '=', action)
        .execute();
    const page = (url: string, lang = 'en') =>
      okence.app.inject({
        method: 'GET',
        url,
        headers: { 'accept-language': lang },
        remoteAddress: ip(),
      });

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
        { code: 'invalid_input', fields: { slug: 'adm.error.slug_taken' } },
      );
      assert.deepEqual(
        await refusal(
          orgs().create(
            OPERATOR,
            spec({ slug: 'ue-kamnik-2', adminEmail: 'ADMIN@domzale.example' }),
          ),
        ),
        { code: 'invalid_input', fields: { adminEmail: 'adm.error.email_taken' } },
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

    test('suspending: citizen pages and the API say so (503), staff are signed out and cannot sign in, no reminders; resuming restores all', async () => {
      const official = await browserFor(okence, 'uradnik@domzale.example', DEMO_PASSWORD, ip());
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
      const form = await okence.app.inject({
        method: 'GET',
        url: '/staff/sign-in',
        remoteAddress: from,
      });
      const { cookiesOf, csrfFrom } = await import('../http/testing.ts');
      const signIn = (password: string) =>
        okence.app.inject({
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
        await okence.jobs.queueDueReminders(),
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
      assert.ok((await okence.jobs.queueDueReminders()) > 0, 'reminders go out again');
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
