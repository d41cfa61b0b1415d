import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DatabaseHandle } from '../db/db.ts';
import { DB_KINDS, openTestDatabase } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { RETRY_WAITS_MS } from './delivery.ts';
import { deliveryFixture, loopbackReceiver } from './testing.ts';
import { webhookRefusal } from './webhook.ts';

const fieldError = (key: string) => (err: unknown) =>
  err instanceof AppError && err.code === 'invalid_input' && err.fields?.url === key;

for (const kind of DB_KINDS) {
  describe(`webhook receivers and delivery states, from the admin's side (${kind})`, () => {
    let handle: DatabaseHandle;
    let f: Awaited<ReturnType<typeof deliveryFixture>>;
    let strict: Awaited<ReturnType<typeof deliveryFixture>>;
    const clock = fixedClock(new Date('2026-12-02T09:00:00Z'));
    const r = loopbackReceiver();
    let port: number;

    before(async () => {
      handle = await openTestDatabase(kind);
      f = await deliveryFixture(handle, clock, { slug: 'hooks' });
      strict = await deliveryFixture(handle, clock, { slug: 'strict', allowLoopback: false });
      port = await r.listen();
    });
    after(async () => {
      await r.close();
      await handle.close();
    });
    const audit = async (organisationId: string) =>
      (
        await handle.db
          .selectFrom('audit_event')
          .select('action')
          .where('organisation_id', '=', organisationId)
          .where('action', 'like', 'submission_webhook.%')
          .execute()
      )
        .map((a) => a.action)
        // The clock stands still in these tests: entries are compared as a set of counts.
        .sort();

    test('private, loopback and link-local addresses are refused when saved, by address and by name', async () => {
      for (const [url, key] of [
        ['https://10.0.0.5/intake', 'delivery.webhook.error.address'],
        ['https://169.254.169.254/latest/meta-data/', 'delivery.webhook.error.address'],
        ['https://[::ffff:127.0.0.1]/x', 'delivery.webhook.error.address'],
        ['https://[fd00::1]/x', 'delivery.webhook.error.address'],
        ['https://100.64.0.1/x', 'delivery.webhook.error.address'],
        ['https://0.0.0.0/x', 'delivery.webhook.error.address'],
        // A name is resolved: localhost is loopback.
        [`https://localhost:${port}/x`, 'delivery.webhook.error.address'],
        [`http://127.0.0.1:${port}/x`, 'delivery.webhook.error.address'],
        ['http://filing.example.cz/x', 'delivery.webhook.error.https'],
        ['https://nobody.invalid/x', 'delivery.webhook.error.unresolved'],
      ] as const)
        await assert.rejects(
          strict.deliveries.addWebhook(strict.admin, { url }),
          fieldError(key),
          url,
        );
      assert.deepEqual((await strict.deliveries.settings(strict.admin)).webhooks, []);
      assert.deepEqual(await audit(strict.organisationId), []);
    });

    test("a receiver added on loopback (the tests' setting) gets a whsec_ secret once, and a signed test event", async () => {
      const added = await f.deliveries.addWebhook(f.admin, {
        url: `http://127.0.0.1:${port}/intake`,
      });
      assert.match(added.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
      const listed = await f.deliveries.settings(f.admin);
      assert.equal(listed.webhooks.length, 1);
      assert.ok(!JSON.stringify(listed).includes(added.secret), 'never listed again');

      const test1 = await f.deliveries.testWebhook(f.admin, added.id);
      assert.deepEqual(test1.attempt, { delivered: true, status: 204 });
      const got = r.got.at(-1)!;
      assert.equal(webhookRefusal(added.secret, got.headers, got.body, clock.now()), null);
      assert.equal(JSON.parse(got.body).type, 'webhook.test');
      r.answer(500);
      const test2 = await f.deliveries.testWebhook(f.admin, added.id);
      assert.deepEqual(test2.attempt, { delivered: false, status: 500, reason: 'HTTP 500' });
      r.answer(204);
      assert.deepEqual(await audit(f.organisationId), [
        'submission_webhook.added',
        'submission_webhook.tested',
        'submission_webhook.tested',
      ]);
    });

    test('a name that resolves to a private address later (rebinding) is refused when delivering', async () => {
      // Stored as if it had resolved to a public address when saved.
      await handle.db
        .insertInto('submission_webhooks')
        .values({
          organisation_id: strict.organisationId,
          url: `https://localhost:${port}/intake`,
          secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
          created_at: clock.now(),
        })
        .execute();
      const sent = await strict.send('Eliška');
      const before = r.got.length;
      await strict.submissions.deliverDue();
      const row = await handle.db
        .selectFrom('submission_deliveries')
        .select(['state', 'last_error'])
        .where('submission_id', '=', sent.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, {
        state: 'queued',
        last_error: 'address not allowed (not a public address)',
      });
      assert.equal(r.got.length, before, 'nothing reached the receiver');
    });

    test('disable, enable, remove: audited; a disabled receiver gets no new submissions; states stay after removal', async () => {
      const [hook] = (await f.deliveries.settings(f.admin)).webhooks;
      await f.deliveries.disableWebhook(f.admin, hook!.id);
      await f.deliveries.disableWebhook(f.admin, hook!.id); // twice: one entry
      const quiet = await f.send('Matyáš');
      const none = await handle.db
        .selectFrom('submission_deliveries')
        .select('id')
        .where('submission_id', '=', quiet.id)
        .execute();
      assert.equal(none.length, 0);
      await f.deliveries.enableWebhook(f.admin, hook!.id);
      const sent = await f.send('Vojtěch');
      assert.equal((await f.submissions.deliverDue()).delivered, 1);
      await f.deliveries.removeWebhook(f.admin, hook!.id);
      const page = await f.deliveries.deliveries(f.admin, { filter: 'all' });
      const shown = page.rows.find((d) => d.reference === sent.reference)!;
      assert.deepEqual(
        [shown.state, shown.channel, shown.webhookId, shown.target],
        ['delivered', 'webhook', null, `http://127.0.0.1:${port}/intake`],
      );
      assert.deepEqual(await audit(f.organisationId), [
        'submission_webhook.added',
        'submission_webhook.disabled',
        'submission_webhook.enabled',
        'submission_webhook.removed',
        'submission_webhook.tested',
        'submission_webhook.tested',
      ]);
    });

    test('failed deliveries show their reason; "retry now" tries once more; another organisation gets 404', async () => {
      const hook = await f.deliveries.addWebhook(f.admin, { url: `http://127.0.0.1:${port}/x` });
      r.answer(503);
      const sent = await f.send('Anežka');
      for (let i = 0; i <= RETRY_WAITS_MS.length; i++) {
        await f.submissions.deliverDue();
        clock.advance(RETRY_WAITS_MS[i] ?? 0);
      }
      const failed = await f.deliveries.deliveries(f.admin, { filter: 'failed' });
      const row = failed.rows.find((d) => d.reference === sent.reference)!;
      assert.deepEqual(
        [row.state, row.attempts, row.lastError],
        ['failed', RETRY_WAITS_MS.length + 1, 'HTTP 503'],
      );
      // Not the admin's: 404 for the delivery and the receiver, nothing changes.
      for (const attempt of [
        () => strict.deliveries.retry(strict.admin, row.id),
        () => strict.deliveries.testWebhook(strict.admin, hook.id),
        () => strict.deliveries.removeWebhook(strict.admin, hook.id),
        () => strict.deliveries.disableWebhook(strict.admin, hook.id),
      ])
        await assert.rejects(attempt(), (e) => e instanceof AppError && e.code === 'not_found');
      await assert.rejects(
        f.deliveries.retry({ ...f.admin, role: 'official' }, row.id),
        (e) => e instanceof AppError && e.code === 'forbidden',
      );

      r.answer(204);
      await f.deliveries.retry(f.admin, row.id);
      assert.equal((await f.submissions.deliverDue()).delivered, 1);
      const after = await f.deliveries.deliveries(f.admin, { filter: 'delivered' });
      assert.ok(after.rows.some((d) => d.id === row.id));
    });
  });
}
