// The operator's metrics (decision 056), built from the services (services.ts) at boot (boot.ts):
// each number comes from the domain that owns it; http/metrics.ts adds the requests and the
// process, and serves them at /metrics.
import { databaseCollector } from './db/metrics.ts';
import type { JobRunner } from './lib/jobs.ts';
import { metricsRegistry, type MetricsRegistry } from './lib/metrics.ts';
import { mailOutboxCollector } from './mail/metrics.ts';
import { socketCollector } from './meeting/metrics.ts';
import { deliveryQueueCollector } from './submissions/metrics.ts';
import type { Services } from './services.ts';

/** The registry with the collectors of the database, the outboxes, the sockets and the jobs. */
export function operatorMetrics(s: Services, jobs: Pick<JobRunner, 'metrics'>): MetricsRegistry {
  const registry = metricsRegistry();
  const { db } = s.handle;
  registry.register(
    databaseCollector(s.handle),
    mailOutboxCollector({ db, clock: s.clock }),
    deliveryQueueCollector({ db, clock: s.clock }),
    socketCollector(s.meeting.hub),
    jobs.metrics,
  );
  return registry;
}
