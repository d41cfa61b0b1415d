// Meeting folder figures for `npm run bench`: uploads and downloads through Okence against a
// bare Fastify server (@fastify/multipart, fs.createReadStream) in the same run, server memory
// under parallel uploads, and the folder as one zip. Figures are ratios and peaks, never asserted.
// `node bench/files.ts` runs this section alone; `node bench/files.ts bare` is the baseline server.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import {
  createReadStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { UPLOADS_PER_GROUP, UPLOADS_PER_PERSON } from '../src/files/gate.ts';
// Okence's other modules are imported where they are used, so the baseline process loads only
// Fastify (gate.ts imports nothing).

const root = join(import.meta.dirname, '..');
const MB = 1024 * 1024; // as FILE_MAX_MB counts
const FILE_BYTES = 10 * MB;
// Just under FILE_MAX_MB=20 (20 MiB), the largest file a citizen may send.
const LARGE_BYTES = 20 * MB - 64 * 1024;
const UPLOADS = 20;
// As many uploads at once as one meeting may have in progress (files/gate.ts), from as many
// browsers as that takes.
const PARALLEL = UPLOADS_PER_GROUP;
const BROWSERS = Math.ceil(UPLOADS_PER_GROUP / UPLOADS_PER_PERSON);
const DOWNLOADS = 50;
const DOWNLOAD_CONNECTIONS = 10;
const ZIP_FILES = 10;
// The attack of issue 12: as many slow uploads as there were processing slots (files/service.ts, PROCESSED_AT_ONCE).
const SLOW_UPLOADS = 8;
// Okence and the bare server take turns, this many times, so a burst of noise on the shared
// machine falls on both alike.
const ROUNDS = 5;
// The folder routes allow 60 uploads and zips a minute per client (routes.ts HEAVY); each
// server here gets fewer than that, so no request is refused.
const OKENCE_ENV = { FILE_MAX_MB: '20', FOLDER_MAX_MB: '1000' };

/** A valid PDF of exactly `size` bytes: catalogue, page tree, one stream of padding. */
function pdfOf(size: number, label: string): Buffer {
  const head = Buffer.from(
    `%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Title (${label}) >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n3 0 obj\n<< /Length ${String(size).padStart(9, '0')} >>\nstream\n`,
    'latin1',
  );
  const tail = Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
  return Buffer.concat([head, Buffer.alloc(size - head.length - tail.length), tail]);
}

/** One file as a browser's form sends it. */
function multipart(name: string, bytes: Buffer): { body: Uint8Array<ArrayBuffer>; type: string } {
  const boundary = `----okencebench${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const mbps = (bytes: number, ms: number) => Number((bytes / MB / (ms / 1000)).toFixed(1));
const ratio = (a: number, b: number) => Number((a / b).toFixed(2));

/** Samples a process's RSS every 20 ms until stopped; returns the peak in MB. */
function rssPeak(pid: number): { stop(): number } {
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rssMb(pid));
    },
  };
}

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

/** `who`: which of the admitted browsers sends it (the bare server ignores it). */
type Target = {
  pid: number;
  upload(name: string, bytes: Buffer, who?: number): Promise<void>;
  stop(): Promise<void>;
};

async function stopChild(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** The baseline server: multipart read with toBuffer() and discarded; a file streamed from disk. */
async function bareServer(): Promise<void> {
  const { default: Fastify } = await import('fastify');
  const { default: fastifyMultipart } = await import('@fastify/multipart');
  const file = process.env.BARE_FILE ?? '';
  const size = statSync(file).size;
  const app = Fastify({ logger: false, bodyLimit: MB });
  await app.register(fastifyMultipart, {
    limits: { fileSize: 20 * MB, files: 20, fields: 4, fieldSize: 1024, parts: 30 },
  });
  app.post('/upload', async (request) => {
    const uploaded: string[] = [];
    for await (const part of request.files({ throwFileSizeLimit: false }))
      if ((await part.toBuffer()).length) uploaded.push(part.filename);
    return { uploaded, errors: [] };
  });
  app.get('/download', (_request, reply) =>
    reply
      .header('content-type', 'application/octet-stream')
      .header('content-length', size)
      .send(createReadStream(file)),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
}

async function post(
  url: string,
  name: string,
  bytes: Buffer,
  headers: Record<string, string> = {},
): Promise<void> {
  const { body, type } = multipart(name, bytes);
  const res = await fetch(url, {
    method: 'POST',
    body,
    headers: { ...headers, 'content-type': type, accept: 'application/json' },
  });
  const json = (await res.json()) as { uploaded: string[]; errors: string[] };
  if (res.status !== 200 || json.uploaded.length !== 1)
    throw new Error(`${url}: ${res.status} ${JSON.stringify(json.errors)}`);
}

/** Starts the baseline server in its own process, serving `file` for downloads. */
async function startBare(file: string): Promise<Target & { download: string }> {
  const child = spawn(process.execPath, [join(root, 'bench/files.ts'), 'bare'], {
    env: { ...process.env, BARE_FILE: file },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  for (let i = 0; i < 600 && !/listening (\d+)/.test(out); i++) {
    if (child.exitCode !== null) throw new Error(`bare server exited: ${out}`);
    await sleep(50);
  }
  const base = `http://127.0.0.1:${/listening (\d+)/.exec(out)?.[1] ?? ''}`;
  return {
    pid: child.pid!,
    upload: (name, bytes) => post(`${base}/upload`, name, bytes),
    download: `${base}/download`,
    stop: () => stopChild(child),
  };
}

/** The citizen admitted and the folder open, as if the official had done both in the room. */
async function admitAndOpenFolder(
  dataDir: string,
  databaseUrl: string | undefined,
  bookingId: string,
): Promise<string[]> {
  const { openDatabase } = await import('../src/db/db.ts');
  const { browserKey, BROWSER_COOKIE } = await import('../src/meeting/browser.ts');
  // The admission belongs to a browser (decision 019), and uploads in progress are bounded per
  // person (files/gate.ts): BROWSERS admitted browsers on the citizen's link, each its cookie.
  const secrets = Array.from({ length: BROWSERS }, () => randomBytes(32).toString('base64url'));
  const handle = await openDatabase({ databaseUrl, dataDir });
  try {
    const now = new Date();
    const b = await handle.db
      .selectFrom('booking')
      .select(['organisation_id', 'staff_id'])
      .where('id', '=', bookingId)
      .executeTakeFirstOrThrow();
    await handle.db
      .insertInto('meeting')
      .values({ booking_id: bookingId, started_at: now })
      .execute();
    await handle.db
      .insertInto('meeting_participant')
      .values(
        secrets.map((secret) => ({
          booking_id: bookingId,
          role: 'citizen' as const,
          display_name: 'Bench Citizen',
          state: 'admitted' as const,
          knocked_at: now,
          admitted_at: now,
          browser_key: browserKey(bookingId, secret),
        })),
      )
      .execute();
    await handle.db
      .insertInto('meeting_folder')
      .values({
        booking_id: bookingId,
        organisation_id: b.organisation_id,
        opened_by: b.staff_id,
        opened_at: now,
        closes_at: new Date(now.getTime() + 2 * 3_600_000),
        delete_at: new Date(now.getTime() + 4 * 3_600_000),
      })
      .execute();
    return secrets.map((secret) => `${BROWSER_COOKIE}=${secret}`);
  } finally {
    await handle.close();
  }
}

/** The upload form's action (with its CSRF token) and the cookie that token is bound to. */
async function uploadForm(
  folderUrl: string,
  browser: string,
): Promise<{ action: string; cookie: string }> {
  const page = await fetch(folderUrl, { headers: { cookie: browser } });
  const html = await page.text();
  const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/
    .exec(html)?.[1]
    ?.replace(/&amp;/g, '&');
  const cookie = page.headers
    .getSetCookie()
    .find((c) => c.startsWith('__Host-okence-csrf='))
    ?.split(';')[0];
  if (page.status !== 200 || !action || !cookie)
    throw new Error(`folder page ${page.status}: no upload form or CSRF cookie`);
  return { action: new URL(action, folderUrl).href, cookie: `${cookie}; ${browser}` };
}

/** Okence with a meeting in progress (the citizen admitted) and its folder open, on a fresh database. */
async function startFolder(databaseUrl: string | undefined): Promise<
  Target & {
    folderUrl: string;
    form(who: number): { action: string; cookie: string };
    fileIds(): Promise<string[]>;
  }
> {
  const { createFreshDatabase } = await import('../src/db/testing.ts');
  const { seedMeeting, startOkence } = await import('./meeting.ts');
  const secret = randomBytes(24).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'okence-bench-files-'));
  const fresh = databaseUrl ? await createFreshDatabase(databaseUrl, 'okence_bench') : undefined;
  let child: ChildProcess | undefined;
  const stop = async () => {
    if (child) await stopChild(child);
    await fresh?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const seeded = await seedMeeting(dataDir, fresh?.url, secret, 0);
    const browsers = await admitAndOpenFolder(dataDir, fresh?.url, seeded.bookingId);
    const okence = await startOkence({
      ...OKENCE_ENV,
      DATA_DIR: dataDir,
      SESSION_SECRET: secret,
      DATABASE_URL: fresh?.url ?? '',
    });
    child = okence.child;
    const folderUrl = `http://127.0.0.1:${okence.port}/j/${seeded.joinToken}/files`;
    const forms = await Promise.all(browsers.map((b) => uploadForm(folderUrl, b)));
    const form = (who: number) => forms[who % forms.length]!;
    const page = () => fetch(folderUrl, { headers: { cookie: browsers[0]! } });
    const fileIds = async () =>
      [...(await (await page()).text()).matchAll(/\/files\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    return {
      pid: okence.child.pid!,
      folderUrl,
      form,
      fileIds,
      stop,
      upload: (name, bytes, who = 0) =>
        post(form(who).action, name, bytes, { cookie: form(who).cookie }),
    };
  } catch (err) {
    await stop();
    throw err;
  }
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

/** Starts a multipart upload that sends its head, then a byte every two seconds, until stopped. */
function trickle(action: string, cookie: string): { stop(): void } {
  const { body, type } = multipart('slow.pdf', pdfOf(64 * 1024, 'slow'));
  const req = request(action, {
    method: 'POST',
    headers: {
      cookie,
      'content-type': type,
      'content-length': body.length,
      accept: 'application/json',
    },
  });
  req.on('error', () => undefined);
  req.on('response', (res) => res.resume());
  req.write(body.subarray(0, 300));
  let at = 300;
  const timer = setInterval(() => req.write(body.subarray(at, ++at)), 2000);
  return { stop: () => (clearInterval(timer), req.destroy()) };
}

/** Median milliseconds of `n` small uploads by one browser. */
async function smallUploads(t: Target, who: number, n: number): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await t.upload(`small-${i}.pdf`, pdfOf(1024, `small ${i}`), who);
    ms.push(performance.now() - started);
  }
  return ms.sort((a, b) => a - b)[Math.floor(n / 2)]!;
}

/**
 * The slow-upload attack (issue 12, security 2): one participant starts SLOW_UPLOADS uploads that
 * trickle a byte every two seconds; meanwhile another participant's small uploads are timed,
 * against the same uploads with no attack, in the same run.
 */
async function slowAttackFigures(label: string, databaseUrl: string | undefined) {
  const okence = await startFolder(databaseUrl);
  try {
    await smallUploads(okence, 1, 3);
    const idle = await smallUploads(okence, 1, 9);
    const attack = Array.from({ length: SLOW_UPLOADS }, () =>
      trickle(okence.form(0).action, okence.form(0).cookie),
    );
    try {
      await sleep(1000); // the attack's heads are in; its bodies will not be for minutes
      const during = await smallUploads(okence, 1, 9);
      return {
        database: label,
        'slow uploads': SLOW_UPLOADS,
        'small upload ms, idle': Math.round(idle),
        'small upload ms, under attack': Math.round(during),
        'ratio attack/idle': ratio(during, idle),
      };
    } finally {
      for (const a of attack) a.stop();
    }
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
