// The citizens' contacts pages, their search and the OFN export, on the demo data: what is shown,
// and that an unpublished person appears nowhere public.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../../boot.ts';
import { DB_KINDS } from '../../db/testing.ts';
import { bootTestApp } from '../../http/testing.ts';
import { fixedClock } from '../../lib/clock.ts';
import { OFN_SCHEMAS, ofnErrors } from '../testing-ofn.ts';

const h1s = (body: string) => body.match(/<h1[\s>]/g)?.length ?? 0;
/** The demo's unpublished person of Kopřivnice (demo.ts). */
const UNPUBLISHED = 'Marta Kolářová';

for (const kind of DB_KINDS) {
  describe(`contacts pages and open data on ${kind}`, () => {
    let okence: Okence;
    before(async () => {
      okence = await bootTestApp(kind, { clock: fixedClock(new Date('2026-11-23T07:00:00Z')) });
    });
    after(async () => {
      await okence.close();
    });
    const get = (url: string, lang = 'en') =>
      okence.app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });

    test('the directory shows the tree with contact details and published people, in each language', async () => {
      for (const [lang, title, dept] of [
        ['cs', 'Odbory a kontakty', 'Oddělení matriky a evidence obyvatel'],
        ['en', 'Departments and contacts', 'Registry Office and Population Register'],
        ['sl', 'Organizacijske enote in kontakti', 'Oddělení matriky a evidence obyvatel'],
      ] as const) {
        const res = await get('/o/koprivnice/contacts', lang);
        assert.equal(res.statusCode, 200);
        assert.equal(h1s(res.body), 1);
        assert.match(res.body, new RegExp(`<h1>${title}</h1>`));
        assert.ok(res.body.includes(dept), `${lang}: ${dept}`);
        assert.ok(res.body.includes('Petr Svoboda'));
        assert.match(res.body, /href="tel:\+420556879410"/);
        assert.match(res.body, /href="mailto:matrika@koprivnice.example"/);
        assert.ok(!res.body.includes(UNPUBLISHED), `${lang}: the unpublished person is not shown`);
      }
      // The section comes right after its department, marked one level deeper.
      const body = (await get('/o/koprivnice/contacts', 'cs')).body;
      assert.ok(body.indexOf('Odbor správní') < body.indexOf('Oddělení matriky'));
      assert.ok(body.indexOf('Oddělení matriky') < body.indexOf('Odbor finanční'));
      assert.match(
        body,
        /class="card department depth-1">\s*<h2><a href="\/o\/koprivnice\/contacts\/oddeleni-matriky/,
      );
      // A Slovenian reader of a Czech-only text gets Czech, marked as such.
      assert.match(
        (await get('/o/koprivnice/contacts', 'sl')).body,
        /<span lang="cs">Odbor správní<\/span>/,
      );
      assert.equal((await get('/o/no-such-org/contacts')).statusCode, 404);
    });

    test('search folds case and diacritics, finds people by name and role and departments by what they handle', async () => {
      const cases: [string, RegExp][] = [
        ['MATRIKA', /contacts\/oddeleni-matriky-a-evidence-obyvatel"/],
        ['svoboda', /Petr Svoboda/],
        ['vedouci odboru', /Radka Horáková/],
        // Departments by the services and life situations they handle.
        ['poplatek psu', /contacts\/odbor-financni"/],
        ['zabor', /contacts\/stavebni-urad"/],
      ];
      for (const [q, expected] of cases) {
        const res = await get(`/o/koprivnice/contacts?q=${encodeURIComponent(q)}`, 'cs');
        assert.equal(res.statusCode, 200);
        assert.match(res.body, /id="results"/);
        assert.match(res.body, expected, q);
      }
      const finance = await get('/o/koprivnice/contacts?q=poplatek%20psu', 'cs');
      assert.doesNotMatch(finance.body, /contacts\/stavebni-urad"/);
      // The unpublished person is not found by name, nor by role.
      for (const q of ['Kolarova', 'matrikarka']) {
        const res = await get(`/o/koprivnice/contacts?q=${q}`, 'cs');
        assert.ok(!res.body.includes(UNPUBLISHED), q);
      }
      const none = await get('/o/koprivnice/contacts?q=%3Cscript%3Ezzz', 'en');
      assert.match(none.body, /Nothing was found for “&lt;script&gt;zzz”/);
      assert.equal((await get('/o/koprivnice/contacts?q=a&q=b')).statusCode, 200);
    });

    test('a department shows its people, sections, situations and booking, and a person who takes bookings is offered them', async () => {
      const res = await get('/o/koprivnice/contacts/oddeleni-matriky-a-evidence-obyvatel', 'cs');
      assert.equal(res.statusCode, 200);
      assert.equal(h1s(res.body), 1);
      assert.match(res.body, /<h1>Oddělení matriky a evidence obyvatel<\/h1>/);
      assert.match(res.body, /href="\/o\/koprivnice\/contacts\/odbor-spravni"/, 'its parent');
      assert.match(res.body, /href="\/o\/koprivnice\/situations\/zmena-trvaleho-pobytu"/);
      assert.match(res.body, /href="\/o\/koprivnice\/s\/trvaly-pobyt"/);
      assert.match(res.body, /Objednat se: Přihlášení k trvalému pobytu/, "Petr Svoboda's booking");
      // He receives appointments for the dog fee too, though another department handles it.
      assert.match(res.body, /Objednat se: Poplatek ze psů/);
      assert.ok(!res.body.includes(UNPUBLISHED));
      const parent = await get('/o/koprivnice/contacts/odbor-spravni', 'cs');
      assert.doesNotMatch(
        parent.body,
        /Objednat se/,
        'a person without an account offers no booking',
      );
      assert.match(
        parent.body,
        /href="\/o\/koprivnice\/contacts\/oddeleni-matriky-a-evidence-obyvatel"/,
      );
      assert.equal((await get('/o/koprivnice/contacts/no-such')).statusCode, 404);
      assert.equal((await get('/o/ue-domzale/contacts/stavebni-urad')).statusCode, 404);
    });

    test('the service page and the life situation guide say which department handles them', async () => {
      const service = await get('/o/koprivnice/s/poplatek-za-psa', 'cs');
      assert.match(
        service.body,
        /Vyřizuje:.*Odbor finanční.*href="\/o\/koprivnice\/contacts\/odbor-financni"/s,
      );
      const guide = await get('/o/koprivnice/situations/prihlaseni-psa', 'en');
      assert.match(
        guide.body,
        /Handled by:.*Finance Department.*href="\/o\/koprivnice\/contacts\/odbor-financni"/s,
      );
      const unlinked = await get('/o/liberecky-kraj/situations/dotace-sportovni-fond', 'en');
      assert.doesNotMatch(unlinked.body, /Handled by:/);
    });

    test('the export is OFN Kontakty: valid against its schema, published people only, IRIs for e-mail and phone', async () => {
      const res = await get('/o/koprivnice/contacts.jsonld');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^application\/ld\+json/);
      const doc = JSON.parse(res.body) as Record<string, unknown>[];
      assert.deepEqual(ofnErrors(OFN_SCHEMAS.contacts, doc), []);
      assert.ok(!res.body.includes(UNPUBLISHED));
      const matrika = doc.find((k) =>
        String(k.iri).endsWith('/contacts/oddeleni-matriky-a-evidence-obyvatel'),
      );
      assert.deepEqual(matrika?.název, {
        cs: 'Oddělení matriky a evidence obyvatel',
        en: 'Registry Office and Population Register',
      });
      assert.equal(matrika?.email, 'mailto:matrika@koprivnice.example');
      assert.equal(matrika?.telefon, 'tel:+420556879410');
      const petr = doc.find((k) => (k.název as Record<string, string>).cs === 'Petr Svoboda');
      assert.equal(petr?.telefon, 'tel:+420556879411');
      assert.deepEqual(petr?.druh, {
        cs: 'referent evidence obyvatel',
        en: 'Population register officer',
      });
      // A broken copy fails: the check can fail.
      const broken = doc.map((k) => ({ ...k, email: 'matrika@koprivnice.example' }));
      assert.notDeepEqual(ofnErrors(OFN_SCHEMAS.contacts, broken), []);
      // The Slovenian demo organisations give English names too, so theirs validates as well.
      const si = JSON.parse((await get('/o/ue-domzale/contacts.jsonld')).body) as unknown;
      assert.deepEqual(ofnErrors(OFN_SCHEMAS.contacts, si), []);
      assert.match(JSON.stringify(si), /tel:\+38617241000/);
    });
  });
}
