// @fastify/rate-limit's store over the database's fixed windows (lib/rate-windows.ts), so that
// the global per-address limit and every route's own limit hold across instances (decision 055).
import type {
  FastifyRateLimitOptions,
  FastifyRateLimitStore,
  FastifyRateLimitStoreCtor,
} from '@fastify/rate-limit';
import type { RateWindows } from '../lib/rate-windows.ts';

type Done = (error: Error | null, result?: { current: number; ttl: number }) => void;
type RouteInfo = { routeInfo?: { method?: string | string[]; url?: string } };

/**
 * The store class for `@fastify/rate-limit`'s `store` option. The global limit counts under
 * `g|<address>`; a route's own limit under `<method> <url>|<address>`, so that one address's
 * sign-ins and its page views are separate counts, as with the plugin's memory store.
 */
export function databaseRateLimitStore(windows: RateWindows): FastifyRateLimitStoreCtor {
  class DatabaseStore implements FastifyRateLimitStore {
    private readonly prefix: string;

    constructor(_options: FastifyRateLimitOptions, prefix = 'g|') {
      this.prefix = prefix;
    }

    incr(key: string, done: Done, timeWindow: number): void {
      windows.hit(this.prefix + key, timeWindow).then(
        (c) => done(null, { current: c.count, ttl: c.ttlMs }),
        (err: unknown) => done(err instanceof Error ? err : new Error(String(err))),
      );
    }

    child(routeOptions: FastifyRateLimitOptions & RouteInfo): FastifyRateLimitStore {
      const info = routeOptions.routeInfo ?? {};
      const method = Array.isArray(info.method) ? info.method.join(',') : (info.method ?? '');
      return new DatabaseStore(routeOptions, `${method} ${info.url ?? ''}|`);
    }
  }
  return DatabaseStore;
}
