import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkWithPromtool, samples, valueOf } from '../http/metrics-testing.ts';
import { exposition, histogramSamples, metricsRegistry, type Collector } from './metrics.ts';

const gauge = (name: string, value: number): Collector => ({
  name,
  collect: () => [{ name: `test_${name}`, help: name, type: 'gauge', samples: [{ value }] }],
});

test('label values and HELP text are escaped as the format says, and promtool reads them back', () => {
  const text = exposition([
    {
      name: 'test_escaping',
      help: 'A help text with a \\ backslash\nand a line feed.',
      type: 'gauge',
      samples: [{ labels: { path: 'C:\\dir "quoted"\nnext line' }, value: 1 }],
    },
  ]);
  assert.equal(
    text,
    '# HELP test_escaping A help text with a \\\\ backslash\\nand a line feed.\n' +
      '# TYPE test_escaping gauge\n' +
      'test_escaping{path="C:\\\\dir \\"quoted\\"\\nnext line"} 1\n',
  );
  checkWithPromtool(text);
  assert.equal(samples(text)[0]!.labels.path, 'C:\\dir "quoted"\nnext line');
});

test('families of one name from several collectors are written once, their samples together', () => {
  const family = (outbox: string) => ({
    name: 'test_depth',
    help: 'Depth.',
    type: 'gauge' as const,
    samples: [{ labels: { outbox }, value: 1 }],
  });
  const text = exposition([family('a'), { ...family('x'), name: 'test_other' }, family('b')]);
  assert.equal(text.match(/# TYPE test_depth/g)?.length, 1);
  assert.match(text, /test_depth\{outbox="a"\} 1\ntest_depth\{outbox="b"\} 1\n# HELP test_other/);
  checkWithPromtool(text);
});

test('a histogram is cumulative, ends with +Inf equal to its count, and infinities are written as the format says', () => {
  const text = exposition([
    {
      name: 'test_seconds',
      help: 'Seconds.',
      type: 'histogram',
      samples: histogramSamples({ route: '/x' }, [0.1, 1], [2, 0, 3], 7.5),
    },
    { name: 'test_limit', help: 'Limit.', type: 'gauge', samples: [{ value: Infinity }] },
  ]);
  checkWithPromtool(text);
  const all = samples(text);
  const bucket = (le: string) => valueOf(all, 'test_seconds_bucket', { le });
  assert.deepEqual([bucket('0.1'), bucket('1'), bucket('+Inf')], [2, 2, 5]);
  assert.equal(valueOf(all, 'test_seconds_count'), 5);
  assert.equal(valueOf(all, 'test_seconds_sum'), 7.5);
  assert.match(text, /^test_limit \+Inf$/m);
});

test('a collector that hangs or throws is left out of the scrape, and okence_scrape_errors names it', async () => {
  const registry = metricsRegistry({ timeoutMs: 50 });
  let asked = 0;
  let release: () => void = () => {};
  const hanging: Collector = {
    name: 'hanging',
    collect: () => {
      asked++;
      return new Promise((resolve) => {
        release = () => resolve([]);
      });
    },
  };
  const failing: Collector = {
    name: 'failing',
    collect: () => {
      throw new Error('database down');
    },
  };
  registry.register(gauge('ok', 3), hanging, failing);
  assert.throws(() => registry.register(gauge('ok', 4)), /two metrics collectors named ok/);
  for (let i = 0; i < 2; i++) {
    const text = await registry.scrape();
    checkWithPromtool(text);
    const all = samples(text);
    assert.equal(valueOf(all, 'test_ok'), 3);
    assert.equal(valueOf(all, 'okence_scrape_errors', { collector: 'ok' }), 0);
    assert.equal(valueOf(all, 'okence_scrape_errors', { collector: 'hanging' }), 1);
    assert.equal(valueOf(all, 'okence_scrape_errors', { collector: 'failing' }), 1);
  }
  // The second scrape did not ask the hanging collector again while its first answer was due.
  assert.equal(asked, 1);
  release();
  await new Promise((resolve) => setImmediate(resolve));
  await registry.scrape();
  assert.equal(asked, 2);
  release();
});
