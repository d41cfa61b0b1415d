import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from '@rowanmanning/feed-parser';
import type { Okence } from '../../boot.ts';
import { DB_KINDS } from '../../db/testing.ts';
import { bootTestApp } from '../../http/testing.ts';
import { fixedClock } from '../../lib/clock.ts';
import { DEMO_NOTICES, loadDemoNotices } from '../demo.ts';
import { OFN_SCHEMAS, ofnErrors } from '../testing-ofn.ts';

// The staff side's demo boards read by the public side: both sides agree on what is up, and the
// open data of a board posted through the staff side's own code is valid.
for (const kind of DB_KINDS) {
  describe(`the demo notice boards as citizens see them on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-12-03T09:00:00Z'));
    before(async () => {
      okence = await bootTestApp(kind, { clock, backgroundJobs: false });
      await loadDemoNotices(
        { db: okence.handle.db, clock, files: okence.services.files },
        DEMO_NOTICES,
      );
    });
    after(() => okence?.close());
    const get = (url: string) =>
      okence.app.inject({ method: 'GET', url, headers: { 'accept-language': 'cs' } });

    test('the pages list what the staff side says is up, and every document opens', async () => {
      const board = okence.services.frontDoor.publicNotices;
      const filter = { category: null, q: '', page: 1 };
      const current = await board.current('koprivnice', filter);
      const archive = await board.archive('koprivnice', filter);
      assert.equal(current.total, 5);
      assert.equal(archive.total, 3);
      for (const e of [...current.items, ...archive.items]) {
        const res = await get(`/o/koprivnice/notices/${e.number}`);
        assert.equal(res.statusCode, 200, `notice ${e.number}`);
      }
      assert.equal((await get('/o/ue-domzale/notices')).statusCode, 200);
    });

    test('its OFN JSON-LD is valid and its Atom feed parses', async () => {
      const doc = (await get('/o/koprivnice/notices.jsonld')).json();
      assert.deepEqual(ofnErrors(OFN_SCHEMAS.noticeBoard, doc), []);
      assert.equal(doc.informace.length, 5);
      const feed = parseFeed((await get('/o/koprivnice/notices.atom')).body);
      assert.equal(feed.items.length, 5);
    });
  });
}
