// Meeting folder figures for `npm run bench`: uploads and downloads through Okence against a
// bare Fastify server (files-servers.ts) in the same run, server memory under parallel uploads,
// the folder as one zip, and the slow-upload attack (files-attack.ts). Figures are ratios and
// peaks, never asserted. `node bench/files.ts` runs this section alone; `node bench/files.ts
// bare` is the baseline server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SLOW_UPLOADS, slowAttackFigures } from './files-attack.ts';
import {
  bareServer,
  mbps,
  MB,
  PARALLEL,
  pdfOf,
  ratio,
  rssMb,
  rssPeak,
  startBare,
  startFolder,
  type Target,
} from './files-servers.ts';

const FILE_BYTES = 10 * MB;
// Just under FILE_MAX_MB=20 (20 MiB), the largest file a citizen may send.
const LARGE_BYTES = 20 * MB - 64 * 1024;
const UPLOADS = 20;
const DOWNLOADS = 50;
const DOWNLOAD_CONNECTIONS = 10;
const ZIP_FILES = 10;
// Okence and the bare server take turns, this many times, so a burst of noise on the shared
// machine falls on both alike.
const ROUNDS = 5;

/** Reads a response to its end, counting bytes, and returns how many arrived. */
async function drain(res: Response): Promise<number> {
  if (!res.ok || !res.body) throw new Error(`${res.url}: ${res.status}`);
  const reader = res.body.getReader();
  let n = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) n += r.value.length;
  return n;
}

/** `count` GETs of a URL over `connections` at a time; the bytes are checked, the time returned. */
async function downloads(
  url: string,
  count: number,
  connections: number,
  size: number,
  cookie = '',
): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next++ < count) {
        const n = await drain(await fetch(url, { headers: { cookie } }));
        if (n !== size) throw new Error(`${url}: ${n} bytes, expected ${size}`);
      }
    }),
  );
  return performance.now() - started;
}

/** Runs `a` and `b` in turns, ROUNDS times each; the total milliseconds of each. */
async function inTurns(
  a: (round: number) => Promise<number>,
  b: (round: number) => Promise<number>,
): Promise<[number, number]> {
  let [msA, msB] = [0, 0];
  for (let round = 0; round < ROUNDS; round++) {
    msA += await a(round);
    msB += await b(round);
  }
  return [msA, msB];
}

/** Sequential uploads of the same files; milliseconds for all of them. */
async function uploadAll(t: Target, files: Buffer[]): Promise<number> {
  const started = performance.now();
  for (const [i, bytes] of files.entries()) await t.upload(`bench-${i}.pdf`, bytes);
  return performance.now() - started;
}

/** GETs `url` until `until` settles; the slowest answer in ms (how long others wait meanwhile). */
async function slowestWhile(url: string, until: Promise<unknown>, cookie = ''): Promise<number> {
  let done = false;
  void until.finally(() => (done = true)).catch(() => undefined);
  let slowest = 0;
  while (!done) {
    const started = performance.now();
    await (await fetch(url, { headers: { cookie } })).text();
    slowest = Math.max(slowest, performance.now() - started);
    await sleep(50);
  }
  return Math.round(slowest);
}

/** `files.length` uploads at once: the server's RSS before and at its peak, and how long they took. */
async function parallelUploads(
  t: Target,
  files: Buffer[],
  probe?: { url: string; cookie: string },
) {
  await sleep(500);
  const before = rssMb(t.pid);
  const sampler = rssPeak(t.pid);
  const started = performance.now();
  const all = Promise.all(files.map((bytes, i) => t.upload(`large-${i}.pdf`, bytes, i)));
  const slowestProbe = probe ? await slowestWhile(probe.url, all, probe.cookie) : null;
  await all;
  const ms = performance.now() - started;
  const peak = sampler.stop();
  return {
    before: Math.round(before),
    peak: Math.round(peak),
    delta: Math.round(peak - before),
    perUpload: Number(((peak - before) / files.length).toFixed(1)),
    ms,
    slowestProbe,
  };
}

/** Memory under parallel uploads, then upload throughput; Okence against the bare server. */
async function uploadFigures(databaseUrl: string | undefined, bare: Target) {
  const okence = await startFolder(databaseUrl);
  try {
    // Warm up the route (JIT, pools, the files directory) with a small file each.
    for (const t of [bare, okence]) await t.upload('warm.pdf', pdfOf(64 * 1024, 'warm'));
    const large = Array.from({ length: PARALLEL }, (_, i) => pdfOf(LARGE_BYTES, `large ${i}`));
    const probe = { url: okence.folderUrl, cookie: okence.form(0).cookie };
    const idle = await slowestWhile(probe.url, sleep(1000), probe.cookie);
    const bareMemory = await parallelUploads(bare, large);
    const memory = await parallelUploads(okence, large, probe);
    const files = Array.from({ length: UPLOADS }, (_, i) => pdfOf(FILE_BYTES, `upload ${i}`));
    for (const t of [bare, okence]) await uploadAll(t, files.slice(0, 2));
    const share = (round: number) =>
      files.slice((round * UPLOADS) / ROUNDS, ((round + 1) * UPLOADS) / ROUNDS);
    const [bareMs, okenceMs] = await inTurns(
      (r) => uploadAll(bare, share(r)),
      (r) => uploadAll(okence, share(r)),
    );
    return {
      idle,
      bareMemory,
      memory,
      bareUpload: mbps(UPLOADS * FILE_BYTES, bareMs),
      upload: mbps(UPLOADS * FILE_BYTES, okenceMs),
    };
  } finally {
    await okence.stop();
  }
}

/** Streams all.zip once: bytes, time to the first byte and to the last. */
async function zipOnce(
  url: string,
  cookie: string,
): Promise<{ bytes: number; firstByteMs: number; ms: number }> {
  const started = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  if (!res.ok || !res.body) throw new Error(`${url}: ${res.status}`);
  const reader = res.body.getReader();
  let r = await reader.read();
  const firstByteMs = performance.now() - started;
  let bytes = 0;
  for (; !r.done; r = await reader.read()) bytes += r.value.length;
  return { bytes, firstByteMs, ms: performance.now() - started };
}

/** A folder of ZIP_FILES files: single downloads against the bare server, then all.zip. */
async function downloadFigures(
  databaseUrl: string | undefined,
  bare: Target & { download: string },
  file: Buffer,
) {
  const okence = await startFolder(databaseUrl);
  try {
    for (let i = 0; i < ZIP_FILES; i++)
      await okence.upload(`zip-${i}.pdf`, pdfOf(FILE_BYTES, `zip ${i}`));
    const one = `${okence.folderUrl}/${(await okence.fileIds())[0] ?? ''}`;
    const cookie = okence.form(0).cookie;
    await downloads(bare.download, DOWNLOAD_CONNECTIONS, DOWNLOAD_CONNECTIONS, file.length);
    await downloads(one, DOWNLOAD_CONNECTIONS, DOWNLOAD_CONNECTIONS, file.length, cookie);
    const [bareMs, okenceMs] = await inTurns(
      () => downloads(bare.download, DOWNLOADS / ROUNDS, DOWNLOAD_CONNECTIONS, file.length),
      () => downloads(one, DOWNLOADS / ROUNDS, DOWNLOAD_CONNECTIONS, FILE_BYTES, cookie),
    );
    await zipOnce(`${okence.folderUrl}/all.zip`, cookie);
    const before = rssMb(okence.pid);
    const sampler = rssPeak(okence.pid);
    const zips = [];
    // The baseline for the zip: the same bytes from the bare server, one file after another on one connection.
    let oneByOneMs = 0;
    for (let i = 0; i < 3; i++) {
      oneByOneMs += await downloads(bare.download, ZIP_FILES, 1, file.length);
      zips.push(await zipOnce(`${okence.folderUrl}/all.zip`, cookie));
    }
    const zipPeak = sampler.stop() - before;
    const zip = zips.sort((a, b) => a.ms - b.ms)[1]!;
    return {
      bareDownload: mbps(DOWNLOADS * file.length, bareMs),
      download: mbps(DOWNLOADS * FILE_BYTES, okenceMs),
      zip,
      zipPeak: Math.round(zipPeak),
      oneByOne: mbps(3 * ZIP_FILES * file.length, oneByOneMs),
    };
  } finally {
    await okence.stop();
  }
}

/** Every figure of the meeting folder on one database, in rows for console.table. */
export async function folderFigures(label: string, databaseUrl: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'okence-bench-bare-'));
  const file = pdfOf(FILE_BYTES, 'download');
  writeFileSync(join(dir, 'file.pdf'), file);
  const bare = await startBare(join(dir, 'file.pdf'));
  try {
    const u = await uploadFigures(databaseUrl, bare);
    const d = await downloadFigures(databaseUrl, bare, file);
    const attack = await slowAttackFigures(label, databaseUrl);
    const memoryRow = (server: string, m: Awaited<ReturnType<typeof parallelUploads>>) => ({
      database: label,
      server,
      'RSS before MB': m.before,
      'peak RSS MB': m.peak,
      'peak delta MB': m.delta,
      'MB per upload': m.perUpload,
      'all in ms': Math.round(m.ms),
    });
    return {
      attack,
      throughput: {
        database: label,
        'bare upload MB/s': u.bareUpload,
        'upload MB/s': u.upload,
        'ratio upload okence/bare': ratio(u.upload, u.bareUpload),
        'bare download MB/s': d.bareDownload,
        'download MB/s': d.download,
        'ratio download okence/bare': ratio(d.download, d.bareDownload),
      },
      memory: [
        memoryRow('bare', u.bareMemory),
        {
          ...memoryRow('Okence', u.memory),
          'folder page ms, slowest meanwhile': u.memory.slowestProbe,
          'folder page ms, slowest idle': u.idle,
        },
      ],
      zip: {
        database: label,
        files: ZIP_FILES,
        'zip MB': Number((d.zip.bytes / MB).toFixed(1)),
        'first byte ms': Math.round(d.zip.firstByteMs),
        'all ms': Math.round(d.zip.ms),
        'MB/s': mbps(d.zip.bytes, d.zip.ms),
        'bare one by one MB/s': d.oneByOne,
        'ratio zip/bare one by one': ratio(mbps(d.zip.bytes, d.zip.ms), d.oneByOne),
        'peak RSS delta MB': d.zipPeak,
      },
    };
  } finally {
    await bare.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints folderFigures' rows for each database as three tables. */
export function printFolderFigures(results: Awaited<ReturnType<typeof folderFigures>>[]): void {
  console.log(
    `\nMeeting folder: ${UPLOADS} sequential uploads of a ${FILE_BYTES / MB} MB PDF, and ${DOWNLOADS} downloads of it over ${DOWNLOAD_CONNECTIONS} connections, vs a bare Fastify server (@fastify/multipart toBuffer, fs.createReadStream), in ${ROUNDS} turns each.`,
  );
  console.table(results.map((r) => r.throughput));
  console.log(
    `Meeting folder: ${PARALLEL} parallel uploads of ${(LARGE_BYTES / MB).toFixed(2)} MB each; server RSS sampled every 20 ms; the folder page fetched meanwhile.`,
  );
  console.table(results.flatMap((r) => r.memory));
  console.log(
    `Meeting folder: all.zip of ${ZIP_FILES} files of ${FILE_BYTES / MB} MB (median of 3), vs the same files one by one from the bare server on one connection.`,
  );
  console.table(results.map((r) => r.zip));
  console.log(
    `Meeting folder: a participant's ${SLOW_UPLOADS} uploads trickling a byte every 2 s against another participant's 1 kB uploads (median of 9), vs the same with no attack.`,
  );
  console.table(results.map((r) => r.attack));
}

if (import.meta.main) {
  if (process.argv[2] === 'bare') {
    await bareServer();
  } else {
    const results = [await folderFigures('PGlite', undefined)];
    if (process.env.DATABASE_URL)
      results.push(await folderFigures('PostgreSQL', process.env.DATABASE_URL));
    printFolderFigures(results);
  }
}
