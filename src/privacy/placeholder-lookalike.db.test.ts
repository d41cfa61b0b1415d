// The placeholder address marks a booking as anonymised. An address that only looks like one
// (anonymised+anything@anonymised.invalid passes the booking form's email check) must not make
// the retention job skip the booking: its name, phone, notes and network address would stay
// for ever. Runs on DB_KINDS (src/db/testing.ts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { isPlaceholderEmail } from './anonymisation.ts';
import { whereFound } from './testing.ts';

for (const kind of DB_KINDS) {
  describe(`an address that looks like the placeholder on ${kind}`, () => {
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
    let okence: Okence;
    before(async () => {
      okence = await bootTestApp(kind, { clock });
    });
    after(async () => okence?.close());

    test('does not keep a booking from the retention job', async () => {
      const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
        okence.app.inject({
          method,
          url: `/api/v1${url}`,
          remoteAddress: '203.0.113.90',
          ...(payload ? { payload } : {}),
        });
      const avail = (
        await call(
          'GET',
          '/organisations/ue-domzale/services/splosne-informacije/availability?office=domzale&from=2026-11-25&to=2026-11-25',
        )
      ).json<{ days: { times: { start: string }[] }[] }>();
      const start = avail.days[0]!.times[0]!.start;
      const hold = await call(
        'POST',
        '/organisations/ue-domzale/services/splosne-informacije/holds',
        {
          office: 'domzale',
          start,
          name: 'Ivana Lookalike',
          email: 'anonymised+keep-me@anonymised.invalid',
          phone: '+386 41 777 000',
          notes: 'Ivana Lookalike lives at Kamniška 1',
          language: 'en',
        },
      );
      assert.equal(hold.statusCode, 201, hold.body);
      const { holdId } = hold.json<{ holdId: string }>();

      clock.set(new Date(new Date(start).getTime() + 100 * 86_400_000));
      await okence.jobs.anonymise();
      const row = await okence.handle.db
        .selectFrom('booking')
        .select(['citizen_name', 'citizen_email', 'citizen_phone', 'notes', 'client_ip'])
        .where('id', '=', holdId)
        .executeTakeFirstOrThrow();
      assert.ok(
        isPlaceholderEmail(row.citizen_email),
        `anonymised, not kept as ${row.citizen_email}`,
      );
      assert.deepEqual([row.citizen_phone, row.notes, row.client_ip], [null, null, null]);
      assert.deepEqual(await whereFound(okence.handle.db, 'Lookalike'), []);
    });
  });
}
