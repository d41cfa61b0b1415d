import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { gunzipSync } from 'node:zlib';
import { bookingOperations } from './api.ts';
import { bookThroughApi } from '../meeting/testing.ts';

for (const kind of DB_KINDS) {
  describe(`booking API on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-11-23T07:00:00Z'));
    before(async () => {
      okence = await bootTestApp(kind, { clock });
    });
    after(async () => {
      await okence.close();
    });
    // Each test speaks from its own address, so the per-address rate limits of one test do not leak into the next.
    let ip = '192.0.2.1';
    // A POST always says JSON, also without a body (the API refuses other types).
    const call = (method: 'GET' | 'POST', url: string, payload?: object, from = ip) =>
      okence.app.inject({
        method,
        url: `/api/v1${url}`,
        remoteAddress: from,
        ...((payload ?? method === 'POST') ? { payload: payload ?? {} } : {}),
      });
    const codeFor = async (email: string) => {
      const rows = await okence.handle.db
        .selectFrom('mail_outbox')
        .select('text_body')
        .where('to_address', '=', email)
        .orderBy('created_at', 'desc')
        .execute();
      return (
        /(\d{6})/.exec(rows.find((r) => /\d{6}/.test(r.text_body))?.text_body ?? '')?.[1] ?? ''
      );
    };

    test('availability → hold → code → booking → reschedule → cancel', async () => {
      const avail = await call(
        'GET',
        '/organisations/koprivnice/services/konzultace-stavby/availability?office=stavebni-urad&from=2026-11-23&to=2026-11-30',
      );
      assert.equal(avail.statusCode, 200);
      const { timeZone, days } = avail.json();
      assert.equal(timeZone, 'Europe/Prague');
      // The building office receives on Mondays and Wednesdays only.
      assert.deepEqual(
        days.map((d: { date: string }) => d.date),
        ['2026-11-23', '2026-11-25', '2026-11-30'],
      );
      const [first, second] = days[1].times;

      const hold = await call(
        'POST',
        '/organisations/koprivnice/services/konzultace-stavby/holds',
        {
          office: 'stavebni-urad',
          start: first.start,
          name: 'Jan Novák',
          email: 'jan@example.cz',
          language: 'cs',
        },
      );
      assert.equal(hold.statusCode, 201);
      const { holdId } = hold.json();
      const taken = await call(
        'POST',
        '/organisations/koprivnice/services/konzultace-stavby/holds',
        {
          office: 'stavebni-urad',
          start: first.start,
          name: 'Eva Malá',
          email: 'eva@example.cz',
        },
      );
      assert.equal(taken.statusCode, 409);
      assert.equal(taken.headers['content-type'], 'application/problem+json; charset=utf-8');

      const code = await codeFor('jan@example.cz');
      const wrong = await call('POST', `/holds/${holdId}/confirm`, {
        code: code === '111111' ? '222222' : '111111',
      });
      assert.equal(wrong.statusCode, 422);
      assert.equal(wrong.json().code, 'unprocessable');
      assert.equal(wrong.json().attemptsLeft, 4);
      assert.deepEqual(wrong.json().errors, [
        {
          field: 'body.code',
          code: 'wrong_code',
          message: 'The code is not right. Attempts left: 4',
        },
      ]);
      const resent = await call('POST', `/holds/${holdId}/resend`);
      assert.equal(resent.statusCode, 429, 'a resend within 30 s is refused');
      clock.advance(31_000);
      assert.equal((await call('POST', `/holds/${holdId}/resend`)).statusCode, 200);
      const old = code;
      const fresh = await codeFor('jan@example.cz');
      if (fresh !== old)
        assert.equal(
          (await call('POST', `/holds/${holdId}/confirm`, { code: old })).statusCode,
          422,
          'the previous code stops working',
        );
      const confirmed = await call('POST', `/holds/${holdId}/confirm`, { code: fresh });
      assert.equal(confirmed.statusCode, 200);
      const booking = confirmed.json();
      assert.equal(booking.state, 'confirmed');
      assert.equal(booking.official, 'Lucie Černá');
      const token = booking.manageUrl.split('/m/')[1];
      assert.equal((await call('GET', `/bookings/${token}`)).json().id, booking.id);

      const moved = await call('POST', `/bookings/${token}/reschedule`, { start: second.start });
      assert.equal(moved.statusCode, 200);
      assert.equal(moved.json().start, second.start);
      const cancelled = await call('POST', `/bookings/${token}/cancel`);
      assert.equal(cancelled.json().state, 'cancelled');
      assert.equal((await call('POST', `/bookings/${token}/cancel`)).statusCode, 409);
    });

    test('availability: gzip for clients that take it, the documented shape, and a held time gone at once', async () => {
      ip = '192.0.2.9';
      const url =
        '/organisations/koprivnice/services/konzultace-stavby/availability?office=stavebni-urad&from=2026-12-01&to=2026-12-31';
      const plain = await call('GET', url);
      const zipped = await okence.app.inject({
        method: 'GET',
        url: `/api/v1${url}`,
        remoteAddress: ip,
        headers: { 'accept-encoding': 'gzip, br' },
      });
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(zipped.headers['content-encoding'], 'gzip');
      assert.equal(zipped.headers.vary, 'accept-encoding');
      assert.ok(
        zipped.rawPayload.length < plain.rawPayload.length / 4,
        'a month of times compresses well',
      );
      assert.equal(gunzipSync(zipped.rawPayload).toString(), plain.body);
      // The cached bytes bypass reply serialisation: check them against the schema the OpenAPI document gives.
      const op = bookingOperations({} as never).find((o) => o.operationId === 'getAvailability');
      const body = op!.response.parse(plain.json()) as { days: { times: { start: string }[] }[] };
      const first = body.days[0]!.times[0]!.start;
      const hold = await call(
        'POST',
        '/organisations/koprivnice/services/konzultace-stavby/holds',
        {
          office: 'stavebni-urad',
          start: first,
          name: 'Petr Dlouhý',
          email: 'petr@example.cz',
          language: 'cs',
        },
      );
      assert.equal(hold.statusCode, 201);
      const after = (await call('GET', url)).json<{ days: { times: { start: string }[] }[] }>();
      assert.ok(
        !after.days.some((d) => d.times.some((t) => t.start === first)),
        'the held time is no longer offered',
      );
    });

    test('reminders go out 24 hours and 1 hour before, once each, with the links', async () => {
      ip = '192.0.2.4';
      const avail = (
        await call(
          'GET',
          '/organisations/ue-domzale/services/splosne-informacije/availability?office=domzale&from=2026-11-27&to=2026-11-27',
        )
      ).json();
      const start = avail.days[0].times[0].start;
      const { holdId } = (
        await call('POST', '/organisations/ue-domzale/services/splosne-informacije/holds', {
          office: 'domzale',
          start,
          name: 'Maja Kos',
          email: 'maja@example.si',
          language: 'en',
        })
      ).json();
      assert.equal(
        (await call('POST', `/holds/${holdId}/confirm`, { code: await codeFor('maja@example.si') }))
          .statusCode,
        200,
      );
      const reminders = async () =>
        (
          await okence.handle.db
            .selectFrom('mail_outbox')
            .select(['subject', 'text_body'])
            .where('to_address', '=', 'maja@example.si')
            .execute()
        ).filter((m) => m.subject.startsWith('Reminder'));
      const saved = clock.now();
      clock.set(new Date(new Date(start).getTime() - 24 * 3600_000 - 60_000));
      await okence.jobs.queueDueReminders();
      assert.equal((await reminders()).length, 0);
      clock.advance(2 * 60_000);
      await okence.jobs.queueDueReminders();
      await okence.jobs.queueDueReminders();
      assert.equal((await reminders()).length, 1);
      clock.set(new Date(new Date(start).getTime() - 30 * 60_000));
      await okence.jobs.queueDueReminders();
      const sent = await reminders();
      assert.equal(sent.length, 2);
      assert.match(sent[0]!.text_body, /\/j\/[A-Za-z0-9_-]{43}/);
      assert.match(sent[0]!.text_body, /\/m\/[A-Za-z0-9_-]{43}/);
      clock.set(saved);
    });

    test('many parallel confirmations of one hold give one booking and one confirmation email', async () => {
      ip = '192.0.2.2';
      const avail = (
        await call(
          'GET',
          '/organisations/liberecky-kraj/services/konzultace-dotace/availability?office=krajsky-urad&from=2026-11-26&to=2026-11-26',
        )
      ).json();
      const start = avail.days[0].times[0].start;
      const { holdId } = (
        await call('POST', '/organisations/liberecky-kraj/services/konzultace-dotace/holds', {
          office: 'krajsky-urad',
          start,
          name: 'Klub Mládí',
          email: 'klub@example.cz',
        })
      ).json();
      const code = await codeFor('klub@example.cz');
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          call('POST', `/holds/${holdId}/confirm`, { code }, `198.51.100.${i + 1}`),
        ),
      );
      // Only the one that confirmed gets the links; the others hear "already confirmed".
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [
        200,
        ...Array<number>(49).fill(409),
      ]);
      assert.equal(results.filter((r) => /\/j\//.test(r.body)).length, 1);
      const mails = await okence.handle.db
        .selectFrom('mail_outbox')
        .select('ics_method')
        .where('to_address', '=', 'klub@example.cz')
        .execute();
      assert.equal(mails.filter((m) => m.ics_method === 'REQUEST').length, 1);
    });

    test('the fifth wrong code locks the hold and frees its seat', async () => {
      ip = '192.0.2.3';
      const avail = (
        await call(
          'GET',
          '/organisations/koprivnice/services/konzultace-stavby/availability?office=stavebni-urad&from=2026-11-30&to=2026-11-30',
        )
      ).json();
      const start = avail.days[0].times[0].start;
      const { holdId } = (
        await call('POST', '/organisations/koprivnice/services/konzultace-stavby/holds', {
          office: 'stavebni-urad',
          start,
          name: 'Petr Dvořák',
          email: 'petr.dvorak@example.cz',
        })
      ).json();
      const code = await codeFor('petr.dvorak@example.cz');
      // No language given: the code goes out in the organisation's own, Czech.
      const mail = await okence.handle.db
        .selectFrom('mail_outbox')
        .select('subject')
        .where('to_address', '=', 'petr.dvorak@example.cz')
        .executeTakeFirstOrThrow();
      assert.equal(mail.subject, 'Váš kód pro potvrzení termínu');
      const bad = code === '000000' ? '999999' : '000000';
      const statuses = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await call('POST', `/holds/${holdId}/confirm`, { code: bad })).statusCode);
      assert.deepEqual(statuses, [422, 422, 422, 422, 429]);
      assert.equal(
        (await call('POST', `/holds/${holdId}/confirm`, { code })).statusCode,
        429,
        'even the right code is refused now',
      );
      const again = await call(
        'POST',
        '/organisations/koprivnice/services/konzultace-stavby/holds',
        { office: 'stavebni-urad', start, name: 'Other', email: 'other@example.cz' },
      );
      assert.equal(again.statusCode, 201, 'the seat is free again');
    });

    test('the API takes JSON only: a cross-site form or no-cors fetch can neither hold nor cancel', async () => {
      ip = '192.0.2.6';
      const b = await bookThroughApi(okence, {
        organisation: 'koprivnice',
        office: 'stavebni-urad',
        service: 'konzultace-stavby',
        day: '2026-11-30',
        email: 'form@example.cz',
        name: 'Form Target',
        ip: '192.0.2.61',
      });
      const token = b.manageUrl.split('/m/')[1]!;
      const avail = (
        await call(
          'GET',
          '/organisations/koprivnice/services/konzultace-stavby/availability?office=stavebni-urad&from=2026-11-30&to=2026-11-30',
        )
      ).json();
      const start = avail.days[0].times[0].start as string;
      const holdUrl = '/api/v1/organisations/koprivnice/services/konzultace-stavby/holds';
      const fields = {
        office: 'stavebni-urad',
        start,
        name: 'Cross Site',
        email: 'cross@example.cz',
      };
      const send = (url: string, contentType: string | undefined, payload: string) =>
        okence.app.inject({
          method: 'POST',
          url,
          remoteAddress: ip,
          payload,
          headers: contentType ? { 'content-type': contentType } : {},
        });
      const refused = [
        await send(
          holdUrl,
          'application/x-www-form-urlencoded',
          new URLSearchParams(fields).toString(),
        ),
        await send(holdUrl, 'text/plain', JSON.stringify(fields)),
        await send(holdUrl, 'text/plain;charset=UTF-8', JSON.stringify(fields)),
        await send(
          holdUrl,
          'multipart/form-data; boundary=x',
          `--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nCross\r\n--x--\r\n`,
        ),
        await send(`/api/v1/bookings/${token}/cancel`, undefined, ''),
        await send(`/api/v1/bookings/${token}/cancel`, 'text/plain', ''),
        await send(`/api/v1/bookings/${token}/cancel`, 'application/x-www-form-urlencoded', 'a=b'),
        await send(`/api/v1/bookings/${token}/reschedule`, 'text/plain', JSON.stringify({ start })),
        await send(`/api/v1/holds/${b.id}/resend`, undefined, ''),
      ];
      for (const res of refused) {
        assert.equal(res.statusCode, 415, res.body);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
        assert.equal(res.json().status, 415);
      }
      const holds = await okence.handle.db
        .selectFrom('booking')
        .select('id')
        .where('citizen_email', '=', 'cross@example.cz')
        .execute();
      assert.equal(holds.length, 0, 'no hold from a form');
      assert.equal((await call('GET', `/bookings/${token}`)).json().state, 'confirmed');
      // JSON (with parameters, in any case) is what the API takes; a call without a body may send none.
      const hold = await send(holdUrl, 'Application/JSON; charset=utf-8', JSON.stringify(fields));
      assert.equal(hold.statusCode, 201, hold.body);
      const cancelled = await send(`/api/v1/bookings/${token}/cancel`, 'application/json', '');
      assert.equal(cancelled.statusCode, 200, cancelled.body);
      assert.equal(cancelled.json().state, 'cancelled');
    });

    test('a time that is never bookable is a 422 time_not_bookable with the nearest free times, not a 409 to retry', async () => {
      ip = '192.0.2.7';
      const service = '/organisations/koprivnice/services/konzultace-stavby';
      const avail = (
        await call(
          'GET',
          `${service}/availability?office=stavebni-urad&from=2026-12-02&to=2026-12-02`,
        )
      ).json();
      const first = avail.days[0].times[0] as { start: string; end: string };
      const offGrid = new Date(new Date(first.start).getTime() + 10 * 60_000).toISOString();
      const hold = (start: string, email: string) =>
        call('POST', `${service}/holds`, {
          office: 'stavebni-urad',
          start,
          name: 'Jana Nová',
          email,
        });
      const cases = {
        'off the grid': offGrid,
        'outside the hours': '2026-12-02T02:00:00Z',
        'a day the office does not receive': '2026-12-01T08:00:00Z',
        'inside the notice period': '2026-11-23T07:00:00Z',
        'past the horizon': '2027-09-01T07:00:00Z',
      };
      for (const [why, start] of Object.entries(cases)) {
        const res = await hold(start, `nb-${why.length}@example.cz`);
        assert.equal(res.statusCode, 422, `${why}: ${res.body}`);
        const problem = res.json();
        assert.equal(problem.type, 'http://localhost:3000/problems/time_not_bookable', why);
        assert.equal(problem.code, 'time_not_bookable', why);
        assert.ok(problem.nearestFreeTimes.length > 0, why);
        for (const t of problem.nearestFreeTimes) assert.ok(t.start < t.end, why);
      }
      const near = (await hold(offGrid, 'nb-near@example.cz')).json().nearestFreeTimes as {
        start: string;
      }[];
      assert.ok(
        near.some((t) => t.start === first.start),
        'the slot 10 minutes earlier is among the nearest',
      );
      // A slot that is on offer but taken stays a conflict.
      assert.equal((await hold(first.start, 'nb-a@example.cz')).statusCode, 201);
      const taken = await hold(first.start, 'nb-b@example.cz');
      assert.equal(taken.statusCode, 409);
      assert.equal(taken.json().type, 'http://localhost:3000/problems/conflict');
      assert.equal(taken.json().code, 'conflict');

      const b = await bookThroughApi(okence, {
        organisation: 'koprivnice',
        office: 'stavebni-urad',
        service: 'konzultace-stavby',
        day: '2026-12-07',
        email: 'nb-move@example.cz',
        name: 'Move Me',
        ip: '192.0.2.71',
      });
      const token = b.manageUrl.split('/m/')[1]!;
      const moved = await call('POST', `/bookings/${token}/reschedule`, { start: offGrid });
      assert.equal(moved.statusCode, 422, moved.body);
      assert.equal(moved.json().code, 'time_not_bookable');
      assert.ok(moved.json().nearestFreeTimes.length > 0);
      const doc = (await okence.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      assert.ok(
        doc.paths[
          `${service.replace('koprivnice', '{organisation}').replace('konzultace-stavby', '{service}')}/holds`
        ].post.responses['422'],
      );
      assert.ok(doc.paths['/bookings/{manageToken}/reschedule'].post.responses['422']);
      assert.match(JSON.stringify(doc.components.schemas.Problem), /nearestFreeTimes/);
    });

    test('bad input is a problem document naming the field', async () => {
      ip = '192.0.2.5';
      const res = await call('POST', '/organisations/koprivnice/services/konzultace-stavby/holds', {
        office: 'stavebni-urad',
        start: 'soon',
        name: '',
        email: 'x',
      });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().code, 'invalid_input');
      const errors = res.json().errors as { field: string; code: string; message: string }[];
      assert.deepEqual(errors.map((e) => e.field).sort(), [
        'body.email',
        'body.name',
        'body.start',
      ]);
      // The form's own messages (translation keys) are translated; zod's speak the same language.
      assert.equal(
        errors.find((e) => e.field === 'body.name')?.message,
        'Enter your name and surname',
      );
      assert.equal(errors.find((e) => e.field === 'body.start')?.code, 'invalid_format');
      const cs = await okence.app.inject({
        method: 'POST',
        url: '/api/v1/organisations/koprivnice/services/konzultace-stavby/holds',
        remoteAddress: ip,
        headers: { 'accept-language': 'cs-CZ,cs;q=0.9' },
        payload: { office: 'stavebni-urad', start: 'soon', name: '', email: 'x' },
      });
      assert.equal(cs.headers['content-language'], 'cs');
      assert.equal(cs.json().title, 'Neplatný požadavek');
      assert.doesNotMatch(JSON.stringify(cs.json().errors), /book\.error|Invalid/);
    });

    test('the range of availability days is checked with field errors of the one shape', async () => {
      ip = '192.0.2.8';
      const url =
        '/organisations/koprivnice/services/konzultace-stavby/availability?office=stavebni-urad';
      const reversed = await call('GET', `${url}&from=2026-12-10&to=2026-12-01`);
      assert.equal(reversed.statusCode, 400);
      assert.deepEqual(reversed.json().errors, [
        { field: 'query.to', code: 'range_reversed', message: 'Must not be before "from".' },
      ]);
      const long = await call('GET', `${url}&from=2026-12-01&to=2027-03-01`);
      assert.deepEqual(long.json().errors, [
        {
          field: 'query.to',
          code: 'range_too_long',
          message: 'Must be at most 62 days after "from".',
        },
      ]);
    });
  });
}
