// Reading /metrics back in tests: Debian's promtool checks the text against the exposition
// format and Prometheus's naming rules, and a small reader gives the samples' values.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

/** A token METRICS_TOKEN accepts (at least 32 characters). */
export const TEST_METRICS_TOKEN = 'metrics-token-for-tests-0123456789abcdef';

export type ParsedSample = { name: string; labels: Record<string, string>; value: number };

/** `promtool check metrics` on the text: throws with its complaints. */
export function checkWithPromtool(text: string): void {
  const run = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  if (run.error) throw new Error(`promtool is missing (Debian's prometheus): ${run.error.message}`);
  assert.equal(run.status, 0, `promtool check metrics: ${run.stdout}${run.stderr}`);
}

/** Every sample line of the text, with its labels unescaped. */
export function samples(text: string): ParsedSample[] {
  const out: ParsedSample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    assert.ok(m, `not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
      labels[l[1]!] = l[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    const raw = m[3]!;
    out.push({ name: m[1]!, labels, value: raw === '+Inf' ? Infinity : Number(raw) });
  }
  return out;
}

/** The samples named `name` whose labels include `labels`. */
export function find(
  all: readonly ParsedSample[],
  name: string,
  labels: Record<string, string> = {},
): ParsedSample[] {
  return all.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
}

/** The one value of `name` with `labels`, or undefined when there is none. */
export function valueOf(
  all: readonly ParsedSample[],
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const found = find(all, name, labels);
  assert.ok(found.length <= 1, `${name} ${JSON.stringify(labels)} is ambiguous`);
  return found[0]?.value;
}

/**
 * Each histogram series is consistent: buckets cumulative and rising with `le`, the +Inf bucket
 * equal to `_count`, and a `_sum` beside it.
 */
export function assertHistogramsConsistent(all: readonly ParsedSample[], name: string): number {
  const series = new Map<string, ParsedSample[]>();
  for (const s of find(all, `${name}_bucket`)) {
    const { le: _le, ...rest } = s.labels;
    const key = JSON.stringify(rest);
    series.set(key, [...(series.get(key) ?? []), s]);
  }
  for (const [key, buckets] of series) {
    const labels = JSON.parse(key) as Record<string, string>;
    const bounds = buckets.map((b) => (b.labels.le === '+Inf' ? Infinity : Number(b.labels.le)));
    assert.deepEqual(
      bounds,
      [...bounds].sort((a, b) => a - b),
      `${key}: le rising`,
    );
    assert.equal(bounds.at(-1), Infinity, `${key}: ends with +Inf`);
    buckets.forEach((b, i) => {
      if (i > 0)
        assert.ok(b.value >= buckets[i - 1]!.value, `${key}: cumulative at le=${b.labels.le}`);
    });
    assert.equal(
      buckets.at(-1)!.value,
      valueOf(all, `${name}_count`, labels),
      `${key}: +Inf = _count`,
    );
    assert.ok(valueOf(all, `${name}_sum`, labels)! >= 0, `${key}: _sum`);
  }
  return series.size;
}
