// Meeting figures for `npm run bench`: server memory per idle lobby connection with
// 1,000 open WebSockets, the JavaScript the meeting page ships, and the time from
// "admit" to the first decoded remote frame over real calls in Chromium.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import WebSocket from 'ws';
import { linkToken } from '../src/booking/codes.ts';
import { openDatabase } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { hashPassword } from '../src/identity/password.ts';
import { loadDemoData } from '../src/tenants/demo-data.ts';
import { NODE_FLAGS, START_SCRIPT } from './process.ts';
import { IDLE_RELEASE_MS } from '../src/lib/memory.ts';

const root = join(import.meta.dirname, '..');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function rssKb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
}

/** A booking starting in five minutes at Domžale, its join token, and `guests` guest links to it. */
export async function seedMeeting(
  dataDir: string,
  databaseUrl: string | undefined,
  secret: string,
  guests: number,
) {
  const handle = await openDatabase({ databaseUrl, dataDir });
  try {
    await migrate(handle.db);
    await loadDemoData(handle.db, hashPassword);
    const row = await sql<{
      organisation_id: string;
      office_id: string;
      service_id: string;
      staff_id: string;
    }>`
      SELECT s.organisation_id, o.id AS office_id, s.id AS service_id, st.id AS staff_id
      FROM service s JOIN office o ON o.organisation_id = s.organisation_id AND o.slug = 'domzale'
      JOIN staff st ON st.email = 'uradnik@domzale.example'
      WHERE s.slug = 'splosne-informacije'`.execute(handle.db);
    const r = row.rows[0]!;
    const start = new Date(Date.now() + 5 * 60_000);
    const end = new Date(start.getTime() + 15 * 60_000);
    const { id } = await handle.db
      .insertInto('booking')
      .values({
        organisation_id: r.organisation_id,
        office_id: r.office_id,
        service_id: r.service_id,
        staff_id: r.staff_id,
        during: `[${start.toISOString()},${end.toISOString()})`,
        seat: 1,
        state: 'confirmed',
        citizen_name: 'Bench Citizen',
        citizen_email: 'bench@example.si',
        created_at: new Date(),
        confirmed_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const joinToken = linkToken(secret, 'join', id);
    await handle.db
      .updateTable('booking')
      .set({ join_token_hash: sha256(joinToken) })
      .where('id', '=', id)
      .execute();
    const tokens = Array.from({ length: guests }, () => randomBytes(32).toString('base64url'));
    for (let i = 0; i < tokens.length; i += 500) {
      await handle.db
        .insertInto('meeting_guest')
        .values(
          tokens.slice(i, i + 500).map((t, j) => ({
            booking_id: id,
            display_name: `Guest ${i + j}`,
            token_hash: sha256(t),
            invited_by: r.staff_id,
            created_at: new Date(),
          })),
        )
        .execute();
    }
    return { bookingId: id, joinToken, guestTokens: tokens };
  } finally {
    await handle.close();
  }
}

/** Starts Okence as its own process and returns its port. */
export async function startOkence(env: Record<string, string>) {
  const child = spawn(process.execPath, [...NODE_FLAGS, join(root, START_SCRIPT)], {
    env: {
      ...process.env,
      PORT: '0',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000000',
      NODE_ENV: 'development',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  for (let i = 0; i < 1200; i++) {
    const m = /open http:\/\/localhost:(\d+)/.exec(out);
    if (m?.[1]) return { child, port: Number(m[1]) };
    if (child.exitCode !== null) throw new Error(`okence exited: ${out}`);
    await sleep(50);
  }
  throw new Error('okence did not start');
}

/** Opens a knocking socket and resolves when the server has welcomed it into the lobby. */
function knock(port: number, path: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://localhost:${port}${path}`, {
      headers: { origin: `http://localhost:${port}` },
    });
    ws.once('message', () => resolve(ws));
    ws.once('error', reject);
    ws.once('close', (code) => reject(new Error(`closed ${code}`)));
  });
}

/** RSS of the server before and after 1,000 idle sockets wait in one lobby (guest links). */
export async function lobbyMemory(label: string, databaseUrl: string | undefined, count = 1000) {
  const secret = randomBytes(24).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'okence-bench-meeting-'));
  const seeded = await seedMeeting(dataDir, databaseUrl, secret, count);
  const okence = await startOkence({
    DATA_DIR: dataDir,
    SESSION_SECRET: secret,
    DATABASE_URL: databaseUrl ?? '',
  });
  const pid = okence.child.pid!;
  try {
    // Warm up the socket path (JIT, pools) with a few that leave again.
    const warm = await Promise.all(
      seeded.guestTokens.slice(0, 10).map((t) => knock(okence.port, `/g/${t}/ws`)),
    );
    for (const ws of warm) ws.close();
    // Both readings are taken idle (below), so that the difference is the sockets' own.
    await sleep(IDLE_RELEASE_MS + 5000);
    const before = rssKb(pid);
    const started = performance.now();
    const sockets: WebSocket[] = [];
    for (let i = 0; i < count; i += 50) {
      sockets.push(
        ...(await Promise.all(
          seeded.guestTokens.slice(i, i + 50).map((t) => knock(okence.port, `/g/${t}/ws`)),
        )),
      );
    }
    const openMs = Math.round(performance.now() - started);
    // Idle: nothing has been asked since the last knock, so the server has given back what
    // opening them grew and kept no longer (lib/memory.ts); what stays is the sockets' own.
    await sleep(IDLE_RELEASE_MS + 5000);
    const after = rssKb(pid);
    for (const ws of sockets) ws.close();
    return {
      database: label,
      'lobby sockets': sockets.length,
      'opened in ms': openMs,
      'server RSS before MB': Math.round(before / 1024),
      'server RSS with them MB': Math.round(after / 1024),
      'KB per idle lobby socket': Number(((after - before) / sockets.length).toFixed(1)),
    };
  } finally {
    const exited = new Promise((resolve) => okence.child.once('exit', resolve));
    okence.child.kill('SIGTERM');
    await exited;
  }
}

/**
 * The meeting page's JavaScript as shipped: meeting.js and every module it imports, each
 * gzipped as the server sends it, and their total (the last row, which the budget is about).
 */
export async function meetingScriptSize(): Promise<
  { script: string; bytes: number; gzipBytes: number }[]
> {
  const { meetingPageScripts } = await import('../src/http/assets.ts');
  const rows = meetingPageScripts().map(({ name, body }) => ({
    script: name,
    bytes: body.length,
    gzipBytes: gzipSync(body).length,
  }));
  const sum = (key: 'bytes' | 'gzipBytes') => rows.reduce((n, r) => n + r[key], 0);
  return [...rows, { script: 'total', bytes: sum('bytes'), gzipBytes: sum('gzipBytes') }];
}

/**
 * Time from the official's "admit" click to the first remote video frame decoded in the
 * citizen's browser, over `calls` real calls between two Chromiums on loopback.
 */
export async function admitToFirstFrame(calls = 10) {
  const { launchCallBrowser, startSite } = await import('../e2e/harness.ts');
  const pages = await import('../e2e/meeting-pages.ts');
  const { shiftedClock } = await import('../src/lib/clock.ts');
  const clock = shiftedClock();
  const { baseUrl, okence } = await startSite({}, { clock });
  const browser = await launchCallBrowser();
  const times: number[] = [];
  try {
    for (let i = 0; i < calls; i++) {
      const name = `Bench Citizen ${i + 1}`;
      const b = await pages.bookAndStandBefore(okence, clock, {
        name,
        email: `bench${i}@example.si`,
      });
      const official = await pages.newCallPage(browser);
      await pages.signIn(official, baseUrl, 'uradnik@domzale.example');
      await pages.officialJoins(official, baseUrl, b.id);
      const citizen = await pages.newCallPage(browser);
      await pages.prejoinAndJoin(citizen, `${baseUrl}/j/${b.joinToken}`);
      await pages.stage(citizen, 'lobby');
      const admitButton = official.getByRole('button', {
        name: pages.text('room.admit', { name }),
      });
      await admitButton.waitFor();
      const started = performance.now();
      await admitButton.click();
      await citizen.waitForFunction(
        async () =>
          Object.values(await window.okenceMeeting.stats()).some((s) => s.framesDecoded > 0),
        undefined,
        { polling: 20, timeout: 30_000 },
      );
      times.push(performance.now() - started);
      await official.getByRole('button', { name: pages.text('room.end') }).click();
      await official.getByRole('button', { name: pages.text('room.confirm_yes') }).click();
      await citizen.context().close();
      await official.context().close();
    }
  } finally {
    await browser.close();
    await okence.close();
  }
  const sorted = [...times].sort((x, y) => x - y);
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0);
  return {
    calls: times.length,
    'median ms': at(0.5),
    'p95 ms': at(0.95),
    'min ms': Math.round(sorted[0] ?? 0),
    'max ms': Math.round(sorted.at(-1) ?? 0),
  };
}
