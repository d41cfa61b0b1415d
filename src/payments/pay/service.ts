// Paying a local fee as a citizen (decision 047): found without signing in by variable symbol
// (or birth number, where switched on) and name, then a payment link; or from the account.
// Every lookup is paced and answers "not found" the same way for every kind of miss.
import type { Db } from '../../db/db.ts';
import type { Lang } from '../../i18n/i18n.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { forgetMail } from '../../mail/service.ts';
import type { Pacer } from '../../lib/pacing.ts';
import { withinLimit, type RateWindows } from '../../lib/rate-windows.ts';
import type { Organisation } from '../../tenants/domain.ts';
import type { TenantsService } from '../../tenants/service.ts';
import { dayIn, type Instalment, type Standing } from '../domain.ts';
import * as obligations from '../obligations-repo.ts';
import type { PaymentQr } from '../qr/payment-qr.ts';
import { findSettings } from '../repo.ts';
import { obligationStanding } from '../service.ts';
import { birthNumberHmac, foldName } from '../payer.ts';
import {
  accountGroupOf,
  isPaymentTokenShape,
  LOOKUPS_PER_ORGANISATION_PER_MINUTE,
  newPaymentToken,
  PAYMENT_TOKEN_TTL_MS,
  paymentTokenHash,
  tokenState,
  type AccountGroup,
  type PayerKey,
} from './domain.ts';
import { queuePaymentMail } from './mail.ts';
import { bankQrOf } from './qr.ts';
import * as repo from './repo.ts';

/** Everything a page or the API shows about one obligation to its payer. */
export type PayView = {
  organisation: Organisation;
  obligation: obligations.ObligationRow;
  standing: Standing;
  instalments: Instalment[];
  payments: obligations.PaymentRow[];
  /** Today in the organisation's zone: what "overdue" was decided against. */
  today: string;
};

/** What a payer typed to be found (already checked by the schema). */
export type FindInput = {
  organisation: Organisation;
  /** The variable symbols the payer may mean (symbolsTyped), or the birth number's digits. */
  identifier: { by: 'symbol'; variableSymbols: string[] } | { by: 'birth_number'; digits: string };
  name: string;
  /** Where the receipt (and the link now) goes; null through the API without one. */
  email: string | null;
  lang: Lang;
};

/** A link to one found obligation's payment page, with what the page shows. */
export type FoundLink = { token: string; view: PayView };

/** A lookup's answer: never why it failed. */
export type FindResult = { found: false } | { found: true; links: FoundLink[]; expiresAt: Date };

export type PayDeps = {
  db: Db;
  clock: Clock;
  tenants: TenantsService;
  /** The installation's secret: the birth number's HMAC key (payer.ts). */
  secret: string;
  publicUrl: URL;
  wakeMail: () => void;
  /** The lookup's equal answer time (lib/pacing.ts). */
  pacer: Pacer;
  /** Lookups per organisation and minute (LOOKUPS_PER_ORGANISATION_PER_MINUTE unless a test says). */
  lookupsPerOrganisation?: number;
  /** The counters the organisation's lookups are counted in: shared by every instance (decision 055). */
  windows: RateWindows;
};

/** The citizen's side of paying: lookup, payment links, the account's fees. */
export function payService(deps: PayDeps) {
  const { db, clock, tenants } = deps;
  const lookupsPerMinute = deps.lookupsPerOrganisation ?? LOOKUPS_PER_ORGANISATION_PER_MINUTE;
  /** Counts a lookup of the organisation, on whichever instance it comes in. */
  const organisationBudget = async (organisationId: string) =>
    withinLimit(await deps.windows.hit(`pay lookup|${organisationId}`, 60_000), lookupsPerMinute);

  async function viewOf(
    organisation: Organisation,
    obligationId: string,
    q = db,
  ): Promise<PayView> {
    const found = await obligationStanding(q, obligationId, clock.now(), organisation.id);
    if (!found) throw new AppError('not_found', 'no such obligation');
    const payments = await obligations.paymentsOf(q, obligationId);
    return { organisation, ...found, payments };
  }

  /** Whether the organisation switched the birth-number lookup on (with its legal basis). */
  async function birthNumberLookup(organisationId: string) {
    const settings = await findSettings(db, organisationId);
    const legalBasis = settings?.birthNumberLegalBasis ?? null;
    return { on: settings?.birthNumberLookup === true && legalBasis !== null, legalBasis };
  }

  function keyOf(input: FindInput): PayerKey {
    const nameKey = foldName(input.name);
    return input.identifier.by === 'symbol'
      ? { by: 'symbol', variableSymbols: input.identifier.variableSymbols, nameKey }
      : {
          by: 'birth_number',
          birthNumberHmac: birthNumberHmac(deps.secret, input.identifier.digits),
          nameKey,
        };
  }

  /** The lookup itself, unpaced: the matching obligations, their links and the e-mail. */
  async function lookUp(input: FindInput): Promise<FindResult> {
    const orgId = input.organisation.id;
    // A birth number where the organisation did not switch it on finds nothing, like any miss.
    if (input.identifier.by === 'birth_number' && !(await birthNumberLookup(orgId)).on)
      return { found: false };
    const ids = await repo.matchObligations(db, orgId, keyOf(input));
    if (ids.length === 0) return { found: false };
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + PAYMENT_TOKEN_TTL_MS);
    const links = await db.transaction().execute(async (tx) => {
      const made = ids.map((obligationId) => ({ obligationId, ...newPaymentToken() }));
      await repo.insertTokens(
        tx,
        made.map((m) => ({ ...m, receiptEmail: input.email, now, expiresAt })),
      );
      const views = await Promise.all(ids.map((id) => viewOf(input.organisation, id, tx)));
      if (input.email)
        await queuePaymentMail(tx, {
          to: input.email,
          lang: input.lang,
          views,
          links: made.map((m) => new URL(`/pay/${m.token}`, deps.publicUrl).href),
          dedupe: made[0]!.hash,
          expiresAt,
          now,
        });
      return made.map((m, i) => ({ token: m.token, view: views[i]! }));
    });
    if (input.email) deps.wakeMail();
    return { found: true, links, expiresAt };
  }

  return {
    /** The lookup form's organisation and whether it offers the birth number (with its basis). */
    async lookupForm(orgSlug: string) {
      const { organisation } = await tenants.getOrganisation(orgSlug);
      const birthNumber = await birthNumberLookup(organisation.id);
      return { organisation, birthNumber, today: dayIn(clock.now(), organisation.timeZone) };
    },

    /**
     * Finds the payer's obligations and makes a payment link for each (mailed when an e-mail is
     * given). Paced: found or not, the answer comes after the pacer's floor. Refused (rate_limited)
     * past the organisation's lookups per minute.
     */
    async find(input: FindInput): Promise<FindResult> {
      const budget = await organisationBudget(input.organisation.id);
      if (!budget.allowed)
        throw new AppError('rate_limited', 'lookups of this organisation', undefined, {
          retryAfterSeconds: budget.retryAfterSeconds,
        });
      return deps.pacer.run(() => lookUp(input));
    },

    /** A payment link's page: its one obligation, or expired (with its organisation). */
    async byToken(
      token: string,
    ): Promise<
      | { state: 'valid'; view: PayView; expiresAt: Date }
      | { state: 'expired'; organisation: Organisation }
    > {
      const target = isPaymentTokenShape(token)
        ? await repo.tokenTarget(db, paymentTokenHash(token))
        : undefined;
      if (!target) throw new AppError('not_found', 'no such payment link');
      const organisation = await tenants.organisationById(target.organisationId);
      if (tokenState(target.expiresAt, clock.now()) === 'expired')
        return { state: 'expired', organisation };
      const view = await viewOf(organisation, target.obligationId);
      return { state: 'valid', view, expiresAt: target.expiresAt };
    },

    /** One of the account's own obligations; another's (or none) is not found. */
    async forAccount(accountId: string, obligationId: string): Promise<PayView> {
      const owned = await repo.ownedObligation(db, accountId, obligationId);
      if (!owned) throw new AppError('not_found', 'no such obligation of this account');
      return viewOf(await tenants.organisationById(owned.organisationId), owned.id);
    },

    /** The account's obligations with their standing, grouped overdue, due, paid. */
    async accountFees(accountId: string): Promise<Record<AccountGroup, PayView[]>> {
      const groups: Record<AccountGroup, PayView[]> = { overdue: [], due: [], paid: [] };
      for (const o of await repo.accountObligations(db, accountId)) {
        const organisation = await tenants.organisationById(o.organisationId).catch(() => null);
        if (!organisation) continue;
        const view = await viewOf(organisation, o.id);
        const group = accountGroupOf(view.standing.standing);
        if (group) groups[group].push(view);
      }
      return groups;
    },

    /** The bank QR code of what is left to pay, or null (no payment settings, nothing due). */
    async bankQr(view: PayView): Promise<PaymentQr | null> {
      return bankQrOf(await findSettings(db, view.organisation.id), view);
    },

    /**
     * Deletes payment links a day past their expiry, and the e-mails that carried them (queued
     * with the link, so past its lifetime and a day): the privacy plan's promise.
     */
    async purge(): Promise<number> {
      const dayAgo = clock.now().getTime() - 24 * 3600_000;
      await forgetMail(db, 'payment-link', new Date(dayAgo - PAYMENT_TOKEN_TTL_MS));
      return repo.deleteExpiredTokens(db, new Date(dayAgo));
    },
  };
}

export type PayService = ReturnType<typeof payService>;
