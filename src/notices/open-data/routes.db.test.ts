import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from '@rowanmanning/feed-parser';
import type { Okence } from '../../boot.ts';
import { DB_KINDS } from '../../db/testing.ts';
import { bootTestApp } from '../../http/testing.ts';
import { fixedClock } from '../../lib/clock.ts';
import { OFN_SCHEMAS, ofnErrors } from '../testing-ofn.ts';
import { seedTestBoard } from '../public/testing.ts';

const BASE = 'https://okence.example';

for (const kind of DB_KINDS) {
  describe(`the notice board's open data on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-12-10T08:00:00Z'));
    let files: Record<string, string> = {};
    before(async () => {
      okence = await bootTestApp(kind, { clock, env: { PUBLIC_URL: BASE } });
      files = (await seedTestBoard(okence)).files;
      // Kopřivnice has its IČO in the demo data; a Czech organisation without one, and a
      // Slovenian registration number, do not make the Czech standard apply.
      await okence.handle.db
        .updateTable('organisation')
        .set({ registration_number: null })
        .where('slug', '=', 'liberecky-kraj')
        .execute();
    });
    after(async () => {
      await okence.close();
    });
    const get = (url: string, headers: Record<string, string> = {}) =>
      okence.app.inject({ method: 'GET', url, headers });

    test('notices.jsonld is valid OFN Úřední desky with the documents on the board now', async () => {
      const res = await get('/o/koprivnice/notices.jsonld');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/ld+json; charset=utf-8');
      const doc = res.json();
      assert.deepEqual(ofnErrors(OFN_SCHEMAS.noticeBoard, doc), []);
      assert.equal(doc.stránka, `${BASE}/o/koprivnice/notices`);
      assert.deepEqual(doc.provozovatel, { typ: 'Osoba', ičo: '00298077' });
      assert.deepEqual(
        doc.informace.map((i: { url: string }) => i.url),
        [`${BASE}/o/koprivnice/notices/5`, `${BASE}/o/koprivnice/notices/1`],
      );
      const [five, one] = doc.informace;
      assert.deepEqual(five.relevantní_do, { typ: 'Časový okamžik', nespecifikovaný: true });
      assert.deepEqual(one.vyvěšení, { typ: 'Časový okamžik', datum: '2026-12-02' });
      assert.deepEqual(one.relevantní_do, { typ: 'Časový okamžik', datum: '2026-12-20' });
      assert.equal(one.název.cs, 'Veřejná vyhláška o uzavírce Štramberské');
      assert.equal(one.číslo_jednací, 'MUKO 12345/2026');
      assert.equal(one.spisová_značka, 'SZ-OD 678/2026');
      assert.equal(one.revize, '2');
      assert.deepEqual(one.agenda, [{ typ: 'Agenda', název: { cs: 'Veřejné vyhlášky' } }]);
      assert.equal(one.dokument[0].url, `${BASE}/o/koprivnice/notices/1/files/${files.one}`);
      // The validator is no rubber stamp: the same document without a posting date fails.
      delete one.vyvěšení;
      assert.notDeepEqual(ofnErrors(OFN_SCHEMAS.noticeBoard, doc), []);
    });

    test('the Atom feed reads back field by field with an independent parser', async () => {
      const res = await get('/o/koprivnice/notices.atom');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/atom+xml; charset=utf-8');
      const feed = parseFeed(res.body);
      assert.equal(feed.meta.type, 'atom');
      assert.equal(feed.title, 'Město Kopřivnice: úřední deska');
      assert.equal(feed.self, `${BASE}/o/koprivnice/notices.atom`);
      assert.equal(feed.url, `${BASE}/o/koprivnice/notices`);
      assert.equal(feed.language, 'cs');
      assert.equal(feed.authors[0]?.name, 'Město Kopřivnice');
      // The board last changed when no. 5 went up (9 Dec, midnight in Prague).
      assert.equal(feed.updated?.toISOString(), '2026-12-08T23:00:00.000Z');
      assert.equal(feed.items.length, 2);
      const one = feed.items.find((i) => i.url === `${BASE}/o/koprivnice/notices/1`)!;
      assert.equal(one.id, `${BASE}/o/koprivnice/notices/1`);
      assert.equal(one.title, 'Veřejná vyhláška o uzavírce Štramberské');
      assert.equal(one.published?.toISOString(), '2026-12-01T23:00:00.000Z');
      assert.equal(one.updated?.toISOString(), '2026-12-05T09:00:00.000Z');
      assert.match(one.description ?? '', /^Uzavírka ulice Štramberská/);
      assert.deepEqual(
        one.categories.map((c) => [c.term, c.label]),
        [['public_decree', 'Veřejné vyhlášky']],
      );
      assert.doesNotMatch(res.body, /Dražba|Tajný/);
    });

    test('ETag and Last-Modified: an unchanged board answers 304; a change gives a new tag', async () => {
      const first = await get('/o/koprivnice/notices.jsonld');
      const etag = String(first.headers.etag);
      assert.match(etag, /^"[\w-]+"$/);
      assert.equal(first.headers['last-modified'], 'Tue, 08 Dec 2026 23:00:00 GMT');
      assert.match(String(first.headers['cache-control']), /public/);
      const again = await get('/o/koprivnice/notices.jsonld', { 'if-none-match': etag });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      const since = await get('/o/koprivnice/notices.atom', {
        'if-modified-since': 'Wed, 09 Dec 2026 00:00:00 GMT',
      });
      assert.equal(since.statusCode, 304);
      clock.set(new Date('2026-12-10T23:00:00Z')); // 11 Dec begins: no. 2 goes up
      try {
        const later = await get('/o/koprivnice/notices.jsonld', { 'if-none-match': etag });
        assert.equal(later.statusCode, 200);
        assert.notEqual(later.headers.etag, etag);
        assert.equal(later.json().informace[0].url, `${BASE}/o/koprivnice/notices/2`);
        assert.deepEqual(ofnErrors(OFN_SCHEMAS.noticeBoard, later.json()), []);
      } finally {
        clock.set(new Date('2026-12-10T08:00:00Z'));
      }
    });

    test('the DCAT-AP-CZ catalogue lists the dataset, whose distributions are the two feeds', async () => {
      const catalogue = (await get('/o/koprivnice/open-data/catalog.jsonld')).json();
      for (const field of [
        '@context',
        'iri',
        'typ',
        'název',
        'popis',
        'poskytovatel',
        'datová_sada',
      ])
        assert.ok(field in catalogue, `catalogue ${field}`);
      assert.equal(catalogue.typ, 'Katalog');
      assert.equal(catalogue.iri, `${BASE}/o/koprivnice/open-data/catalog.jsonld`);
      assert.equal(
        catalogue.poskytovatel,
        'https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/00298077',
      );
      assert.deepEqual(catalogue.datová_sada, [`${BASE}/o/koprivnice/open-data/notices.jsonld`]);
      const res = await get('/o/koprivnice/open-data/notices.jsonld');
      assert.equal(res.headers['content-type'], 'application/ld+json; charset=utf-8');
      const dataset = res.json();
      for (const field of [
        'iri',
        'typ',
        'název',
        'popis',
        'poskytovatel',
        'téma',
        'periodicita_aktualizace',
        'klíčové_slovo',
        'prvek_rúian',
        'distribuce',
      ])
        assert.ok(field in dataset, `dataset ${field}`);
      assert.equal(dataset.iri, catalogue.datová_sada[0]);
      assert.deepEqual(dataset.specifikace, ['https://ofn.gov.cz/úřední-desky/2021-07-20/']);
      assert.deepEqual(
        dataset.distribuce.map((d: { soubor_ke_stažení: string }) => d.soubor_ke_stažení),
        [`${BASE}/o/koprivnice/notices.jsonld`, `${BASE}/o/koprivnice/notices.atom`],
      );
      for (const d of dataset.distribuce) {
        assert.equal(d.typ, 'Distribuce');
        for (const field of ['iri', 'podmínky_užití', 'přístupové_url', 'formát', 'typ_média'])
          assert.ok(field in d, `distribution ${field}`);
        assert.equal(d.podmínky_užití.typ, 'Specifikace podmínek užití');
        for (const term of [
          'autorské_dílo',
          'databáze_jako_autorské_dílo',
          'databáze_chráněná_zvláštními_právy',
          'osobní_údaje',
        ])
          assert.match(d.podmínky_užití[term], /^https:\/\/data\.gov\.cz\/podmínky-užití\//);
      }
    });

    test('the board page links its open data; where the OFN does not apply only Atom is offered', async () => {
      const page = await get('/o/koprivnice/notices');
      assert.match(
        page.body,
        /<link rel="alternate" type="application\/ld\+json" href="\/o\/koprivnice\/notices.jsonld"/,
      );
      assert.match(page.body, /href="\/o\/koprivnice\/open-data\/catalog.jsonld"/);
      // A Slovenian organisation, and a Czech one without its IČO: no OFN, no catalogue.
      for (const org of ['ue-domzale', 'liberecky-kraj']) {
        for (const path of [
          '/notices.jsonld',
          '/open-data/catalog.jsonld',
          '/open-data/notices.jsonld',
        ])
          assert.equal((await get(`/o/${org}${path}`)).statusCode, 404, `${org} ${path}`);
        assert.equal((await get(`/o/${org}/notices.atom`)).statusCode, 200);
        assert.doesNotMatch((await get(`/o/${org}/notices`)).body, /notices\.jsonld/);
      }
    });
  });
}
