import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Okence } from '../../boot.ts';
import { citizenCookie } from '../../citizens/testing.ts';
import { DB_KINDS } from '../../db/testing.ts';
import { bootTestApp, cookiesOf, csrfFrom } from '../../http/testing.ts';
import { fixedClock } from '../../lib/clock.ts';
import type { PacerTime } from '../../lib/pacing.ts';
import {
  LOOKUP_FLOOR_MS,
  LOOKUPS_PER_ADDRESS_PER_MINUTE,
  LOOKUPS_PER_ORGANISATION_PER_MINUTE,
} from './domain.ts';
import { si12Reference } from '../qr/references.ts';
import { organisationId, seedFeeType, seedObligation, seedSettings } from './testing.ts';

/** Pacer time that moves 7 ms per reading and records each wait without waiting. */
function recordingTime() {
  let now = 0;
  const waits: number[] = [];
  const time: PacerTime = {
    now: () => (now += 7),
    wait: async (ms) => {
      waits.push(ms);
    },
  };
  return { time, waits };
}

let addresses = 0;
/** A fresh client address, so one test's lookups never count against another's limit. */
const freshAddress = () => `198.51.${Math.floor(++addresses / 250)}.${(addresses % 250) + 1}`;

for (const kind of DB_KINDS) {
  describe(`paying a fee as a citizen on ${kind}`, () => {
    let okence: Okence;
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
    const pacer = recordingTime();
    const ids: Record<string, string> = {};
    before(async () => {
      okence = await bootTestApp(kind, { clock, pacerTime: pacer.time });
      const db = okence.handle.db;
      const cz = await organisationId(db, 'koprivnice');
      const si = await organisationId(db, 'ue-ljutomer');
      await seedSettings(db, cz, {
        birthNumberLookup: true,
        iban: 'CZ6508000000192000145399',
        qrFormat: 'spayd',
      });
      const dog = await seedFeeType(db, cz, 'test-dog');
      const siDog = await seedFeeType(db, si, 'test-dog');
      const base = { organisation: cz, feeType: dog, currency: 'CZK' };
      ids.due = await seedObligation(db, {
        ...base,
        variableSymbol: '8801000123',
        payerName: 'Jana Nováková',
        instalments: [{ dueDate: '2026-12-31', amountMinor: 150000 }],
        birthNumber: { secret: okence.services.sessionSecret, digits: '8501011002' },
      });
      ids.cancelled = await seedObligation(db, {
        ...base,
        variableSymbol: '8801000124',
        payerName: 'Petr Dvořák',
        instalments: [{ dueDate: '2026-12-31', amountMinor: 150000 }],
        cancelled: true,
      });
      ids.other = await seedObligation(db, {
        organisation: si,
        feeType: siDog,
        currency: 'EUR',
        variableSymbol: '8801000777',
        payerName: 'Jana Nováková',
        instalments: [{ dueDate: '2026-12-31', amountMinor: 2000 }],
      });
    });
    after(async () => {
      await okence.close();
    });

    const get = (url: string, lang = 'en', cookie?: string) =>
      okence.app.inject({
        method: 'GET',
        url,
        headers: { 'accept-language': lang, ...(cookie ? { cookie } : {}) },
      });

    /** Posts the lookup form of an organisation as a browser would (its CSRF token first). */
    async function lookUp(org: string, form: Record<string, string>, ip = freshAddress()) {
      const page = await get(`/o/${org}/pay`);
      const jar = cookiesOf(page);
      return okence.app.inject({
        method: 'POST',
        url: `/o/${org}/pay`,
        remoteAddress: ip,
        headers: {
          'accept-language': 'en',
          cookie: Object.entries(jar)
            .map(([k, v]) => `${k}=${v}`)
            .join('; '),
        },
        payload: { ...form, _csrf: csrfFrom(page.body) },
      });
    }

    const outboxTo = (to: string) =>
      okence.handle.db
        .selectFrom('mail_outbox')
        .select(['subject', 'text_body'])
        .where('to_address', '=', to)
        .execute();

    test('the form asks for the variable symbol, name and e-mail, and the birth number with its legal basis where it is on', async () => {
      const cz = await get('/o/koprivnice/pay', 'cs');
      assert.equal(cz.statusCode, 200);
      assert.match(cz.body, /<h1>Zaplatit poplatek<\/h1>/);
      for (const name of ['vs', 'birth_number', 'name', 'email'])
        assert.match(cz.body, new RegExp(`name="${name}"`));
      assert.match(cz.body, /565\/1990 Sb\., o místních poplatcích/);
      const si = await get('/o/ue-ljutomer/pay', 'sl');
      assert.match(si.body, /<h1>Plačilo takse<\/h1>/);
      assert.doesNotMatch(si.body, /name="birth_number"/, 'off without the setting');
      const org = await get('/o/koprivnice', 'cs');
      assert.match(org.body, /href="\/o\/koprivnice\/pay">Zaplatit poplatek/);
    });

    test('invalid input shows the errors with what was typed kept', async () => {
      const res = await lookUp('koprivnice', {
        vs: '26O1',
        name: ' ',
        email: 'jana@',
        birth_number: '',
      });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /class="error-summary"/);
      assert.match(res.body, /href="#vs">Enter the variable symbol: digits only/);
      assert.match(res.body, /href="#name">/);
      assert.match(res.body, /href="#email">/);
      assert.match(res.body, /value="26O1"/);
      assert.match(res.body, /value="jana@"/);
      const missing = await lookUp('koprivnice', { vs: '', name: 'Jana', email: 'j@example.cz' });
      assert.match(missing.body, /Enter the variable symbol or your birth number/);
      const badBirth = await lookUp('koprivnice', {
        vs: '',
        birth_number: '850101/1003',
        name: 'Jana',
        email: 'j@example.cz',
      });
      assert.match(badBirth.body, /href="#birth_number">/);
      assert.doesNotMatch(badBirth.body, /850101\/1003/, 'a birth number is never echoed');
    });

    test('found by variable symbol and the folded name: a payment link, the pay page and an e-mail', async () => {
      const res = await lookUp('koprivnice', {
        vs: ' 8801 000 123 ',
        name: '  jana   NOVAKOVA ',
        email: 'Jana@Example.cz',
      });
      assert.equal(res.statusCode, 303);
      const location = res.headers.location as string;
      assert.match(location, /^\/pay\/[A-Za-z0-9_-]{43}$/);
      const page = await get(location, 'cs');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h1>Zaplatit poplatek<\/h1>/);
      assert.match(page.body, /Poplatek ze psů – 2026/);
      assert.match(page.body, /8801000123/);
      assert.match(page.body, /1\s500,00\s*Kč/);
      assert.match(page.body, /31\. 12\. 2026/);
      assert.match(page.body, /K zaplacení/);
      assert.equal(page.headers['referrer-policy'], 'no-referrer');
      assert.equal(page.headers['cache-control'], 'no-store');
      assert.match(page.body, /<svg[^>]*role="img"/, 'the bank QR code');
      assert.match(page.body, /19-2000145399\/0800/, 'with its details as text');
      const token = location.slice('/pay/'.length);
      const stored = await okence.handle.db
        .selectFrom('payment_tokens')
        .select(['token_hash', 'receipt_email', 'expires_at'])
        .where('obligation_id', '=', ids.due!)
        .execute();
      assert.equal(stored.length, 1);
      assert.notEqual(stored[0]!.token_hash, token, 'only the hash is stored');
      assert.equal(stored[0]!.receipt_email, 'jana@example.cz');
      assert.equal(stored[0]!.expires_at.getTime(), clock.now().getTime() + 24 * 3600_000);
      const mails = await outboxTo('jana@example.cz');
      assert.equal(mails.length, 1);
      assert.match(mails[0]!.subject, /Payment details: Dog fee/);
      assert.ok(mails[0]!.text_body.includes(`/pay/${token}`));
      assert.match(mails[0]!.text_body, /IBAN: CZ65 0800 0000 1920 0014 5399/);
      assert.match(mails[0]!.text_body, /Account number: 19-2000145399\/0800/);
      assert.match(mails[0]!.text_body, /Variable symbol: 8801000123/);
    });

    test('a day after the link expired, the link and the e-mail that carried it are gone', async () => {
      const sent = await outboxTo('jana@example.cz');
      assert.ok(sent.length > 0);
      clock.advance(2 * 24 * 3600_000 + 1);
      try {
        await okence.services.pay.purge();
        assert.deepEqual(await outboxTo('jana@example.cz'), []);
        const left = await okence.handle.db
          .selectFrom('payment_tokens')
          .select('token_hash')
          .where('receipt_email', '=', 'jana@example.cz')
          .execute();
        assert.deepEqual(left, []);
      } finally {
        clock.advance(-(2 * 24 * 3600_000 + 1));
      }
    });

    test("a Slovenian payer copies the slip's SI12 reference, with or without its prefix", async () => {
      const reference = si12Reference('8801000777');
      for (const vs of [reference, reference.slice(4)]) {
        const res = await lookUp('ue-ljutomer', {
          vs,
          name: 'jana novakova',
          email: 'si@example.si',
        });
        assert.equal(res.statusCode, 303, vs);
      }
      // A reference whose check digit fails is mistyped, whoever types it: the form says so.
      const wrongCheck = `${reference.slice(0, -1)}${(Number(reference.at(-1)) + 1) % 10}`;
      assert.equal(
        (
          await lookUp('ue-ljutomer', {
            vs: wrongCheck,
            name: 'Jana Nováková',
            email: 'si@example.si',
          })
        ).statusCode,
        400,
      );
    });

    test('found by birth number where the organisation switched it on', async () => {
      const res = await lookUp('koprivnice', {
        vs: '',
        birth_number: '850101/1002',
        name: 'Jana Nováková',
        email: 'birth@example.cz',
      });
      assert.equal(res.statusCode, 303);
      const page = await get(res.headers.location as string);
      assert.match(page.body, /8801000123/);
    });

    test('every miss is the same answer, paced the same, with no e-mail', async () => {
      const misses = {
        unknownSymbol: { vs: '8801999999', name: 'Jana Nováková' },
        wrongName: { vs: '8801000123', name: 'Jana Novotná' },
        cancelled: { vs: '8801000124', name: 'Petr Dvořák' },
        anotherOrganisation: { vs: '8801000777', name: 'Jana Nováková' },
        birthNumberOfNobody: { vs: '', birth_number: '9001011008', name: 'Jana Nováková' },
      };
      const answers: { status: number; body: string }[] = [];
      pacer.waits.length = 0;
      for (const [what, form] of Object.entries(misses)) {
        const email = `${what.toLowerCase()}@example.cz`;
        const res = await lookUp('koprivnice', { birth_number: '', ...form, email });
        answers.push({ status: res.statusCode, body: res.body });
        assert.deepEqual(await outboxTo(email), [], `${what}: no e-mail`);
      }
      for (const a of answers.slice(1)) assert.deepEqual(a, answers[0]);
      assert.equal(answers[0]!.status, 404);
      assert.match(answers[0]!.body, /We could not find the fee/);
      // The pacer ran once per lookup and waited out the same floor: found ones too.
      assert.equal(pacer.waits.length, Object.keys(misses).length);
      const found = await lookUp('koprivnice', {
        vs: '8801000123',
        name: 'Jana Nováková',
        email: 'again@example.cz',
      });
      assert.equal(found.statusCode, 303);
      assert.deepEqual(
        new Set(pacer.waits),
        new Set([LOOKUP_FLOOR_MS - 7]),
        'each answer padded to the floor',
      );
      assert.equal(pacer.waits.length, Object.keys(misses).length + 1);
    });

    test('lookups are limited per client address', async () => {
      const ip = freshAddress();
      const form = { vs: '8801999999', name: 'X', email: 'limit@example.cz' };
      for (let i = 0; i < LOOKUPS_PER_ADDRESS_PER_MINUTE; i++)
        assert.equal((await lookUp('koprivnice', form, ip)).statusCode, 404);
      const refused = await lookUp('koprivnice', form, ip);
      assert.equal(refused.statusCode, 429);
      assert.ok(Number(refused.headers['retry-after']) > 0);
      assert.equal((await lookUp('koprivnice', form)).statusCode, 404, 'another address goes on');
    });

    test('a payment link opens its own obligation only, and expires', async () => {
      assert.equal((await get('/pay/not-a-token')).statusCode, 404);
      assert.equal((await get(`/pay/${'A'.repeat(43)}`)).statusCode, 404);
      const res = await lookUp('koprivnice', {
        vs: '8801000123',
        name: 'Jana Nováková',
        email: 'expiry@example.cz',
      });
      const location = res.headers.location as string;
      const page = await get(location);
      assert.match(page.body, /8801000123/);
      assert.doesNotMatch(page.body, /8801000777|8801000124/);
      clock.advance(24 * 3600_000);
      try {
        const expired = await get(location, 'sl');
        assert.equal(expired.statusCode, 410);
        assert.match(expired.body, /Povezava za plačilo je potekla/);
        assert.match(expired.body, /href="\/o\/koprivnice\/pay"/);
        assert.doesNotMatch(expired.body, /8801000123/);
      } finally {
        clock.advance(-24 * 3600_000);
      }
    });

    test('a link to an obligation cancelled since shows that, and offers no payment', async () => {
      const db = okence.handle.db;
      const cz = await organisationId(db, 'koprivnice');
      const id = await seedObligation(db, {
        organisation: cz,
        feeType: await seedFeeType(db, cz, 'test-cancel'),
        currency: 'CZK',
        variableSymbol: '8801000999',
        payerName: 'Eva Malá',
        instalments: [{ dueDate: '2026-12-31', amountMinor: 50000 }],
      });
      const res = await lookUp('koprivnice', {
        vs: '8801000999',
        name: 'Eva Malá',
        email: 'eva@example.cz',
      });
      const location = res.headers.location as string;
      assert.match((await get(location)).body, /<svg[^>]*role="img"/);
      await db
        .updateTable('obligations')
        .set({ cancelled_at: clock.now() })
        .where('id', '=', id)
        .execute();
      const page = await get(location);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /The office has cancelled this fee/);
      assert.doesNotMatch(page.body, /<svg[^>]*role="img"|\/pay\/card/);
      const token = location.slice('/pay/'.length);
      assert.equal((await get(`/api/v1/payment-tokens/${token}/qr`)).statusCode, 404);
    });

    test("the account's fees: own obligations grouped, their pages; another's is not found", async () => {
      const db = okence.handle.db;
      const cookie = await citizenCookie(okence, 'owner@example.cz');
      const other = await citizenCookie(okence, 'other@example.cz');
      const account = await db
        .selectFrom('citizen_accounts')
        .select('id')
        .where('email', '=', 'owner@example.cz')
        .executeTakeFirstOrThrow();
      const cz = await organisationId(db, 'koprivnice');
      const feeType = await seedFeeType(db, cz, 'test-waste');
      const base = { organisation: cz, feeType, currency: 'CZK', accountId: account.id };
      const overdue = await seedObligation(db, {
        ...base,
        variableSymbol: '8802000001',
        payerName: 'Owner',
        instalments: [
          { dueDate: '2026-05-31', amountMinor: 40000 },
          { dueDate: '2026-12-31', amountMinor: 40000 },
        ],
        paid: [{ amountMinor: 10000, receivedOn: '2026-05-20' }],
      });
      const paid = await seedObligation(db, {
        ...base,
        variableSymbol: '8802000002',
        payerName: 'Owner',
        instalments: [{ dueDate: '2025-12-31', amountMinor: 70000 }],
        paid: [{ amountMinor: 70000, receivedOn: '2025-11-02' }],
      });
      const page = await get('/account', 'cs', cookie);
      assert.equal(page.statusCode, 200);
      const section = page.body.slice(page.body.indexOf('<section aria-labelledby="account-fees"'));
      assert.match(section, /<h2 id="account-fees">Poplatky<\/h2>/);
      assert.ok(section.indexOf('Po splatnosti') < section.indexOf('Zaplacené'));
      assert.match(section, /Nedoplatek: 300,00\s*Kč/);
      assert.match(section, new RegExp(`href="/account/fees/${overdue}"`));
      assert.match(section, new RegExp(`href="/account/fees/${paid}"`));
      assert.match(section, /Vaše platby/);
      const detail = await get(`/account/fees/${overdue}`, 'cs', cookie);
      assert.equal(detail.statusCode, 200);
      assert.match(detail.body, /Po splatnosti/);
      assert.match(detail.body, /Splátky/);
      assert.match(detail.body, /Nedoplatek/);
      assert.equal((await get(`/account/fees/${overdue}`, 'en', other)).statusCode, 404);
      assert.equal((await get(`/account/fees/${ids.due}`, 'en', cookie)).statusCode, 404);
      assert.equal((await get('/account/fees/nonsense', 'en', cookie)).statusCode, 404);
      const anonymous = await get(`/account/fees/${overdue}`);
      assert.equal(anonymous.statusCode, 303);
      const otherPage = await get('/account', 'en', other);
      assert.match(otherPage.body, /No fees are linked to your account/);
    });

    test('the API finds an obligation with a token, the same 404 for every miss, and draws its QR code', async () => {
      const call = (org: string, body: unknown) =>
        okence.app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${org}/obligations/lookup`,
          remoteAddress: freshAddress(),
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
      const found = await call('koprivnice', {
        variableSymbol: '8801000123',
        name: 'JANA NOVAKOVA',
      });
      assert.equal(found.statusCode, 200);
      const body = found.json();
      assert.deepEqual(body.amountDue, { amountMinor: 150000, currency: 'CZK' });
      assert.equal(body.dueDate, '2026-12-31');
      assert.equal(body.standing, 'due');
      assert.match(body.paymentToken, /^[A-Za-z0-9_-]{43}$/);
      const misses = await Promise.all([
        call('koprivnice', { variableSymbol: '8801000123', name: 'Someone Else' }),
        call('koprivnice', { variableSymbol: '8801000124', name: 'Petr Dvořák' }),
        call('koprivnice', { variableSymbol: '8801000777', name: 'Jana Nováková' }),
      ]);
      for (const m of misses) {
        assert.equal(m.statusCode, 404);
        assert.deepEqual(m.json(), misses[0].json());
      }
      const invalid = await call('koprivnice', { variableSymbol: 'abc', name: 'Jana' });
      assert.equal(invalid.statusCode, 400);
      const svg = await get(`/api/v1/payment-tokens/${body.paymentToken}/qr?format=svg`);
      assert.equal(svg.statusCode, 200);
      assert.match(svg.headers['content-type'] as string, /^image\/svg\+xml/);
      assert.match(svg.body, /^<svg/);
      const png = await get(`/api/v1/payment-tokens/${body.paymentToken}/qr?format=png`);
      assert.equal(png.headers['content-type'], 'image/png');
      assert.deepEqual([...png.rawPayload.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
      assert.equal(
        (await get(`/api/v1/payment-tokens/${body.paymentToken}/qr?format=gif`)).statusCode,
        400,
      );
      assert.equal((await get(`/api/v1/payment-tokens/${'B'.repeat(43)}/qr`)).statusCode, 404);
    });

    test('lookups are limited per organisation, whatever the address', async () => {
      const call = () =>
        okence.app.inject({
          method: 'POST',
          url: '/api/v1/organisations/liberecky-kraj/obligations/lookup',
          remoteAddress: freshAddress(),
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({ variableSymbol: '8809999999', name: 'Nobody' }),
        });
      for (let i = 0; i < LOOKUPS_PER_ORGANISATION_PER_MINUTE; i++)
        assert.equal((await call()).statusCode, 404);
      const refused = await call();
      assert.equal(refused.statusCode, 429);
      assert.ok(Number(refused.headers['retry-after']) > 0);
      const elsewhere = await lookUp('koprivnice', {
        vs: '8809999999',
        name: 'X',
        email: 'x@example.cz',
      });
      assert.equal(elsewhere.statusCode, 404, 'another organisation goes on');
    });
  });
}
