import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../../boot.ts';
import { DB_KINDS } from '../../db/testing.ts';
import { bootTestApp } from '../../http/testing.ts';
import { fixedClock } from '../../lib/clock.ts';
import { pdfBytes, seedTestBoard } from './testing.ts';

const h1 = (body: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(body)?.[1];

for (const kind of DB_KINDS) {
  describe(`the notice board's pages on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-12-10T08:00:00Z'));
    let files: Record<string, string> = {};
    before(async () => {
      okence = await bootTestApp(kind, { clock });
      files = (await seedTestBoard(okence)).files;
    });
    after(async () => {
      await okence.close();
    });
    const get = (url: string, lang = 'cs') =>
      okence.app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });

    test('the board lists what is up now, in the words each country uses', async () => {
      const cs = await get('/o/koprivnice/notices');
      assert.equal(cs.statusCode, 200);
      assert.equal(h1(cs.body), 'Úřední deska');
      assert.match(cs.body, /<p>2 dokumenty<\/p>/);
      assert.match(
        cs.body,
        /href="\/o\/koprivnice\/notices\/1">Veřejná vyhláška o uzavírce Štramberské</,
      );
      assert.match(cs.body, /Vyvěšeno 2\. 12\. 2026 · Sejmutí 20\. 12\. 2026/);
      assert.match(cs.body, /Vyvěšeno 9\. 12\. 2026 · Vyvěšeno do odvolání/);
      assert.doesNotMatch(cs.body, /Dražba pozemku|Tajný první návrh|notices\/[234]"/);
      assert.match(
        cs.body,
        /<link rel="alternate" type="application\/atom\+xml" href="\/o\/koprivnice\/notices.atom"/,
      );
      const sl = await get('/o/koprivnice/notices', 'sl');
      assert.equal(h1(sl.body), 'Uradna oglasna deska');
      assert.match(sl.body, /Objavljeno 2\. 12\. 2026/);
      assert.match(sl.body, /<h2 lang="cs"><a href="\/o\/koprivnice\/notices\/1">/);
    });

    test('category and words filter by GET, and the archive keeps the days', async () => {
      const decrees = await get('/o/koprivnice/notices?category=public_decree');
      assert.match(decrees.body, /notices\/1"/);
      assert.doesNotMatch(decrees.body, /notices\/5"/);
      assert.match(decrees.body, /<option value="public_decree" selected>/);
      const words = await get('/o/koprivnice/notices?q=zahumenni');
      assert.match(words.body, /Nalezen 1 dokument/);
      const odd = await get('/o/koprivnice/notices?category=nonsense&page=-3');
      assert.equal(odd.statusCode, 200);
      const archive = await get('/o/koprivnice/notices/archive');
      assert.match(archive.body, /Vyvěšeno 3\. 12\. 2026 · Předčasně sejmuto 8\. 12\. 2026/);
      assert.match(archive.body, /Vyvěšeno 20\. 11\. 2026 · Sejmuto 3\. 12\. 2026/);
      assert.doesNotMatch(archive.body, /notices\/1"/);
    });

    test('a notice shows its facts, text, attachment and versions; an older version is readable', async () => {
      const page = await get('/o/koprivnice/notices/1');
      assert.equal(page.statusCode, 200);
      for (const fact of ['MUKO 12345/2026', 'SZ-OD 678/2026', 'Odbor dopravy', 'Objížďka vede'])
        assert.ok(page.body.includes(fact), fact);
      assert.match(
        page.body,
        new RegExp(`href="/o/koprivnice/notices/1/files/${files.one}" download>vyhlaska.pdf`),
      );
      assert.match(page.body, /href="\/o\/koprivnice\/notices\/1\/v\/1">Verze 1</);
      assert.match(page.body, /Důvod opravy: Oprava názvu ulice/);
      const older = await get('/o/koprivnice/notices/1/v/1');
      assert.equal(h1(older.body), 'Veřejná vyhláška o uzavírce');
      assert.match(older.body, /Čtete verzi 1, která byla vyvěšena od/);
      const withdrawn = await get('/o/koprivnice/notices/4', 'en');
      assert.match(withdrawn.body, /This document was withdrawn/);
      assert.match(withdrawn.body, /Reason: Vyvěšeno omylem/);
    });

    test('nothing before its first day: pages, versions and files are 404', async () => {
      for (const url of [
        '/o/koprivnice/notices/2',
        `/o/koprivnice/notices/2/files/${files.two}`,
        '/o/koprivnice/notices/5/v/1',
        '/o/koprivnice/notices/99',
      ])
        assert.equal((await get(url)).statusCode, 404, url);
      // A path that names no notice is a page that does not exist, not a bad request.
      for (const url of [
        '/o/koprivnice/notices/abc',
        '/o/koprivnice/notices/0',
        '/o/koprivnice/notices/1/v/x',
        '/o/koprivnice/notices/1/files/not-a-uuid',
      ])
        assert.equal((await get(url)).statusCode, 404, url);
    });

    test("an attachment downloads safely, only through its own organisation's notice", async () => {
      const ok = await get(`/o/koprivnice/notices/1/files/${files.one}`);
      assert.equal(ok.statusCode, 200);
      assert.deepEqual(ok.rawPayload, pdfBytes());
      assert.equal(ok.headers['content-type'], 'application/octet-stream');
      assert.match(
        String(ok.headers['content-disposition']),
        /^attachment; filename="vyhlaska.pdf"/,
      );
      assert.match(String(ok.headers['content-security-policy']), /sandbox/);
      assert.equal((await get(`/o/koprivnice/notices/1/files/${files.other}`)).statusCode, 404);
      assert.equal((await get(`/o/liberecky-kraj/notices/1/files/${files.one}`)).statusCode, 404);
      assert.equal((await get(`/o/koprivnice/notices/3/files/${files.one}`)).statusCode, 404);
    });
  });
}
