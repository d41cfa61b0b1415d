// `npm run bench`: the service page against a bare Fastify route, on PGlite and on
// PostgreSQL (when DATABASE_URL is set), in one run. Prints req/s, p99 and their
// ratio, start-up time, the server's RSS after start and under load, and the memory budgets;
// then the booking path, the meeting, the folder, the statistics, the eID sign-in (bench/eid.ts),
// filling in and sending a long form over HTTP (bench/forms.ts) and its receipts alone
// (bench/receipt.ts), the bank QR codes (bench/qr.ts) and a 10,000-line bank statement imported
// and matched (bench/statements.ts); then meetings of 4, 6 and 8 through Janus against the mesh
// (bench/sfu.ts); last, two instances behind nginx against one (bench/instances.ts).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createFreshDatabase } from '../src/db/testing.ts';
import { openDatabase } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { hashPassword } from '../src/identity/password.ts';
import { loadDemoData } from '../src/tenants/demo-data.ts';
import { seedAvailabilityScenario } from './seed.ts';
import { raceAndThroughput } from './booking.ts';
import { admitToFirstFrame, lobbyMemory, meetingScriptSize } from './meeting.ts';
import { folderFigures, printFolderFigures } from './files.ts';
import { printStatsFigures, statsFigures } from './stats.ts';
import { eidFigures, printEidFigures } from './eid.ts';
import { formFigures, printFormFigures } from './forms.ts';
import { printReceiptFigures, receiptFigures } from './receipt.ts';
import { printQrFigures, qrFigures } from './qr.ts';
import { printStatementFigures, statementFigures } from './statements.ts';
import { printSfuFigures, sfuFigures } from './sfu.ts';
import { onEachDatabase, start, startBenchOkence, stop } from './process.ts';
import { memoryFigures, printMemoryBudgets, startFigures } from './memory.ts';
import { printInstanceFigures } from './instances.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** Runs autocannon against a URL; samples the server's peak RSS meanwhile. */
async function load(
  url: string,
  pid: number | undefined,
  seconds = SECONDS,
  headers: Record<string, string> = {},
) {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 250);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  clearInterval(sampler);
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: Math.round(result.requests.average), p99: result.latency.p99, peakRssMb: peak };
}

const PAGE = '/o/ue-domzale/s/potrdila-iz-uradnih-evidenc';
const rows: Record<string, string | number>[] = [];

/** Prepares the database the app will open: schema, demo data, ten officials with bookings. */
async function seed(env: Record<string, string>): Promise<void> {
  const handle = await openDatabase({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? '',
  });
  try {
    await migrate(handle.db);
    await loadDemoData(handle.db, hashPassword);
    await seedAvailabilityScenario(handle.db, new Date());
  } finally {
    await handle.close();
  }
}

function monthRange(): { from: string; to: string } {
  const today = new Date();
  const from = today.toISOString().slice(0, 10);
  const to = new Date(today.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

async function benchOkence(label: string, env: Record<string, string>) {
  await seed(env);
  const { from, to } = monthRange();
  const AVAILABILITY = `/api/v1/organisations/ue-domzale/services/splosne-informacije/availability?office=domzale&from=${from}&to=${to}`;
  const bare = await start('bench/bare-server.ts', {}, /listening (\d+)/);
  const okence = await startBenchOkence(env);
  try {
    const rssAfterStart = rssMb(okence.child.pid);
    // Warm up both (JIT, catalogue cache), then measure one after the other.
    await load(`http://127.0.0.1:${bare.port}/`, bare.child.pid, 2);
    await load(`http://127.0.0.1:${okence.port}${PAGE}`, okence.child.pid, 2);
    const base = await load(`http://127.0.0.1:${bare.port}/`, bare.child.pid);
    const page = await load(`http://127.0.0.1:${okence.port}${PAGE}`, okence.child.pid);
    // A query parameter other than lang bypasses the page cache: the cost of rendering every time.
    const fresh = await load(`http://127.0.0.1:${okence.port}${PAGE}?from=bench`, okence.child.pid);
    // As a browser asks (Accept-Encoding: gzip), and as a bare client does (no compression).
    const availability = await load(
      `http://127.0.0.1:${okence.port}${AVAILABILITY}`,
      okence.child.pid,
      SECONDS,
      { 'accept-encoding': 'gzip, deflate, br' },
    );
    const plain = await load(`http://127.0.0.1:${okence.port}${AVAILABILITY}`, okence.child.pid);
    rows.push({
      database: label,
      'bare req/s': base.rps,
      'bare p99 ms': base.p99,
      'page req/s': page.rps,
      'page p99 ms': page.p99,
      'ratio page/bare': Number((page.rps / base.rps).toFixed(2)),
      'uncached req/s': fresh.rps,
      'uncached p99 ms': fresh.p99,
      'month availability req/s': availability.rps,
      'availability p99 ms': availability.p99,
      'ratio availability/bare': Number((availability.rps / base.rps).toFixed(3)),
      'availability uncompressed req/s': plain.rps,
      'uncompressed p99 ms': plain.p99,
      'ratio uncompressed/bare': Number((plain.rps / base.rps).toFixed(3)),
      'start-up ms': okence.startupMs,
      'RSS after start MB': rssAfterStart,
      'RSS under load MB': Math.max(
        page.peakRssMb,
        fresh.peakRssMb,
        availability.peakRssMb,
        plain.peakRssMb,
      ),
    });
  } finally {
    await stop(okence);
    await stop(bare);
  }
}

// First, while nothing else has run: RSS after start as `npm start` does it, against its budget.
const starts = await startFigures(process.env.DATABASE_URL);

const dataDir = mkdtempSync(join(tmpdir(), 'okence-bench-'));
await benchOkence('PGlite', { DATA_DIR: dataDir, DATABASE_URL: '' });
if (process.env.DATABASE_URL) {
  const db = await createFreshDatabase(process.env.DATABASE_URL, 'okence_bench');
  try {
    await benchOkence('PostgreSQL', {
      DATA_DIR: mkdtempSync(join(tmpdir(), 'okence-bench-')),
      DATABASE_URL: db.url,
    });
  } finally {
    await db.drop();
  }
} else {
  console.log(
    'DATABASE_URL is not set: PostgreSQL is skipped (set it to a server where databases may be created).',
  );
}

const booking = [await raceAndThroughput('PGlite', undefined)];
if (process.env.DATABASE_URL)
  booking.push(await raceAndThroughput('PostgreSQL', process.env.DATABASE_URL));

console.log(
  `\nService page ${PAGE} vs a bare Fastify route: ${CONNECTIONS} connections, ${SECONDS} s each, one machine, one run.`,
);
console.table(rows);
const worst = Math.min(...rows.map((r) => Number(r['ratio page/bare'])));
console.log(
  `Budget: page/bare ≥ 0.25 — ${worst >= 0.25 ? 'met' : 'NOT met'} (lowest ratio ${worst}).`,
);
const worstAvailability = Math.min(...rows.map((r) => Number(r['ratio availability/bare'])));
const worstP99 = Math.max(...rows.map((r) => Number(r['availability p99 ms'])));
console.log(
  `Budget: month availability (gzip, as browsers ask)/bare ≥ 0.25 — ${worstAvailability >= 0.25 ? 'met' : 'NOT met'} (lowest ${worstAvailability}); p99 < 50 ms — ${worstP99 < 50 ? 'met' : 'NOT met'} (${worstP99} ms).`,
);
console.log(
  '\nBooking path (service layer, no HTTP): 200-way race on one slot, and confirmed bookings on distinct slots.',
);
console.table(booking);

// The meeting: memory per idle lobby socket, the script the meeting page ships, admit → first frame.
const memory = await onEachDatabase(lobbyMemory);
console.log(
  '\nMeeting: 1,000 idle sockets waiting in one lobby (server RSS before and with them).',
);
console.table(memory);
console.table(starts);
printMemoryBudgets(memoryFigures(starts, memory));
const scripts = await meetingScriptSize();
console.table(scripts);
const pageJs = scripts.find((s) => s.script === 'total');
console.log(
  `Budget: JavaScript of the meeting page (meeting.js and its modules) ≤ 60 KB gzipped — ${pageJs && pageJs.gzipBytes <= 60 * 1024 ? 'met' : 'NOT met'} (${pageJs?.gzipBytes ?? '?'} bytes).`,
);
if (process.env.BENCH_CALLS !== '0') {
  console.log(
    '\nAdmit → first decoded remote frame, real calls between two Chromiums on loopback (PGlite).',
  );
  console.table([await admitToFirstFrame(Number(process.env.BENCH_CALLS ?? 10))]);
}

// The meeting folder: uploads and downloads against a bare Fastify server, memory under parallel uploads, all.zip.
const folder = [await folderFigures('PGlite', undefined)];
if (process.env.DATABASE_URL)
  folder.push(await folderFigures('PostgreSQL', process.env.DATABASE_URL));
printFolderFigures(folder);

// Statistics: a year of one organisation's appointments, the page timed against the bare route.
printStatsFigures(await onEachDatabase(statsFigures));

// eID: the SAML assertion consumer with distinct valid responses, and /account for a citizen.
printEidFigures(await onEachDatabase(eidFigures));

// Forms: a 30-question, 8-page form filled in and sent over HTTP (a receipt made per send).
printFormFigures(await onEachDatabase(formFigures));
// The same form's receipts rendered in one process, without HTTP or a database.
printReceiptFigures(await receiptFigures());
// Bank QR codes made per second, as SVG and as PNG, in one process.
printQrFigures(qrFigures());
// A 10,000-line bank statement imported and matched, each database in its own process.
printStatementFigures(await statementFigures());
printSfuFigures(await sfuFigures());

// Several instances behind nginx against one, and the rate limits' store (decision 055).
await printInstanceFigures(process.env.DATABASE_URL);
