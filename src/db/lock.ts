import { closeSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

export class DataDirLockedError extends Error {
  constructor(dir: string) {
    super(
      `Another Okence process is using ${dir}. Stop it first, or set DATA_DIR to another directory.`,
    );
  }
}

/** The lock's name in DATA_DIR: a Unix domain socket, listened on while the lock is held. */
export const LOCK_NAME = 'okence.lock';

/**
 * A held DATA_DIR lock. Its socket accepts and closes every connection unless the holder
 * answers them (the backup request of decision 024); only the owner can connect (mode 0700).
 */
export type DataDirLock = {
  release(): Promise<void>;
  /** Hands every later connection to the socket to `handler`; null closes them again. */
  answer(handler: ((socket: Socket) => void) | null): void;
};

// sun_path holds 108 bytes with its terminating NUL on Linux (104 on macOS).
const MAX_SOCKET_PATH = 100;
const ATTEMPTS = 200;

/**
 * Takes an exclusive lock on DATA_DIR. PGlite does not lock its directory and two
 * processes writing one data directory corrupt it, so the app refuses to share it.
 *
 * The lock is a Unix domain socket at DATA_DIR/okence.lock that this process listens
 * on (decision 016). The kernel closes it when the process dies, however it dies, so
 * a connect to a holder's socket succeeds and a connect to a dead one's leftover is
 * refused: no pid is compared, so neither pid 1 in a container nor an unrelated
 * process that got the old pid keeps a restart out. Resolves to the release function.
 */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  mkdirSync(dir, { recursive: true });
  const { path, done } = socketPath(dir);
  try {
    return await acquire(dir, path, done);
  } catch (err) {
    done();
    throw err;
  }
}

async function acquire(dir: string, path: string, done: () => void): Promise<DataDirLock> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const server = await listen(path);
    if (server !== 'in_use') return held(server, done);
    const holder = await probe(path);
    if (holder === 'alive') throw new DataDirLockedError(dir);
    if (holder === 'gone') continue; // released between our bind and our probe: bind again
    // A leftover of a dead holder. Only one process at a time may remove it, and only
    // after checking again under that guard: otherwise two starters that both saw it
    // dead could each remove the other's fresh socket, and both would run.
    const guard = await takeoverGuard(dir);
    if (guard === 'busy') {
      await delay(5);
      continue;
    }
    try {
      if ((await probe(path)) === 'alive') throw new DataDirLockedError(dir);
      rmSync(path, { force: true });
      const taken = await listen(path);
      if (taken !== 'in_use') return held(taken, done);
      // Someone bound the freed name before us; the next round asks whether they are alive.
    } finally {
      guard?.close();
    }
  }
  throw new Error(`Could not lock ${dir}: its lock socket ${LOCK_NAME} kept changing`);
}

function held(server: Server, done: () => void): DataDirLock {
  let released: Promise<void> | undefined;
  let handler: ((socket: Socket) => void) | null = null;
  // A prober only needs its connect to succeed: unless the holder answers, it is closed at once.
  server.on('connection', (socket) => (handler ? handler(socket) : socket.destroy()));
  return {
    // Closing the server also removes the socket's name from DATA_DIR.
    release: () =>
      (released ??= new Promise<void>((resolve) => server.close(() => resolve())).then(done)),
    answer: (h) => {
      handler = h;
    },
  };
}

/** Listens on a Unix socket path; 'in_use' when something already has that name. */
function listen(path: string): Promise<Server | 'in_use'> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) =>
      err.code === 'EADDRINUSE' ? resolve('in_use') : reject(err),
    );
    // Connecting needs write permission on the socket: created under umask 077 (bind is
    // synchronous inside listen), it is the owner's alone from its first moment, whatever
    // the process's umask, so no other local user can ask the holder for a backup.
    const umask = process.umask(0o077);
    try {
      server.listen(path, () => {
        // The lock must not keep the event loop, and so the process, alive on its own.
        server.unref();
        resolve(server);
      });
    } finally {
      process.umask(umask);
    }
  });
}

/**
 * Is a process listening on the path? A refused connect means the socket's owner is
 * dead (or the name is not a socket, such as the pid file older versions wrote).
 */
function probe(path: string): Promise<'alive' | 'dead' | 'gone'> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve('alive');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED') resolve('dead');
      else if (err.code === 'ENOENT') resolve('gone');
      // A full accept queue means a holder that is busy, not one that is gone.
      else if (err.code === 'EAGAIN') resolve('alive');
      else reject(err);
    });
  });
}

/**
 * A lock around taking over a dead holder's socket name: an abstract Unix socket
 * (Linux), which leaves no file behind and is named after the directory's device and
 * inode, so every path to one DATA_DIR shares it. Abstract names are per network
 * namespace; null where there are none (macOS, for development).
 */
async function takeoverGuard(dir: string): Promise<Server | 'busy' | null> {
  if (process.platform !== 'linux') return null;
  const { dev, ino } = statSync(dir);
  return listen(`\0okence-lock-takeover-${dev}-${ino}`).then((s) => (s === 'in_use' ? 'busy' : s));
}

/**
 * Connects to the socket of DATA_DIR's holder (the backup command); fails with the
 * system's error (ENOENT, ECONNREFUSED) when no live process holds it.
 */
export function connectToHolder(dir: string): Promise<Socket> {
  const { path, done } = socketPath(dir);
  return new Promise<Socket>((resolve, reject) => {
    const socket = createConnection(path);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  }).finally(done);
}

/**
 * The socket's path. A DATA_DIR too deep for a socket path is reached through the
 * process's open descriptor of it (/proc/self/fd/N), which is short.
 */
function socketPath(dir: string): { path: string; done: () => void } {
  const path = join(dir, LOCK_NAME);
  if (Buffer.byteLength(path) <= MAX_SOCKET_PATH || process.platform !== 'linux')
    return { path, done: () => {} };
  // Held open while the lock is: closing the server removes the name through this path.
  const fd = openSync(dir, 'r');
  return { path: `/proc/self/fd/${fd}/${LOCK_NAME}`, done: () => closeSync(fd) };
}
