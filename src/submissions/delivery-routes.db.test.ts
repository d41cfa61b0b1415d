import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { browserFor } from '../tenants/admin-testing.ts';
import { loopbackReceiver, seedDeliveryObjects } from './testing.ts';

const SECRET = /value="(whsec_[A-Za-z0-9+/]+=*)"/;

for (const kind of DB_KINDS) {
  describe(`the delivery pages on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-12-02T09:00:00Z'));
    const r = loopbackReceiver();
    let port: number;
    before(async () => {
      // The tests' setting, as the README documents it: receivers on loopback, by http.
      okence = await bootTestApp(kind, { clock, env: { WEBHOOK_ALLOW_LOOPBACK: 'true' } });
      port = await r.listen();
    });
    after(async () => {
      await r.close();
      await okence.close();
    });

    test('the admin home links the page; the intake address is saved, and a bad one comes back with its error', async () => {
      const admin = await browserFor(okence, 'admin@domzale.example', undefined, '10.8.0.1');
      const home = await admin.get('/staff/admin');
      assert.match(home.body, /href="\/staff\/admin\/deliveries"/);
      const bad = await admin.post('/staff/admin/deliveries/email', {
        intakeEmail: 'not an address',
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /href="#intakeEmail"/);
      assert.match(bad.body, /value="not an address"/);
      const ok = await admin.post('/staff/admin/deliveries/email', {
        intakeEmail: 'vlozisce@domzale.example',
      });
      assert.equal(ok.statusCode, 303);
      const page = await admin.get(ok.headers.location as string);
      assert.match(page.body, /value="vlozisce@domzale.example"/);
      assert.match(page.body, /The intake address has been saved/);
    });

    test('a webhook: its secret once (no-store, never in a URL), a test event, disable, remove after confirming', async () => {
      const admin = await browserFor(okence, 'admin@domzale.example', undefined, '10.8.0.2');
      const refused = await admin.post('/staff/admin/deliveries/webhooks', {
        url: 'https://169.254.169.254/latest/meta-data/',
      });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /private or local network/);

      const url = `http://127.0.0.1:${port}/intake`;
      const created = await admin.post('/staff/admin/deliveries/webhooks', { url });
      assert.equal(created.statusCode, 200, created.body);
      assert.equal(created.headers['cache-control'], 'no-store');
      const secret = SECRET.exec(created.body)![1]!;
      const list = await admin.get('/staff/admin/deliveries');
      assert.ok(list.body.includes(url));
      assert.ok(!list.body.includes(secret), 'never shown again');
      const id = /\/staff\/admin\/deliveries\/webhooks\/([0-9a-f-]{36})\/test/.exec(list.body)![1]!;

      const tested = await admin.post(`/staff/admin/deliveries/webhooks/${id}/test`, {});
      assert.equal(tested.statusCode, 200);
      assert.match(tested.body, /The test event was delivered .*HTTP 204/);
      assert.equal(r.got.length, 1);

      const disabled = await admin.post(`/staff/admin/deliveries/webhooks/${id}/disable`, {});
      assert.equal(disabled.headers.location, '/staff/admin/deliveries?done=disabled');
      assert.match((await admin.get('/staff/admin/deliveries')).body, /Disabled since/);

      const confirm = await admin.get(`/staff/admin/deliveries/webhooks/${id}/remove`);
      assert.match(confirm.body, /Remove the webhook/);
      const removed = await admin.post(`/staff/admin/deliveries/webhooks/${id}/remove`, {});
      assert.equal(removed.headers.location, '/staff/admin/deliveries?done=removed');
      assert.ok(!(await admin.get('/staff/admin/deliveries')).body.includes(url));
    });

    test('the states page lists failed deliveries with the reason and a retry button; officials get 403, other organisations 404', async () => {
      const db = okence.handle.db;
      const org = await db
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', 'ue-domzale')
        .executeTakeFirstOrThrow();
      const form = await db
        .selectFrom('forms')
        .select('id')
        .where('organisation_id', '=', org.id)
        .executeTakeFirstOrThrow();
      const seeded = await seedDeliveryObjects(db, org.id, form.id, clock.now());
      const delivery = seeded.ids.delivery;
      const admin = await browserFor(okence, 'admin@domzale.example', undefined, '10.8.0.3');
      const page = await admin.get('/staff/admin/deliveries/states?state=failed');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(seeded.reference));
      assert.match(page.body, /Reason: HTTP 503/);
      assert.match(page.body, new RegExp(`/staff/admin/deliveries/${delivery}/retry`));

      // One submission's deliveries, as its own page may link to them.
      const { submission_id } = await db
        .selectFrom('submission_deliveries')
        .select('submission_id')
        .where('id', '=', delivery)
        .executeTakeFirstOrThrow();
      const own = await admin.get(`/staff/admin/deliveries/states?submission=${submission_id}`);
      assert.match(own.body, new RegExp(seeded.reference));
      assert.match(own.body, new RegExp(`name="submission" value="${submission_id}"`));
      const elsewhere = await admin.get(
        `/staff/admin/deliveries/states?submission=${crypto.randomUUID()}`,
      );
      assert.doesNotMatch(elsewhere.body, new RegExp(seeded.reference));
      assert.match(elsewhere.body, /There are no deliveries to show/);
      const other = await browserFor(okence, 'admin@ljutomer.example', undefined, '10.8.0.4');
      const stranger = await other.post(`/staff/admin/deliveries/${delivery}/retry`, {});
      assert.equal(stranger.statusCode, 404);
      assert.doesNotMatch(
        (await other.get('/staff/admin/deliveries/states')).body,
        new RegExp(seeded.reference),
      );
      const official = await browserFor(okence, 'uradnik@domzale.example', undefined, '10.8.0.5');
      assert.equal((await official.get('/staff/admin/deliveries/states')).statusCode, 403);

      const retried = await admin.post(`/staff/admin/deliveries/${delivery}/retry`, {});
      assert.equal(retried.statusCode, 303);
      const row = await db
        .selectFrom('submission_deliveries')
        .select('state')
        .where('id', '=', delivery)
        .executeTakeFirstOrThrow();
      assert.equal(row.state, 'queued');
    });
  });
}
