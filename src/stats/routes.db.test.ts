import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { staffCookie } from '../meeting/testing.ts';
import { offlineProviders, providersFile } from '../config/testing.ts';
import { seedAppointments, seedFee } from './testing.ts';

for (const kind of DB_KINDS) {
  describe(`statistics pages (${kind})`, () => {
    let okence: Okence;
    let admin: string;
    let official: string;
    let serviceId: string;
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));

    before(async () => {
      okence = await bootTestApp(kind, {
        clock,
        env: { EID_PROVIDERS_FILE: providersFile(offlineProviders()) },
      });
      const db = okence.handle.db;
      const org = await db
        .selectFrom('organisation')
        .select(['id'])
        .where('slug', '=', 'ue-domzale')
        .executeTakeFirstOrThrow();
      const booking = await db
        .selectFrom('service as s')
        .innerJoin('service_office as so', 'so.service_id', 's.id')
        .innerJoin('service_official as sf', 'sf.service_id', 's.id')
        .select(['s.id as service_id', 'so.office_id', 'sf.staff_id'])
        .where('s.organisation_id', '=', org.id)
        .where('s.slug', '=', 'splosne-informacije')
        .executeTakeFirstOrThrow();
      serviceId = booking.service_id;
      await seedAppointments(
        db,
        {
          organisationId: org.id,
          officeId: booking.office_id,
          serviceId,
          staffId: booking.staff_id,
        },
        [
          {
            start: new Date('2026-10-05T07:00:00Z'),
            wait: 3,
            length: 15,
            rating: 4,
            comment: '=HYPERLINK("x")',
          },
          { start: new Date('2026-10-05T08:00:00Z'), noShow: true },
        ],
      );
      admin = await staffCookie(okence, 'admin@domzale.example');
      official = await staffCookie(okence, 'uradnik@domzale.example');
    });
    after(() => okence.close());

    const get = (url: string, cookie: string, lang = 'en') =>
      okence.app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': lang } });

    test('the page shows the figures of the filtered period, with charts and tables', async () => {
      const res = await get('/staff/stats?from=2026-10-01&to=2026-10-31', admin);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<title id="per-day-chart-title">Appointments per day<\/title>/);
      assert.match(res.body, /2 in all/);
      assert.match(res.body, /1 of 2 appointments that were due did not take place: 50%/);
      assert.match(res.body, /Average 4 out of 5 \(1 answer\)/);
      assert.match(res.body, /<th scope="row">05\/10\/2026<\/th><td class="num">2<\/td>/);
      assert.match(res.body, /Choose one service/);
      const one = await get(
        `/staff/stats?service=${serviceId}&from=2026-10-05&to=2026-10-05`,
        admin,
        'sl',
      );
      assert.match(one.body, /<svg id="capacity-chart"/);
      assert.match(one.body, /Prosta in zasedena mesta/);
    });

    test('invalid filters come back with 400, the errors and what was typed', async () => {
      const res = await get('/staff/stats?from=2026-10-31&to=2026-10-01&office=nope', admin);
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /href="#stats-to">The end of the period must not be before its start/);
      assert.match(res.body, /href="#stats-office">Choose one of the options/);
      assert.match(res.body, /value="2026-10-31"/);
      assert.doesNotMatch(res.body, /per-day-chart/);
      assert.equal((await get('/staff/stats?from=2026-02-30', admin)).statusCode, 400);
      assert.equal(
        (await get('/staff/stats.csv?from=2025-01-01&to=2026-10-01', admin)).statusCode,
        400,
      );
    });

    test('the CSV has every figure, headed in the page language, as an attachment, formulas defused', async () => {
      const res = await get('/staff/stats.csv?from=2026-10-01&to=2026-10-31', admin, 'sl');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
      assert.equal(
        res.headers['content-disposition'],
        'attachment; filename="statistics-2026-10-01-2026-10-31.csv"',
      );
      assert.ok(res.body.startsWith('\uFEFFStatistika;2026-10-01;2026-10-31;Europe/Ljubljana\r\n'));
      assert.match(res.body, /\r\nTermini po dnevih\r\nDan;Termini\r\n2026-10-01;0\r\n/);
      assert.match(res.body, /\r\n2026-10-05;2\r\n/);
      assert.match(res.body, /Čakanje v čakalnici;1;3;3;3\r\n/);
      assert.ok(res.body.includes(';"\'=HYPERLINK(""x"")"\r\n'));
      const en = await get('/staff/stats.csv?from=2026-10-01&to=2026-10-31', admin);
      assert.match(en.body, /\r\nDay,Appointments\r\n/);
    });

    test('local fees per fee type and month, on the page in the currency and in the CSV as numbers', async () => {
      const db = okence.handle.db;
      const org = await db
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', 'ue-domzale')
        .executeTakeFirstOrThrow();
      await seedFee(db, org.id, 'stats-route-fee', [
        { vs: '2699000001', instalments: [['2026-09-30', 123_450]], paid: [23_450] },
      ]);
      const page = await get('/staff/stats?from=2026-09-01&to=2026-09-30', admin, 'sl');
      assert.equal(page.statusCode, 200);
      const section = page.body.slice(page.body.indexOf('<h2 id="fees">'));
      // Today (23 November) the September instalment is overdue: 1000,00 € of it (Slovenian
      // groups digits from five on).
      assert.match(section, /<th scope="row">stats-route-fee<\/th><td>september 2026<\/td>/);
      assert.match(
        section,
        /1234,50\s€<\/td><td class="num">234,50\s€<\/td><td class="num">0,00\s€<\/td><td class="num">1000,00\s€/,
      );
      const csv = await get('/staff/stats.csv?from=2026-09-01&to=2026-09-30', admin, 'sl');
      assert.match(
        csv.body,
        /\r\nTakse in pristojbine\r\nVrsta;Mesec zapadlosti;Odmerjeno;Plačano;Še ni zapadlo;Zapadlo neplačano\r\n/,
      );
      assert.match(
        csv.body,
        /\r\nstats-route-fee;2026-09;1234,5;234,5;0;1000\r\nstats-route-fee;Skupaj;1234,5;234,5;0;1000\r\n/,
      );
      const none = await get('/staff/stats?from=2026-10-01&to=2026-10-31', admin, 'cs');
      assert.ok(none.body.includes('V tomto období není splatná žádná splátka poplatku.'));
    });

    test("citizens' sign-ins per day and per provider and level, on the page and in the CSV, for the organisation's own", async () => {
      const db = okence.handle.db;
      const orgId = async (slug: string) =>
        (
          await db
            .selectFrom('organisation')
            .select('id')
            .where('slug', '=', slug)
            .executeTakeFirstOrThrow()
        ).id;
      const [domzale, ljutomer] = [await orgId('ue-domzale'), await orgId('ue-ljutomer')];
      const citizens = okence.services.citizens;
      const nia = (n: number) => ({
        providerId: 'nia',
        personIdentifier: `CZ/CZ/route-${n}`,
        loa: 'substantial' as const,
        givenName: 'Jana',
        familyName: 'Nováková',
      });
      const ip = '192.0.2.7';
      await citizens.signIn(nia(1), { organisationId: domzale, ip });
      await citizens.signIn(
        {
          providerId: 'email',
          personIdentifier: 'a@example.si',
          loa: 'low',
          email: 'a@example.si',
        },
        { organisationId: domzale, ip },
      );
      await citizens.signIn(nia(2), { organisationId: ljutomer, ip });
      await citizens.signIn(nia(3), { ip });

      const page = await get('/staff/stats?from=2026-11-01&to=2026-11-30', admin);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<svg id="citizen-sign-ins-chart"/);
      assert.match(
        page.body,
        /Sign-ins in all: 2; of these, first sign-ins that registered an account: 2\./,
      );
      assert.match(
        page.body,
        /<th scope="row">Czech eID \(NIA\)<\/th><td>substantial<\/td><td class="num">1<\/td><td class="num">1<\/td>/,
      );
      assert.match(page.body, /<th scope="row">Code by e-mail<\/th><td>low<\/td>/);

      const csv = await get('/staff/stats.csv?from=2026-11-01&to=2026-11-30', admin, 'sl');
      assert.match(
        csv.body,
        /\r\nPrijave občanov po dnevih\r\nDan;Prijave;Novi računi\r\n2026-11-01;0;0\r\n/,
      );
      assert.match(csv.body, /\r\n2026-11-23;2;2\r\n/);
      assert.match(
        csv.body,
        /\r\nNačin prijave;Raven zanesljivosti;Prijave;Novi računi\r\nNIA \(Češka e-identiteta\);znatna;1;1\r\nKoda po e-pošti;nizka;1;1\r\n/,
      );
      assert.match(
        csv.body,
        /\r\nDan;Način prijave;Raven zanesljivosti;Prijave;Novi računi\r\n2026-11-23;NIA \(Češka e-identiteta\);znatna;1;1\r\n2026-11-23;Koda po e-pošti;nizka;1;1\r\n\r\n/,
      );
      assert.match(csv.body, /Računi občanov, odprti v tem obdobju[^\r]*;2\r\n/);

      // Another organisation's admin sees its one sign-in, never Domžale's nor the one from no page.
      const stranger = await staffCookie(okence, 'admin@ljutomer.example');
      const theirs = await get('/staff/stats.csv?from=2026-11-01&to=2026-11-30', stranger);
      assert.match(theirs.body, /\r\nDay,Sign-ins,New accounts\r\n/);
      assert.match(theirs.body, /\r\n2026-11-23,1,1\r\n/);
      assert.doesNotMatch(theirs.body, /Code by e-mail/);
    });

    test("officials are refused; another organisation's admin gets 404 for this one's service and sees none of its figures", async () => {
      assert.equal((await get('/staff/stats', official)).statusCode, 403);
      assert.equal((await get('/staff/stats.csv', official)).statusCode, 403);
      const stranger = await staffCookie(okence, 'admin@ljutomer.example');
      assert.equal((await get(`/staff/stats?service=${serviceId}`, stranger)).statusCode, 404);
      assert.equal((await get(`/staff/stats.csv?service=${serviceId}`, stranger)).statusCode, 404);
      const own = await get('/staff/stats.csv?from=2026-10-01&to=2026-10-31', stranger);
      assert.match(
        own.body,
        /\r\n2026-10-05,0\r\n/,
        'the seeded day counts nothing for another organisation',
      );
      assert.doesNotMatch(own.body, /HYPERLINK/);
    });
  });
}
