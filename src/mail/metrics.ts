// The e-mail outbox's numbers for the operator's metrics (decision 056).
import type { Db } from '../db/db.ts';
import type { Clock } from '../lib/clock.ts';
import { outboxFamilies, type Collector } from '../lib/metrics.ts';
import { pendingBacklog } from './repo.ts';

/** The outbox's depth and the age of its oldest unsent message, read at scrape time. */
export function mailOutboxCollector(deps: { db: Db; clock: Clock }): Collector {
  return {
    name: 'mail_outbox',
    async collect() {
      return outboxFamilies('mail', await pendingBacklog(deps.db), deps.clock.now());
    },
  };
}
