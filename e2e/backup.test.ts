// `npm run backup` against the real server while citizens book, then `npm run restore` into an
// empty DATA_DIR and a fresh server on it: every booking confirmed before the backup began is
// there (its manage link works, so the session secret came back too), and every file of the
// meeting folders is there byte for byte (decision 024).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { bootOkence } from '../src/boot.ts';
import { openDatabase } from '../src/db/db.ts';
import * as files from '../src/folder/repo.ts';
import { testConfig } from '../src/http/testing.ts';
import { seededDataDir } from '../src/db/testing.ts';
import { systemClock } from '../src/lib/clock.ts';
import { bookThroughApi } from '../src/meeting/testing.ts';

const ROOT = join(import.meta.dirname, '..');
const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

type Run = {
  output: () => string;
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): void;
};

/** Runs one of Okence's entry points as npm would, collecting its output. */
function run(script: string, args: string[], env: Record<string, string>): Run {
  const child = spawn(process.execPath, [join(ROOT, script), ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      SESSION_SECRET: '',
      PORT: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { output: () => out, exited, kill: (signal = 'SIGTERM') => void child.kill(signal) };
}

async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false,
  ms = 120_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

async function startServer(dataDir: string): Promise<{ server: Run; base: string }> {
  // One proxy hop is trusted so that each booking can come from its own address (hold limits).
  const server = run('src/main.ts', [], {
    DATA_DIR: dataDir,
    TRUST_PROXY: '1',
    RATE_LIMIT_PER_MINUTE: '100000',
  });
  let exited = false;
  void server.exited.then(() => (exited = true));
  try {
    const base = await waitFor(
      'the server to start',
      () =>
        /open (http:\/\/localhost:\d+)/.exec(server.output())?.[1] ??
        (exited && assert.fail(server.output())),
      300_000,
    );
    return { server, base };
  } catch (err) {
    server.kill('SIGKILL');
    throw err;
  }
}

type Seeded = {
  bookingId: string;
  storageName: string;
  quarantine: boolean;
  sha256: string;
  size: number;
};

/** Meeting folders with files, made by an Okence in this process on the DATA_DIR the server will use. */
async function seedFolders(dataDir: string): Promise<Seeded[]> {
  const okence = await bootOkence(testConfig({ DATA_DIR: dataDir }), { clock: systemClock });
  const seeded: Seeded[] = [];
  try {
    const now = new Date();
    for (let i = 0; i < 3; i++) {
      const b = await bookThroughApi(okence, {
        organisation: 'ue-domzale',
        office: 'domzale',
        service: 'splosne-informacije',
        day: isoDay(new Date(now.getTime() + (2 + i) * DAY)),
        to: isoDay(new Date(now.getTime() + 20 * DAY)),
        email: `seed${i}@example.si`,
        name: `Seed ${i}`,
        ip: `198.51.100.${i + 1}`,
      });
      const org = await okence.handle.db
        .selectFrom('booking')
        .select('organisation_id')
        .where('id', '=', b.id)
        .executeTakeFirstOrThrow();
      // Open for a month: no deletion is due while the test runs.
      const later = new Date(now.getTime() + 30 * DAY);
      await files.openFolder(okence.handle.db, {
        bookingId: b.id,
        organisationId: org.organisation_id,
        staffId: null,
        now,
        closesAt: later,
        deleteAt: later,
      });
      for (const [size, quarantine] of [
        [200_000, false],
        [i === 0 ? 6_000_000 : 1_000, false],
        [3_000, i === 1],
      ] as const) {
        const bytes = randomBytes(size);
        const storageName = randomUUID();
        const dir = join(dataDir, 'files', b.id, quarantine ? 'quarantine' : '');
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, storageName), bytes);
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        await files.insertFile(okence.handle.db, {
          bookingId: b.id,
          storageName,
          name: `${storageName}.pdf`,
          mime: 'application/pdf',
          size,
          sha256,
          uploadedBy: null,
          uploaderName: 'Seed',
          uploaderRole: 'citizen',
          uploadedAt: now,
          scanState: quarantine ? 'infected' : 'unscanned',
          signature: quarantine ? 'Test.Signature' : null,
        });
        seeded.push({ bookingId: b.id, storageName, quarantine, sha256, size });
      }
    }
  } finally {
    await okence.close();
  }
  return seeded;
}

type Booked = { id: string; manageToken: string; heldAt: number; confirmedAt: number };

/**
 * Citizens booking over HTTP as the API's clients do, until told to stop or `limit` bookings
 * are made (however long a backup takes on a loaded machine, the free times last), at random
 * times over the two months a month's availability may span.
 */
function bookContinuously(
  base: string,
  workers: number,
  limit: number,
): { booked: Booked[]; bookOne(): Promise<void>; stop(): Promise<void> } {
  const booked: Booked[] = [];
  let stopping = false;
  let n = 0;
  const api = (path: string, ip: string, body?: object) =>
    fetch(`${base}/api/v1${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { 'x-forwarded-for': ip, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const from = isoDay(new Date(Date.now() + DAY));
  const to = isoDay(new Date(Date.now() + 60 * DAY));
  async function codeFor(email: string): Promise<string> {
    for (;;) {
      const list = await (await fetch(`${base}/dev/mail`)).text();
      const id = new RegExp(
        `<td>${email.replace('.', '\\.')}</td><td><a href="/dev/mail/([^"]+)"`,
      ).exec(list)?.[1];
      const code = id
        ? /\b(\d{6})\b/.exec(await (await fetch(`${base}/dev/mail/${id}`)).text())?.[1]
        : undefined;
      if (code) return code;
      await sleep(20);
    }
  }
  /** One citizen's booking; false when someone else took the time first. */
  async function bookOne(): Promise<boolean> {
    const k = ++n;
    const ip = `10.${(k >> 8) & 255}.${k & 255}.1`;
    const email = `citizen${k}@example.si`;
    const avail = (await (
      await api(
        `/organisations/ue-domzale/services/splosne-informacije/availability?office=domzale&from=${from}&to=${to}`,
        ip,
      )
    ).json()) as { days: { times: { start: string }[] }[] };
    const times = avail.days.flatMap((d) => d.times);
    const start = times[Math.floor(Math.random() * times.length)]?.start;
    if (!start) throw new Error('no free time left to book');
    const heldAt = performance.now();
    const hold = await api('/organisations/ue-domzale/services/splosne-informacije/holds', ip, {
      office: 'domzale',
      start,
      name: `Citizen ${k}`,
      email,
      language: 'en',
    });
    if (hold.status === 409) return false; // someone took that time first
    assert.equal(hold.status, 201, await hold.clone().text());
    const { holdId } = (await hold.json()) as { holdId: string };
    const confirmed = await api(`/holds/${holdId}/confirm`, ip, { code: await codeFor(email) });
    if (confirmed.status === 409) return false;
    assert.equal(confirmed.status, 200, await confirmed.clone().text());
    const b = (await confirmed.json()) as { id: string; manageUrl: string };
    booked.push({
      id: b.id,
      manageToken: b.manageUrl.split('/m/')[1] ?? '',
      heldAt,
      confirmedAt: performance.now(),
    });
    return true;
  }
  async function worker(): Promise<void> {
    while (!stopping && booked.length < limit) await bookOne();
  }
  const running = Promise.all(Array.from({ length: workers }, worker));
  running.catch(() => (stopping = true));
  return {
    booked,
    async bookOne() {
      while (!(await bookOne()));
    },
    async stop() {
      stopping = true;
      await running;
    },
  };
}

test(
  'a backup taken while citizens book restores every confirmed booking and every file',
  { timeout: 600_000 },
  async () => {
    // Made and migrated ahead, as a first start leaves it (initdb is e2e/process.test.ts's point).
    const dataDir = await seededDataDir('okence-backup-src-');
    const seeded = await seedFolders(dataDir);
    const { server, base } = await startServer(dataDir);
    const target = join(mkdtempSync(join(tmpdir(), 'okence-backups-')), 'backup.tar.gz');
    const booking = bookContinuously(base, 3, 150);
    const window = { from: 0, to: 0 };
    try {
      await waitFor('the first bookings', () => booking.booked.length >= 3);
      window.from = performance.now();
      const backup = run('scripts/backup.ts', [target], { DATA_DIR: dataDir });
      const code = await backup.exited;
      window.to = performance.now();
      assert.equal(code, 0, backup.output());
      assert.match(backup.output(), /from the running server/);
      await booking.stop();
      // The citizens went on booking while the backup ran; one more books after it.
      assert.ok(
        booking.booked.some((x) => x.confirmedAt > window.from && x.confirmedAt < window.to),
        'no booking was confirmed while the backup ran',
      );
      await booking.bookOne();
      const refused = run('scripts/restore.ts', [target], { DATA_DIR: dataDir });
      assert.equal(await refused.exited, 1);
      assert.match(refused.output(), /Restore refused: Another Okence process is using/);
    } finally {
      await booking.stop().catch(() => undefined);
      server.kill();
      await server.exited;
    }
    const booked = booking.booked;

    const restoredDir = join(mkdtempSync(join(tmpdir(), 'okence-backup-dst-')), 'data');
    const restore = run('scripts/restore.ts', [target], { DATA_DIR: restoredDir });
    assert.equal(await restore.exited, 0, restore.output());
    assert.doesNotMatch(restore.output(), /Warning/);

    const again = await startServer(restoredDir);
    try {
      for (const b of booked) {
        const res = await fetch(`${again.base}/api/v1/bookings/${b.manageToken}`);
        if (b.confirmedAt < window.from) {
          assert.equal(res.status, 200, `booking ${b.id}, confirmed before the backup, is missing`);
          assert.equal(((await res.json()) as { id: string }).id, b.id);
        } else if (b.heldAt > window.to) {
          assert.equal(res.status, 404, `booking ${b.id}, made after the backup, is there`);
        }
      }
    } finally {
      again.server.kill();
      assert.equal(await again.server.exited, 0);
    }

    // Every file a row names is there, byte for byte; every seeded file has its row.
    const handle = await openDatabase({ dataDir: restoredDir });
    try {
      const rows = await handle.db
        .selectFrom('meeting_file')
        .select(['booking_id', 'storage_name', 'sha256', 'scan_state'])
        .execute();
      assert.equal(rows.length, seeded.length);
      for (const s of seeded) {
        const row = rows.find((r) => r.storage_name === s.storageName);
        assert.ok(row, `no row for ${s.storageName}`);
        const bytes = readFileSync(
          join(restoredDir, 'files', s.bookingId, s.quarantine ? 'quarantine' : '', s.storageName),
        );
        assert.equal(createHash('sha256').update(bytes).digest('hex'), s.sha256);
        assert.equal(row.sha256, s.sha256);
      }
    } finally {
      await handle.close();
    }
    assert.equal(
      readFileSync(join(restoredDir, 'session-secret'), 'utf8'),
      readFileSync(join(dataDir, 'session-secret'), 'utf8'),
    );
    assert.deepEqual(
      readdirSync(restoredDir)
        .filter((n) => n !== 'okence.lock')
        .sort(),
      ['files', 'pg', 'session-secret'],
    );
  },
);

test('restore refuses a DATA_DIR that is not empty', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'okence-restore-'));
  writeFileSync(join(dir, 'something'), 'x');
  const refused = run('scripts/restore.ts', [join(dir, 'no-such.tar.gz')], { DATA_DIR: dir });
  assert.equal(await refused.exited, 1);
  assert.match(
    refused.output(),
    /is not empty \(something\): restore only into an empty directory/,
  );
  assert.equal(existsSync(join(dir, '.restore-incomplete')), false);
});
