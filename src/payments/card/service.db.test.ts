import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Okence } from '../../boot.ts';
import { DB_KINDS } from '../../db/testing.ts';
import { fixedClock } from '../../lib/clock.ts';
import { bootTestApp } from '../../http/testing.ts';
import { DECLINED_CARD } from '../gateway/gpwebpay-emulator.ts';
import { emulatedMerchant, type EmulatedMerchant } from '../gateway/testing.ts';
import { csrfPair, obligationWithToken, paymentTables } from './testing.ts';

const SLUG = 'koprivnice';

for (const kind of DB_KINDS) {
  describe(`card payments (${kind})`, () => {
    let okence: Okence;
    let gp: EmulatedMerchant;
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
    before(async () => {
      gp = await emulatedMerchant({ organisations: [SLUG] });
      okence = await bootTestApp(kind, {
        clock,
        env: { GPWEBPAY_MERCHANTS_FILE: gp.file },
        backgroundJobs: false,
      });
    });
    after(async () => {
      await okence.close();
      await gp.emulator.close();
    });
    const db = () => okence.handle.db;

    /** Presses the card button; the gateway URL the page sends the browser on to. */
    async function start(token: string): Promise<string> {
      const csrf = csrfPair(okence.services.sessionSecret);
      const res = await okence.app.inject({
        method: 'POST',
        url: `/o/${SLUG}/pay/card`,
        headers: { cookie: csrf.cookie },
        payload: { _csrf: csrf.token, token },
      });
      assert.equal(res.statusCode, 200, res.body);
      const url = /<a href="([^"]+)">/.exec(res.body.slice(res.body.indexOf('<main')))?.[1];
      assert.ok(url?.startsWith(gp.emulator.orderUrl), 'the page links to the gateway');
      assert.match(res.body, /<meta http-equiv="refresh" content="0; url=/);
      return (url ?? '').replaceAll('&amp;', '&');
    }
    /** The browser at the gateway: opens the page, presses a button; our return URL. */
    async function atGateway(url: string, action: 'pay' | 'cancel', card = '4111111111111111') {
      assert.equal((await fetch(url)).status, 200);
      const order = new URL(url).searchParams.get('ORDERNUMBER') ?? '';
      const res = await fetch(`${gp.emulator.origin}/pgw/pay`, {
        method: 'POST',
        body: new URLSearchParams({ ORDERNUMBER: order, action, card }),
        redirect: 'manual',
      });
      return { order, back: res.headers.get('location') ?? '' };
    }
    /** Our return route as the browser follows it. */
    async function returnTo(url: string) {
      const u = new URL(url);
      return okence.app.inject({ method: 'GET', url: `${u.pathname}${u.search}` });
    }
    const stateOf = async (order: string) =>
      (
        await db()
          .selectFrom('card_payments')
          .select('state')
          .where('order_number', '=', order)
          .executeTakeFirstOrThrow()
      ).state;

    test('paid: the return is confirmed with the gateway, the payment, audit entry and receipt e-mail written once', async () => {
      const o = await obligationWithToken(db(), {
        slug: SLUG,
        amountMinor: 150000,
        currency: 'CZK',
        now: clock.now(),
      });
      const { order, back } = await atGateway(await start(o.token), 'pay');
      const res = await returnTo(back);
      assert.equal(res.statusCode, 303);
      const page = await okence.app.inject({
        method: 'GET',
        url: String(res.headers.location),
        headers: { 'accept-language': 'cs' },
      });
      assert.match(page.body, /Platba přijata/);
      assert.match(page.body, new RegExp(o.variableSymbol));
      assert.equal(await stateOf(order), 'paid');
      const payments = await db()
        .selectFrom('payments')
        .selectAll()
        .where('obligation_id', '=', o.obligationId)
        .execute();
      assert.equal(payments.length, 1);
      assert.equal(Number(payments[0]?.amount_minor), 150000);
      assert.equal(payments[0]?.method, 'card');
      // One receipt e-mail, with the receipt, to the address the payer gave (decision 048).
      const mail = await db()
        .selectFrom('mail_outbox')
        .selectAll()
        .where('dedupe_key', '=', `payment-receipt:${payments[0]?.id}`)
        .execute();
      assert.equal(mail.length, 1);
      assert.equal(mail[0]!.to_address, 'jana@example.cz');
      assert.match(mail[0]!.text_body, /1\s?500,00\sKč/);
      const audit = await db()
        .selectFrom('audit_event')
        .select('action')
        .where('object_type', '=', 'card_payment')
        .execute();
      assert.ok(audit.some((a) => a.action === 'payment.card_paid'));

      // The same return again, and the gateway's answer again: nothing changes.
      const before = await paymentTables(db());
      assert.equal((await returnTo(back)).statusCode, 303);
      assert.equal(
        (await okence.app.inject({ method: 'GET', url: String(res.headers.location) })).statusCode,
        200,
      );
      await okence.services.cards.settleDue();
      assert.equal(await paymentTables(db()), before);
    });

    test('a forged or tampered return is refused and changes nothing', async () => {
      const o = await obligationWithToken(db(), {
        slug: SLUG,
        amountMinor: 50000,
        currency: 'CZK',
        now: clock.now(),
      });
      const { order, back } = await atGateway(await start(o.token), 'pay', DECLINED_CARD);
      const before = await paymentTables(db());
      const tampered = new URL(back);
      tampered.searchParams.set('PRCODE', '0');
      tampered.searchParams.set('SRCODE', '0');
      assert.equal((await returnTo(tampered.href)).statusCode, 400);
      const forged = new URL(back);
      forged.searchParams.set('DIGEST', Buffer.alloc(256, 7).toString('base64'));
      assert.equal((await returnTo(forged.href)).statusCode, 400);
      assert.equal(await paymentTables(db()), before);
      assert.equal(await stateOf(order), 'started');
      // The real one: declined, and no payment.
      assert.equal((await returnTo(back)).statusCode, 303);
      assert.equal(await stateOf(order), 'declined');
      const paid = await db()
        .selectFrom('payments')
        .select('id')
        .where('obligation_id', '=', o.obligationId)
        .execute();
      assert.equal(paid.length, 0);
    });

    test('cancel at the gateway; the return hit before the browser (as a notification) settles once', async () => {
      const a = await obligationWithToken(db(), {
        slug: SLUG,
        amountMinor: 20000,
        currency: 'CZK',
        now: clock.now(),
      });
      const cancelled = await atGateway(await start(a.token), 'cancel');
      await returnTo(cancelled.back);
      assert.equal(await stateOf(cancelled.order), 'cancelled');

      const b = await obligationWithToken(db(), {
        slug: SLUG,
        amountMinor: 30000,
        currency: 'CZK',
        now: clock.now(),
      });
      const url = await start(b.token);
      assert.equal((await fetch(url)).status, 200);
      const order = new URL(url).searchParams.get('ORDERNUMBER') ?? '';
      gp.emulator.decide(order, 'pay');
      assert.equal((await returnTo(gp.emulator.signedReturnUrl(order))).statusCode, 303);
      assert.equal(await stateOf(order), 'paid');
      const before = await paymentTables(db());
      assert.equal(
        (await returnTo(gp.emulator.signedReturnUrl(order))).statusCode,
        303,
        'the browser, later',
      );
      assert.equal(await paymentTables(db()), before);
    });

    test('no return at all: the job settles a paid payment and expires one the gateway never saw', async () => {
      const a = await obligationWithToken(db(), {
        slug: SLUG,
        amountMinor: 40000,
        currency: 'CZK',
        now: clock.now(),
      });
      const url = await start(a.token);
      await fetch(url);
      const order = new URL(url).searchParams.get('ORDERNUMBER') ?? '';
      gp.emulator.decide(order, 'pay');
      const b = await obligationWithToken(db(), {
        slug: SLUG,
        amountMinor: 40000,
        currency: 'CZK',
        now: clock.now(),
      });
      const unseen = new URL(await start(b.token)).searchParams.get('ORDERNUMBER') ?? '';
      assert.equal(await okence.services.cards.settleDue(), 0, 'not before a minute');
      clock.advance(61_000);
      await okence.services.cards.settleDue();
      assert.equal(await stateOf(order), 'paid');
      assert.equal(await stateOf(unseen), 'started', 'unseen, but not for 30 minutes yet');
      clock.advance(30 * 60_000);
      await okence.services.cards.settleDue();
      assert.equal(await stateOf(unseen), 'expired');
    });

    test('the gateway down: the return changes nothing and the page says it is still being confirmed', async () => {
      const o = await obligationWithToken(db(), {
        slug: SLUG,
        amountMinor: 60000,
        currency: 'CZK',
        now: clock.now(),
      });
      const { order, back } = await atGateway(await start(o.token), 'pay');
      gp.emulator.wsDown = true;
      try {
        const res = await returnTo(back);
        assert.equal(res.statusCode, 303);
        assert.equal(await stateOf(order), 'started');
        const page = await okence.app.inject({
          method: 'GET',
          url: String(res.headers.location),
          headers: { 'accept-language': 'en' },
        });
        assert.match(page.body, /We are still confirming your payment/);
      } finally {
        gp.emulator.wsDown = false;
      }
      clock.advance(61_000);
      await okence.services.cards.settleDue();
      assert.equal(await stateOf(order), 'paid');
    });

    test('the amount is what is due when starting; a paid obligation cannot be paid again', async () => {
      const o = await obligationWithToken(db(), {
        slug: SLUG,
        amountMinor: 100000,
        currency: 'CZK',
        now: clock.now(),
      });
      const first = await start(o.token);
      assert.equal(new URL(first).searchParams.get('AMOUNT'), '100000');
      const { back } = await atGateway(first, 'pay');
      await returnTo(back);
      const csrf = csrfPair(okence.services.sessionSecret);
      const again = await okence.app.inject({
        method: 'POST',
        url: `/o/${SLUG}/pay/card`,
        headers: { cookie: csrf.cookie },
        payload: { _csrf: csrf.token, token: o.token },
      });
      assert.equal(again.statusCode, 409);
      // An amount changed on the way to the gateway is refused there (the DIGEST covers it).
      const p = await obligationWithToken(db(), {
        slug: SLUG,
        amountMinor: 100000,
        currency: 'CZK',
        now: clock.now(),
      });
      const cheap = new URL(await start(p.token));
      cheap.searchParams.set('AMOUNT', '1');
      assert.equal((await fetch(cheap)).status, 400);
    });

    test('startCardPayment in the public API: the gateway address, the result page', async () => {
      const o = await obligationWithToken(db(), {
        slug: SLUG,
        amountMinor: 70000,
        currency: 'CZK',
        now: clock.now(),
      });
      const res = await okence.app.inject({
        method: 'POST',
        url: `/api/v1/organisations/${SLUG}/card-payments`,
        payload: { token: o.token, lang: 'cs' },
      });
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json<{ paymentId: string; redirectUrl: string; resultUrl: string }>();
      assert.ok(body.redirectUrl.startsWith(gp.emulator.orderUrl));
      assert.match(
        new URL(body.redirectUrl).searchParams.get('DESCRIPTION') ?? '',
        /^Poplatek ze psu 2026$/,
      );
      assert.equal(new URL(body.resultUrl).pathname, `/o/${SLUG}/pay/card/${body.paymentId}`);
      const unknown = await okence.app.inject({
        method: 'POST',
        url: `/api/v1/organisations/${SLUG}/card-payments`,
        payload: { token: 'y'.repeat(32) },
      });
      assert.equal(unknown.statusCode, 404);
    });

    test("a signed-in citizen pays their own obligation, never another's", async () => {
      const account = (id: string | null) =>
        db()
          .insertInto('citizen_accounts')
          .values({ created_at: clock.now(), email: id, email_verified: true })
          .returning('id')
          .executeTakeFirstOrThrow();
      const mine = await account('jana@example.cz');
      const other = await account('petr@example.cz');
      const o = await obligationWithToken(db(), {
        slug: SLUG,
        amountMinor: 80000,
        currency: 'CZK',
        now: clock.now(),
      });
      await db()
        .updateTable('obligations')
        .set({ citizen_account_id: mine.id })
        .where('id', '=', o.obligationId)
        .execute();
      const start = (accountId: string) =>
        okence.services.cards.startForCitizen({
          organisationSlug: SLUG,
          obligationId: o.obligationId,
          citizen: { accountId },
          lang: 'en',
        });
      await assert.rejects(start(other.id), /no such obligation/);
      const started = await start(mine.id);
      const row = await db()
        .selectFrom('card_payments')
        .select(['receipt_email', 'citizen_account_id', 'amount_minor'])
        .where('id', '=', started.paymentId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        { ...row, amount_minor: Number(row.amount_minor) },
        { receipt_email: 'jana@example.cz', citizen_account_id: mine.id, amount_minor: 80000 },
      );
      // Not signed in: the form's obligation id alone starts nothing.
      const csrf = csrfPair(okence.services.sessionSecret);
      const anonymous = await okence.app.inject({
        method: 'POST',
        url: `/o/${SLUG}/pay/card`,
        headers: { cookie: csrf.cookie },
        payload: { _csrf: csrf.token, obligation: o.obligationId },
      });
      assert.equal(anonymous.statusCode, 303, 'sent to sign in');
      assert.match(String(anonymous.headers.location), /sign-in/);
      const started2 = await db()
        .selectFrom('card_payments')
        .select('id')
        .where('obligation_id', '=', o.obligationId)
        .execute();
      assert.equal(started2.length, 1, "only the citizen's own start");
    });

    test('an unknown token, another organisation, or no gateway: not found', async () => {
      const csrf = csrfPair(okence.services.sessionSecret);
      const post = (url: string, token: string) =>
        okence.app.inject({
          method: 'POST',
          url,
          headers: { cookie: csrf.cookie },
          payload: { _csrf: csrf.token, token },
        });
      assert.equal((await post(`/o/${SLUG}/pay/card`, 'x'.repeat(32))).statusCode, 404);
      const o = await obligationWithToken(db(), {
        slug: SLUG,
        amountMinor: 100,
        currency: 'CZK',
        now: clock.now(),
      });
      assert.equal((await post('/o/domzale/pay/card', o.token)).statusCode, 404);
    });
  });
}
