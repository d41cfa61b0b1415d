// Receipts for payments (decision 048): issued once with the same bytes, one e-mail per payment
// however often the job runs or whatever issued the receipt first, to the address the payer
// gave, and none for a payment without an obligation until staff assign it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Okence } from '../boot.ts';
import { DB_KINDS } from '../db/testing.ts';
import { bootTestApp } from '../http/testing.ts';
import { fixedClock } from '../lib/clock.ts';
import { victimSubmission } from '../submissions/testing-states.ts';
import { issueReceipt, paymentReceipts } from './receipts.ts';
import {
  cardPayment,
  cashPayment,
  receiptMails,
  receiptObligation,
  receiptOrganisation,
  unmatchedBankPayment,
} from './testing-receipts.ts';

const NOW = new Date('2026-12-02T09:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'okence-receipts-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF's text as pdftotext reads it, with Intl's no-break spaces made plain. */
function pdfText(pdf: Uint8Array, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, pdf);
  const out = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  return out.replace(/[\u00a0\u202f]/g, ' ');
}
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

for (const kind of DB_KINDS) {
  describe(`payment receipts on ${kind}`, () => {
    let okence: Okence;
    let org: string;
    let wakes = 0;
    const clock = fixedClock(NOW);
    before(async () => {
      okence = await bootTestApp(kind, { clock, backgroundJobs: false });
      org = await receiptOrganisation(db(), 'koprivnice');
    });
    after(async () => {
      await okence.close();
    });
    const db = () => okence.handle.db;
    const receipts = () => paymentReceipts({ db: db(), clock, wakeMail: () => wakes++ });
    /** Runs the job until it has nothing left; the e-mails it queued. */
    async function drain(): Promise<number> {
      let queued = 0;
      for (let n = await receipts().issuePending(); n > 0; n = await receipts().issuePending())
        queued += n;
      return queued;
    }
    const receiptRows = (paymentId: string) =>
      db()
        .selectFrom('payment_receipts')
        .select('sha256')
        .where('payment_id', '=', paymentId)
        .execute();

    test('issuing twice, or twice at once, stores one receipt with the same bytes', async () => {
      const obligation = await receiptObligation(db(), org, { vs: '2601000001', email: null });
      const payment = await cashPayment(db(), org, obligation, 100_000, NOW);
      const [a, b] = await Promise.all([
        issueReceipt(db(), payment, NOW),
        issueReceipt(db(), payment, NOW),
      ]);
      const c = await issueReceipt(db(), payment, new Date('2027-01-01T00:00:00Z'));
      assert.ok(a && b && c);
      assert.equal(a.sha256, b.sha256);
      assert.deepEqual(c.pdf, a.pdf);
      assert.equal((await receiptRows(payment)).length, 1);
      const text = pdfText(a.pdf, 'cash.pdf');
      for (const s of ['1 000,00 Kč', '1 500,00 Kč', '2601000001', 'Hotově na úřadě'])
        assert.ok(text.includes(s), `"${s}" on the receipt:\n${text}`);
      assert.match(text, /Zbývá zaplatit\s+500,00 Kč/);
    });

    test('the job issues receipts and queues one e-mail per payment; a second run does nothing', async () => {
      const obligation = await receiptObligation(db(), org, {
        vs: '2601000002',
        email: 'platce@example.cz',
      });
      const first = await cashPayment(db(), org, obligation, 100_000, NOW);
      const second = await cashPayment(db(), org, obligation, 50_000, new Date(NOW.getTime() + 1));
      const wakesBefore = wakes;
      assert.ok((await drain()) >= 2);
      assert.ok(wakes > wakesBefore, 'the mail worker is woken');
      assert.equal(await receipts().issuePending(), 0);
      const [one] = await receiptMails(db(), first);
      assert.equal((await receiptMails(db(), first)).length, 1);
      assert.equal(one!.to_address, 'platce@example.cz');
      assert.match(one!.subject, /Potvrzení o zaplacení.*2601000002/);
      const text = plain(one!.text_body);
      assert.match(text, /přijali jsme Vaši platbu 1 000,00 Kč/);
      assert.match(text, /Zbývá zaplatit 500,00 Kč/);
      assert.match(text, /Variabilní symbol|IBAN/);
      assert.match(text, /Částka: 500,00 Kč/);
      assert.deepEqual(
        one!.attachments.map((a) => a.content_type),
        ['application/pdf', 'image/png'],
      );
      const [pdf] = one!.attachments;
      assert.match(pdfText(pdf!.content, 'mailed.pdf'), /Zbývá zaplatit\s+500,00 Kč/);
      // The second payment settles it: its receipt counts both, and its e-mail has no code.
      const [last] = await receiptMails(db(), second);
      assert.match(plain(last!.text_body), /uhrazen v plné výši/);
      assert.deepEqual(
        last!.attachments.map((a) => a.content_type),
        ['application/pdf'],
      );
      assert.match(pdfText(last!.attachments[0]!.content, 'settled.pdf'), /Uhrazeno v plné výši/);
    });

    test('one run goes on past a batch: a large statement is not mailed twenty a minute', async () => {
      await drain();
      for (let i = 0; i < 25; i++) {
        const vs = String(2604000001 + i);
        const obligation = await receiptObligation(db(), org, { vs, email: `p${i}@example.cz` });
        await cashPayment(db(), org, obligation, 10_000, NOW);
      }
      assert.equal(await receipts().issuePending(), 25);
      assert.equal(await receipts().issuePending(), 0);
    });

    test('a month later the outbox forgets the receipt e-mail; the receipt stays and no e-mail follows', async () => {
      const obligation = await receiptObligation(db(), org, {
        vs: '2601000008',
        email: 'later@example.cz',
      });
      const payment = await cashPayment(db(), org, obligation, 10_000, NOW);
      await drain();
      assert.equal((await receiptMails(db(), payment)).length, 1);
      const monthOn = fixedClock(new Date(NOW.getTime() + 31 * 86_400_000));
      const later = paymentReceipts({ db: db(), clock: monthOn, wakeMail: () => {} });
      assert.ok((await later.pruneMail()) >= 1);
      assert.equal(await later.issuePending(), 0);
      assert.deepEqual(await receiptMails(db(), payment), []);
      assert.equal((await receiptRows(payment)).length, 1);
    });

    test('a receipt issued before the job (a download) queues its e-mail; the job adds none', async () => {
      const obligation = await receiptObligation(db(), org, {
        vs: '2601000003',
        email: 'drive@example.cz',
      });
      const payment = await cashPayment(db(), org, obligation, 150_000, NOW);
      const wakesBefore = wakes;
      assert.equal((await receipts().issue(payment))?.mailed, true);
      assert.equal(wakes, wakesBefore + 1);
      assert.equal((await receipts().issue(payment))?.mailed, false);
      await drain();
      assert.equal((await receiptMails(db(), payment)).length, 1);
    });

    test('an e-mail that cannot be queued leaves no receipt behind: the next run makes both, once', async () => {
      const obligation = await receiptObligation(db(), org, {
        vs: '2601000007',
        email: 'crash@example.cz',
      });
      const payment = await cashPayment(db(), org, obligation, 20_000, NOW);
      // The outbox refuses the message, as a crash between the two writes would lose it.
      await sql`CREATE FUNCTION refuse_receipt_mail() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'outbox down'; END $$`.execute(db());
      await sql`CREATE TRIGGER refuse_receipt_mail BEFORE INSERT ON mail_outbox
        FOR EACH ROW EXECUTE FUNCTION refuse_receipt_mail()`.execute(db());
      try {
        await assert.rejects(receipts().issuePending(), AggregateError);
        assert.deepEqual(await receiptRows(payment), []);
      } finally {
        await sql`DROP TRIGGER refuse_receipt_mail ON mail_outbox`.execute(db());
        await sql`DROP FUNCTION refuse_receipt_mail()`.execute(db());
      }
      await drain();
      assert.equal((await receiptRows(payment)).length, 1);
      assert.equal((await receiptMails(db(), payment)).length, 1);
    });

    test('a card payment mails the address given at the card payment; none given, no e-mail and no PDF until asked for', async () => {
      const obligation = await receiptObligation(db(), org, {
        vs: '2601000004',
        email: 'office-knows@example.cz',
      });
      const card = await cardPayment(db(), org, obligation, 'karta@example.cz', NOW);
      const silent = await receiptObligation(db(), org, { vs: '2601000005', email: null });
      const cash = await cashPayment(db(), org, silent, 10_000, NOW);
      await drain();
      const [mail] = await receiptMails(db(), card);
      assert.equal(mail!.to_address, 'karta@example.cz');
      assert.match(pdfText(mail!.attachments[0]!.content, 'card.pdf'), /Platební karta/);
      assert.deepEqual(await receiptMails(db(), cash), []);
      // Nobody to mail: the job renders nothing; the first download makes the receipt.
      assert.equal((await receiptRows(cash)).length, 0);
      const made = await issueReceipt(db(), cash, NOW);
      assert.equal(made?.mailed, false);
      assert.equal((await receiptRows(cash)).length, 1);
      assert.deepEqual(await receiptMails(db(), cash), []);
    });

    test("the receipt speaks the language of the form that made the obligation, else the organisation's", async () => {
      const submission = await victimSubmission(okence, 'koprivnice', 'receipts');
      await db()
        .updateTable('submissions')
        .set({ language: 'en' })
        .where('id', '=', submission.id)
        .execute();
      const obligation = await receiptObligation(db(), org, {
        vs: '2601000009',
        email: 'english@example.cz',
      });
      await db()
        .updateTable('obligations')
        .set({ submission_id: submission.id })
        .where('id', '=', obligation)
        .execute();
      const payment = await cashPayment(db(), org, obligation, 150_000, NOW);
      await drain();
      const [mail] = await receiptMails(db(), payment);
      assert.match(mail!.subject, /^Payment receipt/);
      assert.match(pdfText(mail!.attachments[0]!.content, 'en.pdf'), /Payment receipt/);
    });

    test('a bank payment without an obligation gets no receipt until it is assigned', async () => {
      const payment = await unmatchedBankPayment(db(), org, 150_000, NOW);
      await drain();
      assert.equal(await issueReceipt(db(), payment, NOW), null);
      assert.deepEqual(await receiptRows(payment), []);
      const obligation = await receiptObligation(db(), org, {
        vs: '2601000006',
        email: 'banka@example.cz',
      });
      await db()
        .updateTable('payments')
        .set({ obligation_id: obligation, assigned_at: NOW })
        .where('id', '=', payment)
        .execute();
      await drain();
      assert.equal((await receiptRows(payment)).length, 1);
      const [mail] = await receiptMails(db(), payment);
      assert.match(plain(mail!.text_body), /uhrazen v plné výši/);
      assert.match(pdfText(mail!.attachments[0]!.content, 'bank.pdf'), /Bankovní převod/);
    });
  });
}
