// A small ustar (POSIX.1-1988) writer and streaming reader: enough for a backup's regular
// files, so that `tar tzf backup.tar.gz` lists it and no package is needed. Entries stream:
// neither side holds more than one chunk of a file in memory.

export const BLOCK = 512;

/** Two zero blocks end an archive. */
export const TAR_END = Buffer.alloc(2 * BLOCK);

export type TarHeader = {
  path: string;
  size: number;
  mtime: Date;
  mode: number;
  type: 'file' | 'directory' | 'other';
};

const OCTAL_SIZE_LIMIT = 8 ** 11;

/**
 * The header block of a regular file, or of a directory (size 0). A size of 8 GiB or more is
 * written in base-256 (GNU, star).
 */
export function tarHeader(e: {
  path: string;
  size: number;
  mtime: Date;
  mode?: number;
  directory?: boolean;
}): Buffer {
  const h = Buffer.alloc(BLOCK);
  const { name, prefix } = splitPath(e.path);
  h.write(name, 0, 100, 'utf8');
  octal(h, 100, 8, e.mode ?? (e.directory ? 0o700 : 0o600));
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  if (e.size < OCTAL_SIZE_LIMIT) octal(h, 124, 12, e.size);
  else base256(h, 124, 12, e.size);
  octal(h, 136, 12, Math.floor(e.mtime.getTime() / 1000));
  h.write(e.directory ? '5' : '0', 156, 1, 'latin1');
  h.write('ustar\0', 257, 6, 'latin1');
  h.write('00', 263, 2, 'latin1');
  h.write(prefix, 345, 155, 'utf8');
  h.write('        ', 148, 8, 'latin1');
  octal(h, 148, 7, checksum(h));
  h[155] = 0x20;
  return h;
}

/** Zero bytes that fill a file's content up to the next block. */
export function tarPadding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}

/** Parses a header block; null for a zero block (the end). Throws on a damaged header. */
export function parseTarHeader(h: Buffer): TarHeader | null {
  if (h.every((b) => b === 0)) return null;
  const stored = readOctal(h, 148, 8);
  h.write('        ', 148, 8, 'latin1');
  if (stored !== checksum(h)) throw new TarError('a header block is damaged (checksum mismatch)');
  const name = cString(h, 0, 100);
  const prefix = h.subarray(257, 262).toString('latin1') === 'ustar' ? cString(h, 345, 155) : '';
  const flag = String.fromCharCode(h[156] ?? 0);
  const type = flag === '0' || flag === '\0' ? 'file' : flag === '5' ? 'directory' : 'other';
  const size = (h[124]! & 0x80) !== 0 ? readBase256(h, 124, 12) : readOctal(h, 124, 12);
  return {
    path: prefix ? `${prefix}/${name}` : name,
    size,
    mtime: new Date(readOctal(h, 136, 12) * 1000),
    mode: readOctal(h, 100, 8),
    type,
  };
}

export class TarError extends Error {}

/**
 * Reads a tar stream entry by entry. Each entry's `body` must be read (or left) before the
 * next entry is asked for; what is left of it is skipped. Ends at the end blocks, and throws
 * when the stream ends before them: a cut-off archive is never taken for a whole one.
 */
export async function* readTar(
  source: AsyncIterable<Uint8Array>,
): AsyncGenerator<TarHeader & { body: AsyncGenerator<Buffer> }> {
  const bytes = new ByteReader(source[Symbol.asyncIterator]());
  for (;;) {
    const block = await bytes.exactly(BLOCK);
    if (!block) throw new TarError('the archive ends without its end blocks (cut off?)');
    const header = parseTarHeader(block);
    if (!header) return;
    const body = bytes.chunks(header.size);
    yield { ...header, body };
    for await (const _ of body) void _;
    await bytes.exactly(tarPadding(header.size).length);
  }
}

/** Pulls exact byte counts from a stream of chunks. */
class ByteReader {
  private pending: Buffer = Buffer.alloc(0);
  private readonly it: AsyncIterator<Uint8Array>;
  constructor(it: AsyncIterator<Uint8Array>) {
    this.it = it;
  }

  private async fill(): Promise<boolean> {
    const next = await this.it.next();
    if (next.done) return false;
    this.pending = this.pending.length
      ? Buffer.concat([this.pending, next.value])
      : Buffer.from(next.value);
    return true;
  }

  /** Exactly n bytes; null when the stream ended before the first of them. */
  async exactly(n: number): Promise<Buffer | null> {
    if (n === 0) return Buffer.alloc(0);
    while (this.pending.length < n) {
      if (!(await this.fill())) {
        if (this.pending.length === 0) return null;
        throw new TarError('the archive ends in the middle of an entry (cut off?)');
      }
    }
    const out = this.pending.subarray(0, n);
    this.pending = this.pending.subarray(n);
    return out;
  }

  /** n bytes as the chunks they arrive in. */
  async *chunks(n: number): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (this.pending.length === 0 && !(await this.fill()))
        throw new TarError('the archive ends in the middle of an entry (cut off?)');
      const take = Math.min(left, this.pending.length);
      const out = this.pending.subarray(0, take);
      this.pending = this.pending.subarray(take);
      left -= take;
      yield out;
    }
  }
}

function splitPath(path: string): { name: string; prefix: string } {
  if (Buffer.byteLength(path) <= 100) return { name: path, prefix: '' };
  // ustar: a longer path is split at a slash into a prefix (155 bytes) and a name (100).
  for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name)
      return { name, prefix };
  }
  throw new TarError(`path too long for a tar header: ${path}`);
}

function checksum(h: Buffer): number {
  let sum = 0;
  for (const b of h) sum += b;
  return sum;
}

function octal(h: Buffer, at: number, width: number, value: number): void {
  h.write(value.toString(8).padStart(width - 1, '0') + '\0', at, width, 'latin1');
}

function base256(h: Buffer, at: number, width: number, value: number): void {
  let v = BigInt(value);
  for (let i = at + width - 1; i > at; i--) {
    h[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  h[at] = 0x80;
}

function readOctal(h: Buffer, at: number, width: number): number {
  const text = cString(h, at, width).trim();
  if (!/^[0-7]*$/.test(text)) throw new TarError('a header block is damaged (not a number)');
  return text ? parseInt(text, 8) : 0;
}

function readBase256(h: Buffer, at: number, width: number): number {
  let v = BigInt(h[at]! & 0x7f);
  for (let i = at + 1; i < at + width; i++) v = (v << 8n) | BigInt(h[i]!);
  return Number(v);
}

function cString(h: Buffer, at: number, width: number): string {
  const field = h.subarray(at, at + width);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? width : end).toString('utf8');
}
