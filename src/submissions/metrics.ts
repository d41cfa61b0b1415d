// The submissions' delivery queue for the operator's metrics (decision 056).
import type { Db } from '../db/db.ts';
import type { Clock } from '../lib/clock.ts';
import { outboxFamilies, type Collector } from '../lib/metrics.ts';
import { queuedBacklog } from './delivery-repo.ts';

/** Submissions' deliveries (webhooks, intake e-mail) still queued, and the oldest one's age. */
export function deliveryQueueCollector(deps: { db: Db; clock: Clock }): Collector {
  return {
    name: 'submission_deliveries',
    async collect() {
      return outboxFamilies(
        'submission_deliveries',
        await queuedBacklog(deps.db),
        deps.clock.now(),
      );
    },
  };
}
