import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { browserFor } from '../tenants/admin-testing.ts';

/** The forms a page links to, as /o/{org}/forms/{slug} paths. */
const formLinks = (body: string) =>
  [...body.matchAll(/href="(\/o\/[a-z-]+\/forms\/[a-z0-9-]+)"/g)].map((m) => m[1]!);

for (const kind of DB_KINDS) {
  describe(`a guide's forms on ${kind}`, () => {
    let okence: Okence;
    before(async () => {
      okence = await bootTestApp(kind, { clock: fixedClock(new Date('2026-12-03T07:00:00Z')) });
    });
    after(async () => okence.close());
    const get = (url: string, lang = 'en') =>
      okence.app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });

    test('a demo guide lists its published forms in the reader’s language, each link a published form', async () => {
      for (const [org, guide, lang, title] of [
        ['koprivnice', 'prihlaseni-psa', 'cs', 'Ohlášení držení psa (místní poplatek ze psů)'],
        ['koprivnice', 'prihlaseni-psa', 'en', 'Notice of keeping a dog (the local dog fee)'],
        [
          'ue-domzale',
          'potrdilo-iz-uradne-evidence',
          'sl',
          'Zahteva za izdajo potrdila iz uradne evidence',
        ],
        ['liberecky-kraj', 'dotace-sportovni-fond', 'en', 'Request for a grant consultation'],
      ] as const) {
        const res = await get(`/o/${org}/situations/${guide}`, lang);
        assert.equal(res.statusCode, 200);
        assert.match(res.body, /<section aria-labelledby="part-forms"><h2 id="part-forms">/);
        assert.ok(res.body.includes(`>${title}</a>`), `${guide} in ${lang}: ${title}`);
        const links = formLinks(res.body);
        assert.equal(links.length, 1, `${guide}: ${links.join(', ')}`);
        // The citizen's page is another part's; the form it shows is the one the API gives.
        const api = await get(`/api/v1/organisations${links[0]!.slice(2)}`);
        assert.equal(api.statusCode, 200, links[0]);
      }
      const none = await get('/o/koprivnice/situations/zmena-trvaleho-pobytu', 'cs');
      assert.doesNotMatch(none.body, /part-forms/, 'no forms, no part');
    });

    test('the admin picks forms from the published ones; one not published is kept but not shown', async () => {
      const admin = await browserFor(okence, 'admin@koprivnice.example');
      const blank = await admin.get('/staff/admin/situations/new');
      for (const slug of ['ohlaseni-psa', 'poplatek-za-odpad', 'zabor-verejneho-prostranstvi'])
        assert.match(blank.body, new RegExp(`name="forms" value="${slug}">`), slug);
      assert.doesNotMatch(blank.body, /value="konzultace-dotace"/, 'only its own organisation’s');
      const base = { slug: 'stani-na-trhu', title_cs: 'Stánek na trhu', position: '7' };
      const bad = await admin.post('/staff/admin/situations', { ...base, forms: 'Špatně!' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /href="#forms"/);
      const created = await admin.post('/staff/admin/situations', {
        ...base,
        forms: ['zabor-verejneho-prostranstvi', 'trzni-rad', 'ohlaseni-psa'],
      });
      assert.equal(created.statusCode, 303);
      const edit = await admin.get(String(created.headers.location));
      assert.match(edit.body, /name="forms" value="zabor-verejneho-prostranstvi" checked>/);
      assert.match(edit.body, /name="forms" value="ohlaseni-psa" checked>/);
      assert.match(edit.body, /name="forms" value="poplatek-za-odpad">/);
      assert.match(edit.body, /<input type="hidden" name="forms" value="trzni-rad">/);
      const guide = await get('/o/koprivnice/situations/stani-na-trhu', 'cs');
      assert.deepEqual(formLinks(guide.body), [
        '/o/koprivnice/forms/zabor-verejneho-prostranstvi',
        '/o/koprivnice/forms/ohlaseni-psa',
      ]);
    });
  });
}
