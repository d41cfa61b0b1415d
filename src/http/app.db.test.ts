import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { DB_KINDS } from '../db/testing.ts';
import { TENANTS_CHANGED } from '../tenants/service.ts';
import type { Okence } from '../boot.ts';
import { organisationsOut, officesOut, servicesOut } from '../tenants/schema.ts';
import { bootTestApp, cookiesOf, csrfFrom } from './testing.ts';

for (const kind of DB_KINDS) {
  describe(`HTTP baseline on ${kind}`, () => {
    let okence: Okence;
    before(async () => {
      okence = await bootTestApp(kind);
      // Routes can be added until the first request makes the app ready.
      okence.app.get('/__explode', async () => {
        throw new Error('secret internal detail');
      });
    });
    after(async () => {
      await okence.close();
    });
    const get = (url: string, headers: Record<string, string> = {}) =>
      okence.app.inject({ method: 'GET', url, headers });

    test('every page carries the security headers, with a fresh CSP nonce per response', async () => {
      const a = await get('/');
      const b = await get('/');
      assert.equal(a.statusCode, 200);
      const csp = String(a.headers['content-security-policy']);
      assert.match(csp, /script-src 'self' 'nonce-[0-9a-f]{32}'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /object-src 'none'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
      assert.notEqual(a.headers['content-security-policy'], b.headers['content-security-policy']);
      assert.equal(a.headers['x-content-type-options'], 'nosniff');
      assert.equal(a.headers['x-frame-options'], 'DENY');
      assert.match(String(a.headers['strict-transport-security']), /max-age=31536000/);
      assert.equal(a.headers['referrer-policy'], 'same-origin');
    });

    test("every response carries the security headers, also the framework's own errors", async () => {
      const form = { 'content-type': 'application/x-www-form-urlencoded' };
      const json = { 'content-type': 'application/json' };
      const holds = '/api/v1/organisations/koprivnice/services/konzultace-stavby/holds';
      type Req = {
        method: string;
        url: string;
        headers?: Record<string, string>;
        payload?: string;
      };
      const cases: [string, Req, number][] = [
        ['bad URL', { method: 'GET', url: '/%' }, 400],
        ['bad URL under the API', { method: 'GET', url: '/api/v1/organisations/%' }, 400],
        ['bad JSON', { method: 'POST', url: holds, headers: json, payload: '{"office":' }, 400],
        [
          'body too large (form)',
          {
            method: 'POST',
            url: '/staff/sign-in',
            headers: form,
            payload: `email=${'a'.repeat(70 * 1024)}`,
          },
          413,
        ],
        [
          'body too large (API)',
          {
            method: 'POST',
            url: holds,
            headers: json,
            payload: JSON.stringify({ notes: 'a'.repeat(1100 * 1024) }),
          },
          413,
        ],
        [
          'unsupported media type (page)',
          {
            method: 'POST',
            url: '/staff/sign-in',
            headers: { 'content-type': 'application/xml' },
            payload: '<a/>',
          },
          415,
        ],
        [
          'unsupported media type (API)',
          { method: 'POST', url: holds, headers: form, payload: 'a=b' },
          415,
        ],
        [
          'malformed content type',
          {
            method: 'POST',
            url: '/staff/sign-in',
            headers: { 'content-type': '/;' },
            payload: 'x',
          },
          415,
        ],
        ['not found', { method: 'GET', url: '/no/such/page' }, 404],
        ['not found (API)', { method: 'GET', url: '/api/v1/nowhere' }, 404],
        ['method not allowed', { method: 'GET', url: '/staff/sign-out' }, 404],
        ['a state-changing method without a CSRF token', { method: 'DELETE', url: '/' }, 403],
        ['unknown method', { method: 'PROPFIND', url: '/' }, 404],
      ];
      for (const [name, request, status] of cases) {
        const res = await okence.app.inject({
          remoteAddress: '198.51.100.77',
          ...request,
          method: request.method as 'GET',
        });
        assert.equal(res.statusCode, status, `${name}: ${res.body.slice(0, 200)}`);
        assert.match(
          String(res.headers['content-security-policy']),
          /default-src 'self'.*frame-ancestors 'none'/,
          name,
        );
        assert.equal(res.headers['x-content-type-options'], 'nosniff', name);
        assert.equal(res.headers['x-frame-options'], 'DENY', name);
        assert.match(String(res.headers['strict-transport-security']), /max-age=31536000/, name);
        assert.equal(res.headers['referrer-policy'], 'same-origin', name);
        assert.doesNotMatch(
          res.body,
          /FST_ERR|is not a valid url component/,
          `${name}: no framework internals`,
        );
        const api = request.url.startsWith('/api/');
        assert.match(
          String(res.headers['content-type']),
          api ? /^application\/problem\+json/ : /^text\/html/,
          name,
        );
      }
    });

    test('request log lines name the request, not the client address', () => {
      // Fastify adds the request id (reqId) to every line; the address is personal data.
      const serializers = (
        okence.app.log as unknown as Record<symbol, Record<string, (r: unknown) => unknown>>
      )[Symbol.for('pino.serializers')];
      const line = serializers?.req?.({
        id: 'req-7',
        method: 'POST',
        url: '/o/ue-domzale?lang=en',
        ip: '203.0.113.9',
        ips: ['203.0.113.9'],
        socket: { remoteAddress: '203.0.113.9' },
        headers: {},
      });
      assert.deepEqual(line, { method: 'POST', url: '/o/ue-domzale' });
    });

    test('pages reference no other origin', async () => {
      for (const url of [
        '/',
        '/o/ue-domzale',
        '/o/koprivnice/s/konzultace-stavby',
        '/staff/sign-in',
      ]) {
        const body = (await get(url)).body;
        const external = [...body.matchAll(/(?:src|href|action)="([^"]+)"/g)]
          .map((m) => m[1] ?? '')
          .filter((u) => /^(https?:)?\/\//.test(u));
        // Organisations' own websites are plain links, never loaded resources.
        assert.ok(
          external.every((u) => /^https:\/\/www\.example\.(si|cz)\//.test(u)),
          `${url}: ${external.join(', ')}`,
        );
        assert.doesNotMatch(body, /<script[^>]+src="https?:/);
      }
    });

    test('language: ?lang= wins and is remembered in a __Host- cookie; Accept-Language otherwise', async () => {
      const cs = await get('/', { 'accept-language': 'en' });
      assert.match(cs.body, /<html lang="en">/);
      const chosen = await get('/?lang=cs');
      assert.match(chosen.body, /<html lang="cs">/);
      const cookie = chosen.cookies.find((c) => c.name === '__Host-okence-lang');
      assert.equal(cookie?.value, 'cs');
      assert.equal(cookie?.secure, true);
      assert.equal(cookie?.path, '/');
      const later = await get('/o/ue-domzale', {
        cookie: `__Host-okence-lang=cs`,
        'accept-language': 'en',
      });
      assert.match(later.body, /<html lang="cs">/);
      assert.match(later.body, /Úřední hodiny/);
    });

    test('unknown pages give a translated 404 without internals', async () => {
      for (const [lang, text] of [
        ['sl', 'Strani ni mogoče najti'],
        ['cs', 'Stránka nenalezena'],
        ['en', 'Page not found'],
      ] as const) {
        const res = await get(`/o/no-such-office?lang=${lang}`);
        assert.equal(res.statusCode, 404);
        assert.match(res.body, new RegExp(text));
        assert.doesNotMatch(res.body, /stack|Error:|node_modules/);
      }
    });

    test('a crash inside a handler gives a translated 500 with a reference and no internals', async () => {
      const res = await get('/__explode?lang=en');
      assert.equal(res.statusCode, 500);
      assert.match(res.body, /Something went wrong on our side/);
      assert.match(res.body, /Reference for support: /);
      assert.doesNotMatch(res.body, /secret internal detail/);
    });

    test('state-changing requests without a valid CSRF token are refused', async () => {
      const noToken = await okence.app.inject({
        method: 'POST',
        url: '/staff/sign-in',
        payload: { email: 'a@b.cz', password: 'x' },
      });
      assert.equal(noToken.statusCode, 403);
      const page = await get('/staff/sign-in');
      const csrfCookie = cookiesOf(page)['__Host-okence-csrf'];
      assert.ok(csrfCookie);
      const wrong = await okence.app.inject({
        method: 'POST',
        url: '/staff/sign-in',
        cookies: { '__Host-okence-csrf': csrfCookie },
        payload: { email: 'a@b.cz', password: 'x', _csrf: 'forged' },
      });
      assert.equal(wrong.statusCode, 403);
      const crossSite = await okence.app.inject({
        method: 'POST',
        url: '/staff/sign-in',
        cookies: { '__Host-okence-csrf': csrfCookie },
        headers: { 'sec-fetch-site': 'cross-site' },
        payload: { email: 'a@b.cz', password: 'x', _csrf: csrfFrom(page.body) },
      });
      assert.equal(crossSite.statusCode, 403);
      const right = await okence.app.inject({
        method: 'POST',
        url: '/staff/sign-in',
        cookies: { '__Host-okence-csrf': csrfCookie },
        payload: { email: 'a@b.cz', password: 'x', _csrf: csrfFrom(page.body) },
      });
      assert.equal(right.statusCode, 401);
    });

    test('the API lists organisations, offices and services, matching its own schemas', async () => {
      const orgs = organisationsOut.parse((await get('/api/v1/organisations')).json());
      assert.deepEqual(orgs.items.map((o) => o.slug).sort(), [
        'koprivnice',
        'liberecky-kraj',
        'ue-domzale',
        'ue-ljutomer',
      ]);
      const offices = officesOut.parse(
        (await get('/api/v1/organisations/koprivnice/offices')).json(),
      );
      assert.deepEqual(
        offices.items.map((o) => o.slug),
        ['radnice', 'stavebni-urad'],
      );
      assert.equal(offices.items[0]?.timeZone, 'Europe/Prague');
      const services = servicesOut.parse(
        (await get('/api/v1/organisations/koprivnice/services?office=stavebni-urad')).json(),
      );
      assert.deepEqual(
        services.items.map((s) => s.slug),
        ['konzultace-stavby'],
      );
      assert.deepEqual(services.items[0]?.modes, ['video', 'in_person']);
      const fee = servicesOut
        .parse((await get('/api/v1/organisations/ue-domzale/services')).json())
        .items.find((s) => s.slug === 'potrdila-iz-uradnih-evidenc');
      assert.deepEqual(fee?.fee, { amountMinor: 300, currency: 'EUR' });
    });

    test('an organisation shows its colour and logo; the logo is a sandboxed image', async () => {
      const page = await get('/o/koprivnice?lang=en');
      assert.match(page.body, /<rect width="100" height="1" fill="#a3121f"\/>/);
      const logo = /<img src="(\/o\/koprivnice\/logo\.svg\?v=[0-9a-f]{12})" alt=""/.exec(
        page.body,
      )?.[1];
      assert.ok(logo);
      const res = await get(logo);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^image\/svg\+xml/);
      assert.match(String(res.headers['content-security-policy']), /sandbox/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      const org = organisationsOut
        .parse((await get('/api/v1/organisations')).json())
        .items.find((o) => o.slug === 'koprivnice');
      assert.equal(org?.brandColour, '#a3121f');
      assert.equal(org?.logoUrl, logo);
    });

    test('API errors are problem documents', async () => {
      const missing = await get('/api/v1/organisations/nowhere/services');
      assert.equal(missing.statusCode, 404);
      assert.match(String(missing.headers['content-type']), /application\/problem\+json/);
      assert.equal(missing.json().status, 404);
      assert.equal(missing.json().code, 'not_found');
      const bad = await get('/api/v1/organisations/koprivnice/services?office=NOT%20A%20SLUG');
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(
        bad.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]),
        [['query.office', 'invalid_format']],
      );
      // Even a URL no route takes, or one that does not decode, answers with a problem document.
      for (const url of ['/api/v1/nothing-here', '/api/v1/organisations/%E0%A4%A']) {
        const res = await get(url);
        assert.match(String(res.headers['content-type']), /application\/problem\+json/, url);
        assert.match(res.json().type, /^http:\/\/localhost:3000\/problems\/\w+$/, url);
      }
    });

    test('the API speaks English unless Accept-Language names one of ours; pages keep Slovenian', async () => {
      const url = '/api/v1/organisations/nowhere/offices';
      const plain = await get(url);
      assert.equal(plain.headers['content-language'], 'en');
      assert.equal(plain.json().title, 'Not found');
      const sl = await get(url, { 'accept-language': 'de, sl;q=0.5' });
      assert.equal(sl.headers['content-language'], 'sl');
      assert.equal(sl.json().code, 'not_found', 'the code stays whatever the language');
      assert.equal((await get(url, { 'accept-language': 'de' })).headers['content-language'], 'en');
      assert.match((await get('/')).body, /<html lang="sl"/);
      // A cookie or ?lang= of the pages does not move the API.
      assert.equal(
        (await get(`${url}?lang=cs`, { cookie: '__Host-okence-lang=cs' })).headers[
          'content-language'
        ],
        'en',
      );
    });

    test('each problem type URI resolves to a page explaining it in the page language', async () => {
      const problem = (await get('/api/v1/organisations/nowhere/offices')).json<{ type: string }>();
      const path = new URL(problem.type).pathname;
      assert.equal(path, '/problems/not_found');
      const en = await get(`${path}?lang=en`);
      assert.equal(en.statusCode, 200);
      assert.match(String(en.headers['content-type']), /^text\/html/);
      assert.match(en.body, /<h1>Not found<\/h1>/);
      assert.match(en.body, /code not_found, HTTP status 404/);
      assert.match(
        (await get(path, { 'accept-language': 'cs' })).body,
        /<html lang="cs"[\s\S]*kód not_found/,
      );
      assert.match((await get(path)).body, /<html lang="sl"[\s\S]*koda not_found/);
      const index = await get('/problems?lang=en');
      for (const code of ['invalid_input', 'time_not_bookable', 'rate_limited'])
        assert.match(index.body, new RegExp(`href="/problems/${code}"`));
      assert.equal((await get('/problems/no_such_thing')).statusCode, 404);
    });

    test('the OpenAPI document names the operations and is generated from the validating schemas', async () => {
      const doc = (await get('/api/openapi.json')).json();
      assert.equal(doc.openapi, '3.1.0');
      const ops = Object.values(
        doc.paths as Record<string, Record<string, { operationId: string }>>,
      ).flatMap((p) => Object.values(p).map((o) => o.operationId));
      assert.deepEqual(ops.sort(), [
        'cancelBooking',
        'confirmHold',
        'createHold',
        'createSubmission',
        'findObligation',
        'getApiTokenInfo',
        'getAvailability',
        'getBooking',
        'getForm',
        'getPaymentQr',
        'getSubmission',
        'getSubmissionReceipt',
        'importBankStatement',
        'listForms',
        'listLifeSituations',
        'listOffices',
        'listOrganisations',
        'listServices',
        'listSubmissions',
        'rescheduleBooking',
        'resendCode',
        'startCardPayment',
      ]);
      const create = doc.paths['/organisations/{organisation}/services/{service}/holds'].post;
      assert.ok(create.requestBody.content['application/json'].schema.properties.email);
      assert.ok(create.responses['201'] && create.responses['409']);
      assert.ok(doc.paths['/holds/{holdId}/confirm'].post.responses['422']);
      const list = doc.paths['/organisations/{organisation}/services'].get;
      const office = list.parameters.find((p: { name: string }) => p.name === 'office');
      assert.equal(office.in, 'query');
      assert.equal(office.required, false);
      assert.equal(office.schema.pattern, '^[a-z0-9]+(-[a-z0-9]+)*$');
      assert.ok(list.responses['404']);
    });

    test('a cached public page shows a change to the organisation at once', async () => {
      const url = '/o/ue-ljutomer/s/faza-postopka?lang=en';
      assert.match((await get(url)).body, /All services of Ljutomer Administrative Unit/);
      assert.match((await get(url)).body, /All services of Ljutomer Administrative Unit/);
      await okence.handle.db
        .updateTable('organisation')
        .set({ name: JSON.stringify({ sl: 'UE Ljutomer', en: 'Ljutomer Unit (renamed)' }) })
        .where('slug', '=', 'ue-ljutomer')
        .execute();
      await sql`SELECT pg_notify(${TENANTS_CHANGED}, '')`.execute(okence.handle.db);
      let body = '';
      for (let i = 0; i < 50 && !body.includes('renamed'); i++) {
        await sleep(20);
        body = (await get(url)).body;
      }
      assert.match(body, /All services of Ljutomer Unit \(renamed\)/);
    });

    test('query parameters other than lang are never served from or stored in the page cache', async () => {
      const junk = await get('/o/ue-domzale?utm=%3Cscript%3E&lang=en');
      assert.match(junk.body, /href="\/o\/ue-domzale\?utm=%3Cscript%3E&amp;lang=cs"/);
      const clean = await get('/o/ue-domzale?lang=en');
      assert.doesNotMatch(clean.body, /utm=/);
      assert.match(clean.body, /href="\/o\/ue-domzale\?lang=cs"/);
    });

    test('health: alive and ready once migrations are applied', async () => {
      assert.deepEqual((await get('/healthz')).json(), { status: 'ok' });
      assert.deepEqual((await get('/readyz')).json(), { status: 'ready' });
    });

    test('assets are served from our origin with immutable caching and gzip', async () => {
      const page = await get('/');
      const css = /href="(\/assets\/site\.css\?v=[0-9a-f]+)"/.exec(page.body)?.[1];
      assert.ok(css);
      const res = await get(css, { 'accept-encoding': 'gzip' });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-encoding'], 'gzip');
      assert.match(String(res.headers['cache-control']), /immutable/);
      assert.equal((await get(css, { 'if-none-match': String(res.headers.etag) })).statusCode, 304);
    });
  });
}
