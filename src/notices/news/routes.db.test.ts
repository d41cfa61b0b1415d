// The organisation's news over HTTP: the admin's pages (errors keep what was typed, audited
// changes, deletion after a confirmation), other organisations' admins and officials refused,
// and each item shown only on its days in the organisation's time zone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../../boot.ts';
import { DB_KINDS } from '../../db/testing.ts';
import { bootTestApp } from '../../http/testing.ts';
import { fixedClock } from '../../lib/clock.ts';
import { browserFor } from '../../tenants/admin-testing.ts';

const BASE = '/staff/admin/news';

for (const kind of DB_KINDS) {
  describe(`news pages on ${kind}`, () => {
    let okence: Okence;
    // 23:30 on 3 December in Prague: the organisation's day is still the 3rd.
    const clock = fixedClock(new Date('2026-12-03T22:30:00Z'));
    before(async () => {
      okence = await bootTestApp(kind, { clock });
    });
    after(async () => {
      await okence.close();
    });
    const get = (url: string, lang = 'en') =>
      okence.app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });
    const idOf = (location: unknown) =>
      /\/staff\/admin\/news\/([0-9a-f-]{36})\?saved=1$/.exec(String(location))?.[1];

    test('an admin creates a news item (errors keep what was typed), edits it and deletes it after confirming, each change audited', async () => {
      const admin = await browserFor(okence, 'admin@koprivnice.example');
      const form = await admin.get(`${BASE}/new`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /name="publishedOn" value="2026-12-03"/, 'today in Prague');
      const bad = await admin.post(BASE, {
        title_en: 'Only English',
        publishedOn: '2026-12-03',
        shownUntil: '2026-12-01',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /class="error-summary"/);
      assert.match(bad.body, /href="#title_cs">Enter a title/, 'Czech is the default language');
      assert.match(bad.body, /href="#shownUntil">The last day cannot be before the first day/);
      assert.match(bad.body, /value="Only English"/);
      const created = await admin.post(BASE, {
        title_cs: 'Uzavírka Štefánikovy ulice',
        body_cs: 'Od pondělí bude ulice uzavřena.\n\nObjížďka vede přes náměstí.',
        publishedOn: '2026-12-03',
        shownUntil: '',
      });
      assert.equal(created.statusCode, 303, created.body);
      const id = idOf(created.headers.location);
      assert.ok(id);
      const page = await get(`/o/koprivnice/news/${id}`, 'cs');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h1>Uzavírka Štefánikovy ulice<\/h1>/);
      assert.match(page.body, /<p>Objížďka vede přes náměstí.<\/p>/);
      const edited = await admin.post(`${BASE}/${id}`, {
        title_cs: 'Uzavírka Štefánikovy ulice od 7. 12.',
        publishedOn: '2026-12-03',
        shownUntil: '2026-12-20',
      });
      assert.equal(edited.statusCode, 303);
      assert.match((await get('/o/koprivnice/news', 'cs')).body, /od 7\. 12\./);
      const ask = await admin.post(`${BASE}/${id}/delete`, {});
      assert.equal(ask.headers.location, `${BASE}/${id}/delete`, 'a post without confirm asks');
      assert.equal((await get(`/o/koprivnice/news/${id}`)).statusCode, 200, 'not deleted yet');
      const gone = await admin.post(`${BASE}/${id}/delete`, { confirm: 'yes' });
      assert.equal(gone.headers.location, `${BASE}?deleted=1`);
      assert.equal((await get(`/o/koprivnice/news/${id}`)).statusCode, 404);
      const audit = await okence.handle.db
        .selectFrom('audit_event')
        .select(['action', 'detail'])
        .where('object_id', '=', id)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['news.created', 'news.updated', 'news.deleted'],
      );
      assert.doesNotMatch(JSON.stringify(audit), /Objížďka/, 'the text is not copied into the log');
    });

    test('an item is shown from the start of its first day through the end of its last, in the organisation’s zone', async () => {
      const admin = await browserFor(okence, 'admin@domzale.example');
      const created = await admin.post(BASE, {
        title_sl: 'Zaprto zaradi praznika',
        publishedOn: '2026-12-04',
        shownUntil: '2026-12-04',
      });
      const id = idOf(created.headers.location)!;
      const url = `/o/ue-domzale/news/${id}`;
      try {
        clock.set(new Date('2026-12-03T22:59:59Z'));
        assert.equal((await get(url)).statusCode, 404, '23:59:59 on the 3rd in Ljubljana');
        assert.doesNotMatch((await get('/o/ue-domzale')).body, /Zaprto zaradi praznika/);
        clock.set(new Date('2026-12-03T23:00:00Z'));
        assert.equal((await get(url)).statusCode, 200, 'midnight: the 4th has begun');
        assert.match((await get('/o/ue-domzale')).body, /Zaprto zaradi praznika/);
        clock.set(new Date('2026-12-04T22:59:59Z'));
        assert.equal((await get(url)).statusCode, 200, 'the last second of the 4th');
        clock.set(new Date('2026-12-04T23:00:00Z'));
        assert.equal((await get(url)).statusCode, 404, 'the 5th: taken down');
        assert.doesNotMatch((await get('/o/ue-domzale/news')).body, /Zaprto zaradi praznika/);
        // A day later the morning's session has lapsed: sign in again.
        const list = await (await browserFor(okence, 'admin@domzale.example')).get(BASE);
        assert.match(list.body, /Zaprto zaradi praznika/, 'the admin still sees it');
        assert.match(list.body, /No longer shown/);
      } finally {
        clock.set(new Date('2026-12-03T22:30:00Z'));
      }
    });

    test('another organisation’s admin gets 404, an official 403, and another organisation’s address shows nothing', async () => {
      const admin = await browserFor(okence, 'admin@koprivnice.example');
      const created = await admin.post(BASE, {
        title_cs: 'Svoz odpadu',
        publishedOn: '2026-12-01',
        shownUntil: '',
      });
      const id = idOf(created.headers.location)!;
      const stranger = await browserFor(okence, 'admin@domzale.example');
      for (const url of [`${BASE}/${id}`, `${BASE}/${id}/delete`])
        assert.equal((await stranger.get(url)).statusCode, 404, url);
      const forged = await stranger.post(`${BASE}/${id}`, {
        title_sl: 'Prevzeto',
        publishedOn: '2026-12-01',
      });
      assert.equal(forged.statusCode, 404);
      assert.equal(
        (await stranger.post(`${BASE}/${id}/delete`, { confirm: 'yes' })).statusCode,
        404,
      );
      assert.doesNotMatch((await stranger.get(BASE)).body, /Svoz odpadu/);
      assert.equal((await get(`/o/ue-domzale/news/${id}`)).statusCode, 404);
      assert.equal((await get(`/o/koprivnice/news/${id}`, 'cs')).statusCode, 200);
      const official = await browserFor(okence, 'urednik@koprivnice.example');
      assert.equal((await official.get(BASE)).statusCode, 403);
      assert.equal(
        (await official.post(BASE, { title_cs: 'x', publishedOn: '2026-12-01' })).statusCode,
        403,
      );
    });
  });
}
