import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../../boot.ts';
import { DB_KINDS } from '../../db/testing.ts';
import { bootTestApp, csrfFrom } from '../../http/testing.ts';
import { browserFor } from '../../tenants/admin-testing.ts';
import { staffOf } from '../../submissions/testing-states.ts';
import { aboFile, aboHeader, aboItem } from './testing.ts';
import { seedObligations, statementTables } from './testing-db.ts';

type Browser = Awaited<ReturnType<typeof browserFor>>;

/** Uploads a file through the page's multipart form, its CSRF token in the action as the page puts it. */
async function upload(okence: Okence, browser: Browser, name: string, bytes: Uint8Array) {
  const page = await browser.get('/staff/admin/fees/statements');
  const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/
    .exec(page.body)![1]!
    .replace(/&amp;/g, '&');
  const boundary = '----okence-statement-test';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return okence.app.inject({
    method: 'POST',
    url: action,
    cookies: browser.cookies,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'accept-language': 'en',
    },
    payload,
  });
}

for (const kind of DB_KINDS) {
  describe(`the bank statement pages and importBankStatement on ${kind}`, () => {
    let okence: Okence;
    let org: string;
    before(async () => {
      okence = await bootTestApp(kind);
      org = (await staffOf(okence, 'koprivnice')).organisationId;
      await seedObligations(okence.handle.db, org, [
        { vs: '2001', amountMinor: 50000 },
        { vs: '2002', amountMinor: 50000 },
      ]);
    });
    after(async () => {
      await okence.close();
    });

    const file = aboFile([
      aboHeader({ number: 21 }),
      aboItem({ amountMinor: 50000, vs: '2001', note: 'Jiří Dvořák' }),
      aboItem({ amountMinor: 25000, vs: '777', note: 'Žofie Růžičková' }),
    ]);

    test('an admin uploads a statement and reads the report; the same file again changes nothing', async () => {
      const admin = await browserFor(okence, 'admin@koprivnice.example');
      const res = await upload(okence, admin, 'vypis.gpc', file);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(res.body, /Statement 021 of account 19-123457 has been imported/);
      assert.match(res.body, /Matched, paid exactly<\/th><td class="number">1</);
      assert.match(res.body, /1 with a variable symbol no fee has/);
      assert.match(res.body, /vypis\.gpc/);
      const before = await statementTables(okence.handle.db, org);
      const again = await upload(okence, admin, 'znovu.gpc', file);
      assert.equal(again.statusCode, 200);
      assert.match(again.body, /already imported on/);
      assert.deepEqual(await statementTables(okence.handle.db, org), before);
    });

    test('a malformed file comes back with its lines and reasons; an empty upload with the field error', async () => {
      const admin = await browserFor(okence, 'admin@koprivnice.example');
      const bad = aboItem({ amountMinor: 1 });
      const res = await upload(
        okence,
        admin,
        'spatny.gpc',
        aboFile([aboHeader({ number: 22 }), `${bad.slice(0, 60)}9${bad.slice(61)}`]),
      );
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /Line 2: unknown kind of posting/);
      const empty = await upload(okence, admin, 'prazdny.gpc', new Uint8Array());
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /href="#file">Choose a statement file/);
    });

    test('an unmatched payment: a wrong symbol re-renders with what was typed, the right one assigns it once', async () => {
      const admin = await browserFor(okence, 'admin@koprivnice.example');
      const page = await admin.get('/staff/admin/fees/unmatched');
      assert.match(page.body, /Žofie Růžičková/);
      const id = /action="\/staff\/admin\/fees\/unmatched\/([0-9a-f-]{36})\/assign"/.exec(
        page.body,
      )![1]!;
      const wrong = await admin.post(`/staff/admin/fees/unmatched/${id}/assign`, {
        variableSymbol: '999',
      });
      assert.equal(wrong.statusCode, 400);
      assert.match(
        wrong.body,
        new RegExp(`href="#vs-${id}">No fee of yours has this variable symbol`),
      );
      assert.match(wrong.body, /value="999"/);
      const ok = await admin.post(`/staff/admin/fees/unmatched/${id}/assign`, {
        variableSymbol: '002002',
      });
      assert.equal(ok.statusCode, 303);
      const after = await admin.get(String(ok.headers.location));
      assert.match(after.body, /assigned to the fee with variable symbol 2002/);
      assert.match(after.body, /There are no unmatched payments/);
      const twice = await admin.post(`/staff/admin/fees/unmatched/${id}/assign`, {
        variableSymbol: '2002',
      });
      assert.equal(twice.statusCode, 409);
    });

    test('officials and other organisations are kept out', async () => {
      const official = await browserFor(okence, 'urednik@koprivnice.example');
      assert.equal((await official.get('/staff/admin/fees/statements')).statusCode, 403);
      const stranger = await browserFor(okence, 'admin@domzale.example');
      const theirs = await stranger.get('/staff/admin/fees/statements');
      assert.equal(theirs.statusCode, 200);
      assert.doesNotMatch(theirs.body, /vypis\.gpc/);
      const payment = await okence.handle.db
        .selectFrom('payments')
        .select('id')
        .where('organisation_id', '=', org)
        .executeTakeFirstOrThrow();
      const res = await stranger.post(`/staff/admin/fees/unmatched/${payment.id}/assign`, {
        variableSymbol: '2001',
      });
      assert.equal(res.statusCode, 404);
      assert.ok(csrfFrom((await stranger.get('/staff/admin/fees/unmatched')).body));
    });

    test('importBankStatement: 201 with the counts, 409 for the same file, 422 with the bad lines, 403 without the scope', async () => {
      const admin = await staffOf(okence, 'koprivnice');
      const { token } = await okence.services.integrations.create(admin, {
        name: 'Finance',
        scopes: ['statements:write'],
      });
      const { token: reader } = await okence.services.integrations.create(admin, {
        name: 'GINIS',
        scopes: ['submissions:read'],
      });
      let ip = 0;
      const call = (bytes: Uint8Array, bearer = token) =>
        okence.app.inject({
          method: 'POST',
          url: '/api/v1/organisations/koprivnice/bank-statements',
          remoteAddress: `192.0.2.${++ip}`,
          headers: {
            authorization: `Bearer ${bearer}`,
            'content-type': 'application/json',
            'accept-language': 'cs',
          },
          payload: JSON.stringify({
            fileName: 'vypis-z-api.gpc',
            content: Buffer.from(bytes).toString('base64'),
          }),
        });
      const next = aboFile([
        aboHeader({ number: 23 }),
        aboItem({ amountMinor: 50000, vs: '2002', date: '011226' }),
      ]);
      const created = await call(next);
      assert.equal(created.statusCode, 201, created.body);
      assert.deepEqual(created.json().matched, { exact: 0, partial: 0, over: 1 });
      assert.equal((await call(next)).statusCode, 409);
      const bad = aboItem({ amountMinor: 1 });
      const refused = await call(
        aboFile([aboHeader({ number: 24 }), `${bad.slice(0, 91)}320126${bad.slice(97)}`]),
      );
      assert.equal(refused.statusCode, 422);
      assert.deepEqual(refused.json().errors, [
        { field: 'body.content.line.2', code: 'bad_date', message: 'datum není platný den' },
      ]);
      assert.equal((await call(next, reader)).statusCode, 403);
      const audit = await okence.handle.db
        .selectFrom('audit_event')
        .select(['actor_name'])
        .where('organisation_id', '=', org)
        .where('action', '=', 'bank_statement.imported')
        .execute();
      assert.ok(audit.some((a) => a.actor_name === 'system:api:Finance'));
    });
  });
}
