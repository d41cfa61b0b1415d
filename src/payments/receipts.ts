/**
 * A receipt for every payment, whatever its method (issue 18, decision 048). A payment that has
 * an obligation gets one PDF, made from the database once and kept: issuing again, or
 * concurrently, stores nothing new. Its one e-mail is queued in the transaction that stores it.
 * A background job issues the missing ones; a download issues its own at once. The downloads go through `receiptFor`, which checks the
 * payment belongs to whoever asks before anything is issued.
 */
import type { Db } from '../db/db.ts';
import { localize } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { enqueueMail, forgetMail } from '../mail/service.ts';
import { dayIn } from './domain.ts';
import { paymentTokenHash } from './pay/domain.ts';
import type { PaymentReceiptModel } from './receipt.ts';
import { receiptFileName, receiptMail } from './receipt-mail.ts';
import * as repo from './receipts-repo.ts';

/** Who asks for a receipt: a signed-in payer about their obligation, a payment token's holder, an organisation's admin. */
export type ReceiptAsker =
  | { obligationId: string; citizenAccountId: string }
  | { token: string }
  | { organisationId: string };

/** How many payments the job reads at a time (each renders a PDF, some tens a second). */
const BATCH = 20;
/**
 * How long a sent receipt e-mail's text (address, amounts) stays in the outbox: the receipt row,
 * not the outbox, is what says the e-mail went, and the PDF left with the sending.
 */
const MAIL_KEPT_MS = 30 * 86_400_000;
/** How long one run of the job goes on issuing before it leaves the rest to the next (every minute). */
const RUN_BUDGET_MS = 20_000;

/** The receipt's model from what the database says of the payment. */
export function receiptModel(f: repo.ReceiptFacts): PaymentReceiptModel {
  const lang = f.lang;
  const name = localize(f.orgName, lang, lang);
  return {
    lang,
    timeZone: f.timeZone,
    organisation: { name, payee: f.settings?.payee_name ?? name },
    payment: {
      id: f.paymentId,
      amountMinor: f.amountMinor,
      currency: f.currency,
      receivedOn: f.receivedOn,
      method: f.method,
      recordedAt: f.recordedAt,
    },
    obligation: {
      feeName: localize(f.feeName, lang, lang),
      subject: f.subject,
      period: f.period,
      variableSymbol: f.variableSymbol,
      payerName: f.payerName,
      amountMinor: f.obligationMinor,
      paidMinor: f.paidMinor,
    },
  };
}

/** A stored receipt; `mailed` when this call stored it and queued its e-mail. */
export type IssuedReceipt = { pdf: Buffer; sha256: string; mailed: boolean };

/**
 * The payment's receipt, made and stored if it was not yet, with its one e-mail queued in the
 * same transaction (to the address the payer gave; none given, none sent): a receipt exists
 * exactly when its e-mail was handed over, so a crash loses neither and a retry doubles neither.
 * Null when there is no such payment or it has no obligation yet (an unmatched bank line). The
 * stored one wins a race, so the same payment always gives the same bytes.
 */
export async function issueReceipt(
  db: Db,
  paymentId: string,
  now: Date,
): Promise<IssuedReceipt | null> {
  const stored = await repo.findReceipt(db, paymentId);
  if (stored) return { ...stored, mailed: false };
  const facts = await repo.receiptFacts(db, paymentId);
  if (!facts) return null;
  // Rendered outside the transaction: it takes a while and holds no lock.
  // pdfkit (with fontkit and its fonts) is loaded at the first receipt, not at start (decision 028).
  const { renderPaymentReceipt } = await import('./receipt.ts');
  const made = await renderPaymentReceipt(receiptModel(facts));
  const mail = facts.email
    ? receiptMail(facts, made.pdf, facts.email, dayIn(now, facts.timeZone))
    : null;
  const mailed = await db.transaction().execute(async (tx) => {
    if (!(await repo.insertReceipt(tx, { paymentId, ...made, now }))) return false;
    if (mail) await enqueueMail(tx, mail, now);
    return mail !== null;
  });
  const kept = await repo.findReceipt(db, paymentId);
  return kept ? { ...kept, mailed } : null;
}

/** The receipts' service: built once in services.ts. */
export function paymentReceipts(deps: { db: Db; clock: Clock; wakeMail: () => void }) {
  const { db, clock } = deps;

  /** Issues a receipt; wakes the mail worker after the commit that queued its e-mail. */
  async function issue(paymentId: string): Promise<IssuedReceipt | null> {
    const receipt = await issueReceipt(db, paymentId, clock.now());
    if (receipt?.mailed) deps.wakeMail();
    return receipt;
  }

  return {
    issue,

    /**
     * The receipt of a payment that belongs to `asker` (the signed-in payer's obligation, a
     * payment token's, the staff's organisation), issued now if it was not yet; null otherwise.
     */
    async receiptFor(
      paymentId: string,
      asker: ReceiptAsker,
    ): Promise<{ pdf: Buffer; fileName: string } | null> {
      // A token is stored as its SHA-256 only, as every other token here.
      const owner: repo.ReceiptOwner =
        'token' in asker ? { tokenHash: paymentTokenHash(asker.token), now: clock.now() } : asker;
      if (!(await repo.paymentOwnedBy(db, paymentId, owner))) return null;
      const receipt = await issue(paymentId);
      return receipt && { pdf: receipt.pdf, fileName: receiptFileName(paymentId) };
    },

    /**
     * The job: receipts (and their e-mails) of payments that have none, batch after batch until
     * none is left or a run has taken RUN_BUDGET_MS (a 10,000-line statement makes as many
     * payments). A payment that fails does not hold up the others; a batch that issues nothing
     * ends the run, which then throws so the job's log names the failures. Resolves to the
     * number of receipts issued.
     */
    /** Forgets receipt e-mails queued over MAIL_KEPT_MS ago; how many. */
    pruneMail: (): Promise<number> =>
      forgetMail(db, 'payment-receipt', new Date(clock.now().getTime() - MAIL_KEPT_MS)),

    async issuePending(): Promise<number> {
      const started = performance.now();
      let issued = 0;
      const failures: unknown[] = [];
      while (performance.now() - started < RUN_BUDGET_MS) {
        const batch = await repo.pendingReceipts(db, BATCH);
        let done = 0;
        for (const id of batch) {
          try {
            if (await issue(id)) done++;
          } catch (err) {
            failures.push(err);
          }
        }
        issued += done;
        if (done === 0 || batch.length < BATCH) break;
      }
      if (failures.length > 0)
        throw new AggregateError(failures, `${failures.length} payment receipts failed`);
      return issued;
    },
  };
}

export type PaymentReceipts = ReturnType<typeof paymentReceipts>;
