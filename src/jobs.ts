// Okence's background work on timers, built from the services (services.ts) at boot (boot.ts).
import type { Job } from './lib/jobs.ts';
import type { Services } from './services.ts';

/** The folder files past their grace period and stale spool parts; the number of folders purged. */
export async function purgeFolderFiles(s: Services): Promise<number> {
  const [purged] = await Promise.all([s.folders.purgeDue(), s.files.cleanStaleParts()]);
  return purged;
}

/**
 * Background work on timers (lib/jobs.ts). The mail worker is not here: it is woken after each
 * commit that queued mail and drains the outbox in batches (mail/service.ts).
 */
export function backgroundJobs(s: Services): Job[] {
  return [
    // Reminders are checked every minute; queuing is idempotent across instances.
    { name: 'reminders', everyMs: 60_000, run: () => s.lifecycle.queueDueReminders() },
    // Rate limits' windows that ended (they hold client addresses); a hit renews its own anyway.
    { name: 'rate limit windows', everyMs: 60_000, run: () => s.rateLimits.purge() },
    // Large live events are relayed through a table on PostgreSQL; a minute later every instance has read them.
    { name: 'meeting relay prune', everyMs: 60_000, run: () => s.meeting.pruneRelay() },
    // Meeting folders past their grace period lose their files; the state is in the database,
    // so a restart (or another instance) picks up where this one stopped. Spool files a crash
    // left behind go with them (at start, and then once they are stale).
    {
      name: 'folder file deletion',
      everyMs: 60_000,
      atStart: true,
      run: () => purgeFolderFiles(s),
    },
    // Personal data past each organisation's retention is anonymised at start and every hour
    // (retention counts in days, so an hour late is nothing); SKIP LOCKED lets instances share it.
    {
      name: 'retention',
      everyMs: 3_600_000,
      atStart: true,
      run: () => s.privacy.runRetention(),
    },
    // Ended citizen sessions and e-mail sign-in codes a day past their expiry.
    { name: 'citizen sessions', everyMs: 3_600_000, atStart: true, run: () => s.citizens.prune() },
    // Addresses of calls with a wrong API token, an hour past the rate limit's window.
    {
      name: 'api token failures',
      everyMs: 3_600_000,
      atStart: true,
      run: () => s.integrations.pruneFailures(),
    },
    // Payment links a day past their expiry (the privacy plan's promise for payment_tokens).
    { name: 'payment links', everyMs: 3_600_000, atStart: true, run: () => s.pay.purge() },
    // Expired eID requests and the replay cache's expired ids.
    { name: 'eid requests', everyMs: 600_000, atStart: true, run: () => s.eid.prune() },
    // Deleted drafts past their restore period, drafts without an account past their last link.
    // Their files go after them (decision 039): each orphaned file, then its row.
    {
      name: 'form drafts',
      everyMs: 3_600_000,
      atStart: true,
      run: async () => (await s.formDrafts.purge()) + (await s.formAttachments.purge()),
    },
    // Submissions' webhooks due now (decision 036): a new one is tried within 5 s, a failed one
    // on the retry schedule; instances share the work (SKIP LOCKED). E-mail deliveries are
    // handed to the outbox with their receipt, and follow it (decision 040).
    // A card payment whose browser never came back, or whose settling a crash interrupted.
    { name: 'card payments', everyMs: 30_000, atStart: true, run: () => s.cards.settleDue() },
    // A receipt and its one e-mail for each payment of an obligation (decision 048); each e-mail
    // is queued in the transaction that stores its receipt, and forgotten a month later.
    {
      name: 'payment receipts',
      everyMs: 60_000,
      atStart: true,
      run: async () => (await s.receipts.pruneMail()) + (await s.receipts.issuePending()),
    },
    {
      name: 'submission deliveries',
      everyMs: 5_000,
      atStart: true,
      run: () => s.submissions.deliverDue(),
    },
    // Each organisation's digest of failed deliveries, once a local day from 07:00 (decision 040).
    {
      name: 'submission delivery digest',
      everyMs: 600_000,
      atStart: true,
      run: () => s.submissions.sendDigests(),
    },
    // Submissions' state-change mail a month old leaves the outbox (decision 041).
    {
      name: 'submission mail',
      everyMs: 3_600_000,
      atStart: true,
      run: () => s.handling.pruneMail(),
    },
    // The notice board: when each notice went up and came down, in its organisation's days
    // (decision 049); once each, whichever instance sees it first.
    {
      name: 'notice board',
      everyMs: 60_000,
      atStart: true,
      run: () => s.frontDoor.notices.recordBoardEvents(),
    },
    // Organisations whose deletion waiting period is over are exported and deleted (decision 023).
    {
      name: 'organisation deletion',
      everyMs: 3_600_000,
      atStart: true,
      run: () => s.organisations.runDueDeletions(),
    },
  ];
}
