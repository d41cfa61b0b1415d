// The database's numbers for the operator's metrics (decision 056).
import type { Collector } from '../lib/metrics.ts';
import type { DatabaseHandle } from './db.ts';

/**
 * Which database this process uses, and its connection pool: read from the pool's counters,
 * so they are there even when the database hangs (when they matter most). PGlite's pool has
 * one connection to the embedded engine; `waiting` is then the queries queued behind it.
 */
export function databaseCollector(handle: Pick<DatabaseHandle, 'kind' | 'poolUse'>): Collector {
  return {
    name: 'database',
    collect() {
      const use = handle.poolUse();
      return [
        {
          name: 'okence_db_info',
          help: 'The database in use: kind is postgres or pglite (embedded, one process).',
          type: 'gauge',
          samples: [{ labels: { kind: handle.kind }, value: 1 }],
        },
        {
          name: 'okence_db_pool_connections',
          help: 'Connections of the pool by state: idle, or in use by a query or transaction.',
          type: 'gauge',
          samples: [
            { labels: { state: 'idle' }, value: use.idle },
            { labels: { state: 'in_use' }, value: use.total - use.idle },
          ],
        },
        {
          name: 'okence_db_pool_waiting',
          help: 'Queries waiting for a free connection of the pool.',
          type: 'gauge',
          samples: [{ value: use.waiting }],
        },
      ];
    },
  };
}
