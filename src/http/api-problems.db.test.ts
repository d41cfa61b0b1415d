import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { translators } from './language.ts';
import { ERROR_CODES, problemText } from './problem.ts';
import { bootTestApp } from './testing.ts';
import { JSON_TYPE, NO_HOLD, NO_TOKEN, WHERE, type ProblemBody } from './api-testing.ts';

// The API's refusals one by one: the cases the sweep in api-errors.db.test.ts met as 500s or
// with the wrong code, and the problem documents' titles, pages and 405s.
for (const kind of DB_KINDS) {
  describe(`the public API's problem documents, case by case, on ${kind}`, () => {
    let okence: Okence;
    before(async () => {
      okence = await bootTestApp(kind, { clock: fixedClock(new Date('2026-11-23T07:00:00Z')) });
    });
    after(async () => okence.close());

    test('a resend for a hold that does not exist is 404 not_found, not a conflict', async () => {
      const res = await okence.app.inject({
        method: 'POST',
        url: `/api/v1/holds/${NO_HOLD}/resend`,
        headers: JSON_TYPE,
        payload: '{}',
      });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json<ProblemBody>().code, 'not_found');
    });

    test('problem titles speak of the API, not of pages, in each language; the HTML 404 page keeps its wording', async () => {
      for (const [lang, pageTitle] of [
        ['en', 'Page not found'],
        ['sl', 'Strani ni mogoče najti'],
        ['cs', 'Stránka nenalezena'],
      ] as const) {
        const res = await okence.app.inject({
          url: `/api/v1/bookings/${NO_TOKEN}`,
          headers: { 'accept-language': lang },
        });
        const problem = res.json<ProblemBody>();
        assert.equal(res.headers['content-language'], lang);
        assert.match(String(res.headers.vary), /accept-language/i);
        assert.notEqual(problem.title, pageTitle, `${lang}: ${problem.title}`);
        assert.doesNotMatch(
          `${problem.title} ${problem.detail}`,
          /\b(page|stran|stránk)/i,
          `${lang}: ${problem.title} / ${problem.detail}`,
        );
        const page = await okence.app.inject({
          url: '/no/such/page',
          headers: { 'accept-language': lang },
        });
        assert.equal(page.statusCode, 404);
        assert.match(page.body, new RegExp(`<h1>${pageTitle}</h1>`));
      }
    });

    test("a method an operation's address does not take is 405 method_not_allowed with Allow, as a problem document", async () => {
      for (const [method, url, allow] of [
        ['DELETE', '/api/v1/organisations', 'GET, HEAD'],
        ['PUT', `/api/v1/bookings/${NO_TOKEN}`, 'GET, HEAD'],
        ['GET', `${WHERE}/holds`, 'POST'],
        ['OPTIONS', `/api/v1/holds/${NO_HOLD}/confirm`, 'POST'],
        ['PATCH', '/api/v1/organisations/whatever/services', 'GET, HEAD'],
      ] as const) {
        const res = await okence.app.inject({
          method,
          url,
          headers: { 'content-type': 'application/json', 'accept-language': 'cs' },
          payload: method === 'GET' || method === 'OPTIONS' ? undefined : '{}',
        });
        assert.equal(res.statusCode, 405, `${method} ${url}`);
        assert.equal(res.headers.allow, allow, `${method} ${url}`);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
        const problem = res.json<ProblemBody>();
        assert.equal(problem.code, 'method_not_allowed');
        assert.equal(res.headers['content-language'], 'cs');
        assert.equal(
          (await okence.app.inject({ url: new URL(problem.type).pathname })).statusCode,
          200,
          'its page exists',
        );
      }
      assert.match(
        (await okence.app.inject({ url: '/api/openapi.json' })).json<{
          info: { description: string };
        }>().info.description,
        /405 method_not_allowed with an Allow header/,
        'the document says so',
      );
      // An address no operation has stays a 404; so does a trailing slash.
      assert.equal(
        (await okence.app.inject({ method: 'DELETE', url: '/api/v1/nothing' })).statusCode,
        404,
      );
      assert.equal((await okence.app.inject({ url: '/api/v1/organisations/' })).statusCode, 404);
    });

    test('every code has its page in each language, headed by the title problem documents carry', async () => {
      for (const code of ERROR_CODES) {
        for (const lang of ['sl', 'cs', 'en'] as const) {
          const page = await okence.app.inject({ url: `/problems/${code}?lang=${lang}` });
          assert.equal(page.statusCode, 200, `${code} ${lang}`);
          assert.ok(
            page.body.includes(`<h1>${translators[lang](problemText(code).title)}</h1>`),
            `${code} ${lang}`,
          );
        }
      }
    });

    test('a path parameter longer than any the API takes is invalid_input, not a 500 "our fault"', async () => {
      for (const [method, url] of [
        ['GET', `/api/v1/bookings/${'a'.repeat(300)}`],
        ['POST', `/api/v1/holds/${'a'.repeat(300)}/confirm`],
      ] as const) {
        const res = await okence.app.inject({
          method,
          url,
          headers: JSON_TYPE,
          ...(method === 'POST' ? { payload: '{"code":"123456"}' } : {}),
        });
        assert.equal(res.statusCode, 400, `${method} ${url.slice(0, 30)}`);
        assert.equal(res.json<ProblemBody>().code, 'invalid_input');
      }
    });

    test('a day that has the form but not a date in the calendar is invalid_input on its field, not a 500', async () => {
      for (const [from, to] of [
        ['2026-02-30', '2026-03-02'],
        ['2026-13-01', '2026-13-02'],
        ['0000-01-01', '0000-01-02'],
        ['2026-12-01', '2026-12-32'],
      ]) {
        const res = await okence.app.inject({
          url: `${WHERE}/availability?office=stavebni-urad&from=${from}&to=${to}`,
        });
        assert.equal(res.statusCode, 400, `${from}..${to}: ${res.body}`);
        const problem = res.json<ProblemBody>();
        assert.equal(problem.code, 'invalid_input');
        assert.ok(
          problem.errors?.some((e) => e.field === 'query.from' || e.field === 'query.to'),
          `${from}..${to}`,
        );
      }
    });

    test('a start at the end of time is invalid_input on body.start, not a 500 from the calendar arithmetic', async () => {
      for (const start of ['9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z']) {
        const res = await okence.app.inject({
          method: 'POST',
          url: `${WHERE}/holds`,
          headers: JSON_TYPE,
          payload: JSON.stringify({
            office: 'stavebni-urad',
            start,
            name: 'Jan Novák',
            email: 'end@example.cz',
          }),
        });
        assert.equal(res.statusCode, 400, `${start}: ${res.body}`);
        assert.deepEqual(
          res.json<ProblemBody>().errors?.map((e) => e.field),
          ['body.start'],
        );
        const moved = await okence.app.inject({
          method: 'POST',
          url: `/api/v1/bookings/${NO_TOKEN}/reschedule`,
          headers: JSON_TYPE,
          payload: JSON.stringify({ start }),
        });
        assert.equal(moved.statusCode, 400, `${start}: ${moved.body}`);
      }
    });

    test('malformed JSON names the body in errors, with the code invalid_json', async () => {
      for (const payload of ['{"office": "stavebni-urad",', '{"__proto__": {"x": 1}}']) {
        const res = await okence.app.inject({
          method: 'POST',
          url: `${WHERE}/holds`,
          headers: JSON_TYPE,
          payload,
        });
        assert.equal(res.statusCode, 400);
        const problem = res.json<ProblemBody>();
        assert.equal(problem.code, 'invalid_input');
        assert.deepEqual(
          problem.errors?.map((e) => [e.field, e.code]),
          [['body', 'invalid_json']],
          payload,
        );
      }
    });
  });
}
