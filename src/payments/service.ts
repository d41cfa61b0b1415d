/**
 * The fee register (issue 18, decision 043): an organisation's fee types and their rates, the
 * obligations of its payers, and cash payments recorded by staff. Its admins alone change it;
 * every change is in the audit log, in the transaction that makes it. Other parts of payments
 * (the pay page, the card gateway, the statements) read an obligation's standing through
 * `obligationStanding`.
 */
import type { Db } from '../db/db.ts';
import { staffActor } from '../audit/domain.ts';
import type { AuditService } from '../audit/service.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import type { Localized, MessageKey } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import {
  dayIn,
  parseAmount,
  parseDay,
  rateOn,
  standingFromSums,
  standingOf,
  FEE_NUMBER_MAX,
  type Standing,
  type StandingName,
} from './domain.ts';
import { checkDraft, type ObligationDraft } from './obligation-input.ts';
import { storeObligation, type OriginOfObligation } from './obligation-store.ts';
import { foldName } from './payer.ts';
import { normaliseVariableSymbol } from './qr/references.ts';
import * as repo from './repo.ts';
import * as obligations from './obligations-repo.ts';

export type { ObligationRow, PaymentRow } from './obligations-repo.ts';

/** An obligation with where it stands today (in its organisation's zone). */
export type ObligationStanding = {
  obligation: obligations.ObligationRow;
  instalments: { seq: number; dueDate: string; amountMinor: number }[];
  standing: Standing;
  today: string;
};

/**
 * An obligation's standing on the day `now` falls on in its organisation's zone: what is paid,
 * still due and overdue. Null when there is no such obligation (in `organisationId`, when given).
 */
export async function obligationStanding(
  db: Db,
  obligationId: string,
  now: Date,
  organisationId?: string,
): Promise<ObligationStanding | null> {
  const obligation = await obligations.findObligation(db, obligationId, organisationId);
  if (!obligation) return null;
  const [org, instalments, payments] = await Promise.all([
    repo.orgContext(db, obligation.organisationId),
    obligations.instalmentsOf(db, obligationId),
    obligations.paymentsOf(db, obligationId),
  ]);
  const today = dayIn(now, org.timeZone);
  const standing = standingOf({
    instalments,
    payments,
    today,
    cancelled: obligation.cancelledAt !== null,
  });
  return { obligation, instalments, standing, today };
}

/** What is still to pay on an obligation now (0 when paid, overpaid or cancelled), or null when there is none. */
export async function amountDue(
  db: Db,
  obligationId: string,
  now: Date,
): Promise<{ amountMinor: number; currency: string } | null> {
  const s = await obligationStanding(db, obligationId, now);
  if (!s) return null;
  const owed = s.standing.standing === 'cancelled' ? 0 : s.standing.dueMinor;
  return { amountMinor: owed, currency: s.obligation.currency };
}

/** A fee type as the admin's form gives it. */
export type FeeTypeInput = {
  code: string;
  name: Localized;
  basis: string;
  formSlug: string;
};

/** A rate version as the admin's form gives it. */
export type RateInput = { effectiveFrom: string; amount: string; ordinance: string };

/** The register list's filter as the page's query gives it. */
export type ObligationFilter = {
  standing?: StandingName;
  feeTypeId?: string;
  q?: string;
};

export type { OriginOfObligation } from './obligation-store.ts';

const LIST_LIMIT = 200;
const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const BASES = ['person', 'household', 'object'] as const;

function invalid(fields: Record<string, MessageKey>): AppError {
  return new AppError('invalid_input', 'form rejected', fields);
}

/** The fee register's service: built once in services.ts. */
export function feeRegister(deps: { db: Db; clock: Clock; audit: AuditService; secret: string }) {
  const { db, clock, audit } = deps;
  const stores = { clock, audit };

  function adminOnly(actor: StaffPrincipal): string {
    if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
    return actor.organisationId;
  }

  async function today(organisationId: string): Promise<string> {
    const org = await repo.orgContext(db, organisationId);
    return dayIn(clock.now(), org.timeZone);
  }

  /** Checks a draft against its fee type's rates; the fee type must be the organisation's. */
  async function check(organisationId: string, feeTypeId: string, draft: ObligationDraft) {
    const fee = feeTypeId
      ? await repo.findFeeType(db, organisationId, { id: feeTypeId })
      : undefined;
    const rates = fee ? await repo.listRates(db, organisationId, fee.id) : null;
    return checkDraft(draft, { rates, today: await today(organisationId), secret: deps.secret });
  }

  return {
    /** The admin's organisation's currency, zone and country, as the pages show amounts and times. */
    async context(actor: StaffPrincipal): Promise<repo.OrgContext> {
      return repo.orgContext(db, adminOnly(actor));
    },

    /** The organisation's fee types, each with its rate versions and the one in force today. */
    async feeTypes(actor: StaffPrincipal) {
      const organisationId = adminOnly(actor);
      const [types, rates, day] = await Promise.all([
        repo.listFeeTypes(db, organisationId),
        repo.listRates(db, organisationId),
        today(organisationId),
      ]);
      return types.map((t) => {
        const own = rates.filter((r) => r.feeTypeId === t.id);
        return { ...t, rates: own, current: rateOn(own, day) };
      });
    },

    /** Creates a fee type with the next free number; audited. */
    async createFeeType(actor: StaffPrincipal, input: FeeTypeInput): Promise<string> {
      const organisationId = adminOnly(actor);
      const code = input.code.trim().toLowerCase();
      const formSlug = input.formSlug.trim() || null;
      const names = Object.fromEntries(
        Object.entries(input.name)
          .map(([lang, text]) => [lang, (text ?? '').trim()])
          .filter(([, text]) => text),
      ) as Localized;
      const fields: Record<string, MessageKey> = {};
      if (!CODE.test(code) || code.length > 40) fields.code = 'fees.error.code';
      if (Object.keys(names).length === 0 || Object.values(names).some((n) => n.length > 120))
        fields.name = 'fees.error.name';
      if (!BASES.includes(input.basis as (typeof BASES)[number])) fields.basis = 'fees.error.basis';
      if (formSlug && (formSlug.length > 80 || !CODE.test(formSlug)))
        fields.formSlug = 'fees.error.form_slug';
      if (Object.keys(fields).length) throw invalid(fields);
      return db.transaction().execute(async (tx) => {
        if (await repo.findFeeType(tx, organisationId, { code }))
          throw invalid({ code: 'fees.error.code_taken' });
        if (formSlug && (await repo.findFeeType(tx, organisationId, { formSlug })))
          throw invalid({ formSlug: 'fees.error.form_slug_taken' });
        const number = await repo.nextFeeNumber(tx, organisationId);
        if (number > FEE_NUMBER_MAX) throw invalid({ code: 'fees.error.too_many_types' });
        const basis = input.basis as (typeof BASES)[number];
        const id = await repo.insertFeeType(tx, {
          organisationId,
          code,
          name: names,
          basis,
          number,
          formSlug,
          now: clock.now(),
        });
        await audit.record(tx, {
          organisationId,
          actor: staffActor(actor),
          action: 'fee_type.created',
          objectType: 'fee_type',
          objectId: id,
          summary: code,
          detail: { number, basis, formSlug },
        });
        return id;
      });
    },

    /** Adds a rate version from a day; an existing version is never changed (a second one that day is refused). */
    async addRate(actor: StaffPrincipal, feeTypeId: string, input: RateInput): Promise<void> {
      const organisationId = adminOnly(actor);
      const fee = await repo.findFeeType(db, organisationId, { id: feeTypeId });
      if (!fee) throw new AppError('not_found', 'no such fee type');
      const effectiveFrom = parseDay(input.effectiveFrom);
      const amountMinor = parseAmount(input.amount);
      const ordinance = input.ordinance.trim();
      const fields: Record<string, MessageKey> = {};
      if (!effectiveFrom) fields.effectiveFrom = 'fees.error.effective_from';
      if (amountMinor === null) fields.amount = 'fees.error.amount';
      if (!ordinance || ordinance.length > 200) fields.ordinance = 'fees.error.ordinance';
      if (Object.keys(fields).length) throw invalid(fields);
      await db.transaction().execute(async (tx) => {
        const rate = {
          feeTypeId,
          effectiveFrom: effectiveFrom!,
          amountMinor: amountMinor!,
          ordinance,
        };
        if (!(await repo.insertRate(tx, { ...rate, now: clock.now() })))
          throw invalid({ effectiveFrom: 'fees.error.rate_exists' });
        await audit.record(tx, {
          organisationId,
          actor: staffActor(actor),
          action: 'fee_rate.added',
          objectType: 'fee_type',
          objectId: feeTypeId,
          summary: `${fee.code} ${effectiveFrom}: ${ordinance}`,
          detail: { effectiveFrom, amountMinor },
        });
      });
    },

    /** Creates an obligation typed by staff; its symbol is allocated. Field errors as invalid_input. */
    async createObligation(
      actor: StaffPrincipal,
      feeTypeId: string,
      draft: ObligationDraft,
    ): Promise<{ id: string; variableSymbol: string }> {
      const organisationId = adminOnly(actor);
      const checked = await check(organisationId, feeTypeId, { ...draft, variableSymbol: '' });
      if (!checked.ok) throw invalid(checked.fields);
      return db.transaction().execute((tx) =>
        storeObligation(stores, tx, organisationId, feeTypeId, checked.value, {
          source: 'staff',
          createdBy: actor.id,
          actor,
        }),
      );
    },

    /** The register's list for a filter, with the sums of all that match and today's day. */
    async list(actor: StaffPrincipal, filter: ObligationFilter) {
      const organisationId = adminOnly(actor);
      const day = await today(organisationId);
      const q = filter.q?.trim() ?? '';
      const result = await obligations.listObligations(db, {
        organisationId,
        today: day,
        standing: filter.standing,
        feeTypeId: filter.feeTypeId || undefined,
        symbol: q ? (normaliseVariableSymbol(q) ?? undefined) : undefined,
        nameKey: q ? foldName(q) || undefined : undefined,
        limit: LIST_LIMIT,
      });
      const rows = result.rows.map((r) => ({
        ...r,
        standing: standingFromSums({ ...r, cancelled: r.cancelledAt !== null }),
      }));
      return { rows, totals: result.totals, today: day, limit: LIST_LIMIT };
    },

    /** One obligation of the organisation with its instalments, payments and standing today. */
    async detail(actor: StaffPrincipal, id: string) {
      const organisationId = adminOnly(actor);
      const s = await obligationStanding(db, id, clock.now(), organisationId);
      if (!s) throw new AppError('not_found', 'no such obligation');
      const [payments, org] = await Promise.all([
        obligations.paymentsOf(db, id),
        repo.orgContext(db, organisationId),
      ]);
      return { ...s, payments, timeZone: org.timeZone };
    },

    /** Cancels an obligation (it then owes nothing); cancelling one already cancelled changes nothing. */
    async cancel(actor: StaffPrincipal, id: string): Promise<void> {
      const organisationId = adminOnly(actor);
      await db.transaction().execute(async (tx) => {
        const o = await obligations.findObligation(tx, id, organisationId, true);
        if (!o) throw new AppError('not_found', 'no such obligation');
        if (!(await obligations.cancelObligation(tx, id, clock.now()))) return;
        await audit.record(tx, {
          organisationId,
          actor: staffActor(actor),
          action: 'obligation.cancelled',
          objectType: 'obligation',
          objectId: id,
          summary: `${o.variableSymbol} ${o.payerName}`,
        });
      });
    },

    /** Records money paid in cash at the office; audited. Refused for a cancelled obligation. */
    async recordCash(
      actor: StaffPrincipal,
      id: string,
      input: { amount: string; receivedOn: string },
    ): Promise<string> {
      const organisationId = adminOnly(actor);
      const amountMinor = parseAmount(input.amount);
      const receivedOn = parseDay(input.receivedOn);
      const day = await today(organisationId);
      const fields: Record<string, MessageKey> = {};
      if (amountMinor === null) fields.amount = 'fees.error.amount';
      if (!receivedOn || receivedOn > day) fields.receivedOn = 'fees.error.received_on';
      if (Object.keys(fields).length) throw invalid(fields);
      return db.transaction().execute(async (tx) => {
        const o = await obligations.findObligation(tx, id, organisationId, true);
        if (!o) throw new AppError('not_found', 'no such obligation');
        if (o.cancelledAt) throw new AppError('conflict', 'the obligation is cancelled');
        const paymentId = await obligations.insertCashPayment(tx, {
          organisationId,
          obligationId: id,
          amountMinor: amountMinor!,
          currency: o.currency,
          receivedOn: receivedOn!,
          by: actor.id,
          now: clock.now(),
        });
        await audit.record(tx, {
          organisationId,
          actor: staffActor(actor),
          action: 'obligation.cash_recorded',
          objectType: 'obligation',
          objectId: id,
          summary: `${o.variableSymbol} cash`,
          detail: { paymentId, amountMinor, receivedOn },
        });
        return paymentId;
      });
    },

    /**
     * Stores an obligation made elsewhere than the staff form (a submitted form, the demo data):
     * the caller's transaction, checked as a typed one; the audit entry names the system.
     */
    async createFor(
      tx: Db,
      organisationId: string,
      feeTypeId: string,
      draft: ObligationDraft,
      origin: OriginOfObligation,
    ): Promise<{ id: string; variableSymbol: string }> {
      const fee = await repo.findFeeType(tx, organisationId, { id: feeTypeId });
      const rates = fee ? await repo.listRates(tx, organisationId, fee.id) : null;
      const org = await repo.orgContext(tx, organisationId);
      const checked = checkDraft(draft, {
        rates,
        today: dayIn(clock.now(), org.timeZone),
        secret: deps.secret,
      });
      if (!checked.ok) throw invalid(checked.fields);
      return storeObligation(stores, tx, organisationId, feeTypeId, checked.value, {
        ...origin,
        actor: null,
      });
    },
  };
}

export type FeeRegister = ReturnType<typeof feeRegister>;
