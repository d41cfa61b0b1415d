// Bank statements for `npm run bench`: a generated 10,000-line ABO/GPC statement imported and
// matched against 10,000 obligations of one organisation, on PGlite and on PostgreSQL (when
// DATABASE_URL is set). Each database runs in its own child process, so its peak RSS is the
// import's own (PGlite's database lives in that process too; PostgreSQL's server is apart).
// Baselines in the same child: the file parsed and matched in memory (no database), and the
// same 10,000 lines inserted bare in one transaction (rolled back). `node bench/statements.ts`
// runs this section alone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onEachDatabase } from './process.ts';

const LINES = 10_000;
const FIRST_VS = 1_000_000_001;

/** One child's measurements. */
type Figures = {
  database: string;
  lines: number;
  'parse+match s': number;
  'bare insert s': number;
  'import s': number;
  'import/bare insert': number;
  'import/parse+match': number;
  'peak RSS before import MB': number;
  'peak RSS MB': number;
  matched: number;
  unmatched: number;
};

/** The statement: mostly exact payments, every 10th partial, every 25th to an unknown VS, every 50th without one, some debits. */
async function statementBytes(): Promise<Uint8Array> {
  const { aboFile, aboHeader, aboItem } = await import('../src/payments/statements/testing.ts');
  const records = [aboHeader({ name: 'Město Kopřivnice', number: 240 })];
  for (let i = 0; i < LINES; i++) {
    const vs =
      i % 50 === 49 ? '0' : i % 25 === 24 ? String(9_000_000_000 + i) : String(FIRST_VS + i);
    const amount = i % 10 === 9 ? 25_000 : 50_000;
    const code = i % 100 === 99 ? '1' : '2';
    records.push(
      aboItem({
        amountMinor: amount,
        vs,
        code,
        note: `Plátce ${i} Řehoř`,
        document: String(i + 1),
      }),
    );
  }
  return aboFile(records);
}

async function child(kind: string, databaseUrl: string | undefined): Promise<Figures> {
  const [{ openDatabase }, { migrate }, { hashPassword }, { loadDemoData }] = await Promise.all([
    import('../src/db/db.ts'),
    import('../src/db/migrate.ts'),
    import('../src/identity/password.ts'),
    import('../src/tenants/demo-data.ts'),
  ]);
  const { seedObligations } = await import('../src/payments/statements/testing-db.ts');
  const { statementsService } = await import('../src/payments/statements/service.ts');
  const { auditService } = await import('../src/audit/service.ts');
  const { systemClock } = await import('../src/lib/clock.ts');
  const { parseStatement } = await import('../src/payments/statements/report.ts');
  const { lineKeys } = await import('../src/payments/statements/lines.ts');
  const { matchCredits } = await import('../src/payments/statements/matching.ts');
  const repo = await import('../src/payments/statements/repo.ts');
  const handle = await openDatabase({
    databaseUrl,
    dataDir: mkdtempSync(join(tmpdir(), 'okence-bench-statements-')),
  });
  try {
    const db = handle.db;
    await migrate(db);
    await loadDemoData(db, hashPassword);
    const org = (
      await db
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', 'koprivnice')
        .executeTakeFirstOrThrow()
    ).id;
    const specs = Array.from({ length: LINES }, (_, i) => ({
      vs: String(FIRST_VS + i),
      amountMinor: 50_000,
    }));
    const obligations = await seedObligations(db, org, specs, 'bench-dog');
    const bytes = await statementBytes();
    const seconds = (from: number) => (performance.now() - from) / 1000;

    let t = performance.now();
    const parsed = await parseStatement(bytes);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
    lineKeys(parsed.statement);
    const open = specs.map((s) => ({
      id: obligations.get(s.vs)!,
      variableSymbol: s.vs,
      currency: 'CZK',
      dueMinor: s.amountMinor,
      cancelled: false,
    }));
    matchCredits(
      parsed.statement.lines.filter((l) => l.direction === 'credit'),
      open,
    );
    const pure = seconds(t);

    t = performance.now();
    const keys = lineKeys(parsed.statement);
    await db
      .transaction()
      .execute(async (tx) => {
        const id = await repo.insertStatement(tx, {
          organisationId: org,
          format: 'abo',
          account: parsed.statement.account,
          statementNumber: null,
          statementDate: null,
          fileName: 'bare',
          sha256: '0'.repeat(64),
          importedAt: new Date(),
          importedBy: null,
        });
        await repo.insertLines(
          tx,
          org,
          id,
          parsed.statement.lines.map((l, i) => ({ ...l, lineKey: keys[i]! })),
        );
        throw new Error('rollback');
      })
      .catch((err: unknown) => {
        if ((err as Error).message !== 'rollback') throw err;
      });
    const bare = seconds(t);

    const peakBefore = process.resourceUsage().maxRSS;
    const service = statementsService({
      db,
      clock: systemClock,
      audit: auditService({ db, clock: systemClock }),
    });
    t = performance.now();
    const report = await service.importStatement({
      organisationId: org,
      bytes,
      fileName: 'bench.gpc',
      actor: { staffId: null, audit: { system: 'bench' } },
    });
    const imported = seconds(t);
    if (report.outcome !== 'imported') throw new Error(report.outcome);
    const matched = Object.values(report.counts.matched).reduce((a, b) => a + b, 0);
    const unmatched = Object.values(report.counts.unmatched).reduce((a, b) => a + b, 0);
    const round = (x: number, d = 3) => Number(x.toFixed(d));
    return {
      database: kind,
      lines: report.counts.lines,
      'parse+match s': round(pure),
      'bare insert s': round(bare),
      'import s': round(imported),
      'import/bare insert': round(imported / bare, 2),
      'import/parse+match': round(imported / pure, 1),
      'peak RSS before import MB': Math.round(peakBefore / 1024),
      'peak RSS MB': Math.round(process.resourceUsage().maxRSS / 1024),
      matched,
      unmatched,
    };
  } finally {
    await handle.close();
  }
}

/** Runs one database's measurement in a child process and reads its figures. */
function inChild(kind: string, databaseUrl: string | undefined): Figures {
  const out = spawnSync(process.execPath, [import.meta.filename], {
    env: { ...process.env, BENCH_STATEMENTS_CHILD: kind, BENCH_STATEMENTS_URL: databaseUrl ?? '' },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (out.status !== 0) throw new Error(`statements bench (${kind}): ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').at(-1)!) as Figures;
}

/** The section's figures on PGlite, and on PostgreSQL when DATABASE_URL is set. */
export function statementFigures(): Promise<Figures[]> {
  return onEachDatabase(inChild);
}

/** Prints the section's table. */
export function printStatementFigures(rows: Figures[]): void {
  console.log(
    `\nBank statement: ${LINES} ABO lines imported and matched against ${LINES} obligations`,
  );
  console.table(rows);
}

if (process.env.BENCH_STATEMENTS_CHILD) {
  const kind = process.env.BENCH_STATEMENTS_CHILD;
  console.log(JSON.stringify(await child(kind, process.env.BENCH_STATEMENTS_URL || undefined)));
} else if (import.meta.filename === process.argv[1]) {
  printStatementFigures(await statementFigures());
}
