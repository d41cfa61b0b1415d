import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { bootTestApp } from './testing.ts';
import {
  JSON_TYPE,
  NO_HOLD,
  NO_TOKEN,
  WHERE,
  type Injected,
  type ProblemBody,
} from './api-testing.ts';

type Doc = {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        responses: Record<
          string,
          { content?: Record<string, { examples?: Record<string, unknown> }> }
        >;
      }
    >
  >;
};

/**
 * The document must not lie: each operation is driven into every refusal it can really give,
 * from outside (malformed JSON, a huge body, wrong types, bad path parameters, states that moved
 * on), and each answer must be a problem document whose status and code that operation lists.
 */
for (const kind of DB_KINDS) {
  describe(`every refusal of the public API is documented on its operation, on ${kind}`, () => {
    let okence: Okence;
    let doc: Doc;
    const seen: {
      operationId: string;
      path: string;
      method: string;
      status: number;
      problem: ProblemBody;
    }[] = [];

    /** Sends a request to an operation (by its document path) and records the problem it answers. */
    async function call(
      method: string,
      docPath: string,
      url: string,
      opts: { headers?: Record<string, string>; payload?: string } = {},
    ): Promise<Injected> {
      const res = (await okence.app.inject({
        method: method as 'GET',
        url,
        headers: opts.headers ?? {},
        ...(opts.payload !== undefined ? { payload: opts.payload } : {}),
      })) as unknown as Injected;
      if (res.statusCode >= 400) {
        assert.match(
          String(res.headers['content-type']),
          /^application\/problem\+json/,
          `${method} ${url}: ${res.statusCode} is a problem document`,
        );
        // Like every answer of the API: a 404 is cacheable by default, and a proxy must not keep one.
        assert.equal(
          res.headers['cache-control'],
          'no-store',
          `${method} ${url}: ${res.statusCode} is not stored`,
        );
        const operation = doc.paths[docPath]?.[method.toLowerCase()];
        assert.ok(operation, `${method} ${docPath} is in the document`);
        seen.push({
          operationId: operation.operationId,
          path: docPath,
          method,
          status: res.statusCode,
          problem: res.json() as ProblemBody,
        });
      }
      return res;
    }

    async function readCode(email: string): Promise<string> {
      const rows = await okence.handle.db
        .selectFrom('mail_outbox')
        .select('text_body')
        .where('to_address', '=', email)
        .orderBy('created_at', 'desc')
        .execute();
      return (
        /\b(\d{6})\b/.exec(rows.find((r) => /\b\d{6}\b/.test(r.text_body))?.text_body ?? '')?.[1] ??
        ''
      );
    }

    before(async () => {
      okence = await bootTestApp(kind, { clock: fixedClock(new Date('2026-11-23T07:00:00Z')) });
      doc = (await okence.app.inject({ url: '/api/openapi.json' })).json<Doc>();
    });
    after(async () => okence.close());

    test('each operation driven into each of its refusals', async () => {
      // Tenants
      await call(
        'GET',
        '/organisations/{organisation}/offices',
        '/api/v1/organisations/Not_A_Slug/offices',
      );
      await call(
        'GET',
        '/organisations/{organisation}/offices',
        '/api/v1/organisations/nowhere/offices',
      );
      await call(
        'GET',
        '/organisations/{organisation}/services',
        '/api/v1/organisations/nowhere/services',
      );
      await call(
        'GET',
        '/organisations/{organisation}/services',
        '/api/v1/organisations/koprivnice/services?office=Bad%20Office',
      );

      // Availability
      const availability = '/organisations/{organisation}/services/{service}/availability';
      await call('GET', availability, `${WHERE}/availability`);
      await call(
        'GET',
        availability,
        `${WHERE}/availability?office=stavebni-urad&from=2026-12-09&to=2026-12-01`,
      );
      await call(
        'GET',
        availability,
        `${WHERE}/availability?office=nowhere&from=2026-12-01&to=2026-12-09`,
      );
      await call(
        'GET',
        availability,
        '/api/v1/organisations/koprivnice/services/%E0%A4%A/availability?office=stavebni-urad&from=2026-12-01&to=2026-12-09',
      );
      const free = (
        await call(
          'GET',
          availability,
          `${WHERE}/availability?office=stavebni-urad&from=2026-11-30&to=2026-12-09`,
        )
      ).json() as {
        days: { times: { start: string }[] }[];
      };
      const [first, second, third] = free.days.flatMap((d) => d.times).map((t) => t.start);
      assert.ok(first && second && third, 'free times');

      // Holds
      const holds = '/organisations/{organisation}/services/{service}/holds';
      const body = (start: string, email: string) =>
        JSON.stringify({ office: 'stavebni-urad', start, name: 'Jan Novák', email });
      await call('POST', holds, `${WHERE}/holds`, { payload: body(first, 'a@example.cz') });
      await call('POST', holds, `${WHERE}/holds`, {
        headers: { 'content-type': 'text/plain' },
        payload: body(first, 'a@example.cz'),
      });
      await call('POST', holds, `${WHERE}/holds`, {
        headers: JSON_TYPE,
        payload: '{"office": "stavebni-urad",',
      });
      await call('POST', holds, `${WHERE}/holds`, {
        headers: JSON_TYPE,
        payload: JSON.stringify({ name: 'x'.repeat(2_000_000) }),
      });
      await call('POST', holds, `${WHERE}/holds`, { headers: JSON_TYPE, payload: '{}' });
      await call('POST', holds, `${WHERE}/holds`, {
        headers: JSON_TYPE,
        payload: JSON.stringify({
          office: 'nowhere',
          start: first,
          name: 'Jan Novák',
          email: 'a@example.cz',
        }),
      });
      await call('POST', holds, `${WHERE}/holds`, {
        headers: JSON_TYPE,
        payload: body('2026-12-07T07:07:00.000Z', 'a@example.cz'),
      });
      const held = await call('POST', holds, `${WHERE}/holds`, {
        headers: JSON_TYPE,
        payload: body(first, 'jan@example.cz'),
      });
      assert.equal(held.statusCode, 201, held.body);
      const { holdId } = held.json() as { holdId: string };
      await call('POST', holds, `${WHERE}/holds`, {
        headers: JSON_TYPE,
        payload: body(first, 'petr@example.cz'),
      });

      // Confirm and resend
      const confirm = '/holds/{holdId}/confirm';
      const resend = '/holds/{holdId}/resend';
      await call('POST', confirm, '/api/v1/holds/not-a-uuid/confirm', {
        headers: JSON_TYPE,
        payload: '{"code":"123456"}',
      });
      await call('POST', confirm, `/api/v1/holds/${NO_HOLD}/confirm`, {
        headers: JSON_TYPE,
        payload: '{"code":"123456"}',
      });
      await call('POST', confirm, `/api/v1/holds/${holdId}/confirm`, {
        payload: '{"code":"123456"}',
      });
      await call('POST', confirm, `/api/v1/holds/${holdId}/confirm`, {
        headers: JSON_TYPE,
        payload: '{"code":"12345"}',
      });
      await call('POST', confirm, `/api/v1/holds/${holdId}/confirm`, {
        headers: JSON_TYPE,
        payload: JSON.stringify({ code: '1'.repeat(2_000_000) }),
      });
      await call('POST', resend, `/api/v1/holds/${NO_HOLD}/resend`, { headers: JSON_TYPE });
      const tooSoon = await call('POST', resend, `/api/v1/holds/${holdId}/resend`, {
        headers: JSON_TYPE,
      });
      assert.equal(tooSoon.statusCode, 429);
      assert.match(
        String(tooSoon.headers['retry-after']),
        /^([1-9]|[12]\d|30)$/,
        'a resend too soon says when the next one is taken',
      );
      assert.equal(
        'retryAfterSeconds' in (tooSoon.json() as object),
        false,
        'in the header, not the body',
      );
      await call('POST', resend, `/api/v1/holds/${holdId}/resend`);
      await call('POST', resend, `/api/v1/holds/${holdId}/resend`, {
        headers: JSON_TYPE,
        payload: '{oops',
      });
      const code = await readCode('jan@example.cz');
      await call('POST', confirm, `/api/v1/holds/${holdId}/confirm`, {
        headers: JSON_TYPE,
        payload: JSON.stringify({ code: code === '000000' ? '111111' : '000000' }),
      });
      const confirmed = await call('POST', confirm, `/api/v1/holds/${holdId}/confirm`, {
        headers: JSON_TYPE,
        payload: JSON.stringify({ code }),
      });
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      const token = (confirmed.json() as { manageUrl: string }).manageUrl.split('/m/')[1] ?? '';
      await call('POST', confirm, `/api/v1/holds/${holdId}/confirm`, {
        headers: JSON_TYPE,
        payload: JSON.stringify({ code }),
      });
      await call('POST', resend, `/api/v1/holds/${holdId}/resend`, { headers: JSON_TYPE });

      // Bookings
      const booking = '/bookings/{manageToken}';
      const reschedule = '/bookings/{manageToken}/reschedule';
      const cancel = '/bookings/{manageToken}/cancel';
      await call('GET', booking, '/api/v1/bookings/short');
      await call('GET', booking, `/api/v1/bookings/${NO_TOKEN}`);
      await call('POST', reschedule, `/api/v1/bookings/${NO_TOKEN}/reschedule`, {
        headers: JSON_TYPE,
        payload: JSON.stringify({ start: second }),
      });
      await call('POST', reschedule, `/api/v1/bookings/${token}/reschedule`, {
        headers: JSON_TYPE,
        payload: JSON.stringify({ start: 'tomorrow' }),
      });
      await call('POST', reschedule, `/api/v1/bookings/${token}/reschedule`, {
        headers: JSON_TYPE,
        payload: JSON.stringify({ start: '2026-12-07T07:07:00.000Z' }),
      });
      await call('POST', reschedule, `/api/v1/bookings/${token}/reschedule`, {
        payload: JSON.stringify({ start: second }),
      });
      await call('POST', reschedule, `/api/v1/bookings/${token}/reschedule`, {
        headers: JSON_TYPE,
        payload: JSON.stringify({ start: 'x'.repeat(2_000_000) }),
      });
      await call('POST', cancel, `/api/v1/bookings/${NO_TOKEN}/cancel`, { headers: JSON_TYPE });
      await call('POST', cancel, `/api/v1/bookings/${token}/cancel`, {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'a=b',
      });
      assert.equal(
        (await call('POST', cancel, `/api/v1/bookings/${token}/cancel`, { headers: JSON_TYPE }))
          .statusCode,
        200,
      );
      await call('POST', cancel, `/api/v1/bookings/${token}/cancel`, { headers: JSON_TYPE });
      await call('POST', reschedule, `/api/v1/bookings/${token}/reschedule`, {
        headers: JSON_TYPE,
        payload: JSON.stringify({ start: third }),
      });

      const undocumented = seen.filter(({ path, method, status, problem }) => {
        const documented =
          doc.paths[path]?.[method.toLowerCase()]?.responses[String(status)]?.content?.[
            'application/problem+json'
          ]?.examples ?? {};
        return problem.status !== status || !(problem.code in documented);
      });
      assert.deepEqual(
        undocumented.map((u) => `${u.operationId}: ${u.status} ${u.problem.code}`),
        [],
        'every refusal is documented on its operation',
      );

      // Every kind of refusal a client can meet was met, and each code's type is a page that explains it.
      const codes = new Set(seen.map((s) => s.problem.code));
      for (const expected of [
        'invalid_input',
        'not_found',
        'conflict',
        'no_longer_possible',
        'unprocessable',
        'time_not_bookable',
        'payload_too_large',
        'unsupported_media_type',
        'rate_limited',
      ]) {
        assert.ok(codes.has(expected), `some request met ${expected}`);
      }
      for (const { problem } of seen) {
        const page = await okence.app.inject({ url: new URL(problem.type).pathname });
        assert.equal(page.statusCode, 200, problem.type);
      }
    });
  });
}
