import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { auditService } from '../audit/service.ts';
import type { DatabaseHandle } from '../db/db.ts';
import { DB_KINDS, openTestDatabase } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { formsService } from '../forms/service.ts';
import { deliverDue } from './deliveries.ts';
import { RETRY_WAITS_MS } from './delivery.ts';
import { submissionsService, type SubmissionsService } from './service.ts';
import { newWebhookSecret, webhookRefusal } from './webhook.ts';

const FORM = {
  format: 1,
  languages: ['cs', 'en'],
  title: { cs: 'Vítání občánků', en: 'Welcoming newborns' },
  assurance: 'low',
  pages: [
    {
      id: 'child',
      title: { cs: 'Dítě', en: 'The child' },
      questions: [{ id: 'name', type: 'text', label: { cs: 'Jméno', en: 'Name' }, required: true }],
    },
  ],
};
const submitter = {
  givenName: 'Jana',
  familyName: 'Nováková',
  address: { text: 'Záhumenní 1, 742 21 Kopřivnice', country: 'CZ' },
  email: 'jana@example.cz',
};

/** A receiving filing system on loopback: it keeps each message it accepts, by webhook-id. */
function receiver(secret: string, clock: { now(): Date }) {
  const got: { id: string; body: string; refusal: string | null }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      got.push({
        id: String(req.headers['webhook-id']),
        body,
        refusal: webhookRefusal(secret, req.headers, body, clock.now()),
      });
      res.writeHead(204).end();
    });
  });
  return {
    got,
    listen: (port = 0) =>
      new Promise<number>((r) =>
        server.listen(port, '127.0.0.1', () => r((server.address() as AddressInfo).port)),
      ),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

for (const kind of DB_KINDS) {
  describe(`submission deliveries (${kind})`, () => {
    let handle: DatabaseHandle;
    let submissions: SubmissionsService;
    let organisationId: string;
    const clock = fixedClock(new Date('2026-12-02T09:00:00Z'));
    const secret = newWebhookSecret();

    before(async () => {
      handle = await openTestDatabase(kind);
      const forms = formsService({
        db: handle.db,
        clock,
        audit: auditService({ db: handle.db, clock }),
      });
      submissions = submissionsService({ db: handle.db, clock, forms });
      const org = await handle.db
        .insertInto('organisation')
        .values({
          slug: 'deliveries',
          country: 'CZ',
          default_language: 'cs',
          time_zone: 'Europe/Prague',
          currency: 'CZK',
          name: JSON.stringify({ cs: 'Město' }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      organisationId = org.id;
      const staff = await handle.db
        .insertInto('staff')
        .values({
          organisation_id: org.id,
          email: 'a@x.example',
          display_name: 'A',
          role: 'admin',
          password_hash: 'x',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const admin = {
        id: staff.id,
        organisationId: org.id,
        role: 'admin' as const,
        displayName: 'A',
        email: 'a@x.example',
      };
      const { formId } = await forms.create(admin, { slug: 'vitani', definition: FORM });
      await forms.publish(admin, formId);
    });
    after(async () => {
      await handle.close();
    });

    const hook = async (url: string) =>
      (
        await handle.db
          .insertInto('submission_webhooks')
          .values({ organisation_id: organisationId, url, secret, created_at: clock.now() })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const send = (name: string) =>
      submissions.submit({
        organisationId,
        formSlug: 'vitani',
        answers: { name },
        lang: 'cs',
        submitter,
      });
    const deliveries = () =>
      handle.db.selectFrom('submission_deliveries').selectAll().orderBy('created_at').execute();

    test('a receiver down for a while gets each submission exactly once, signed, when it is back', async () => {
      const r = receiver(secret, clock);
      const port = await r.listen();
      await r.close(); // down: nothing listens on its port
      const webhook = await hook(`http://127.0.0.1:${port}/intake`);
      const sent = [await send('Eliška'), await send('Matyáš')];
      assert.equal((await deliveries()).length, 2, 'queued with the submissions');

      assert.deepEqual(await deliverDue({ db: handle.db, clock, allowLoopback: true }), {
        delivered: 0,
        failed: 2,
      });
      let rows = await deliveries();
      assert.deepEqual(
        rows.map((d) => [d.state, d.attempts, d.last_error]),
        [
          ['queued', 1, 'connection refused'],
          ['queued', 1, 'connection refused'],
        ],
      );
      // Not due again before its wait: a run now tries nothing.
      assert.deepEqual(await deliverDue({ db: handle.db, clock, allowLoopback: true }), {
        delivered: 0,
        failed: 0,
      });
      clock.advance(RETRY_WAITS_MS[0]);
      assert.deepEqual(await deliverDue({ db: handle.db, clock, allowLoopback: true }), {
        delivered: 0,
        failed: 2,
      });

      await r.listen(port); // back
      clock.advance(RETRY_WAITS_MS[1]);
      assert.deepEqual(await deliverDue({ db: handle.db, clock, allowLoopback: true }), {
        delivered: 2,
        failed: 0,
      });
      clock.advance(RETRY_WAITS_MS[6]);
      assert.deepEqual(await deliverDue({ db: handle.db, clock, allowLoopback: true }), {
        delivered: 0,
        failed: 0,
      });
      await r.close();

      rows = await deliveries();
      assert.deepEqual(
        rows.map((d) => [d.state, d.attempts, d.last_status]),
        [
          ['delivered', 3, 204],
          ['delivered', 3, 204],
        ],
      );
      assert.deepEqual(
        r.got.map((m) => m.refusal),
        [null, null],
        'signatures valid',
      );
      assert.deepEqual(
        r.got.map((m) => m.id).sort(),
        rows.map((d) => `msg_${d.id}`).sort(),
        'one message per delivery, by its id',
      );
      const bodies = r.got.map((m) => JSON.parse(m.body));
      assert.deepEqual(
        bodies.map((b) => b.data.reference).sort(),
        sent.map((s) => s.reference).sort(),
      );
      assert.equal(bodies[0].type, 'submission.received');
      assert.match(bodies[0].data.receiptSha256, /^[0-9a-f]{64}$/);
      await handle.db
        .updateTable('submission_webhooks')
        .set({ disabled_at: clock.now() })
        .where('id', '=', webhook)
        .execute();
    });

    test('a receiver that never comes back: failed after the last try, with the reason', async () => {
      const r = receiver(secret, clock);
      const port = await r.listen();
      await r.close();
      await hook(`http://127.0.0.1:${port}/intake`);
      const { id } = await send('Vojtěch');
      for (let i = 0; i <= RETRY_WAITS_MS.length; i++) {
        await deliverDue({ db: handle.db, clock, allowLoopback: true });
        clock.advance(RETRY_WAITS_MS[i] ?? 0);
      }
      const row = await handle.db
        .selectFrom('submission_deliveries')
        .selectAll()
        .where('submission_id', '=', id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        [row.state, row.attempts, row.next_attempt_at, row.last_error],
        ['failed', RETRY_WAITS_MS.length + 1, null, 'connection refused'],
      );
    });

    test('two runs at once post each delivery once', async () => {
      await handle.db
        .updateTable('submission_webhooks')
        .set({ disabled_at: clock.now() })
        .execute();
      const r = receiver(secret, clock);
      const port = await r.listen();
      await hook(`http://127.0.0.1:${port}/intake`);
      for (const name of ['A', 'B', 'C', 'D', 'E', 'F']) await send(name);
      const [one, two] = await Promise.all([
        deliverDue({ db: handle.db, clock, allowLoopback: true }),
        deliverDue({ db: handle.db, clock, allowLoopback: true }),
      ]);
      await r.close();
      assert.equal(one.delivered + two.delivered, 6);
      assert.equal(new Set(r.got.map((m) => m.id)).size, 6);
      assert.equal(r.got.length, 6);
    });
  });
}
