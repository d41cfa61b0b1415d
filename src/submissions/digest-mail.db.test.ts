import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DatabaseHandle } from '../db/db.ts';
import { DB_KINDS, openTestDatabase } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { sendDigests } from './digest-mail.ts';
import { deliveryFixture } from './testing.ts';

const PUBLIC = new URL('https://okence.example.cz');

for (const kind of DB_KINDS) {
  describe(`the daily digest of failed deliveries (${kind})`, () => {
    let handle: DatabaseHandle;
    let f: Awaited<ReturnType<typeof deliveryFixture>>;
    // 06:30 in Prague (UTC+1 in December): before the digest's hour.
    const clock = fixedClock(new Date('2026-12-02T05:30:00Z'));

    before(async () => {
      handle = await openTestDatabase(kind);
      f = await deliveryFixture(handle, clock, { slug: 'digest' });
      await handle.db
        .insertInto('staff')
        .values([
          {
            organisation_id: f.organisationId,
            email: 'second-admin@digest.example',
            display_name: 'Second',
            role: 'admin',
            password_hash: 'x',
          },
          {
            organisation_id: f.organisationId,
            email: 'official@digest.example',
            display_name: 'Official',
            role: 'official',
            password_hash: 'x',
          },
        ])
        .execute();
    });
    after(async () => {
      await handle.close();
    });

    /** A delivery of a new submission that failed now, to a receiver that is gone. */
    async function failOne(name: string): Promise<string> {
      const sent = await f.send(name);
      await handle.db
        .insertInto('submission_deliveries')
        .values({
          submission_id: sent.id,
          channel: 'webhook',
          target: 'https://spisovka.koprivnice.example/okence',
          state: 'failed',
          attempts: 8,
          last_error: 'HTTP 503',
          failed_at: clock.now(),
          created_at: clock.now(),
        })
        .execute();
      return sent.reference;
    }
    const digests = () =>
      handle.db
        .selectFrom('mail_outbox')
        .select(['to_address', 'subject', 'text_body', 'dedupe_key'])
        .where('dedupe_key', 'like', 'delivery-digest:%')
        .orderBy('to_address')
        .execute();
    const run = () => sendDigests({ db: handle.db, clock, publicUrl: PUBLIC });

    test('nothing failed: no digest, and no day taken', async () => {
      clock.set(new Date('2026-12-02T06:00:00Z'));
      assert.equal(await run(), 0);
      assert.deepEqual(await digests(), []);
    });

    test('from 07:00 local, once a day, to every admin, across instances and restarts', async () => {
      const reference = await failOne('Eliška');
      clock.set(new Date('2026-12-02T06:10:00Z'));
      // Two instances at once, and a third after a restart: one digest.
      const counts = await Promise.all([run(), run()]);
      assert.equal(
        counts.reduce((a, b) => a + b, 0),
        1,
      );
      assert.equal(await run(), 0);
      const mails = await digests();
      assert.deepEqual(
        mails.map((m) => m.to_address),
        ['admin@digest.example', 'second-admin@digest.example'],
      );
      assert.equal(mails[0]!.subject, '1 podání se nepodařilo doručit');
      assert.match(mails[0]!.text_body, new RegExp(reference.replaceAll('/', '\\/')));
      assert.match(mails[0]!.text_body, /HTTP 503/);
      assert.match(
        mails[0]!.text_body,
        /https:\/\/okence\.example\.cz\/staff\/admin\/deliveries\/states\?state=failed/,
      );

      // Later the same day, another failure: it waits for tomorrow's digest.
      clock.set(new Date('2026-12-02T15:00:00Z'));
      const later = await failOne('Matyáš');
      assert.equal(await run(), 0);
      clock.set(new Date('2026-12-03T05:59:00Z')); // 06:59 in Prague
      assert.equal(await run(), 0);
      clock.set(new Date('2026-12-03T06:00:00Z'));
      assert.equal(await run(), 1);
      const next = (await digests()).filter((m) => m.dedupe_key.includes('2026-12-03'));
      assert.equal(next.length, 2);
      assert.match(next[0]!.text_body, new RegExp(later.replaceAll('/', '\\/')));
      assert.doesNotMatch(next[0]!.text_body, new RegExp(reference.replaceAll('/', '\\/')));

      // The day after: nothing new failed, nothing sent.
      clock.set(new Date('2026-12-04T08:00:00Z'));
      assert.equal(await run(), 0);
    });
  });
}
