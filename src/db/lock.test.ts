import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  connectToHolder,
  DataDirLockedError,
  LOCK_NAME,
  lockDataDir,
  type DataDirLock,
} from './lock.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'okence-lock-'));

test('a second lock on the same directory fails while the first is held', async () => {
  const dir = tempDir();
  const lock = await lockDataDir(dir);
  await assert.rejects(lockDataDir(dir), DataDirLockedError);
  await lock.release();
  assert.equal(existsSync(join(dir, LOCK_NAME)), false);
  await (await lockDataDir(dir)).release();
});

test('only the owner can connect to the lock socket, whatever the umask', async () => {
  const dir = tempDir();
  const umask = process.umask(0o002);
  try {
    const lock = await lockDataDir(dir);
    // Connecting to a Unix socket needs write permission on it.
    assert.equal(statSync(join(dir, LOCK_NAME)).mode & 0o077, 0);
    await lock.release();
  } finally {
    process.umask(umask);
  }
});

test('the holder answers connections only once it hands them to a handler', async () => {
  const dir = tempDir();
  const lock = await lockDataDir(dir);
  const reply = async () => {
    const socket = await connectToHolder(dir);
    // The holder may close before our write arrives.
    socket.on('error', () => undefined);
    let text = '';
    for await (const chunk of socket) text += String(chunk);
    return text;
  };
  assert.equal(await reply(), '');
  lock.answer((socket) => socket.end('answered'));
  assert.equal(await reply(), 'answered');
  lock.answer(null);
  assert.equal(await reply(), '');
  await lock.release();
  await assert.rejects(connectToHolder(dir), { code: 'ENOENT' });
});

test('the pid file an older version left, naming a live process, does not keep a start out', async () => {
  const dir = tempDir();
  // Pid 1 and our parent are alive: the old lock refused both for ever.
  writeFileSync(join(dir, LOCK_NAME), '1');
  const lock = await lockDataDir(dir);
  await lock.release();
});

test('the socket left by a holder killed with SIGKILL is taken over at once', async () => {
  const dir = tempDir();
  // A real process holds the lock and dies without any clean-up of its own.
  const holder = spawn(
    process.execPath,
    [
      '-e',
      `
    const { lockDataDir } = await import(${JSON.stringify(join(import.meta.dirname, 'lock.ts'))});
    await lockDataDir(${JSON.stringify(dir)});
    console.log('held');
    setInterval(() => {}, 1000);
  `,
      '--input-type=module',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve) =>
    holder.stdout.on('data', (d: Buffer) => d.toString().includes('held') && resolve()),
  );
  await assert.rejects(lockDataDir(dir), DataDirLockedError);
  const exited = new Promise((resolve) => holder.on('exit', resolve));
  holder.kill('SIGKILL');
  await exited;
  assert.ok(existsSync(join(dir, LOCK_NAME)), 'the dead holder leaves its socket name behind');
  const lock = await lockDataDir(dir);
  await lock.release();
});

/** A socket name whose listener died with SIGKILL (a close() would have removed the name). */
function deadSocket(): string {
  const path = join(tempDir(), 'dead.sock');
  const script = `require('net').createServer().listen(${JSON.stringify(path)}, () => process.kill(process.pid, 'SIGKILL'))`;
  spawnSync(process.execPath, ['-e', script]);
  assert.ok(existsSync(path));
  return path;
}

test("many starters racing for a directory with a dead holder's socket: exactly one wins", async () => {
  const leftover = deadSocket();
  for (let round = 0; round < 20; round++) {
    const dir = tempDir();
    linkSync(leftover, join(dir, LOCK_NAME));
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => lockDataDir(dir)));
    const won = results.filter((r) => r.status === 'fulfilled');
    assert.equal(won.length, 1, `round ${round}: ${won.length} winners`);
    for (const r of results)
      if (r.status === 'rejected')
        assert.ok(r.reason instanceof DataDirLockedError, String(r.reason));
    await (won[0] as PromiseFulfilledResult<DataDirLock>).value.release();
  }
});

test('a DATA_DIR deeper than a socket path can name is locked too', async () => {
  const dir = join(tempDir(), 'a'.repeat(60), 'b'.repeat(60));
  mkdirSync(dir, { recursive: true });
  const lock = await lockDataDir(dir);
  assert.ok(existsSync(join(dir, LOCK_NAME)));
  await assert.rejects(lockDataDir(dir), DataDirLockedError);
  // The backup command reaches such a holder through the same short path.
  (await connectToHolder(dir)).destroy();
  await lock.release();
  assert.equal(existsSync(join(dir, LOCK_NAME)), false);
});
