// A deactivated account's sessions end at once (decision 013), and so do its open sockets:
// the start page's lobby socket hears citizens' names as they knock, and a room socket can
// admit, chat and see the call. Both were authorised when they opened, so ending the session
// row alone would leave them running.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { bookThroughApi, openSocket, staffCookie, type TestSocket } from '../meeting/testing.ts';
import { browserFor } from '../tenants/admin-testing.ts';

/** Time for a knock to reach sockets that must not hear it: nothing to wait for, so a fixed wait. */
const quiet = () => new Promise((r) => setTimeout(r, 200));

/**
 * Waits until the hub holds `n` sockets. A lobby socket is watching only once its offices are
 * read, and a closed one is let go when the server sees the close: both after the client knows.
 * Every test leaves the hub empty, so each starts from zero.
 */
async function untilWatching(okence: Okence, n: number): Promise<void> {
  const end = Date.now() + 10_000;
  while (okence.services.meeting.hub.size() !== n) {
    if (Date.now() > end)
      assert.fail(`the hub holds ${okence.services.meeting.hub.size()} sockets, not ${n}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

for (const kind of DB_KINDS) {
  describe(`a deactivated official's open sockets on ${kind}`, () => {
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
    let okence: Okence;
    let base: string;
    const sockets: TestSocket[] = [];
    before(async () => {
      okence = await bootTestApp(kind, { clock });
      await okence.app.listen({ port: 0, host: '127.0.0.1' });
      const address = okence.app.server.address();
      if (!address || typeof address !== 'object') throw new Error('no address');
      base = `http://127.0.0.1:${address.port}`;
    });
    after(async () => {
      await Promise.all(sockets.map((s) => s.close()));
      await okence?.close();
    });

    test('are closed when an admin deactivates the account, and hear no more knocks', async () => {
      const b = await bookThroughApi(okence, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'splosne-informacije',
        day: '2026-11-25',
        email: 'mojca@example.si',
        name: 'Mojca Novak',
        ip: '203.0.113.77',
      });
      clock.set(new Date(b.start.getTime() - 5 * 60_000));
      const cookie = await staffCookie(okence, 'uradnik@domzale.example', '198.18.9.1');
      await untilWatching(okence, 0);
      const lobby = openSocket(base, '/staff/lobby/ws', { cookie });
      const room = openSocket(base, `/staff/meetings/${b.id}/ws`, { cookie });
      sockets.push(lobby, room);
      await room.next('welcome');
      await untilWatching(okence, 2);

      const admin = await browserFor(okence, 'admin@domzale.example', undefined, '198.18.9.2');
      const official = await okence.handle.db
        .selectFrom('staff')
        .select('id')
        .where('email', '=', 'uradnik@domzale.example')
        .executeTakeFirstOrThrow();
      assert.equal(
        (await admin.post(`/staff/admin/officials/${official.id}/active`, { active: '0' }))
          .statusCode,
        303,
      );

      const timeout = (ms: number) =>
        new Promise<'open'>((r) => setTimeout(() => r('open'), ms).unref());
      assert.notEqual(
        await Promise.race([room.closed, timeout(2000)]),
        'open',
        'the room socket is closed',
      );
      assert.notEqual(
        await Promise.race([lobby.closed, timeout(2000)]),
        'open',
        'the lobby socket is closed',
      );

      const knocker = openSocket(base, `/j/${b.joinToken}/ws`);
      sockets.push(knocker);
      await knocker.next('welcome');
      await quiet();
      assert.ok(
        !lobby.messages.some((m) => m.type === 'knock'),
        'no citizen name reaches the deactivated account',
      );
      await knocker.close();
    });

    test('a lobby socket stops hearing an office its official no longer works at', async () => {
      const b = await bookThroughApi(okence, {
        organisation: 'ue-ljutomer',
        office: 'ljutomer',
        service: 'potrdila-iz-uradnih-evidenc',
        day: '2026-11-26',
        email: 'ana@example.si',
        name: 'Ana Kos',
        ip: '203.0.113.78',
      });
      clock.set(new Date(b.start.getTime() - 5 * 60_000));
      const cookie = await staffCookie(okence, 'uradnik@ljutomer.example', '198.18.9.3');
      await untilWatching(okence, 0);
      const lobby = openSocket(base, '/staff/lobby/ws', { cookie });
      sockets.push(lobby);
      await untilWatching(okence, 1);

      const admin = await browserFor(okence, 'admin@ljutomer.example', undefined, '198.18.9.4');
      const official = await okence.handle.db
        .selectFrom('staff')
        .select(['id', 'display_name', 'email'])
        .where('email', '=', 'uradnik@ljutomer.example')
        .executeTakeFirstOrThrow();
      const moved = await admin.post(`/staff/admin/officials/${official.id}`, {
        displayName: official.display_name,
        email: official.email,
        role: 'official',
      });
      assert.equal(moved.statusCode, 303);

      const knocker = openSocket(base, `/j/${b.joinToken}/ws`);
      sockets.push(knocker);
      await knocker.next('welcome');
      await quiet();
      assert.ok(
        !lobby.messages.some((m) => m.type === 'knock'),
        'the knock at the office they left does not reach them',
      );
      await knocker.close();
    });

    test("a password change closes the account's lobby sockets; only the session still signed in gets back in", async () => {
      const b = await bookThroughApi(okence, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'splosne-informacije',
        day: '2026-11-27',
        email: 'eva@example.si',
        name: 'Eva Breznik',
        ip: '203.0.113.79',
      });
      clock.set(new Date(b.start.getTime() - 5 * 60_000));
      const stolen = await staffCookie(okence, 'ana.horvat@domzale.example', '198.18.9.5');
      await untilWatching(okence, 0);
      const stale = openSocket(base, '/staff/lobby/ws', { cookie: stolen });
      sockets.push(stale);
      await untilWatching(okence, 1);

      const me = await browserFor(okence, 'ana.horvat@domzale.example', undefined, '198.18.9.6');
      assert.equal(
        (
          await me.post('/staff/account/password', {
            currentPassword: 'okence-demo-2026',
            newPassword: 'a quiet harbour at dawn 42',
          })
        ).statusCode,
        303,
      );
      const timeout = (ms: number) =>
        new Promise<'open'>((r) => setTimeout(() => r('open'), ms).unref());
      assert.notEqual(
        await Promise.race([stale.closed, timeout(2000)]),
        'open',
        'the other session’s lobby socket is closed',
      );

      const cookie = Object.entries(me.cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');
      await untilWatching(okence, 0);
      const fresh = openSocket(base, '/staff/lobby/ws', { cookie });
      sockets.push(fresh);
      await untilWatching(okence, 1);
      const knocker = openSocket(base, `/j/${b.joinToken}/ws`);
      sockets.push(knocker);
      await knocker.next('welcome');
      await fresh.next('knock');
      assert.ok(!stale.messages.some((m) => m.type === 'knock'), 'the ended session hears nothing');
      await knocker.close();
    });
  });
}
