import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { bootTestApp } from '../src/http/testing.ts';
import { seededDataDir } from '../src/db/testing.ts';

const MAIN = join(import.meta.dirname, '..', 'src', 'main.ts');

/**
 * Runs `node src/main.ts` (what `npm start`'s src/main.mjs imports once it has turned on the
 * compile cache), collecting its output.
 */
function startOkence(
  env: Record<string, string>,
  wrapper: string[] = [],
): { child: ChildProcessWithoutNullStreams; output: () => string; exited: Promise<number | null> } {
  // DATABASE_URL is blanked: these tests are about the embedded database and its lock.
  const command = [...wrapper, process.execPath, MAIN];
  const child = spawn(command[0]!, command.slice(1), {
    env: { ...process.env, DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'warn', ...env },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // A process that should have exited but did not fails the test instead of hanging it.
  const exited = Promise.race([
    exit,
    // Unref'd: the running child keeps the test alive, this timer alone must not (it held the
    // file's process, and a slot of the run, for seven minutes after its last test).
    sleep(420_000, undefined, { ref: false }).then(() => {
      child.kill('SIGKILL');
      throw new Error(`process did not exit; output:\n${out}`);
    }),
  ]);
  exited.catch(() => {});
  return { child, output: () => out, exited };
}

async function waitFor(predicate: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(50);
  }
}

/** Whether the start banner is out whole: its last line is there (main.ts writes it in one go). */
const started = (p: { output: () => string }) =>
  /open http:\/\/localhost:\d+/.test(p.output()) && p.output().includes('Stop Okence with Ctrl+C');

describe('the okence process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'okence-proc-'));
  let first: ReturnType<typeof startOkence>;
  let baseUrl = '';
  before(async () => {
    first = startOkence({ DATA_DIR: dataDir });
    // A first start runs initdb and loads the demo data; with five test files at a time on two
    // cores it has taken over a minute, so the limit only catches a start that hangs.
    await waitFor(() => started(first), 300_000);
    baseUrl = /open (http:\/\/localhost:\d+)/.exec(first.output())?.[1] ?? '';
  });
  after(() => {
    first.child.kill('SIGKILL');
  });

  test('starts on the embedded database with demo data and prints how to sign in', async () => {
    assert.match(first.output(), /embedded PGlite/);
    assert.match(first.output(), /admin\s+admin@domzale\.example/);
    assert.match(first.output(), /official\s+uradnik@domzale\.example/);
    const ready = await fetch(`${baseUrl}/readyz`);
    assert.deepEqual(await ready.json(), { status: 'ready' });
    assert.ok(existsSync(join(dataDir, 'okence.lock')));
    assert.ok(existsSync(join(dataDir, 'session-secret')));
  });

  test('a second process on the same DATA_DIR exits with a clear message', async () => {
    const second = startOkence({ DATA_DIR: dataDir });
    assert.equal(await second.exited, 1);
    assert.match(
      second.output(),
      /Another Okence process is using .*Stop it first, or set DATA_DIR/,
    );
  });

  test('bad configuration exits with one line per problem', async () => {
    const bad = startOkence({ DATA_DIR: dataDir, PORT: 'abc', LOG_LEVEL: 'loud' });
    assert.equal(await bad.exited, 1);
    const lines = bad.output().trim().split('\n');
    assert.equal(lines.length, 2);
    assert.ok(lines.some((l) => l.startsWith('Configuration error: PORT:')));
    assert.ok(lines.some((l) => l.startsWith('Configuration error: LOG_LEVEL:')));
  });

  test('SIGTERM shuts down cleanly and releases the data directory', async () => {
    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0);
    assert.equal(existsSync(join(dataDir, 'okence.lock')), false);
    // The data survives: a restart reopens it without loading demo data again.
    const again = startOkence({ DATA_DIR: dataDir });
    await waitFor(() => started(again), 180_000);
    assert.doesNotMatch(again.output(), /admin\s+admin@domzale\.example\s+ue-domzale/);
    again.child.kill('SIGTERM');
    assert.equal(await again.exited, 0);
  });
});

// A container runs Okence as pid 1; so does a new pid namespace. Needs root (CI runs as root).
const canUnshare =
  process.getuid?.() === 0 &&
  spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'true']).status === 0;

describe(
  'the embedded database after a crash',
  { skip: !canUnshare && 'needs root and unshare' },
  () => {
    test('Okence killed with SIGKILL as pid 1 of a pid namespace restarts at once, on its data', async () => {
      // Made and migrated ahead: the first start is the first test's; this one is about the restart.
      const dataDir = await seededDataDir('okence-pid1-');
      // --kill-child: if unshare itself is killed (a test timing out), Okence goes with it.
      const asPid1 = ['unshare', '--pid', '--fork', '--mount-proc', '--kill-child'];
      // unshare --fork runs Okence as its child, which is pid 1 inside the namespace.
      const okencePid = (p: { child: { pid?: number | undefined } }) =>
        Number(
          spawnSync('pgrep', ['-P', String(p.child.pid)])
            .stdout.toString()
            .trim(),
        );
      const first = startOkence({ DATA_DIR: dataDir }, asPid1);
      await waitFor(() => started(first), 300_000);
      // Some data to find again: the demo organisations were loaded by this first start.
      assert.match(first.output(), /admin\s+admin@domzale\.example/);
      const pid1 = okencePid(first);
      assert.ok(pid1 > 0);
      assert.match(readFileSync(`/proc/${pid1}/status`, 'utf8'), /^NSpid:\s+\d+\s+1$/m);
      process.kill(pid1, 'SIGKILL');
      await first.exited;
      const killedAt = performance.now();
      const again = startOkence({ DATA_DIR: dataDir }, asPid1);
      try {
        await waitFor(() => started(again) || again.output().includes('Another Okence'), 300_000);
        assert.doesNotMatch(again.output(), /Another Okence/);
        console.log(
          `# restart after SIGKILL as pid 1: serving after ${Math.round(performance.now() - killedAt)} ms`,
        );
        // PGlite reopened its files: the organisations are there, so no demo data was loaded again.
        assert.doesNotMatch(again.output(), /admin\s+admin@domzale\.example\s+ue-domzale/);
        const base = /open (http:\/\/localhost:\d+)/.exec(again.output())?.[1] ?? '';
        const ready = await fetch(`${base}/readyz`);
        assert.deepEqual(await ready.json(), { status: 'ready' });
        assert.equal((await fetch(`${base}/o/ue-domzale`)).status, 200);
      } finally {
        // unshare does not pass signals on: stop Okence itself, as a container runtime would.
        process.kill(okencePid(again), 'SIGTERM');
        assert.equal(await again.exited, 0);
      }
    });
  },
);

test('two processes started at once on one DATA_DIR: exactly one serves', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'okence-race-'));
  const both = [startOkence({ DATA_DIR: dataDir }), startOkence({ DATA_DIR: dataDir })];
  try {
    await waitFor(
      () => both.every((p) => started(p) || p.output().includes('Another Okence')),
      300_000,
    );
    assert.equal(both.filter(started).length, 1, both.map((p) => p.output()).join('\n---\n'));
    const loser = both.find((p) => !started(p))!;
    assert.equal(await loser.exited, 1);
  } finally {
    for (const p of both) p.child.kill('SIGTERM');
    await Promise.all(both.map((p) => p.exited.catch(() => null)));
  }
});

test('closing finishes requests in flight and refuses new ones', async () => {
  const okence = await bootTestApp('pglite');
  let release: () => void = () => {};
  let entered: () => void = () => {};
  // Wait for the request to be inside its handler, not for a fixed time: on a loaded
  // machine 100 ms was sometimes not enough for it to arrive before closing began.
  const inHandler = new Promise<void>((resolve) => (entered = resolve));
  okence.app.get('/__slow', async () => {
    entered();
    await new Promise<void>((resolve) => (release = resolve));
    return { done: true };
  });
  await okence.app.listen({ port: 0, host: '127.0.0.1' });
  const address = okence.app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const inFlight = fetch(`${url}/__slow`);
  await inHandler;
  const closed = okence.close();
  await sleep(100);
  release();
  const res = await inFlight;
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { done: true });
  await closed;
  await assert.rejects(fetch(`${url}/healthz`));
});
