// A test reporter that prints, after the run, how long each test file's tests took (the sum of
// its top-level tests), the longest first: where the suite's minutes go, for whoever has to
// keep `npm test` under its budget. `npm test` adds it beside the spec reporter.
import type { TestEvent } from 'node:test/reporters';

export default async function* fileTimes(source: AsyncIterable<TestEvent>) {
  const perFile = new Map<string, number>();
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { nesting, file, details } = event.data;
    if (nesting !== 0 || file === undefined) continue;
    perFile.set(file, (perFile.get(file) ?? 0) + details.duration_ms);
  }
  const rows = [...perFile].sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, ms]) => sum + ms, 0);
  yield `\nTest time per file (sum of top-level tests; ${rows.length} files, ${(total / 60_000).toFixed(1)} min in all):\n`;
  for (const [file, ms] of rows.slice(0, 25)) {
    yield `${(ms / 1000).toFixed(1).padStart(8)} s  ${file.replace(`${process.cwd()}/`, '')}\n`;
  }
}
