// The receipt downloads (decision 048): each gives the PDF to whoever the payment belongs to and
// the same 404 to everyone else — another person's obligation, another token's payment, another
// organisation's admin — and issues a receipt the job has not made yet rather than failing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import type { Okence } from '../boot.ts';
import { citizenCookie } from '../citizens/testing.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { staffCookie } from '../meeting/testing.ts';
import { receiptNumber } from './receipt-number.ts';
import { cashPayment, receiptObligation, receiptOrganisation } from './testing-receipts.ts';

const NOW = new Date('2026-12-02T09:00:00Z');

for (const kind of DB_KINDS) {
  describe(`receipt downloads on ${kind}`, () => {
    let okence: Okence;
    let mine: { obligation: string; payment: string };
    let theirs: { obligation: string; payment: string };
    let owner: string;
    let other: string;
    let token: string;
    before(async () => {
      okence = await bootTestApp(kind, { clock: fixedClock(NOW), backgroundJobs: false });
      const db = okence.handle.db;
      owner = await citizenCookie(okence, 'owner@example.cz');
      other = await citizenCookie(okence, 'other@example.cz');
      const account = await db
        .selectFrom('citizen_accounts')
        .select('id')
        .where('email', '=', 'owner@example.cz')
        .executeTakeFirstOrThrow();
      const org = await receiptOrganisation(db, 'koprivnice');
      const paid = async (vs: string, accountId?: string) => {
        const obligation = await receiptObligation(db, org, { vs, email: null, accountId });
        return { obligation, payment: await cashPayment(db, org, obligation, 100_000, NOW) };
      };
      mine = await paid('2603000001', account.id);
      theirs = await paid('2603000002');
      token = randomBytes(32).toString('base64url');
      await db
        .insertInto('payment_tokens')
        .values({
          token_hash: createHash('sha256').update(token).digest('hex'),
          obligation_id: mine.obligation,
          created_at: NOW,
          expires_at: new Date(NOW.getTime() + 3600_000),
        })
        .execute();
    });
    after(async () => {
      await okence.close();
    });
    const get = (url: string, cookie = '') =>
      okence.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

    /** A receipt download as the browser gets it: a PDF attachment, never cached. */
    function assertPdf(res: Awaited<ReturnType<typeof get>>, paymentId: string) {
      assert.equal(res.statusCode, 200, res.body.slice(0, 200));
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.equal(
        res.headers['content-disposition'],
        `attachment; filename="receipt-${receiptNumber(paymentId)}.pdf"`,
      );
      assert.match(String(res.headers['cache-control']), /no-store/);
      assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
    }

    test("the account: the person's own obligation's payment, issued on demand; nobody else's", async () => {
      const url = `/account/fees/${mine.obligation}/payments/${mine.payment}/receipt.pdf`;
      const first = await get(url, owner);
      assertPdf(first, mine.payment);
      assert.deepEqual((await get(url, owner)).rawPayload, first.rawPayload, 'the same bytes');
      assert.equal((await get(url, other)).statusCode, 404);
      const anonymous = await get(url);
      assert.equal(anonymous.statusCode, 303);
      assert.match(String(anonymous.headers.location), /^\/account\/sign-in/);
      // Another obligation's payment under the own obligation, and another's obligation.
      const mixed = `/account/fees/${mine.obligation}/payments/${theirs.payment}/receipt.pdf`;
      assert.equal((await get(mixed, owner)).statusCode, 404);
      const foreign = `/account/fees/${theirs.obligation}/payments/${theirs.payment}/receipt.pdf`;
      assert.equal((await get(foreign, owner)).statusCode, 404);
      assert.equal((await get(`/account/fees/x/payments/y/receipt.pdf`, owner)).statusCode, 404);
    });

    test("a payment token: its obligation's payments only", async () => {
      assertPdf(await get(`/pay/${token}/payments/${mine.payment}/receipt.pdf`), mine.payment);
      assert.equal(
        (await get(`/pay/${token}/payments/${theirs.payment}/receipt.pdf`)).statusCode,
        404,
      );
      const forged = randomBytes(32).toString('base64url');
      assert.equal(
        (await get(`/pay/${forged}/payments/${mine.payment}/receipt.pdf`)).statusCode,
        404,
      );
    });

    test('the payment pages link each payment to its receipt, and the links download it', async () => {
      const links = async (page: string, cookie = '') => {
        const res = await get(page, cookie);
        assert.equal(res.statusCode, 200, `${page}: ${res.statusCode}`);
        return [...res.body.matchAll(/href="([^"]+\/receipt\.pdf)"/g)].map((m) => m[1]!);
      };
      const admin = await staffCookie(okence, 'admin@koprivnice.example');
      const cases: [string, string, string][] = [
        [`/account/fees/${mine.obligation}`, owner, mine.payment],
        ['/account', owner, mine.payment],
        [`/pay/${token}`, '', mine.payment],
        [`/staff/admin/fees/obligations/${theirs.obligation}`, admin, theirs.payment],
      ];
      for (const [page, cookie, payment] of cases) {
        const found = await links(page, cookie);
        assert.equal(found.length, 1, `${page} links one receipt`);
        assert.ok(found[0]!.includes(payment), `${page} links ${payment}`);
        assertPdf(await get(found[0]!.replaceAll('&amp;', '&'), cookie), payment);
      }
    });

    test("staff: their own organisation's admins only", async () => {
      const url = `/staff/admin/fees/payments/${theirs.payment}/receipt.pdf`;
      assertPdf(
        await get(url, await staffCookie(okence, 'admin@koprivnice.example')),
        theirs.payment,
      );
      const official = await get(url, await staffCookie(okence, 'stavebni@koprivnice.example'));
      assert.equal(official.statusCode, 403);
      const stranger = await get(url, await staffCookie(okence, 'admin@domzale.example'));
      assert.equal(stranger.statusCode, 404);
    });
  });
}
