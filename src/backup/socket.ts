import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { connectToHolder } from '../db/lock.ts';
import { backupArchive, type BackupSource } from './archive.ts';
import { BackupError } from './restore.ts';

// The backup request over the DATA_DIR lock socket (decision 024). The one request there is:
//   command → holder   "okence backup 1\n"
//   holder → command   "ok\n" and the archive's tar bytes, then the end of the stream;
//                      or "busy\n" while another backup runs.
// Anything else, or nothing within REQUEST_TIMEOUT_MS, is closed unanswered: a holder probing
// the lock connects and goes, and no other command exists. Only the owner of DATA_DIR can
// connect at all (the socket's mode is 0700, db/lock.ts).

export const REQUEST = 'okence backup 1\n';
const REQUEST_TIMEOUT_MS = 10_000;
const MAX_LINE = 64;

/**
 * The holder's side: answers backup requests on the lock socket, one at a time, streaming
 * with the socket's backpressure (a slow reader slows the stream, memory stays flat).
 * `stop` breaks off a backup in progress (shutdown).
 */
export function backupResponder(deps: {
  source: BackupSource;
  now: () => Date;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}) {
  let active: Socket | null = null;

  async function send(socket: Socket): Promise<void> {
    active = socket;
    const started = performance.now();
    deps.log.info({}, 'backup requested on the DATA_DIR socket');
    try {
      socket.write('ok\n');
      const archive = Readable.from(backupArchive(deps.source, deps.now));
      let bytes = 0;
      archive.on('data', (c: Buffer) => (bytes += c.length));
      await pipeline(archive, socket);
      deps.log.info({ bytes, ms: Math.round(performance.now() - started) }, 'backup sent');
    } catch (err) {
      deps.log.warn({ err }, 'backup broken off');
      socket.destroy();
    } finally {
      active = null;
    }
  }

  return {
    answer(socket: Socket): void {
      socket.on('error', () => undefined);
      socket.setTimeout(REQUEST_TIMEOUT_MS, () => socket.destroy());
      let line = '';
      const onData = (d: Buffer) => {
        line += d.toString('latin1');
        if (!line.includes('\n') && line.length < MAX_LINE) return;
        socket.off('data', onData);
        socket.setTimeout(0);
        if (line !== REQUEST) return void socket.destroy();
        if (active) return void socket.end('busy\n');
        void send(socket);
      };
      socket.on('data', onData);
    },
    stop(): void {
      active?.destroy();
    },
  };
}

export type BackupResponder = ReturnType<typeof backupResponder>;

/**
 * The command's side: asks the process holding DATA_DIR for a backup. The archive's tar
 * bytes, or 'no_server' when no live process holds DATA_DIR.
 */
export async function requestBackup(dataDir: string): Promise<Readable | 'no_server'> {
  let socket: Socket;
  try {
    socket = await connectToHolder(dataDir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ECONNREFUSED') return 'no_server';
    throw err;
  }
  socket.write(REQUEST);
  const status = await firstLine(socket);
  if (status === 'ok') return socket;
  socket.destroy();
  if (status === 'busy')
    throw new BackupError(
      'another backup of this DATA_DIR is running: try again when it has finished',
    );
  throw new BackupError(
    'the process holding DATA_DIR did not answer the backup request: an Okence older than this command, or a restore, is running on it',
  );
}

/** Reads the status line and leaves the stream paused at the first byte after it. */
function firstLine(socket: Socket): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0);
    const done = (v: string | null, rest?: Buffer) => {
      socket.off('data', onData).off('end', onEnd).off('error', onError);
      socket.pause();
      if (rest?.length) socket.unshift(rest);
      resolve(v);
    };
    const onData = (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      const nl = buf.indexOf(0x0a);
      if (nl !== -1) done(buf.subarray(0, nl).toString('latin1'), buf.subarray(nl + 1));
      else if (buf.length > MAX_LINE) done(null);
    };
    const onEnd = () => done(null);
    const onError = (err: NodeJS.ErrnoException) =>
      err.code === 'ECONNRESET' || err.code === 'EPIPE' ? done(null) : reject(err);
    socket.on('data', onData).on('end', onEnd).on('error', onError);
  });
}
