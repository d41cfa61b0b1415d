import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, csrfFrom } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { staffCookie } from '../meeting/testing.ts';

for (const kind of DB_KINDS) {
  describe(`audit log page (${kind})`, () => {
    let okence: Okence;
    let admin: string;
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
    const get = (url: string, cookie = admin) =>
      okence.app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': 'en' } });

    before(async () => {
      okence = await bootTestApp(kind, { clock });
      admin = await staffCookie(okence, 'admin@domzale.example');
      // A closure added through the settings page, then 60 entries of another kind, a minute apart.
      const page = await get('/staff/availability');
      const added = await okence.app.inject({
        method: 'POST',
        url: '/staff/availability/closures',
        headers: { cookie: admin, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          _csrf: csrfFrom(page.body),
          day: '2026-12-24',
          officeId: '',
          note: 'Christmas Eve',
        }).toString(),
      });
      assert.equal(added.statusCode, 303);
      const org = await okence.handle.db
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', 'ue-domzale')
        .executeTakeFirstOrThrow();
      for (let i = 0; i < 60; i++) {
        clock.advance(60_000);
        await okence.handle.db
          .insertInto('audit_event')
          .values({
            organisation_id: org.id,
            at: clock.now(),
            actor_staff_id: null,
            actor_name: 'system:retention',
            action: 'sweep_test.done',
            object_type: 'booking',
            object_id: `0000000${String(i).padStart(2, '0')}`,
            detail: JSON.stringify({ hours: [{ from: 1 }, 2], count: i }),
          })
          .execute();
      }
      admin = await staffCookie(okence, 'admin@domzale.example'); // the first session idled out meanwhile
    });
    after(() => okence.close());

    test('finds the closure added through the settings page, with who, from where and what, translated', async () => {
      const res = await get('/staff/audit?what=closure');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<td>Closure added<\/td>/);
      assert.match(res.body, /<td>127\.0\.0\.1<\/td>/);
      assert.match(res.body, /<td>Mojca Kovač<\/td>/);
      assert.doesNotMatch(res.body, /<td>sweep_test/);
      const byWords = await get('/staff/audit?q=closure&from=2026-11-23&to=2026-11-23');
      assert.match(byWords.body, /Closure added/);
      assert.match((await get('/staff/audit?from=2026-11-24')).body, /No entries match/);
    });

    test('newest first, 50 a page, an "older entries" link, untranslated codes shown as they are, objects linked', async () => {
      const first = await get('/staff/audit');
      assert.equal((first.body.match(/<tr><th scope="row">/g) ?? []).length, 50);
      assert.match(first.body, /System: retention/);
      assert.match(first.body, /<td>sweep_test\.done<\/td>/);
      assert.match(
        first.body,
        /<a href="\/staff\/appointments\/000000059">Appointment 000000059<\/a>/,
      );
      assert.ok(first.body.indexOf('000000059') < first.body.indexOf('000000058'), 'newest first');
      const older = /<a href="(\/staff\/audit\?before=\d+)" rel="next">Older entries<\/a>/.exec(
        first.body,
      );
      assert.ok(older, 'a link to older entries');
      const second = await get(older[1]!.replaceAll('&amp;', '&'));
      assert.equal((second.body.match(/<tr><th scope="row">/g) ?? []).length, 11);
      assert.match(second.body, /Closure added/);
      assert.doesNotMatch(second.body, /rel="next"/);
    });

    test('the CSV holds the whole search (not a page), headed in the page language, as an attachment', async () => {
      const res = await okence.app.inject({
        method: 'GET',
        url: '/staff/audit.csv?before=999999999&what=sweep_test',
        headers: { cookie: admin, 'accept-language': 'sl' },
      });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-disposition'], 'attachment; filename="audit-log.csv"');
      const lines = res.body.split('\r\n');
      assert.equal(
        lines[0],
        '\uFEFFKdaj;Kdo;Od kod;Kaj;Oznaka dejanja;Predmet;Oznaka predmeta;Ime;Podrobnosti;"Predmet in podrobnosti, berljivo"',
      );
      assert.equal(lines.length, 1 + 60 + 1, 'a header, every entry, the final line end');
      assert.equal(
        lines[1],
        '"23. 11. 2026, 11:00:00";Sistem: retention;;sweep_test.done;sweep_test.done;booking;000000059;;"{""count"":59,""hours"":[{""from"":1},2]}";"Termin 000000059; count: 59; hours: {""from"":1} → 2"',
      );
      const official = await staffCookie(okence, 'uradnik@domzale.example');
      assert.equal((await get('/staff/audit.csv', official)).statusCode, 403);
    });

    test('invalid dates come back with 400 and the form kept; officials are refused', async () => {
      const res = await get('/staff/audit?from=2026-13-01&q=kept');
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /href="#audit-from">Enter the date/);
      assert.match(res.body, /value="kept"/);
      const official = await staffCookie(okence, 'uradnik@domzale.example');
      assert.equal((await get('/staff/audit', official)).statusCode, 403);
    });
  });
}
