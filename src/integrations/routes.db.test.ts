import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, cookiesOf } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { browserFor } from '../tenants/admin-testing.ts';

const TOKEN = /value="(okn_[A-Za-z0-9_-]{43})"/;

for (const kind of DB_KINDS) {
  describe(`API token pages and the token check on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-12-01T09:00:00Z'));
    before(async () => {
      okence = await bootTestApp(kind, { clock });
    });
    after(async () => {
      await okence.close();
    });
    const create = async (email: string, name: string, ip: string) => {
      const admin = await browserFor(okence, email, undefined, ip);
      const res = await admin.post('/staff/admin/integrations', {
        name,
        scopes: 'submissions:read',
      });
      assert.equal(res.statusCode, 200, res.body);
      return { admin, res, token: TOKEN.exec(res.body)![1]! };
    };
    const api = (url: string, token?: string, ip = '192.0.2.10') =>
      okence.app.inject({
        method: 'GET',
        url,
        remoteAddress: ip,
        headers: {
          'accept-language': 'en',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      });

    test('an admin creates a token: shown once in the answer, no-store, never in a URL; the list then names it', async () => {
      const { admin, res, token } = await create(
        'admin@domzale.example',
        'GINIS intake',
        '10.9.0.1',
      );
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(res.headers.location, undefined);
      assert.match(res.body, /will not be shown again/);
      assert.match(res.body, /readonly/);
      const list = await admin.get('/staff/admin/integrations');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /GINIS intake/);
      assert.match(list.body, /Read submissions/);
      assert.match(list.body, /Never/);
      assert.ok(!list.body.includes(token), 'the list never shows the token');
      const home = await admin.get('/staff/admin');
      assert.match(home.body, /href="\/staff\/admin\/integrations"/);
    });

    test('a form with errors comes back with a summary and what was typed', async () => {
      const admin = await browserFor(okence, 'admin@domzale.example', undefined, '10.9.0.2');
      const res = await admin.post('/staff/admin/integrations', { name: 'Half typed' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /Choose at least one permission/);
      assert.match(res.body, /value="Half typed"/);
      assert.match(res.body, /href="#scopes"/);
      assert.doesNotMatch(res.body, /okn_/);
    });

    test('a post without the CSRF token is refused and creates nothing', async () => {
      const admin = await browserFor(okence, 'admin@domzale.example', undefined, '10.9.0.3');
      const before = await okence.handle.db.selectFrom('api_token').select('id').execute();
      const res = await okence.app.inject({
        method: 'POST',
        url: '/staff/admin/integrations',
        cookies: admin.cookies,
        remoteAddress: '10.9.0.3',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'name=Forged&scopes=submissions%3Aread',
      });
      assert.equal(res.statusCode, 403);
      const now = await okence.handle.db.selectFrom('api_token').select('id').execute();
      assert.equal(now.length, before.length);
    });

    test('officials get 403; an admin of another organisation 404 for a token of this one', async () => {
      const { admin } = await create('admin@domzale.example', 'For the sweep', '10.9.0.4');
      const id = (
        await okence.handle.db
          .selectFrom('api_token')
          .select('id')
          .where('name', '=', 'For the sweep')
          .executeTakeFirstOrThrow()
      ).id;
      assert.equal((await admin.get(`/staff/admin/integrations/${id}/revoke`)).statusCode, 200);
      const official = await browserFor(okence, 'uradnik@domzale.example', undefined, '10.9.0.5');
      assert.equal((await official.get('/staff/admin/integrations')).statusCode, 403);
      assert.equal(
        (await official.post(`/staff/admin/integrations/${id}/revoke`, {})).statusCode,
        403,
      );
      const other = await browserFor(okence, 'admin@ljutomer.example', undefined, '10.9.0.6');
      assert.equal((await other.get(`/staff/admin/integrations/${id}/revoke`)).statusCode, 404);
      assert.equal(
        (await other.post(`/staff/admin/integrations/${id}/revoke`, {})).statusCode,
        404,
      );
      const anonymous = await okence.app.inject({
        method: 'GET',
        url: '/staff/admin/integrations',
      });
      assert.equal(anonymous.statusCode, 303);
    });

    test('getApiTokenInfo: 401 without or with a bad token, 403 for another organisation, 200 with a good one', async () => {
      const { token } = await create('admin@domzale.example', 'Checker', '10.9.0.7');
      const url = '/api/v1/organisations/ue-domzale/token';
      for (const bad of [undefined, `okn_${'x'.repeat(43)}`, 'not-a-token']) {
        const res = await api(url, bad);
        assert.equal(res.statusCode, 401, String(bad));
        assert.match(String(res.headers['www-authenticate']), /^Bearer/);
        assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
        assert.equal(res.json().code, 'unauthenticated');
        assert.equal(res.json().wwwAuthenticate, undefined, 'the header is not a member');
      }
      const other = await api('/api/v1/organisations/ue-ljutomer/token', token);
      assert.equal(other.statusCode, 403);
      assert.equal(other.json().code, 'forbidden');
      const ok = await api(url, token);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.headers['cache-control'], 'no-store');
      const body = ok.json();
      assert.deepEqual(
        { name: body.name, scopes: body.scopes, organisation: body.organisation },
        { name: 'Checker', scopes: ['submissions:read'], organisation: 'ue-domzale' },
      );
      assert.match(body.id, /^[0-9a-f-]{36}$/);
    });

    test('revoking asks first, works as a plain form post, and the token is refused at once', async () => {
      const { admin, token } = await create('admin@domzale.example', 'To revoke', '10.9.0.8');
      const url = '/api/v1/organisations/ue-domzale/token';
      assert.equal((await api(url, token)).statusCode, 200);
      const list = await admin.get('/staff/admin/integrations');
      const path =
        /href="(\/staff\/admin\/integrations\/[0-9a-f-]{36}\/revoke)">Revoke<span class="visually-hidden"> To revoke</.exec(
          list.body,
        )![1]!;
      const confirm = await admin.get(path);
      assert.match(confirm.body, /Revoke the token “To revoke”\?/);
      assert.match(confirm.body, new RegExp(`<form method="post" action="${path}"`));
      const done = await admin.post(path, {});
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, '/staff/admin/integrations?revoked=1');
      const after = await admin.get('/staff/admin/integrations?revoked=1');
      assert.match(after.body, /The token has been revoked/);
      assert.match(after.body, /Revoked .* by /);
      assert.equal((await api(url, token)).statusCode, 401);
      // The confirmation of a revoked token goes back to the list.
      assert.equal((await admin.get(path)).statusCode, 303);
    });

    test('guessing from one address ends in 429 with Retry-After', async () => {
      const ip = '192.0.2.99';
      let last = await api('/api/v1/organisations/ue-domzale/token', `okn_${'g'.repeat(43)}`, ip);
      for (let i = 0; i < 25 && last.statusCode === 401; i++)
        last = await api('/api/v1/organisations/ue-domzale/token', `okn_${'g'.repeat(43)}`, ip);
      assert.equal(last.statusCode, 429);
      assert.ok(Number(last.headers['retry-after']) > 0);
      assert.equal(cookiesOf(last)['__Host-okence-csrf'], undefined);
    });
  });
}
