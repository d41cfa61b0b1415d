// The two servers the folder's figures compare, and what both need: Okence with a meeting in
// progress and its folder open on a fresh database, and a bare Fastify server
// (@fastify/multipart, fs.createReadStream) as the baseline; PDFs of a given size, multipart
// bodies, and the RSS of a process.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { UPLOADS_PER_GROUP, UPLOADS_PER_PERSON } from '../src/files/gate.ts';
// Okence's other modules are imported where they are used, so the baseline process loads only
// Fastify (gate.ts imports nothing).

const root = join(import.meta.dirname, '..');
export const MB = 1024 * 1024; // as FILE_MAX_MB counts
// As many uploads at once as one meeting may have in progress (files/gate.ts), from as many
// browsers as that takes.
export const PARALLEL = UPLOADS_PER_GROUP;
const BROWSERS = Math.ceil(UPLOADS_PER_GROUP / UPLOADS_PER_PERSON);
// The folder routes allow 60 uploads and zips a minute per client (routes.ts HEAVY); each
// server here gets fewer than that, so no request is refused.
const OKENCE_ENV = { FILE_MAX_MB: '20', FOLDER_MAX_MB: '1000' };

/** A valid PDF of exactly `size` bytes: catalogue, page tree, one stream of padding. */
export function pdfOf(size: number, label: string): Buffer {
  const head = Buffer.from(
    `%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Title (${label}) >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n3 0 obj\n<< /Length ${String(size).padStart(9, '0')} >>\nstream\n`,
    'latin1',
  );
  const tail = Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
  return Buffer.concat([head, Buffer.alloc(size - head.length - tail.length), tail]);
}

/** One file as a browser's form sends it. */
export function multipart(
  name: string,
  bytes: Buffer,
): { body: Uint8Array<ArrayBuffer>; type: string } {
  const boundary = `----okencebench${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

export const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
export const mbps = (bytes: number, ms: number) => Number((bytes / MB / (ms / 1000)).toFixed(1));
export const ratio = (a: number, b: number) => Number((a / b).toFixed(2));

/** Samples a process's RSS every 20 ms until stopped; returns the peak in MB. */
export function rssPeak(pid: number): { stop(): number } {
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rssMb(pid));
    },
  };
}

/** `who`: which of the admitted browsers sends it (the bare server ignores it). */
export type Target = {
  pid: number;
  upload(name: string, bytes: Buffer, who?: number): Promise<void>;
  stop(): Promise<void>;
};

export async function stopChild(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** The baseline server: multipart read with toBuffer() and discarded; a file streamed from disk. */
export async function bareServer(): Promise<void> {
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

export async function post(
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
export async function startBare(file: string): Promise<Target & { download: string }> {
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
export async function startFolder(databaseUrl: string | undefined): Promise<
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
