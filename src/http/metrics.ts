// `/metrics` for the operator's Prometheus (decision 056): the requests this process answered,
// by route pattern, and every collector the composition root registered (boot.ts).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  histogramSamples,
  LATENCY_BUCKETS,
  type Collector,
  type Family,
  type MetricsRegistry,
  type Sample,
} from '../lib/metrics.ts';
import { processCollector } from '../lib/process-metrics.ts';

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

// The route label of requests no route matched: one label, whatever URL they asked for.
const UNMATCHED = '(unmatched)';

type RouteStats = {
  byCode: Map<number, number>;
  /** Per-bucket (not cumulative) counts; the last one is above the largest bound. */
  buckets: Float64Array;
  sum: number;
};

/**
 * Request counts and latency histograms by method, route pattern (never the URL: no ids or
 * tokens, and a bounded number of series) and status code. The hot path is one hook with two
 * Map lookups keyed by the route's own config object; a route's stats are made at its first
 * request.
 */
export function requestMetrics() {
  const byRoute = new Map<object, { route: string; byMethod: Map<string, RouteStats> }>();
  const noRoute = {};

  function statsFor(config: { url?: string } | undefined, method: string): RouteStats {
    const key = config ?? noRoute;
    let entry = byRoute.get(key);
    if (!entry)
      byRoute.set(key, (entry = { route: config?.url ?? UNMATCHED, byMethod: new Map() }));
    let stats = entry.byMethod.get(method);
    if (!stats) {
      stats = { byCode: new Map(), buckets: new Float64Array(LATENCY_BUCKETS.length + 1), sum: 0 };
      entry.byMethod.set(method, stats);
    }
    return stats;
  }

  /** Counts one answered request; `seconds` from its arrival to its response's end. */
  function observe(request: FastifyRequest, reply: FastifyReply): void {
    const stats = statsFor(request.routeOptions.config, request.method);
    const code = reply.statusCode;
    stats.byCode.set(code, (stats.byCode.get(code) ?? 0) + 1);
    const seconds = reply.elapsedTime / 1000;
    let i = 0;
    while (i < LATENCY_BUCKETS.length && seconds > LATENCY_BUCKETS[i]!) i++;
    stats.buckets[i]!++;
    stats.sum += seconds;
  }

  const collector: Collector = {
    name: 'http',
    collect() {
      const requests: Sample[] = [];
      const latency: Sample[] = [];
      // Two route declarations may share a pattern (a route and its HEAD): one series each.
      const merged = new Map<string, RouteStats & { method: string; route: string }>();
      for (const { route, byMethod } of byRoute.values())
        for (const [method, s] of byMethod) {
          const key = `${method} ${route}`;
          const into = merged.get(key);
          if (!into) {
            merged.set(key, {
              ...s,
              byCode: new Map(s.byCode),
              buckets: s.buckets.slice(),
              method,
              route,
            });
            continue;
          }
          for (const [code, n] of s.byCode) into.byCode.set(code, (into.byCode.get(code) ?? 0) + n);
          s.buckets.forEach((n, i) => (into.buckets[i]! += n));
          into.sum += s.sum;
        }
      for (const s of merged.values()) {
        const labels = { method: s.method, route: s.route };
        for (const [code, n] of s.byCode)
          requests.push({ labels: { ...labels, code: String(code) }, value: n });
        latency.push(...histogramSamples(labels, LATENCY_BUCKETS, s.buckets, s.sum));
      }
      const families: Family[] = [
        {
          name: 'okence_http_requests_total',
          help: 'HTTP requests answered, by method, route pattern and status code.',
          type: 'counter',
          samples: requests,
        },
        {
          name: 'okence_http_request_duration_seconds',
          help: 'Time from a request’s arrival to the end of its response, by route pattern.',
          type: 'histogram',
          samples: latency,
        },
      ];
      return families;
    },
  };

  return { observe, collector };
}

/** Whether `header` is `Bearer <token>`, compared in constant time (of the hashes). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  if (!header?.startsWith('Bearer ')) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(header.slice('Bearer '.length)), digest(token));
}

/**
 * Counts every request and serves `/metrics` to `Authorization: Bearer <token>` only (anyone
 * else: 401 with an empty body). Installed only when METRICS_TOKEN is set; without it
 * `/metrics` is the ordinary 404 and no request is counted. Before any route is registered.
 */
export function installMetrics(app: FastifyInstance, registry: MetricsRegistry, token: string) {
  const requests = requestMetrics();
  const processStats = processCollector();
  registry.register(requests.collector, processStats);
  app.addHook('onClose', (_app, done) => {
    processStats.stop();
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    requests.observe(request, reply);
    done();
  });
  app.get(
    '/metrics',
    {
      // Scraped every 15 s: not in the info log, and never locked out by the per-address limit
      // (the token is at least 32 characters: guessing it is no use).
      logLevel: 'warn',
      config: { rateLimit: false },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      if (!bearerMatches(request.headers.authorization, token))
        return reply.code(401).header('www-authenticate', 'Bearer').type('text/plain').send('');
      return reply.type(METRICS_CONTENT_TYPE).send(await registry.scrape());
    },
  );
}
