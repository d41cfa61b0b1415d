import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, cookiesOf } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { browserFor } from '../tenants/admin-testing.ts';
import { situationsOut } from './schema.ts';

const h1s = (body: string) => body.match(/<h1[\s>]/g)?.length ?? 0;

for (const kind of DB_KINDS) {
  describe(`life situation pages and API on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
    before(async () => {
      okence = await bootTestApp(kind, { clock });
    });
    after(async () => {
      await okence.close();
    });
    const get = (url: string, lang = 'en') =>
      okence.app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });

    test('the organisation page links to its life situations, and the list shows them in each language', async () => {
      const org = await get('/o/koprivnice', 'cs');
      assert.match(org.body, /href="\/o\/koprivnice\/situations"/);
      for (const [lang, title, dog] of [
        ['cs', 'Životní situace', 'Přihlášení psa a poplatek ze psů'],
        ['en', 'Life situations', 'Registering a dog and the dog fee'],
        ['sl', 'Življenjski dogodki', 'Přihlášení psa a poplatek ze psů'],
      ] as const) {
        const res = await get('/o/koprivnice/situations', lang);
        assert.equal(res.statusCode, 200);
        assert.equal(h1s(res.body), 1);
        assert.match(res.body, new RegExp(`<h1>${title}</h1>`));
        assert.match(
          res.body,
          /<form method="get" action="\/o\/koprivnice\/situations" role="search"/,
        );
        assert.ok(res.body.includes(dog), `${lang}: ${dog}`);
      }
      // A Slovenian reader of a Czech organisation without Slovenian texts gets Czech, marked as such.
      assert.match(
        (await get('/o/koprivnice/situations', 'sl')).body,
        /<h2 lang="cs"><a href="\/o\/koprivnice\/situations\/prihlaseni-psa">/,
      );
      const none = await get('/o/ue-ljutomer/situations', 'sl');
      assert.equal(none.statusCode, 200);
      assert.match(none.body, /še ni objavila nobenega vodnika/);
    });

    test('search through the query string, without diacritics; an odd query is no search, not an error', async () => {
      const found = await get('/o/koprivnice/situations?q=PRIHLASENI%20psu', 'cs');
      assert.equal(found.statusCode, 200);
      assert.match(found.body, /Výsledky pro „PRIHLASENI psu“: 1/);
      assert.match(found.body, /prihlaseni-psa/);
      assert.doesNotMatch(found.body, /situations\/poplatek-za-odpad"/);
      assert.match(found.body, /value="PRIHLASENI psu"/, 'the query stays in the field');
      const nothing = await get('/o/koprivnice/situations?q=%3Cscript%3Ezzz', 'en');
      assert.match(nothing.body, /Nothing was found for “&lt;script&gt;zzz”/);
      const twice = await get('/o/koprivnice/situations?q=a&q=b', 'en');
      assert.equal(twice.statusCode, 200);
      assert.match(twice.body, /registering a dog/i);
      assert.equal((await get('/o/no-such-org/situations')).statusCode, 404);
    });

    test('a guide shows its parts, links its services to booking, and is 404 for another organisation', async () => {
      const res = await get('/o/koprivnice/situations/prihlaseni-psa', 'en');
      assert.equal(res.statusCode, 200);
      assert.equal(h1s(res.body), 1);
      for (const heading of [
        'Who it is for',
        'What to prepare',
        'Fees',
        'Deadlines',
        'Legal basis',
        'Responsible department',
        'Book an appointment',
      ])
        assert.ok(res.body.includes(`>${heading}</h2>`), heading);
      assert.match(res.body, /<a href="\/o\/koprivnice\/s\/poplatek-za-psa">Dog fee<\/a>/);
      assert.match(res.body, /<li>The dog&#39;s chip number<\/li>/);
      const residence = await get('/o/koprivnice/situations/zmena-trvaleho-pobytu', 'cs');
      assert.match(residence.body, /<code>A115<\/code>/);
      assert.equal((await get('/o/ue-domzale/situations/prihlaseni-psa')).statusCode, 404);
      const sl = await get('/o/ue-domzale/situations/potrdilo-iz-uradne-evidence', 'cs');
      assert.match(sl.body, /<h1 lang="sl">Potrdilo iz uradne evidence<\/h1>/);
    });

    test('listLifeSituations gives the guides with their bookable services, searched in a language', async () => {
      const res = await get('/api/v1/organisations/koprivnice/life-situations?q=psa&lang=cs');
      assert.equal(res.statusCode, 200);
      const body = situationsOut.parse(res.json());
      assert.deepEqual(
        body.items.map((i) => [i.slug, i.services]),
        [['prihlaseni-psa', ['poplatek-za-psa']]],
      );
      assert.equal(body.items[0]!.pageUrl, '/o/koprivnice/situations/prihlaseni-psa');
      const all = situationsOut.parse(
        (await get('/api/v1/organisations/ue-domzale/life-situations')).json(),
      );
      assert.equal(all.items.length, 3);
      const missing = await get('/api/v1/organisations/no-such-org/life-situations');
      assert.equal(missing.statusCode, 404);
      assert.match(String(missing.headers['content-type']), /application\/problem\+json/);
      assert.equal(
        (await get('/api/v1/organisations/koprivnice/life-situations?lang=de')).statusCode,
        400,
      );
    });

    test('an admin creates a situation (errors keep what was typed), edits it, and deletes it after confirming', async () => {
      const admin = await browserFor(okence, 'admin@koprivnice.example');
      const list = await admin.get('/staff/admin/situations');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /Registering a dog and the dog fee/);
      const bad = await admin.post('/staff/admin/situations', {
        slug: 'Stavební řízení',
        title_en: '',
        summary_en: 'Typed summary',
        videoPath: 'https://youtube.example/v.mp4',
        rppCodes: 'A115\n<b>',
      });
      assert.equal(bad.statusCode, 400);
      for (const field of ['slug', 'title_cs', 'videoPath', 'rppCodes'])
        assert.match(bad.body, new RegExp(`href="#${field}"`), field);
      assert.match(bad.body, />Typed summary<\/textarea>/);
      const dogFee = await okence.handle.db
        .selectFrom('service')
        .select('id')
        .where('slug', '=', 'poplatek-za-psa')
        .executeTakeFirstOrThrow();
      const created = await admin.post('/staff/admin/situations', {
        slug: 'stavebni-rizeni',
        title_cs: 'Stavební řízení',
        title_en: 'Building permits',
        preparation_cs: 'Projektová dokumentace\nPlná moc',
        videoPath: '/media/help/stavba.webm',
        captionsPath: '/media/help/stavba.cs.vtt',
        rppCodes: 'a115',
        services: [dogFee.id],
        position: '9',
      });
      assert.equal(created.statusCode, 303);
      const location = String(created.headers.location);
      assert.match(location, /^\/staff\/admin\/situations\/[0-9a-f-]{36}\?saved=1$/);
      const id = location.split('/').pop()!.split('?')[0]!;
      const guide = await get('/o/koprivnice/situations/stavebni-rizeni', 'en');
      assert.match(guide.body, /<source src="\/media\/help\/stavba.webm" type="video\/webm">/);
      assert.match(
        guide.body,
        /<track kind="captions" src="\/media\/help\/stavba.cs.vtt" srclang="cs"/,
      );
      assert.match(guide.body, /<code>A115<\/code>/);
      const edited = await admin.post(`/staff/admin/situations/${id}`, {
        slug: 'stavebni-rizeni',
        title_cs: 'Stavební řízení a povolení',
        position: '9',
        rppCodes: '',
      });
      assert.equal(edited.statusCode, 303);
      assert.match(
        (await get('/o/koprivnice/situations/stavebni-rizeni', 'cs')).body,
        /Stavební řízení a povolení/,
      );
      const taken = await admin.post(`/staff/admin/situations/${id}`, {
        slug: 'prihlaseni-psa',
        title_cs: 'X',
        position: '0',
      });
      assert.equal(taken.statusCode, 400);
      assert.match(taken.body, /Another life situation already has this web address/);
      const ask = await admin.post(`/staff/admin/situations/${id}/delete`, {});
      assert.equal(ask.statusCode, 303);
      assert.equal(ask.headers.location, `/staff/admin/situations/${id}/delete`);
      const question = await admin.get(`/staff/admin/situations/${id}/delete`);
      assert.match(question.body, /Delete the life situation “Stavební řízení a povolení”\?/);
      assert.equal(
        (await get('/o/koprivnice/situations/stavebni-rizeni')).statusCode,
        200,
        'not yet deleted',
      );
      const gone = await admin.post(`/staff/admin/situations/${id}/delete`, { confirm: 'yes' });
      assert.equal(gone.headers.location, '/staff/admin/situations?deleted=1');
      assert.equal((await get('/o/koprivnice/situations/stavebni-rizeni')).statusCode, 404);
      const audit = await okence.handle.db
        .selectFrom('audit_event')
        .select('action')
        .where('object_id', '=', id)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['situation.created', 'situation.updated', 'situation.deleted'],
      );
      const log = await admin.get('/staff/audit?what=situation');
      assert.match(log.body, /Life situation deleted/);
    });

    test('a deactivated service stays linked through an edit, and returns to the guide when reactivated', async () => {
      const admin = await browserFor(okence, 'admin@koprivnice.example');
      const [dog] = await okence.handle.db
        .selectFrom('life_situation')
        .select('id')
        .where('slug', '=', 'prihlaseni-psa')
        .execute();
      const setActive = async (active: boolean) => {
        await okence.handle.db
          .updateTable('service')
          .set({ active })
          .where('slug', '=', 'poplatek-za-psa')
          .execute();
        await okence.services.tenants.changed();
      };
      await setActive(false);
      const form = await admin.get(`/staff/admin/situations/${dog!.id}`);
      const kept = /<input type="hidden" name="services" value="([0-9a-f-]{36})">/.exec(form.body);
      assert.ok(kept, 'the deactivated service is kept in the form');
      assert.doesNotMatch(
        (await get('/o/koprivnice/situations/prihlaseni-psa')).body,
        /s\/poplatek-za-psa/,
      );
      const saved = await admin.post(`/staff/admin/situations/${dog!.id}`, {
        slug: 'prihlaseni-psa',
        title_cs: 'Přihlášení psa a poplatek ze psů',
        title_en: 'Registering a dog and the dog fee',
        position: '0',
        services: kept[1]!,
      });
      assert.equal(saved.statusCode, 303);
      await setActive(true);
      assert.match(
        (await get('/o/koprivnice/situations/prihlaseni-psa')).body,
        /s\/poplatek-za-psa/,
      );
    });

    test('another organisation’s admin gets 404, an official 403, a post without the CSRF token is refused', async () => {
      const [dog] = await okence.handle.db
        .selectFrom('life_situation')
        .select('id')
        .where('slug', '=', 'prihlaseni-psa')
        .execute();
      const stranger = await browserFor(okence, 'admin@domzale.example');
      for (const url of [
        `/staff/admin/situations/${dog!.id}`,
        `/staff/admin/situations/${dog!.id}/delete`,
      ])
        assert.equal((await stranger.get(url)).statusCode, 404, url);
      assert.equal(
        (await stranger.post(`/staff/admin/situations/${dog!.id}/delete`, { confirm: 'yes' }))
          .statusCode,
        404,
      );
      const official = await browserFor(okence, 'urednik@koprivnice.example');
      assert.equal((await official.get('/staff/admin/situations')).statusCode, 403);
      const admin = await browserFor(okence, 'admin@koprivnice.example');
      const forged = await okence.app.inject({
        method: 'POST',
        url: `/staff/admin/situations/${dog!.id}/delete`,
        cookies: admin.cookies,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'confirm=yes',
      });
      assert.equal(forged.statusCode, 403);
      assert.equal(
        (await get('/o/koprivnice/situations/prihlaseni-psa')).statusCode,
        200,
        'still there',
      );
      assert.ok(cookiesOf(forged));
    });
  });
}
