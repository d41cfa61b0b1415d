import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp } from '../http/testing.ts';
import { devMailRoutes } from './routes.ts';
import { enqueueMail } from './service.ts';

for (const kind of DB_KINDS) {
  describe(`development mailbox on ${kind}`, () => {
    let okence: Okence;
    let id: string;
    const ics = 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';

    before(async () => {
      okence = await bootTestApp(kind);
      // Until boot wires the page in, add it here: routes can still be added before the first request.
      if (!okence.app.hasRoute({ method: 'GET', url: '/dev/mail' }))
        await okence.app.register(devMailRoutes({ db: okence.handle.db }));
      const now = new Date('2026-11-23T09:00:00Z');
      const db = okence.handle.db;
      await enqueueMail(
        db,
        { dedupeKey: 'older', to: 'first@example.si', subject: 'Older message', text: 'older' },
        new Date(now.getTime() - 60_000),
      );
      await enqueueMail(
        db,
        {
          dedupeKey: 'code',
          to: 'citizen@example.si',
          subject: 'Your code <b>',
          text: 'Your code is 482913.\nIt is valid for 15 minutes.',
          ics: { method: 'REQUEST', content: ics },
        },
        now,
      );
      // The app's own mail worker may deliver these at any moment: pin the states the page is to show.
      await db
        .updateTable('mail_outbox')
        .set({ state: 'sent', sent_at: now, message_id: 'dev', claimed_until: null })
        .where('dedupe_key', '=', 'code')
        .execute();
      await db
        .updateTable('mail_outbox')
        .set({
          state: 'failed',
          last_error: 'connect ECONNREFUSED 127.0.0.1:25',
          claimed_until: null,
        })
        .where('dedupe_key', '=', 'older')
        .execute();
      id = (
        await db
          .selectFrom('mail_outbox')
          .select('id')
          .where('dedupe_key', '=', 'code')
          .executeTakeFirstOrThrow()
      ).id;
    });
    after(async () => {
      await okence.close();
    });

    test('the list shows the outbox, newest first, in an accessible table', async () => {
      const res = await okence.app.inject({ method: 'GET', url: '/dev/mail?lang=en' });
      assert.equal(res.statusCode, 200);
      assert.equal(res.body.match(/<h1[ >]/g)?.length, 1);
      assert.match(res.body, /<caption>Latest messages: 2<\/caption>/);
      assert.equal(res.body.match(/<th scope="col">/g)?.length, 4);
      const row =
        /<tr><td><time datetime="2026-11-23T09:00:00.000Z">[^<]+<\/time><\/td><td>citizen@example.si<\/td><td><a href="\/dev\/mail\/([0-9a-f-]+)">Your code &lt;b&gt;<\/a><\/td><td>Sent<\/td><\/tr>/.exec(
          res.body,
        );
      assert.ok(row, 'a row for the queued message, its subject escaped');
      assert.equal(row[1], id);
      assert.ok(
        res.body.indexOf('Your code &lt;b&gt;') < res.body.indexOf('Older message'),
        'newest first',
      );
      assert.match(res.body, /Older message<\/a><\/td><td>Failed<\/td>/);
    });

    test('a message shows its text and its invitation', async () => {
      const res = await okence.app.inject({ method: 'GET', url: `/dev/mail/${id}?lang=en` });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<h1>Your code &lt;b&gt;<\/h1>/);
      assert.match(res.body, /<pre>Your code is 482913.\nIt is valid for 15 minutes.<\/pre>/);
      assert.match(res.body, /<h2 id="calendar">Calendar invitation \(REQUEST\)<\/h2>/);
      assert.ok(res.body.includes(`<pre>${ics}</pre>`));
      assert.match(res.body, /<a href="\/dev\/mail">All messages<\/a>/);
    });

    test('a failed message shows its last error', async () => {
      const older = await okence.handle.db
        .selectFrom('mail_outbox')
        .select('id')
        .where('dedupe_key', '=', 'older')
        .executeTakeFirstOrThrow();
      const res = await okence.app.inject({ method: 'GET', url: `/dev/mail/${older.id}?lang=en` });
      assert.match(res.body, /<dt>Last error<\/dt><dd>connect ECONNREFUSED 127.0.0.1:25<\/dd>/);
      assert.doesNotMatch(res.body, /id="calendar"/);
    });

    test("the page speaks the reader's language", async () => {
      const res = await okence.app.inject({
        method: 'GET',
        url: '/dev/mail',
        headers: { 'accept-language': 'cs' },
      });
      assert.match(res.body, /<h1>Vývojová poštovní schránka<\/h1>/);
      assert.match(res.body, /<td>Odesláno<\/td>/);
    });

    test('an unknown or malformed id is not found', async () => {
      for (const url of [
        '/dev/mail/00000000-0000-4000-8000-000000000000',
        '/dev/mail/not-a-uuid',
      ]) {
        const res = await okence.app.inject({ method: 'GET', url });
        assert.equal(res.statusCode, 404, url);
      }
    });
  });
}
