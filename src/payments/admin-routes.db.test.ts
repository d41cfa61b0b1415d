import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp, csrfFrom } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { browserFor } from '../tenants/admin-testing.ts';

/** A multipart body with one file field, as a browser posts the import form. */
function multipart(name: string, bytes: Uint8Array) {
  const boundary = '----okence-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`;
  const body = Buffer.concat([
    Buffer.from(head),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

for (const kind of DB_KINDS) {
  describe(`the fee register's staff pages on ${kind}`, () => {
    let okence: Okence;
    before(async () => {
      okence = await bootTestApp(kind, { clock: fixedClock(new Date('2026-12-01T09:00:00Z')) });
    });
    after(async () => {
      await okence.close();
    });

    test('an admin sets up a fee, creates an obligation through the form, records cash and cancels it', async () => {
      const admin = await browserFor(okence, 'admin@koprivnice.example', undefined, '10.18.0.1');
      const home = await admin.get('/staff/admin/fees');
      assert.equal(home.statusCode, 200);
      assert.match(home.body, /aria-current="page">Fees</);
      let res = await admin.post('/staff/admin/fees/types', {
        code: 'route-test',
        name_cs: 'Zkušební poplatek',
        basis: 'person',
      });
      assert.equal(res.statusCode, 303);
      const types = await admin.get('/staff/admin/fees/types');
      const id = /id="type-([0-9a-f-]{36})">[^<]*<span class="muted">\(route-test\)/.exec(
        types.body,
      )?.[1];
      assert.ok(id, 'the new fee type has a rate form');
      res = await admin.post(`/staff/admin/fees/types/${id}/rates`, {
        effectiveFrom: '1. 1. 2026',
        amount: '600',
        ordinance: 'OZV č. 9/2025',
      });
      assert.equal(res.statusCode, 303);
      // A form with errors: the summary links to the fields, typed values stay, the birth number does not.
      res = await admin.post('/staff/admin/fees/new', {
        feeType: id,
        payerName: 'Karel Typed',
        period: '',
        due1: '31. 2. 2027',
        birthNumber: '736028/5163',
      });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /href="#period"/);
      assert.match(res.body, /href="#due1"/);
      assert.match(res.body, /value="Karel Typed"/);
      assert.match(res.body, /value="31. 2. 2027"/);
      assert.doesNotMatch(res.body, /736028/);
      res = await admin.post('/staff/admin/fees/new', {
        feeType: id,
        payerName: 'Karel Typed',
        period: '2027',
        due1: '31. 3. 2027',
        due2: '30. 9. 2027',
      });
      assert.equal(res.statusCode, 303, res.body);
      const detailUrl = String(res.headers.location);
      let page = await admin.get(detailUrl);
      assert.match(page.body, /was created/);
      assert.match(page.body, /300\.00|300,00/);
      const obligation = detailUrl.split('/').pop()!.split('?')[0]!;
      res = await admin.post(`/staff/admin/fees/obligations/${obligation}/cash`, {
        amount: '100',
        receivedOn: '1. 12. 2026',
      });
      assert.equal(res.statusCode, 303);
      page = await admin.get(`/staff/admin/fees/obligations/${obligation}`);
      assert.match(page.body, /Partly paid/);
      assert.match(page.body, /Cash/);
      res = await admin.post(`/staff/admin/fees/obligations/${obligation}/cancel`, {});
      assert.equal(res.statusCode, 303);
      page = await admin.get(`/staff/admin/fees/obligations/${obligation}`);
      assert.match(page.body, /Cancelled/);
      assert.doesNotMatch(page.body, /Record the payment/);
      const list = await admin.get('/staff/admin/fees?q=karel+typed');
      assert.match(list.body, /Karel Typed/);
    });

    test('an official of the organisation is refused; the import reports refused rows by line', async () => {
      const official = await browserFor(
        okence,
        'urednik@koprivnice.example',
        undefined,
        '10.18.0.2',
      );
      assert.equal((await official.get('/staff/admin/fees')).statusCode, 403);
      const admin = await browserFor(okence, 'admin@koprivnice.example', undefined, '10.18.0.3');
      const form = await admin.get('/staff/admin/fees/import');
      const csrf = csrfFrom(form.body);
      const csv = 'payer;fee;period;amount;due\nNikdo;neni;2026;100;1.1.2027\n';
      const { body, type } = multipart('finance.csv', new TextEncoder().encode(csv));
      const res = await okence.app.inject({
        method: 'POST',
        url: `/staff/admin/fees/import?_csrf=${encodeURIComponent(csrf)}`,
        cookies: admin.cookies,
        remoteAddress: '10.18.0.3',
        headers: { 'content-type': type, 'accept-language': 'en' },
        payload: body,
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(res.body, /0 obligations imported, 1 rows refused/);
      assert.match(res.body, /<th scope="row">2<\/th><td>There is no fee type with this code/);
    });
  });
}
