// The operator's metrics (decision 056): collectors that the domains owning the numbers give,
// read at scrape time and written in Prometheus's text exposition format 0.0.4
// (https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format).

export type Labels = Readonly<Record<string, string>>;

/** One line of a family: `suffix` is a histogram's `_bucket`, `_sum` or `_count`. */
export type Sample = { labels?: Labels; value: number; suffix?: '_bucket' | '_sum' | '_count' };

/** A metric family: its HELP and TYPE lines, then its samples. */
export type Family = {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  samples: readonly Sample[];
};

/**
 * Numbers read when Prometheus scrapes. A collector that throws, or takes longer than the
 * registry's timeout (a slow database), leaves its families out of that scrape, and
 * `okence_scrape_errors{collector=<name>}` is 1 for it.
 */
export type Collector = { name: string; collect(): readonly Family[] | Promise<readonly Family[]> };

/** The collectors of one process, and the scrape that reads them all. */
export type MetricsRegistry = {
  register(...collectors: Collector[]): void;
  /** Every collector's families as exposition text; never throws. */
  scrape(): Promise<string>;
};

/** Histogram upper bounds in seconds for server-rendered pages: 5 ms … 10 s. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** A registry whose scrape waits at most `timeoutMs` for any one collector. */
export function metricsRegistry(opts: { timeoutMs?: number } = {}): MetricsRegistry {
  const timeoutMs = opts.timeoutMs ?? 2000;
  const collectors: Collector[] = [];
  // A collector still running from an earlier scrape (a database that hangs) is not asked
  // again: scrapes every 15 s would otherwise pile queries up behind it.
  const running = new Map<string, Promise<readonly Family[]>>();

  function collect(c: Collector): Promise<readonly Family[] | null> {
    let run = running.get(c.name);
    if (run) return Promise.resolve(null);
    run = Promise.resolve().then(() => c.collect());
    running.set(c.name, run);
    void run.then(
      () => running.delete(c.name),
      () => running.delete(c.name),
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
      timer.unref();
    });
    return Promise.race([run.catch(() => null), late]).finally(() => clearTimeout(timer));
  }

  return {
    register(...added) {
      for (const c of added) {
        if (collectors.some((o) => o.name === c.name))
          throw new Error(`two metrics collectors named ${c.name}`);
        collectors.push(c);
      }
    },
    async scrape() {
      const results = await Promise.all(collectors.map(collect));
      const families: Family[] = [];
      const errors: Sample[] = [];
      results.forEach((r, i) => {
        errors.push({ labels: { collector: collectors[i]!.name }, value: r ? 0 : 1 });
        if (r) families.push(...r);
      });
      families.push({
        name: 'okence_scrape_errors',
        help: 'Whether a collector failed or timed out in this scrape (its metrics are absent).',
        type: 'gauge',
        samples: errors,
      });
      return exposition(families);
    },
  };
}

/**
 * The exposition text of `families`. Families of one name from several collectors (each
 * outbox's owner gives its own samples) are written as one, since a name's lines must be
 * together and have one HELP and TYPE.
 */
export function exposition(families: readonly Family[]): string {
  const merged = new Map<string, Family & { samples: Sample[] }>();
  for (const f of families) {
    const had = merged.get(f.name);
    if (had) had.samples.push(...f.samples);
    else merged.set(f.name, { ...f, samples: [...f.samples] });
  }
  let out = '';
  for (const f of merged.values()) {
    out += `# HELP ${f.name} ${escapeHelp(f.help)}\n# TYPE ${f.name} ${f.type}\n`;
    for (const s of f.samples)
      out += `${f.name}${s.suffix ?? ''}${labelText(s.labels)} ${numberText(s.value)}\n`;
  }
  return out;
}

/** A histogram's samples from its per-bucket counts (`counts[i]` for `bounds[i]`, then +Inf). */
export function histogramSamples(
  labels: Labels,
  bounds: readonly number[],
  counts: ArrayLike<number>,
  sum: number,
): Sample[] {
  const samples: Sample[] = [];
  let cumulative = 0;
  for (let i = 0; i < bounds.length; i++) {
    cumulative += counts[i]!;
    samples.push({
      suffix: '_bucket',
      labels: { ...labels, le: String(bounds[i]) },
      value: cumulative,
    });
  }
  cumulative += counts[bounds.length]!;
  samples.push({ suffix: '_bucket', labels: { ...labels, le: '+Inf' }, value: cumulative });
  samples.push({ suffix: '_sum', labels, value: sum });
  samples.push({ suffix: '_count', labels, value: cumulative });
  return samples;
}

// Label values escape backslash, double quote and line feed; HELP text backslash and line feed.
function escapeLabel(v: string): string {
  return v.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}
function escapeHelp(v: string): string {
  return v.replace(/[\\\n]/g, (c) => (c === '\n' ? '\\n' : '\\\\'));
}

function labelText(labels: Labels | undefined): string {
  if (!labels) return '';
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

function numberText(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

/** An outbox's undelivered items: how many, and when the oldest was queued. */
export type Backlog = { depth: number; oldest: Date | null };

/** The families of one outbox (`outbox` names it: mail, submission_deliveries, …). */
export function outboxFamilies(outbox: string, backlog: Backlog, now: Date): Family[] {
  const labels = { outbox };
  const age = backlog.oldest ? Math.max(0, (now.getTime() - backlog.oldest.getTime()) / 1000) : 0;
  return [
    {
      name: 'okence_outbox_depth',
      help: 'Items queued and not yet delivered nor given up, by outbox.',
      type: 'gauge',
      samples: [{ labels, value: backlog.depth }],
    },
    {
      name: 'okence_outbox_oldest_age_seconds',
      help: 'Age of the oldest undelivered item, by outbox; 0 when the outbox is empty.',
      type: 'gauge',
      samples: [{ labels, value: age }],
    },
  ];
}
