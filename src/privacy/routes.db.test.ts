// /staff/privacy over HTTP: settings validated and audited, the search by address, the export
// download, erasure with its confirmation step (appointments ahead cancelled first, with the
// usual email), another organisation's admin finding nothing, and the public notice.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import type { Db } from '../db/db.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, cookiesOf, csrfFrom } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { bookThroughApi, staffCookie } from '../meeting/testing.ts';
import { isPlaceholderEmail } from './anonymisation.ts';
import { whereFound } from './testing.ts';

const ORG = { organisation: 'ue-domzale', office: 'domzale', service: 'splosne-informacije' };
const CITIZEN = { email: 'cene.prelovsek@example.si', name: 'Cene Prelovšek' };

for (const kind of DB_KINDS) {
  describe(`privacy pages on ${kind}`, () => {
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
    let okence: Okence;
    let db: Db;
    let past: { id: string };
    let ahead: { id: string };

    type Caller = { cookie: string; csrf: string };
    async function caller(email: string): Promise<Caller> {
      let cookie = await staffCookie(okence, email);
      const page = await okence.app.inject({ method: 'GET', url: '/staff', headers: { cookie } });
      const extra = Object.entries(cookiesOf(page))
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');
      if (extra) cookie = `${cookie}; ${extra}`;
      return { cookie, csrf: csrfFrom(page.body) };
    }
    const post = (c: Caller, url: string, form: Record<string, string>) =>
      okence.app.inject({
        method: 'POST',
        url,
        headers: {
          cookie: c.cookie,
          'content-type': 'application/x-www-form-urlencoded',
          'accept-language': 'en',
        },
        payload: new URLSearchParams({ ...form, _csrf: c.csrf }).toString(),
      });

    before(async () => {
      okence = await bootTestApp(kind, { clock });
      db = okence.handle.db;
      past = await bookThroughApi(okence, { ...ORG, day: '2026-11-24', ...CITIZEN });
      clock.advance(60_000); // the helper reads the newest code mailed to the address
      ahead = await bookThroughApi(okence, {
        ...ORG,
        day: '2026-12-02',
        ...CITIZEN,
        ip: '203.0.113.52',
      });
      // The first appointment is over: a week later, the second is still ahead.
      clock.set(new Date('2026-11-30T10:00:00Z'));
    });
    after(async () => okence?.close());

    test('an official is refused; settings are validated, kept as typed, saved, audited and shown on the notice at once', async () => {
      const official = await caller('uradnik@domzale.example');
      assert.equal(
        (
          await okence.app.inject({
            method: 'GET',
            url: '/staff/privacy',
            headers: { cookie: official.cookie },
          })
        ).statusCode,
        403,
      );
      const admin = await caller('admin@domzale.example');
      const bad = await post(admin, '/staff/privacy/settings', {
        retentionDays: '0',
        dpoName: 'Mojca Pooblaščena',
        dpoEmail: 'not-an-address',
        postalAddress: '',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /href="#retentionDays"/);
      assert.match(bad.body, /href="#dpoEmail"/);
      assert.match(bad.body, /value="Mojca Pooblaščena"/);
      const ok = await post(admin, '/staff/privacy/settings', {
        retentionDays: '45',
        dpoName: 'Mojca Pooblaščena',
        dpoEmail: 'DPO@domzale.example',
        postalAddress: 'Ljubljanska 69\n1230 Domžale',
      });
      assert.equal(ok.statusCode, 303);
      assert.equal(ok.headers.location, '/staff/privacy?saved=1#settings');
      const notice = await okence.app.inject({
        method: 'GET',
        url: '/o/ue-domzale/privacy?lang=en',
      });
      assert.equal(notice.statusCode, 200);
      assert.match(notice.body, /for 45 days after the appointment/);
      assert.match(notice.body, /dpo@domzale\.example/);
      assert.match(notice.body, /Informacijski pooblaščenec/);
      const audit = await db
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', 'privacy_settings.updated')
        .execute();
      assert.equal(audit.length, 1);
      assert.deepEqual(audit[0]!.detail.retentionDays, [90, 45]);
      assert.match(
        (await okence.app.inject({ method: 'GET', url: '/o/koprivnice/privacy?lang=cs' })).body,
        /Úřad pro ochranu osobních údajů/,
      );
    });

    test('the search finds the appointments by the normalised address; another organisation’s admin finds nothing', async () => {
      const admin = await caller('admin@domzale.example');
      const found = await post(admin, '/staff/privacy/search', {
        email: `  ${CITIZEN.email.toUpperCase()} `,
      });
      assert.equal(found.statusCode, 200);
      assert.match(found.body, /cancelled first, then anonymised/);
      assert.match(found.body, /anonymised at once/);
      const bad = await post(admin, '/staff/privacy/search', { email: 'nobody' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /href="#email"/);
      const other = await caller('admin@ljutomer.example');
      const none = await post(other, '/staff/privacy/search', { email: CITIZEN.email });
      assert.equal(none.statusCode, 200);
      assert.match(none.body, /no appointments with this address/);
      const otherExport = (
        await post(other, '/staff/privacy/export', { email: CITIZEN.email })
      ).json<{ bookings: unknown[] }>();
      assert.deepEqual(otherExport.bookings, []);
    });

    test('the export downloads both appointments as JSON, not stored by caches; it is audited without the address', async () => {
      const admin = await caller('admin@domzale.example');
      const res = await post(admin, '/staff/privacy/export', { email: CITIZEN.email });
      assert.equal(res.statusCode, 200);
      assert.match(
        String(res.headers['content-disposition']),
        /^attachment; filename="okence-ue-domzale-data-export-\d{8}T\d{6}Z\.json"$/,
      );
      assert.equal(res.headers['cache-control'], 'no-store');
      const data = res.json<{
        subject: { email: string };
        bookings: { id: string; contact: { name: string } }[];
        emails: unknown[];
      }>();
      assert.equal(data.subject.email, CITIZEN.email);
      assert.deepEqual(
        data.bookings.map((b) => b.id),
        [past.id, ahead.id],
      );
      assert.equal(data.bookings[0]!.contact.name, CITIZEN.name);
      assert.ok(data.emails.length >= 2);
      const audit = await db
        .selectFrom('audit_event')
        .selectAll()
        .where('action', 'like', 'privacy.%')
        .where('summary', '=', 'ue-domzale')
        .execute();
      assert.equal(audit.length, 1);
      assert.ok(!JSON.stringify(audit).includes(CITIZEN.email));
    });

    test('erasure asks first, refuses to skip the appointment ahead, then cancels it (email queued) and anonymises both', async () => {
      const admin = await caller('admin@domzale.example');
      const confirm = await post(admin, '/staff/privacy/erase', { email: CITIZEN.email });
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /These appointments are still ahead/);
      assert.match(confirm.body, /name="cancelFuture" value="yes"/);
      assert.ok(
        (await whereFound(db, CITIZEN.email)).includes('booking.citizen_email'),
        'nothing happened yet',
      );
      const refused = await post(admin, '/staff/privacy/erase/confirm', { email: CITIZEN.email });
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /must be cancelled first/);
      const done = await post(admin, '/staff/privacy/erase/confirm', {
        email: CITIZEN.email,
        cancelFuture: 'yes',
      });
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, '/staff/privacy?erased=2-1');
      const rows = await db
        .selectFrom('booking')
        .select(['id', 'state', 'citizen_email', 'citizen_name'])
        .where('id', 'in', [past.id, ahead.id])
        .orderBy('id')
        .execute();
      assert.ok(rows.every((r) => isPlaceholderEmail(r.citizen_email) && r.citizen_name === '—'));
      assert.equal(rows.find((r) => r.id === ahead.id)!.state, 'cancelled');
      // The cancellation notice is the one thing left: it still has to reach the citizen.
      const left = await whereFound(db, CITIZEN.email);
      assert.deepEqual(
        left,
        ['mail_outbox.text_body', 'mail_outbox.to_address'].filter((c) => left.includes(c)),
      );
      const cancel = await db
        .selectFrom('mail_outbox')
        .select(['state', 'ics_method'])
        .where('to_address', '=', CITIZEN.email)
        .execute();
      // Pending; or, if the woken mail worker sent it before the erasure's transaction, already gone.
      assert.ok(cancel.every((c) => c.ics_method === 'CANCEL') && cancel.length <= 1);
      const event = await db
        .selectFrom('booking_event')
        .select(['kind', 'actor_role', 'reason'])
        .where('booking_id', '=', ahead.id)
        .execute();
      assert.deepEqual(
        event,
        [{ kind: 'cancelled', actor_role: 'staff', reason: null }],
        'cancelled by staff; the reason erased with the rest',
      );
      // Once sent, the retention job removes it.
      await okence.jobs.sendMail();
      await okence.jobs.anonymise();
      assert.deepEqual(await whereFound(db, CITIZEN.email), []);
      const audit = await db
        .selectFrom('audit_event')
        .select(['action', 'detail'])
        .where('action', 'in', ['privacy.erased', 'privacy.cancelled'])
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['privacy.cancelled', 'privacy.erased'],
      );
      assert.deepEqual((audit[1]!.detail as { bookings: number }).bookings, 2);
      const page = await okence.app.inject({
        method: 'GET',
        url: '/staff/privacy?erased=2-1',
        headers: { cookie: admin.cookie, 'accept-language': 'en' },
      });
      assert.match(page.body, /Erased: 2 appointments anonymised, 1 of them cancelled first/);
      // Garbage in the query is no notice, never a 500.
      for (const q of [
        'erased=2-1&erased=3-4',
        `erased=${'9'.repeat(5000)}-1`,
        'saved=1&saved=1',
      ]) {
        const res = await okence.app.inject({
          method: 'GET',
          url: `/staff/privacy?${q}`,
          headers: { cookie: admin.cookie, 'accept-language': 'en' },
        });
        assert.equal(res.statusCode, 200, q);
        assert.doesNotMatch(res.body, /Erased:|Your changes are saved/, q);
      }
    });

    test('a hold being made right now stops the erasure with a clear message; once it has lapsed, erasure goes ahead', async () => {
      const email = 'hana.hold@example.si';
      const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
        okence.app.inject({
          method,
          url: `/api/v1${url}`,
          remoteAddress: '203.0.113.60',
          ...(payload ? { payload } : {}),
        });
      const days = (
        await api(
          'GET',
          '/organisations/ue-domzale/services/splosne-informacije/availability?office=domzale&from=2026-12-03&to=2026-12-10',
        )
      ).json<{ days: { times: { start: string }[] }[] }>();
      const start = days.days[0]!.times[0]!.start;
      const hold = await api(
        'POST',
        '/organisations/ue-domzale/services/splosne-informacije/holds',
        { office: 'domzale', start, name: 'Hana Hold', email, language: 'en' },
      );
      assert.equal(hold.statusCode, 201);
      const admin = await caller('admin@domzale.example');
      const refused = await post(admin, '/staff/privacy/erase/confirm', {
        email,
        cancelFuture: 'yes',
      });
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /booking an appointment with this address right now/);
      clock.advance(60 * 60_000);
      const again = await caller('admin@domzale.example');
      const done = await post(again, '/staff/privacy/erase/confirm', { email });
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, '/staff/privacy?erased=1-0');
    });
  });
}
