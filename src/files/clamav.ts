// A client for ClamAV's clamd (clamd(8), "INSTREAM"): the upload's bytes go over the socket,
// so clamd needs no access to our files directory. Uploads are at most 20 MB and already in memory.
// Every doubt is a ScannerUnavailable: callers fail closed and refuse the upload ("try again").
import { connect } from 'node:net';

export type ScanResult = { clean: true } | { clean: false; signature: string };

/** clamd gave no verdict (unreachable, too slow, refused the scan or said something unexpected). */
export class ScannerUnavailable extends Error {
  override name = 'ScannerUnavailable';
}

type ClamdAddress = { host: string; port: number } | { path: string };

/** `tcp://host:port` or `unix:///path/to/clamd.sock` (also `unix:/path`) as net.connect options. */
export function parseClamavUrl(url: string): ClamdAddress {
  const unix = /^unix:(?:\/\/)?(\/[^/].*)$/.exec(url);
  if (unix?.[1]) return { path: decodeURIComponent(unix[1]) };
  const tcp = /^tcp:\/\/(\[[0-9a-fA-F:.]+\]|[^\s:/[\]]+):(\d{1,5})\/?$/.exec(url);
  const port = Number(tcp?.[2]);
  if (tcp?.[1] && port >= 1 && port <= 65535)
    return { host: tcp[1].replace(/^\[(.*)\]$/, '$1'), port };
  throw new Error(
    `ClamAV URL must be tcp://host:port or unix:///path/to/clamd.sock, not ${JSON.stringify(url)}`,
  );
}

// clamd reads INSTREAM chunks into a buffer of its own; 64 KiB is what clamdscan sends.
const CHUNK = 64 * 1024;
// ExtendedDetectionInfo (on in Debian's clamd.conf) appends "(md5:size)" to the name.
const EXTENDED_INFO = /\([0-9a-f]{32}:\d+\)$/;

/** The verdict in clamd's reply to INSTREAM, without its terminating NUL. */
export function parseReply(text: string): ScanResult {
  const reply = text.trim();
  // Only this exact reply is clean: anything garbled must not let a file through.
  if (reply === 'stream: OK') return { clean: true };
  const found = /^stream: (.+) FOUND$/.exec(reply);
  if (found?.[1]) return { clean: false, signature: found[1].replace(EXTENDED_INFO, '') };
  // e.g. "INSTREAM size limit exceeded. ERROR" when the file is over clamd's StreamMaxLength.
  if (reply.endsWith('ERROR'))
    throw new ScannerUnavailable(`clamd could not scan the file: ${reply}`);
  throw new ScannerUnavailable(`clamd gave an unexpected reply: ${JSON.stringify(reply)}`);
}

/** Scans the bytes with clamd at `url`; throws ScannerUnavailable when there is no verdict. */
export async function scanBytes(
  url: string,
  bytes: Uint8Array,
  opts: { timeoutMs?: number } = {},
): Promise<ScanResult> {
  const frames: Uint8Array[] = [Buffer.from('zINSTREAM\0')];
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const chunk = bytes.subarray(at, at + CHUNK);
    frames.push(lengthPrefix(chunk.length), chunk);
  }
  frames.push(lengthPrefix(0));
  return parseReply(await exchange(url, frames, opts.timeoutMs ?? 30_000));
}

/** Whether clamd at `url` answers PING; never throws, so it suits readiness checks. */
export async function pingClamd(url: string, opts: { timeoutMs?: number } = {}): Promise<boolean> {
  try {
    return (
      (await exchange(url, [Buffer.from('zPING\0')], opts.timeoutMs ?? 5_000)).trim() === 'PONG'
    );
  } catch {
    return false;
  }
}

function lengthPrefix(length: number): Buffer {
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32BE(length);
  return prefix;
}

/** Sends a z-command (its reply ends in NUL) and resolves with the reply text. */
function exchange(url: string, frames: readonly Uint8Array[], timeoutMs: number): Promise<string> {
  const address = parseClamavUrl(url);
  return new Promise((resolve, reject) => {
    const socket = connect(address);
    let received = Buffer.alloc(0);
    let settled = false;
    let sentWhole = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      outcome();
    };
    // One deadline for the whole exchange: a clamd that accepts but never answers must not
    // hold an upload request open.
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(new ScannerUnavailable(`clamd at ${url} did not answer within ${timeoutMs} ms`)),
        ),
      timeoutMs,
    );
    const replied = () => {
      const end = received.indexOf(0);
      return end < 0 ? undefined : received.subarray(0, end).toString('utf8');
    };
    socket.on('connect', () => {
      // The socket queues what it cannot send yet; the bytes are in memory anyway, so there is
      // no point in waiting for 'drain'.
      const last = frames.length - 1;
      frames.forEach((frame, i) =>
        socket.write(frame, (error) => (i === last && !error ? (sentWhole = true) : undefined)),
      );
    });
    socket.on('data', (data: Buffer) => {
      received = Buffer.concat([received, data]);
      const reply = replied();
      if (reply !== undefined) settle(() => resolve(reply));
    });
    // clamd answers "size limit exceeded" and closes while we are still writing: the write
    // then fails (EPIPE, ECONNRESET), but its reply says more than the socket error does. Node
    // destroys the socket on a failed write, so that reply may never be read: a stream cut off
    // while we were still sending is then named for its usual cause. Either way it is refused.
    socket.on('error', (error) => {
      const reply = replied();
      const cut =
        !sentWhole && /EPIPE|ECONNRESET/.test((error as NodeJS.ErrnoException).code ?? '');
      const why = cut
        ? `stopped reading the stream (over its size limit?): ${error.message}`
        : error.message;
      settle(() =>
        reply === undefined
          ? reject(new ScannerUnavailable(`clamd at ${url}: ${why}`, { cause: error }))
          : resolve(reply),
      );
    });
    socket.on('close', () =>
      settle(() =>
        reject(new ScannerUnavailable(`clamd at ${url} closed the connection without a reply`)),
      ),
    );
  });
}
