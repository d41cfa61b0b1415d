// Memory figures for `npm run bench`, each against its budget: the server's RSS after it starts
// as `npm start` does (demo data, a fresh DATA_DIR or database), and the cost of an idle socket
// waiting in a lobby (bench/meeting.ts measures it). Decision 028 explains the settings behind them.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createFreshDatabase } from '../src/db/testing.ts';
import { lobbyMemory } from './meeting.ts';
import { fillCompileCache, start, stop, START_SCRIPT } from './process.ts';

/**
 * The memory budgets of issue 15 ("House in order before the portal"), in one place. Measured
 * before the work on 2026-12-02: 515–604 MB, 158 MB and 115–161 KB.
 */
export const MEMORY_BUDGETS = {
  pgliteStartMb: 300,
  postgresStartMb: 120,
  lobbySocketKb: 50,
} as const;

/** How long after the start banner RSS is watched: work that start-up leaves running shows in it. */
const WATCH_SECONDS = 10;

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/**
 * Starts Okence as `npm start` does (development, demo data) on a fresh DATA_DIR, and on
 * `databaseUrl` when given (a database of its own, created empty), and returns its RSS at the
 * banner and the highest RSS over the following seconds.
 */
export async function startMemory(label: string, databaseUrl: string | undefined) {
  const server = await start(
    START_SCRIPT,
    {
      PORT: '0',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      DEMO_DATA: 'true',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'okence-bench-memory-')),
      DATABASE_URL: databaseUrl ?? '',
    },
    /open http:\/\/localhost:(\d+)/,
    // A first start creates the database and the demo data: slow on a busy machine.
    300_000,
  );
  const pid = server.child.pid!;
  try {
    const atBanner = rssMb(pid);
    let peak = atBanner;
    for (let i = 0; i < WATCH_SECONDS * 4; i++) {
      await sleep(250);
      peak = Math.max(peak, rssMb(pid));
    }
    return { database: label, atBannerMb: atBanner, peakMb: peak, settledMb: rssMb(pid) };
  } finally {
    await stop(server);
  }
}

type Figure = { figure: string; measured: number; budget: number; unit: string };

/** Prints each memory figure beside its budget, with a verdict; returns whether all are met. */
export function printMemoryBudgets(figures: Figure[]): boolean {
  console.log(
    `\nMemory budgets (issue 15): RSS is the highest in the ${WATCH_SECONDS} s after start, a start` +
      " with Node's compile cache filled, as every start after an upgrade's first (decision 028).",
  );
  const rows = figures.map((f) => ({
    figure: f.figure,
    measured: `${f.measured} ${f.unit}`,
    budget: `≤ ${f.budget} ${f.unit}`,
    verdict: f.measured <= f.budget ? 'within budget' : 'OVER budget',
  }));
  console.table(rows);
  return rows.every((r) => r.verdict === 'within budget');
}

/** The figures of the memory budgets from the measurements of this run. */
export function memoryFigures(
  starts: Awaited<ReturnType<typeof startMemory>>[],
  lobby: { database: string; 'KB per idle lobby socket': number }[],
): Figure[] {
  const figures: Figure[] = [];
  for (const s of starts)
    figures.push({
      figure: `RSS after start, ${s.database}`,
      measured: s.peakMb,
      budget:
        s.database === 'PGlite' ? MEMORY_BUDGETS.pgliteStartMb : MEMORY_BUDGETS.postgresStartMb,
      unit: 'MB',
    });
  for (const l of lobby)
    figures.push({
      figure: `idle lobby WebSocket, ${l.database}`,
      measured: l['KB per idle lobby socket'],
      budget: MEMORY_BUDGETS.lobbySocketKb,
      unit: 'KB',
    });
  return figures;
}

/** Start-up memory on PGlite and (when DATABASE_URL is set) on a fresh PostgreSQL database. */
export async function startFigures(adminUrl: string | undefined) {
  // Every start but the first after an upgrade finds Node's compile cache filled: measured so.
  fillCompileCache();
  const starts = [await startMemory('PGlite', undefined)];
  if (adminUrl) {
    const db = await createFreshDatabase(adminUrl, 'okence_bench_mem');
    try {
      starts.push(await startMemory('PostgreSQL', db.url));
    } finally {
      await db.drop();
    }
  }
  return starts;
}

// `node bench/memory.ts`: only the memory budgets (about two minutes).
if (import.meta.main) {
  const starts = await startFigures(process.env.DATABASE_URL);
  console.table(starts);
  const lobby = [await lobbyMemory('PGlite', undefined)];
  if (process.env.DATABASE_URL) {
    const db = await createFreshDatabase(process.env.DATABASE_URL, 'okence_bench_mem');
    try {
      lobby.push(await lobbyMemory('PostgreSQL', db.url));
    } finally {
      await db.drop();
    }
  }
  console.table(lobby);
  if (!printMemoryBudgets(memoryFigures(starts, lobby))) process.exitCode = 1;
}
