// Card payments (issue 18, decision 045): start one for an obligation, read the gateway's return,
// and settle — only on the gateway's own signed state answer, in one transaction with the
// payment row and the audit entry; the receipt and its e-mail follow (receipts.ts, decision 048).
// A return repeated, forged or arriving
// after the job settled the payment changes nothing; a crash between the gateway's answer and
// our write loses nothing, because the job asks again about every payment still 'started'.
import type { Db } from '../../db/db.ts';
import type { AuditService } from '../../audit/service.ts';
import { localize, type Lang } from '../../i18n/i18n.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { localParts } from '../../lib/zoned-time.ts';
import type { CardGateway, CardOutcome } from '../gateway/gateway.ts';
import { amountToCharge, SETTLE_AFTER_MS, settlement, type CardPaymentState } from './domain.ts';
import { amountDue } from '../service.ts';
import { paymentTokenHash } from '../pay/domain.ts';
import * as repo from './repo.ts';

/** Which gateway serves an organisation (by slug); null: it takes no cards. */
export type CardGatewayDirectory = { forOrganisation(slug: string): CardGateway | null };

/** Where a started payment sends the payer. */
export type StartedCardPayment = { paymentId: string; redirectUrl: string };

/** What the result page shows. */
export type CardPaymentResult = {
  id: string;
  state: CardPaymentState;
  amountMinor: number;
  currency: string;
  feeName: string;
  period: string;
  variableSymbol: string;
  organisationName: string;
  /** Whether a receipt e-mail goes out (the payer gave an address). */
  mailed: boolean;
};

/** The card payments' use cases. */
export function cardPayments(deps: {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'record'>;
  gateways: CardGatewayDirectory;
  publicUrl: URL;
  /** Issues a payment's receipt and its one e-mail (receipts.ts); the receipts job does it otherwise. */
  receipts?: { issue(paymentId: string): Promise<unknown> };
  log?: { warn(obj: object, msg: string): void };
}) {
  const { db, clock, gateways } = deps;
  // The first sweep after a start asks about every started payment, however young: a return
  // that was being handled when the process died is lost, and nobody will send it again.
  let restarted = true;

  function gatewayOf(slug: string): CardGateway {
    const g = gateways.forOrganisation(slug);
    if (!g) throw new AppError('not_found', 'this organisation takes no card payments');
    return g;
  }

  async function start(
    o: repo.PayableObligation,
    who: { receiptEmail: string | null; citizenAccountId: string | null },
    lang: Lang,
  ): Promise<StartedCardPayment> {
    const gateway = gatewayOf(o.organisationSlug);
    // What is due comes from the fee register (instalments, payments, cancellation).
    const due = await amountDue(db, o.id, clock.now());
    const amount = due && !o.cancelled ? amountToCharge(due.amountMinor, 0) : null;
    if (amount === null) throw new AppError('no_longer_possible', 'nothing is due');
    const row = await repo.insertCardPayment(db, {
      organisationId: o.organisationId,
      obligationId: o.id,
      amountMinor: amount,
      currency: o.currency,
      ...who,
      now: clock.now(),
    });
    const redirectUrl = gateway.startUrl({
      orderNumber: row.orderNumber,
      amountMinor: amount,
      currency: o.currency,
      description: `${localize(o.feeName, lang)} ${o.period}`,
      reference: o.variableSymbol,
      returnUrl: new URL(`/o/${o.organisationSlug}/pay/card/return`, deps.publicUrl).href,
    });
    return { paymentId: row.id, redirectUrl };
  }

  /** In one transaction, only if still started: the new state, the payment, the audit entry. */
  function writeSettlement(
    row: repo.CardPaymentRow,
    slug: string,
    next: Exclude<CardPaymentState, 'started'>,
    answer: Record<string, string>,
    now: Date,
  ) {
    return db.transaction().execute(async (tx) => {
      const o = await repo.obligationById(tx, slug, row.obligationId);
      const receivedOn = localParts(now, o?.timeZone ?? 'UTC').date;
      const done = await repo.settleCardPayment(tx, {
        id: row.id,
        state: next,
        answer,
        now,
        receivedOn,
      });
      if (!done) return null;
      await deps.audit.record(tx, {
        organisationId: row.organisationId,
        actor: { system: 'card-gateway' },
        action: `payment.card_${next}`,
        objectType: 'card_payment',
        objectId: row.id,
        detail: {
          orderNumber: row.orderNumber,
          amountMinor: row.amountMinor,
          currency: row.currency,
        },
      });
      return done;
    });
  }

  /** Asks the gateway about a started payment and settles it when the answer is final. */
  async function confirm(
    id: string,
    slug: string,
    hint: CardOutcome | null,
  ): Promise<CardPaymentState> {
    const row = await repo.cardPaymentById(db, id);
    if (!row || row.state !== 'started') return row?.state ?? 'expired';
    let answer;
    try {
      answer = await gatewayOf(slug).queryState(row.orderNumber);
    } catch (err) {
      // Unreachable or unverifiable: nothing changes; the job asks again.
      deps.log?.warn({ err, cardPayment: id }, 'card payment state not confirmed');
      return 'started';
    }
    const now = clock.now();
    const next = settlement(answer.outcome, hint, now.getTime() - row.startedAt.getTime());
    if (!next) return 'started';
    const settled = await writeSettlement(row, slug, next, answer.answer, now);
    // The receipt at once, so its e-mail leaves while the payer still looks; should it fail, the
    // receipts job issues it within a minute (the receipt and its e-mail are one transaction).
    if (settled?.paymentId)
      await deps.receipts?.issue(settled.paymentId).catch((err: unknown) => {
        deps.log?.warn({ err, payment: settled.paymentId }, 'payment receipt not issued yet');
      });
    return settled ? next : ((await repo.cardPaymentById(db, id))?.state ?? 'started');
  }

  return {
    /** Whether the organisation's pay page shows a card button. */
    offersCards: (slug: string): boolean => gateways.forOrganisation(slug) !== null,

    /** Starts a card payment of what is due, for the holder of a payment token (no sign-in). */
    async startByToken(i: {
      organisationSlug: string;
      token: string;
      lang: Lang;
    }): Promise<StartedCardPayment> {
      const found = await repo.obligationByToken(
        db,
        i.organisationSlug,
        paymentTokenHash(i.token),
        clock.now(),
      );
      if (!found) throw new AppError('not_found', 'no such payment token');
      return start(
        found.obligation,
        { receiptEmail: found.receiptEmail, citizenAccountId: null },
        i.lang,
      );
    },

    /** Starts a card payment of a signed-in citizen's own obligation. */
    async startForCitizen(i: {
      organisationSlug: string;
      obligationId: string;
      citizen: { accountId: string };
      lang: Lang;
    }): Promise<StartedCardPayment> {
      const o = await repo.obligationById(db, i.organisationSlug, i.obligationId);
      // Someone else's obligation is answered as one that does not exist.
      if (!o || o.citizenAccountId !== i.citizen.accountId)
        throw new AppError('not_found', 'no such obligation');
      const receiptEmail = await repo.verifiedEmailOf(db, i.citizen.accountId);
      return start(o, { receiptEmail, citizenAccountId: i.citizen.accountId }, i.lang);
    },

    /**
     * The browser's return: verified, then confirmed with the gateway. Null when refused (forged,
     * tampered, not ours); then nothing was read from it and nothing changed.
     */
    async handleReturn(i: {
      organisationSlug: string;
      params: Record<string, string>;
    }): Promise<{ paymentId: string } | null> {
      const reading = gatewayOf(i.organisationSlug).readReturn(i.params);
      if (!reading.ok) return null;
      const row = await repo.cardPaymentBySlugAndOrder(db, i.organisationSlug, reading.orderNumber);
      if (!row) return null;
      await confirm(row.id, i.organisationSlug, reading.outcome);
      return { paymentId: row.id };
    },

    /** The result page's data; a started payment is asked about first. */
    async result(slug: string, id: string, lang: Lang): Promise<CardPaymentResult> {
      const row = await repo.cardPaymentById(db, id);
      const o = row && (await repo.obligationById(db, slug, row.obligationId));
      if (!row || !o) throw new AppError('not_found', 'no such card payment');
      const state = row.state === 'started' ? await confirm(id, slug, null) : row.state;
      return {
        id,
        state,
        amountMinor: row.amountMinor,
        currency: row.currency,
        feeName: localize(o.feeName, lang),
        period: o.period,
        variableSymbol: o.variableSymbol,
        organisationName: localize(o.organisationName, lang),
        mailed: row.receiptEmail !== null,
      };
    },

    /** The job: settles payments started over a minute ago (and expires those never seen). */
    async settleDue(): Promise<number> {
      const minAge = restarted ? 0 : SETTLE_AFTER_MS;
      restarted = false;
      const due = await repo.startedBefore(db, new Date(clock.now().getTime() - minAge), 50);
      let settled = 0;
      for (const p of due)
        if ((await confirm(p.id, p.organisationSlug, null)) !== 'started') settled += 1;
      return settled;
    },
  };
}

export type CardPayments = ReturnType<typeof cardPayments>;
