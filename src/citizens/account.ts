// The personal account's own parts (issue 16, decision 032): the level its changes need, the
// export of everything held about it, and its deletion. Other domains take part through
// `AccountHolding`s the composition root (services.ts) passes in; citizens imports none of them.
import type { AuditService } from '../audit/service.ts';
import type { Db } from '../db/db.ts';
import type { PageContext } from '../http/page.ts';
import type { Html } from '../views/html.ts';
import type { Clock } from '../lib/clock.ts';
import type { Loa } from './domain.ts';
import * as repo from './account-repo.ts';
import type { CitizensService } from './service.ts';

/** What another domain holds about an account (booking: its appointments). */
export type AccountHolding = {
  /** The key its part of the export is written under. */
  id: string;
  /** Everything it holds about the account, as JSON. */
  export(accountId: string): Promise<unknown>;
  /** Runs before the account is erased: cancel what is ahead, let go of the account. */
  beforeDelete(accountId: string): Promise<unknown>;
  /**
   * What `beforeDelete` would cancel, one line each in the reader's language, for the page that
   * asks to confirm the deletion (booking: each appointment ahead). None: nothing to cancel.
   */
  describeDeletion?(accountId: string, ctx: PageContext): Promise<Html[]>;
};

/**
 * The level a change to the account (profile, claims, deletion) needs: as strong as the
 * account's strongest sign-in. An account an eID filled in needs `substantial`, so whoever
 * only reads the citizen's mailbox cannot change or delete it; an e-mail-only account, which
 * holds nothing stronger than the mailbox, needs `low` (asking more would bar its holder from
 * deleting it, GDPR art. 12(2)).
 */
export function accountActionLoa(account: { identitySource: string | null }): Loa {
  return account.identitySource === null ? 'low' : 'substantial';
}

const CITIZEN = { system: 'citizen' } as const;

/** The account page's export and deletion. */
export function personalAccount(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  citizens: Pick<CitizensService, 'account'>;
  holdings: readonly AccountHolding[];
}) {
  const { db, clock, audit, citizens, holdings } = deps;
  const record = (tx: Db, action: string, accountId: string) =>
    audit.record(tx, {
      organisationId: null,
      actor: CITIZEN,
      action,
      objectType: 'citizen_account',
      objectId: accountId,
    });

  return {
    /** Everything held about the account, for its JSON download; null when it is gone. Audited. */
    async export(accountId: string) {
      const account = await citizens.account(accountId);
      if (!account) return null;
      const [identities, sessions] = await Promise.all([
        repo.identitiesOf(db, accountId),
        repo.sessionsOf(db, accountId),
      ]);
      const held: Record<string, unknown> = {};
      for (const h of holdings) held[h.id] = await h.export(accountId);
      await record(db, 'citizen_account.exported', accountId);
      return {
        exportedAt: clock.now().toISOString(),
        profile: account,
        identities,
        sessions,
        ...held,
      };
    },

    /**
     * Deletes the account: each holding first (booking cancels the appointments ahead, with
     * the usual e-mail), then the account's personal data, identities and sessions go in one
     * transaction with its audit entry. What the law keeps stays where it is kept (decision 032).
     */
    async delete(accountId: string): Promise<boolean> {
      if (!(await citizens.account(accountId))) return false;
      for (const h of holdings) await h.beforeDelete(accountId);
      return db.transaction().execute(async (tx) => {
        const erased = await repo.eraseAccount(tx, accountId, clock.now());
        if (erased) await record(tx, 'citizen_account.deleted', accountId);
        return erased;
      });
    },

    /** What deleting the account would cancel, for its confirmation page (each holding's lines). */
    async deletionPreview(accountId: string, ctx: PageContext): Promise<Html[]> {
      const lines: Html[] = [];
      for (const h of holdings) lines.push(...((await h.describeDeletion?.(accountId, ctx)) ?? []));
      return lines;
    },

    /** The phone number the citizen keeps up to date; audited (without the number). */
    async setPhone(accountId: string, phone: string | null): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await repo.setPhone(tx, accountId, phone);
        await record(tx, 'citizen_account.phone_changed', accountId);
      });
    },
  };
}

export type PersonalAccount = ReturnType<typeof personalAccount>;
