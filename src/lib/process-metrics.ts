// The process's own numbers for the operator's metrics (decision 056), under the names
// Prometheus's client libraries use for them, so existing dashboards read them.
import { readdir } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Collector, Family } from './metrics.ts';

/**
 * Memory, heap, CPU, open file descriptors, start time and uptime, and the event loop's delay.
 * The delay is sampled every 20 ms from when this is made; each scrape reads the p99 since the
 * previous scrape, then starts a new window. `stop` ends the sampling.
 */
export function processCollector(): Collector & { stop(): void } {
  const loop = monitorEventLoopDelay({ resolution: 20 });
  loop.enable();
  const startSeconds = Math.round(Date.now() / 1000 - process.uptime());
  const gauge = (name: string, help: string, value: number): Family => ({
    name,
    help,
    type: 'gauge',
    samples: [{ value }],
  });
  return {
    name: 'process',
    stop: () => loop.disable(),
    async collect() {
      const memory = process.memoryUsage();
      const cpu = process.cpuUsage();
      // p99 of the delays sampled in the window, in nanoseconds; 0 before the first sample.
      const lag = loop.count > 0 ? loop.percentile(99) / 1e9 : 0;
      loop.reset();
      const families: Family[] = [
        gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', memory.rss),
        gauge('nodejs_heap_size_used_bytes', 'V8 heap in use in bytes.', memory.heapUsed),
        gauge('nodejs_heap_size_total_bytes', 'V8 heap allocated in bytes.', memory.heapTotal),
        gauge(
          'nodejs_external_memory_bytes',
          'Memory of C++ objects bound to JavaScript (buffers) in bytes.',
          memory.external,
        ),
        {
          name: 'process_cpu_seconds_total',
          help: 'User and system CPU time spent in seconds.',
          type: 'counter',
          samples: [{ value: (cpu.user + cpu.system) / 1e6 }],
        },
        gauge(
          'nodejs_eventloop_lag_p99_seconds',
          "The event loop's delay, 99th percentile since the previous scrape, in seconds.",
          lag,
        ),
        gauge(
          'process_start_time_seconds',
          'Start time of the process since the Unix epoch in seconds.',
          startSeconds,
        ),
        gauge('okence_uptime_seconds', 'Seconds since this process started.', process.uptime()),
      ];
      const fds = await openFileDescriptors();
      if (fds !== null)
        families.push(gauge('process_open_fds', 'Number of open file descriptors.', fds));
      return families;
    },
  };
}

/** Open file descriptors from /proc (Linux); null elsewhere. */
async function openFileDescriptors(): Promise<number | null> {
  try {
    return (await readdir('/proc/self/fd')).length;
  } catch {
    return null;
  }
}
