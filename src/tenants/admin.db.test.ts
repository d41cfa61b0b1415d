import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp } from '../http/testing.ts';
import { browserFor } from './admin-testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { bookThroughApi } from '../meeting/testing.ts';
import { mailWorker, type TransportMessage } from '../mail/service.ts';

const idFrom = (location: string | string[] | number | undefined) =>
  /\/([0-9a-f-]{36})\?/.exec(String(location))![1]!;

for (const kind of DB_KINDS) {
  describe(`organisation administration on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
    before(async () => {
      okence = await bootTestApp(kind, { clock });
    });
    after(async () => {
      await okence.close();
    });
    const publicPage = async (url: string) =>
      (await okence.app.inject({ method: 'GET', url: `${url}?lang=en` })).body;
    const audit = (action: string) =>
      okence.handle.db
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', action)
        .orderBy('id', 'desc')
        .execute();

    test('an admin creates and edits an office; a deactivated office leaves the citizen pages and says how many appointments it keeps', async () => {
      const admin = await browserFor(okence, 'admin@ljutomer.example');
      const bad = await admin.post('/staff/admin/offices', {
        name_en: 'Križevci branch',
        slug: 'Križevci',
        street: '',
        postcode: '9242',
        city: 'Križevci',
        timeZone: 'Mars/Base',
        position: '1',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /error-summary/);
      assert.match(bad.body, /href="#slug"/);
      assert.match(bad.body, /href="#street"/);
      assert.match(bad.body, /href="#timeZone"/);
      assert.match(bad.body, /value="Križevci branch"/, 'what was typed is kept');

      const created = await admin.post('/staff/admin/offices', {
        name_sl: 'Izpostava Križevci',
        name_en: 'Križevci branch',
        slug: 'krizevci',
        street: 'Trg 1',
        postcode: '9242',
        city: 'Križevci pri Ljutomeru',
        email: '',
        phone: '+386 2 584 00 00',
        timeZone: 'Europe/Ljubljana',
        position: '2',
      });
      assert.equal(created.statusCode, 303, created.body);
      const id = idFrom(created.headers.location);
      assert.match(
        await publicPage('/o/ue-ljutomer'),
        /Križevci branch/,
        'citizens see the new office at once',
      );
      const dup = await admin.post('/staff/admin/offices', {
        name_sl: 'Druga',
        slug: 'krizevci',
        street: 'Trg 2',
        postcode: '9242',
        city: 'Križevci',
        timeZone: 'Europe/Ljubljana',
        position: '0',
      });
      assert.equal(dup.statusCode, 400);
      assert.match(dup.body, /already uses this web address/);

      assert.equal(
        (
          await admin.post(`/staff/admin/offices/${id}`, {
            name_sl: 'Izpostava Križevci',
            name_en: 'Križevci office',
            street: 'Trg 3',
            postcode: '9242',
            city: 'Križevci',
            timeZone: 'Europe/Ljubljana',
            position: '2',
          })
        ).statusCode,
        303,
      );
      const [updated] = await audit('office.updated');
      assert.deepEqual(updated!.detail.street, ['Trg 1', 'Trg 3']);
      assert.match(await publicPage('/o/ue-ljutomer'), /Križevci office/);

      // The main office has a booking ahead: the page says so before it is deactivated.
      const offices = await admin.get('/staff/admin/offices');
      const main = /href="\/staff\/admin\/offices\/([0-9a-f-]{36})">Ljutomer/.exec(
        offices.body,
      )![1]!;
      await bookThroughApi(okence, {
        organisation: 'ue-ljutomer',
        office: 'ljutomer',
        service: 'splosne-informacije',
        day: '2026-11-25',
        email: 'citizen@example.si',
        name: 'Citizen',
      });
      const page = await admin.get(`/staff/admin/offices/${main}`);
      assert.match(page.body, /Appointments still to come there stay booked: 1\./);
      const onlyThere = await admin.post('/staff/admin/services', {
        slug: 'ribolov-krizevci',
        name_sl: 'Ribolov v Križevcih',
        name_en: 'Fishing in Križevci',
        fee: '',
        durationMinutes: '30',
        byVideo: '1',
        active: '1',
        offices: [id],
        position: '0',
      });
      assert.equal(onlyThere.statusCode, 303, onlyThere.body);
      assert.match(await publicPage('/o/ue-ljutomer'), /Fishing in Križevci/);
      assert.equal(
        (await admin.post(`/staff/admin/offices/${id}/active`, { active: '0' })).statusCode,
        303,
      );
      assert.doesNotMatch(
        await publicPage('/o/ue-ljutomer'),
        /Fishing in Križevci/,
        'a service offered only there goes with it',
      );
      assert.doesNotMatch(
        await publicPage('/o/ue-ljutomer'),
        /Križevci office/,
        'a deactivated office is gone from citizen pages',
      );
      assert.equal((await audit('office.deactivated')).length, 1);
      assert.match((await admin.get('/staff/admin/offices')).body, /Deactivated/);
    });

    test('a service with only Slovenian texts is saved with a warning per field and language; completed, the warning goes and citizens see it', async () => {
      const admin = await browserFor(okence, 'admin@ljutomer.example');
      const form = await admin.get('/staff/admin/services/new');
      const office = /name="offices" value="([0-9a-f-]{36})"/.exec(form.body)![1]!;
      const official = /name="officials" value="([0-9a-f-]{36})"/.exec(form.body)![1]!;
      const base = {
        slug: 'ribiska-dovolilnica',
        name_sl: 'Ribiška dovolilnica',
        description_sl: 'Izdaja dovolilnice',
        fee: '12,50',
        durationMinutes: '20',
        byVideo: '1',
        active: '1',
        offices: [office],
        officials: [official],
        position: '5',
      };

      const invalid = await admin.post('/staff/admin/services', {
        ...base,
        slug: 'Ribe!',
        byVideo: '',
        offices: [],
      });
      assert.equal(invalid.statusCode, 400);
      for (const f of ['slug', 'byVideo', 'offices'])
        assert.match(invalid.body, new RegExp(`href="#${f}"`), f);
      assert.match(invalid.body, /value="Ribe!"/);
      assert.match(invalid.body, /Ribiška dovolilnica/);

      const created = await admin.post('/staff/admin/services', base);
      assert.equal(created.statusCode, 303, created.body);
      const id = idFrom(created.headers.location);
      const list = await admin.get('/staff/admin/services');
      const row = list.body.split('<tr>').find((r) => r.includes(`/staff/admin/services/${id}`))!;
      assert.match(row, /Missing translations:/);
      assert.match(row, /Name: Čeština, English; Description: Čeština, English/);
      const edit = await admin.get(`/staff/admin/services/${id}`);
      assert.match(edit.body, /id="name_cs-missing"/);
      assert.match(edit.body, /id="description_en-missing"/);
      assert.doesNotMatch(edit.body, /id="name_sl-missing"/);
      assert.match(
        edit.body,
        /see the text in one of the languages it is written in, the organisation’s default language \(Slovenian\) first\./,
      );
      // The length is asked when the service is created and is a booking rule afterwards.
      assert.doesNotMatch(edit.body, /name="durationMinutes"/);
      assert.match(edit.body, new RegExp(`href="/staff/availability#rules-${id}"`));
      assert.match(
        await publicPage('/o/ue-ljutomer'),
        /Ribiška dovolilnica/,
        'the public page falls back to the default language',
      );

      const full = {
        ...base,
        name_cs: 'Rybářská povolenka',
        name_en: 'Fishing permit',
        description_cs: 'Vydání povolenky',
        description_en: 'Issuing the permit',
      };
      assert.equal(
        (await admin.post(`/staff/admin/services/${id}`, { ...full, durationMinutes: '90' }))
          .statusCode,
        303,
      );
      const stored = await okence.handle.db
        .selectFrom('service')
        .select('duration_minutes')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(
        stored.duration_minutes,
        20,
        'an edit does not change the length the booking rules own',
      );
      const after = (await admin.get('/staff/admin/services')).body
        .split('<tr>')
        .find((r) => r.includes(`/staff/admin/services/${id}`))!;
      assert.doesNotMatch(after, /Missing translations/);
      assert.match(await publicPage('/o/ue-ljutomer'), /Fishing permit/);
      const [entry] = await audit('service.updated');
      assert.deepEqual((entry!.detail as Record<string, [unknown, unknown]>).name![1], {
        sl: 'Ribiška dovolilnica',
        cs: 'Rybářská povolenka',
        en: 'Fishing permit',
      });

      const taken = await admin.post(`/staff/admin/services`, {
        ...full,
        slug: 'ribiska-dovolilnica',
      });
      assert.equal(taken.statusCode, 400);
      assert.match(taken.body, /already uses this web address/);
    });

    test('a new service is offered at the only office of an organisation that has one, and at none when there are several', async () => {
      const single = (
        await (await browserFor(okence, 'admin@domzale.example')).get('/staff/admin/services/new')
      ).body;
      assert.equal((single.match(/name="offices" value="[0-9a-f-]{36}" checked/g) ?? []).length, 1);
      const several = (
        await (
          await browserFor(okence, 'admin@koprivnice.example')
        ).get('/staff/admin/services/new')
      ).body;
      assert.equal((several.match(/name="offices" value="[0-9a-f-]{36}"/g) ?? []).length, 2);
      assert.doesNotMatch(several, /name="offices" value="[0-9a-f-]{36}" checked/);
    });

    test('the organisation settings are validated and audited, and citizens see the new name at once', async () => {
      const admin = await browserFor(okence, 'admin@ljutomer.example');
      const bad = await admin.post('/staff/admin/settings', {
        name_sl: '',
        name_en: 'Ljutomer',
        defaultLanguage: 'sl',
        email: 'nope',
        website: 'http://x',
        mailSenderName: 'A <b>',
        mailReplyTo: '',
        registrationNumber: '58840x4',
      });
      assert.equal(bad.statusCode, 400);
      for (const f of ['name_sl', 'email', 'website', 'mailSenderName', 'registrationNumber'])
        assert.match(bad.body, new RegExp(`href="#${f}"`), f);
      assert.match(bad.body, /value="http:\/\/x"/);
      const ok = await admin.post('/staff/admin/settings', {
        name_sl: 'Upravna enota Ljutomer (nova)',
        name_cs: 'Správní jednotka Ljutomer',
        name_en: 'Ljutomer Administrative Unit',
        defaultLanguage: 'sl',
        email: 'UE.Ljutomer@example.si',
        phone: '+386 2 584 90 00',
        website: 'https://www.example.si/ljutomer',
        mailSenderName: 'UE Ljutomer',
        mailReplyTo: 'info@example.si',
        registrationNumber: '588 4012',
      });
      assert.equal(ok.statusCode, 303, ok.body);
      const org = await okence.handle.db
        .selectFrom('organisation')
        .selectAll()
        .where('slug', '=', 'ue-ljutomer')
        .executeTakeFirstOrThrow();
      assert.equal(org.email, 'ue.ljutomer@example.si');
      assert.equal(org.mail_sender_name, 'UE Ljutomer');
      assert.match(
        (await okence.app.inject({ method: 'GET', url: '/o/ue-ljutomer?lang=sl' })).body,
        /Upravna enota Ljutomer \(nova\)/,
      );
      const [entry] = await audit('organisation.updated');
      assert.deepEqual(entry!.detail.mail_reply_to, [null, 'info@example.si']);
      assert.deepEqual(entry!.detail.registration_number, ['5884004', '5884012']);
      // The audit page shows what changed, in words, in the page's language.
      const log = (await admin.get('/staff/audit?what=organisation&lang=sl')).body;
      assert.match(log, /<li>Naslov za odgovor: – → info@example\.si<\/li>/);
      assert.match(
        log,
        /<li>Ime \(sl\): Upravna enota Ljutomer → Upravna enota Ljutomer \(nova\)<\/li>/,
      );

      // The next email to a citizen carries the new sender name and reply-to; the address stays MAIL_FROM.
      await bookThroughApi(okence, {
        organisation: 'ue-ljutomer',
        office: 'ljutomer',
        service: 'splosne-informacije',
        day: '2026-11-26',
        email: 'sender-check@example.si',
        name: 'Citizen',
      });
      const row = await okence.handle.db
        .selectFrom('mail_outbox')
        .select(['id', 'from_name', 'reply_to'])
        .where('to_address', '=', 'sender-check@example.si')
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      assert.deepEqual([row.from_name, row.reply_to], ['UE Ljutomer', 'info@example.si']);
      // The app's own worker is woken by the booking and polls the outbox: it may send the row
      // first, and take it again after it is queued anew (a CI run saw that). Stop it, queue the
      // row again for a worker whose messages we can read, and start it after.
      await okence.services.mail.stop();
      await okence.handle.db
        .updateTable('mail_outbox')
        .set({ state: 'pending', claimed_until: null, next_attempt_at: clock.now() })
        .where('id', '=', row.id)
        .execute();
      const sent: TransportMessage[] = [];
      const worker = mailWorker({
        db: okence.handle.db,
        clock,
        from: 'Okence <no-reply@okence.example>',
        transport: { send: (m) => (sent.push(m), Promise.resolve({ messageId: m.messageId })) },
        log: { info() {}, warn() {}, error() {} },
      });
      await worker.runOnce();
      okence.services.mail.start();
      const message = sent.find((m) => m.to === 'sender-check@example.si');
      assert.equal(message?.from, '"UE Ljutomer" <no-reply@okence.example>');
      assert.equal(message.replyTo, 'info@example.si');
    });

    test("the registration number is checked by the organisation's country: IČO or matična številka", async () => {
      const admin = await browserFor(okence, 'admin@koprivnice.example');
      const form = {
        name_cs: 'Město Kopřivnice',
        defaultLanguage: 'cs',
        email: '',
        phone: '',
        website: '',
        mailSenderName: '',
        mailReplyTo: '',
      };
      for (const [value, message] of [
        ['5884004', /Enter the IČO: 8 digits\./],
        ['00298078', /its last digit does not match/],
      ] as const) {
        const res = await admin.post('/staff/admin/settings', {
          ...form,
          registrationNumber: value,
        });
        assert.equal(res.statusCode, 400, value);
        assert.match(res.body, message);
        assert.match(res.body, new RegExp(`value="${value}"`), 'the typed value stays');
      }
      const row = () =>
        okence.handle.db
          .selectFrom('organisation')
          .select('registration_number')
          .where('slug', '=', 'koprivnice')
          .executeTakeFirstOrThrow();
      assert.equal((await row()).registration_number, '00298077');
      const ok = await admin.post('/staff/admin/settings', { ...form, registrationNumber: '' });
      assert.equal(ok.statusCode, 303);
      assert.equal((await row()).registration_number, null);
      const back = await admin.post('/staff/admin/settings', {
        ...form,
        registrationNumber: '00298077',
      });
      assert.equal(back.statusCode, 303);
      assert.equal((await row()).registration_number, '00298077');
    });

    test('officials are refused the admin pages (403), and an admin reaches only their own organisation (404)', async () => {
      const official = await browserFor(okence, 'uradnik@ljutomer.example');
      for (const url of [
        '/staff/admin',
        '/staff/admin/offices',
        '/staff/admin/services/new',
        '/staff/admin/settings',
        '/staff/admin/officials',
      ])
        assert.equal((await official.get(url)).statusCode, 403, url);
      assert.equal((await official.post('/staff/admin/offices', { name_sl: 'X' })).statusCode, 403);
      const other = await browserFor(okence, 'admin@domzale.example');
      const office = await okence.handle.db
        .selectFrom('office')
        .select('id')
        .where('slug', '=', 'ljutomer')
        .executeTakeFirstOrThrow();
      assert.equal((await other.get(`/staff/admin/offices/${office.id}`)).statusCode, 404);
      assert.equal(
        (await other.post(`/staff/admin/offices/${office.id}/active`, { active: '0' })).statusCode,
        404,
      );
      // Another organisation's office in a service's form is a forged form: 404, nothing saved.
      const forged = await other.post('/staff/admin/services', {
        slug: 'forged',
        name_sl: 'Ponaredek',
        fee: '',
        durationMinutes: '30',
        byVideo: '1',
        active: '1',
        offices: [office.id],
        position: '0',
      });
      assert.equal(forged.statusCode, 404);
      assert.equal(
        await okence.handle.db
          .selectFrom('service')
          .select('id')
          .where('slug', '=', 'forged')
          .executeTakeFirst(),
        undefined,
      );
    });
  });
}
