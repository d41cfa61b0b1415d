import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { bootTestApp } from './testing.ts';

// Okence behind one reverse proxy at 10.0.0.2, which appends the address it saw to
// X-Forwarded-For. Whatever a client writes into that header before it is its own text.
const PROXY = '10.0.0.2';

for (const kind of DB_KINDS) {
  describe(`the client's address behind a proxy (TRUST_PROXY=1) on ${kind}`, () => {
    let okence: Okence;
    before(async () => {
      okence = await bootTestApp(kind, {
        clock: fixedClock(new Date('2026-11-23T07:00:00Z')),
        env: { TRUST_PROXY: '1' },
      });
    });
    after(async () => {
      await okence.close();
    });

    test('per-address limits count the address the proxy saw, not the one a client claims', async () => {
      const avail = await okence.app.inject({
        method: 'GET',
        remoteAddress: PROXY,
        headers: { 'x-forwarded-for': '203.0.113.5' },
        url: '/api/v1/organisations/koprivnice/services/konzultace-stavby/availability?office=stavebni-urad&from=2026-11-25&to=2026-11-25',
      });
      const times: { start: string }[] = avail.json().days[0].times;
      for (const [i, forged] of ['198.51.100.1', '127.0.0.1', '198.51.100.3'].entries()) {
        const res = await okence.app.inject({
          method: 'POST',
          url: '/api/v1/organisations/koprivnice/services/konzultace-stavby/holds',
          remoteAddress: PROXY,
          headers: { 'x-forwarded-for': `${forged}, 203.0.113.5` },
          payload: {
            office: 'stavebni-urad',
            start: times[i]!.start,
            name: 'Jan Novák',
            email: `proxy${i}@example.cz`,
          },
        });
        assert.equal(res.statusCode, 201, res.body);
      }
      const rows = await okence.handle.db
        .selectFrom('booking')
        .select('client_ip')
        .where('citizen_email', 'like', 'proxy%@example.cz')
        .execute();
      assert.deepEqual(
        rows.map((r) => r.client_ip),
        ['203.0.113.5', '203.0.113.5', '203.0.113.5'],
      );
    });

    test('the development mailbox opens only to a loopback socket with no forwarded client', async () => {
      const mailbox = (remoteAddress: string, forwarded?: string) =>
        okence.app.inject({
          method: 'GET',
          url: '/dev/mail',
          remoteAddress,
          headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
        });
      assert.equal((await mailbox('127.0.0.1')).statusCode, 200);
      assert.equal(
        (await mailbox(PROXY, '127.0.0.1')).statusCode,
        404,
        'a forged 127.0.0.1 through the proxy',
      );
      assert.equal(
        (await mailbox('127.0.0.1', '203.0.113.5')).statusCode,
        404,
        'a proxy on this machine forwarding a remote client',
      );
      assert.equal((await mailbox('198.51.100.9')).statusCode, 404);
    });
  });
}
