import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { bookThroughApi, openSocket, staffCookie } from '../meeting/testing.ts';
import { bootTestApp } from './testing.ts';

// A rolling restart (decision 055): on close an instance first answers /readyz with 503 for
// SHUTDOWN_DELAY_SECONDS while still serving, then closes meeting sockets with 1012 so that
// pages reconnect at once (to another instance), and finishes.
for (const kind of DB_KINDS) {
  test(`shutdown drains: /readyz 503 while serving, then sockets close with 1012 (${kind})`, async () => {
    const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
    const okence = await bootTestApp(kind, { clock, env: { SHUTDOWN_DELAY_SECONDS: '1' } });
    await okence.app.listen({ port: 0, host: '127.0.0.1' });
    const address = okence.app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const booking = await bookThroughApi(okence, {
      organisation: 'ue-domzale',
      office: 'domzale',
      service: 'splosne-informacije',
      day: '2026-11-25',
      email: 'drain@example.si',
      name: 'Drain Test',
    });
    clock.set(new Date(booking.start.getTime() - 5 * 60_000));
    const staff = openSocket(base, `/staff/meetings/${booking.id}/ws`, {
      cookie: await staffCookie(okence, 'uradnik@domzale.example'),
    });
    await staff.next('room');
    assert.equal((await fetch(`${base}/readyz`)).status, 200);

    const closing = okence.close();
    const ready = await fetch(`${base}/readyz`);
    assert.equal(ready.status, 503);
    assert.deepEqual(await ready.json(), { status: 'draining' });
    assert.equal((await fetch(`${base}/healthz`)).status, 200, 'still serving while draining');
    const closed = await staff.closed;
    assert.deepEqual(closed, { code: 1012, reason: 'service restart' });
    await closing;
  });
}
