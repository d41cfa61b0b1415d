// The daily digest of failed deliveries to an organisation's admins (decision 040), sent by the
// job runner. The day's row in submission_delivery_digests is inserted in the transaction that
// queues the mails: a second instance, or this one after a restart, finds the day taken and
// sends nothing, and a crash before the commit leaves the day to be sent again.
import type { Db } from '../db/db.ts';
import { translator } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { enqueueMail } from '../mail/service.ts';
import * as repo from './delivery-repo.ts';
import { DIGEST_MAX_LINES, digestDueDay } from './digest.ts';

/** With no digest sent yet, failures of the last day are reported. */
const FIRST_LOOKBACK_MS = 24 * 3_600_000;

/** Sends each organisation's digest that is due and has failures to tell; how many were sent. */
export async function sendDigests(deps: {
  db: Db;
  clock: Clock;
  publicUrl: URL;
  wakeMail?: () => void;
}): Promise<number> {
  const { db, clock } = deps;
  const now = clock.now();
  const organisations = await db
    .selectFrom('organisation as o')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('submission_delivery_digests')
          .select(['organisation_id', (e) => e.fn.max('local_date').as('lastDay')])
          .select((e) => e.fn.max('sent_at').as('lastSent'))
          .groupBy('organisation_id')
          .as('g'),
      (join) => join.onRef('g.organisation_id', '=', 'o.id'),
    )
    .select(['o.id', 'o.time_zone', 'o.default_language', 'g.lastDay', 'g.lastSent'])
    .execute();
  let sent = 0;
  for (const org of organisations) {
    const lastDay = org.lastDay === null ? null : String(org.lastDay);
    const day = digestDueDay(now, org.time_zone, lastDay);
    if (!day) continue;
    const since = org.lastSent
      ? new Date(org.lastSent)
      : new Date(now.getTime() - FIRST_LOOKBACK_MS);
    const failures = await repo.failedBetween(db, org.id, since, now);
    if (failures.length === 0) continue;
    const t = translator(org.default_language);
    const lines = failures.slice(0, DIGEST_MAX_LINES).map((f) =>
      t('delivery.digest.line', {
        reference: f.reference,
        channel: t(f.channel === 'email' ? 'delivery.channel.email' : 'delivery.channel.webhook'),
        target: f.target ?? '—',
        reason: f.lastError ?? '—',
      }),
    );
    if (failures.length > DIGEST_MAX_LINES)
      lines.push(`… (+${failures.length - DIGEST_MAX_LINES})`);
    const url = new URL('/staff/admin/deliveries/states?state=failed', deps.publicUrl).href;
    const queued = await db.transaction().execute(async (tx) => {
      const taken = await tx
        .insertInto('submission_delivery_digests')
        .values({
          organisation_id: org.id,
          local_date: day,
          failures: failures.length,
          sent_at: now,
        })
        .onConflict((oc) => oc.columns(['organisation_id', 'local_date']).doNothing())
        .returning('local_date')
        .executeTakeFirst();
      if (!taken) return false;
      const admins = await tx
        .selectFrom('staff')
        .select(['id', 'email'])
        .where('organisation_id', '=', org.id)
        .where('role', '=', 'admin')
        .where('active', '=', true)
        .execute();
      for (const admin of admins)
        await enqueueMail(
          tx,
          {
            dedupeKey: `delivery-digest:${org.id}:${day}:${admin.id}`,
            to: admin.email,
            subject: t('delivery.digest.subject', { count: failures.length }),
            text: t('delivery.digest.text', { list: lines.join('\n'), url }),
          },
          now,
        );
      return true;
    });
    if (queued) sent++;
  }
  if (sent > 0) deps.wakeMail?.();
  return sent;
}
