// The organisation's home page: today's news first (three, then "all news"), an entry for each
// thing a citizen comes to do, the offices with their hours, no script, and far under the
// citizen page budget (HTML and CSS ≤ 30 KB compressed).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Okence } from '../../boot.ts';
import { DB_KINDS } from '../../db/testing.ts';
import { bootTestApp } from '../../http/testing.ts';
import { fixedClock } from '../../lib/clock.ts';
import { insertNotice } from '../public/testing.ts';

for (const kind of DB_KINDS) {
  describe(`organisation home page on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-12-03T09:00:00Z'));
    before(async () => {
      okence = await bootTestApp(kind, { clock });
      const org = await okence.handle.db
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', 'koprivnice')
        .executeTakeFirstOrThrow();
      const item = (n: number, publishedOn: string, shownUntil: string | null = null) => ({
        organisation_id: org.id,
        title: JSON.stringify({ cs: `Aktualita ${n}` }),
        body: JSON.stringify({ cs: `Text ${n}` }),
        published_on: publishedOn,
        shown_until: shownUntil,
        created_at: new Date(`2026-11-0${n}T08:00:00Z`),
        updated_at: new Date(`2026-11-0${n}T08:00:00Z`),
      });
      await okence.handle.db
        .insertInto('organisation_news')
        .values([
          item(1, '2026-11-20'),
          item(2, '2026-11-25'),
          item(3, '2026-12-01'),
          item(4, '2026-12-02'),
          item(5, '2026-12-04'),
          item(6, '2026-11-01', '2026-12-02'),
        ])
        .execute();
      const dir = okence.services.config.files.dir;
      for (const [number, postOn] of [
        [1, '2026-11-28'],
        [2, '2026-11-29'],
        [3, '2026-11-30'],
        [4, '2026-12-01'],
        [5, '2026-12-05'],
      ] as const)
        await insertNotice(okence.handle.db, dir, {
          organisationId: org.id,
          number,
          versions: [
            { title: `Vyhláška ${number}`, postOn, createdAt: new Date('2026-11-27T08:00:00Z') },
          ],
        });
    });
    after(async () => {
      await okence.close();
    });
    const get = (url: string, lang = 'cs') =>
      okence.app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });

    test('today’s news come first: the three newest shown today, then all news', async () => {
      const body = (await get('/o/koprivnice')).body;
      const titles = [...body.matchAll(/>Aktualita (\d)</g)].map((m) => m[1]);
      assert.deepEqual(titles, ['4', '3', '2'], 'newest first; not tomorrow’s, not the ended one');
      assert.match(body, /href="\/o\/koprivnice\/news">Všechny aktuality/);
      const news = body.indexOf('id="news"');
      assert.ok(news > 0 && news < body.indexOf('id="doors"'), 'news before the entries');
      const all = (await get('/o/koprivnice/news')).body;
      assert.deepEqual(
        [...all.matchAll(/>Aktualita (\d)</g)].map((m) => m[1]),
        ['4', '3', '2', '1'],
      );
      assert.doesNotMatch((await get('/o/ue-domzale', 'sl')).body, /id="news"/, 'none: no section');
    });

    test('the notice board’s entry lists its three latest current notices', async () => {
      const body = (await get('/o/koprivnice')).body;
      const listed = [...body.matchAll(/href="\/o\/koprivnice\/notices\/(\d+)">Vyhláška/g)];
      assert.deepEqual(
        listed.map((m) => m[1]),
        ['4', '3', '2'],
        'newest posted first; not the scheduled one',
      );
      assert.match(body, /Naposledy vyvěšeno/);
    });

    test('it leads everywhere a citizen may go, in sl, cs and en', async () => {
      for (const lang of ['sl', 'cs', 'en']) {
        const body = (await get('/o/koprivnice', lang)).body;
        for (const href of [
          '/o/koprivnice/situations',
          '/o/koprivnice/s/konzultace-stavby',
          '/o/koprivnice/pay',
          '/o/koprivnice/notices',
          '/o/koprivnice/contacts',
          '/account/sign-in?o=koprivnice&amp;return=%2Fo%2Fkoprivnice',
          '/o/koprivnice/accessibility',
          '/o/koprivnice/privacy',
        ])
          assert.ok(body.includes(`href="${href}"`), `${lang}: ${href}`);
        assert.match(body, /<form method="get" action="\/o\/koprivnice\/situations" role="search"/);
        assert.match(body, /<table class="hours">/, 'the offices with their hours');
        assert.equal(body.match(/<h1[\s>]/g)?.length, 1);
        assert.doesNotMatch(body, /<script/, 'no script');
      }
    });

    test('HTML and CSS together stay far under the citizen page budget of 30 KB compressed', async () => {
      const res = await get('/o/koprivnice');
      const css = readFileSync(join(import.meta.dirname, '../../../public/site.css'));
      const bytes = gzipSync(res.body).length + gzipSync(css).length;
      assert.ok(bytes < 15 * 1024, `${bytes} bytes`);
    });

    test('an unknown organisation is 404', async () => {
      assert.equal((await get('/o/no-such-organisation')).statusCode, 404);
    });
  });
}
