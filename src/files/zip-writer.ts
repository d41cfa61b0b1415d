// A streaming writer of plain ZIP archives, for downloading a meeting folder as one file.
// Section numbers refer to PKWARE's APPNOTE.TXT 6.3.x; zip.ts reads what this writes.
//
// Entries are STORED (method 0): the files are PDFs, JPEGs and office documents that are
// already compressed, so deflating again costs CPU for nothing.
//
// Each file is read twice: once for its CRC-32 and size, once to send it. The one-pass
// alternative (flag bit 3, sizes in a data descriptor after the data, 4.3.9) is fine for deflate,
// whose stream marks its own end, but a stored entry's end cannot be found without the sizes:
// Java's ZipInputStream refuses such entries, and macOS Archive Utility has failed on them
// (node-archiver#74, zip.js#467). Files are at most 20 MB and already on disk, so the second
// read is cheap and usually comes from the page cache; memory stays at one chunk either way.
import { crc32 } from 'node:zlib';

/** One file to put in the archive; `open` is called twice and must give the same bytes both times. */
export type ZipSource = {
  name: string;
  modified: Date;
  open(): NodeJS.ReadableStream | AsyncIterable<Uint8Array>;
};

/** `maxBytes` caps the whole archive; it can only lower the format's own 4 GiB − 1 limit. */
export type ZipOptions = { maxBytes?: number };

const LOCAL_HEADER = 0x04034b50; // 4.3.7
const CENTRAL_HEADER = 0x02014b50; // 4.3.12
const END_RECORD = 0x06054b50; // 4.3.16
const LOCAL_SIZE = 30;
const CENTRAL_SIZE = 46;
const END_SIZE = 22;
const VERSION = 20; // 4.4.3: 2.0, the version needed for nothing fancier than stored entries
// 4.4.2: made on Unix. From an MS-DOS host (0), Info-ZIP's unzip converts names from CP437 even
// when bit 11 says UTF-8, and "Žalec" comes out as "+�alec". A Unix host's entries carry a file
// mode in the high half of the external attributes (4.4.15), which extractors apply.
const MADE_BY = (3 << 8) | VERSION;
const FILE_MODE = 0o100644 * 0x10000; // regular file, rw-r--r--
const FLAG_UTF8 = 1 << 11; // 4.4.4 bit 11: names are UTF-8, not CP437
// Without ZIP64 (4.4.1.4) counts are 16-bit and offsets 32-bit, and the all-ones value of each
// is reserved as "see the ZIP64 record": so at most 65,534 entries, and an archive of at most
// 4 GiB − 1 bytes, which keeps every offset and size in it below 0xFFFFFFFF.
const MAX_ENTRIES = 0xffff - 1;
const MAX_BYTES = 0xffffffff;

const encoder = new TextEncoder();

type Entry = {
  name: Uint8Array;
  crc: number;
  size: number;
  time: number;
  date: number;
  offset: number;
};

/** The archive's bytes, one chunk at a time; sources are opened one at a time, in order. */
export async function* zipStream(
  sources: readonly ZipSource[],
  options: ZipOptions = {},
): AsyncGenerator<Uint8Array> {
  if (sources.length > MAX_ENTRIES)
    throw new RangeError(`a ZIP without ZIP64 holds at most ${MAX_ENTRIES} files`);
  const maxBytes = Math.min(options.maxBytes ?? MAX_BYTES, MAX_BYTES);
  const names = uniqueNames(sources.map((s) => safeName(s.name)));
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const [i, source] of sources.entries()) {
    const name = encoder.encode(names[i]);
    // Sizes are only known once a file is read, so a too-big archive fails part-way through;
    // callers hold the folder limit (200 MB) well below this one.
    const { crc, size } = await measure(source);
    if (offset + LOCAL_SIZE + name.length + size > maxBytes) throw tooLarge(maxBytes);
    const entry: Entry = { name, crc, size, ...dosDateTime(source.modified), offset };
    yield localHeader(entry);
    yield* copy(source, entry);
    offset += LOCAL_SIZE + name.length + size;
    directory.push(centralHeader(entry));
  }
  const directorySize = directory.reduce((n, h) => n + h.length, 0);
  if (offset + directorySize + END_SIZE > maxBytes) throw tooLarge(maxBytes);
  yield* directory;
  yield endRecord(directory.length, directorySize, offset);
}

/**
 * The names made distinct, each later copy renamed "report (2).pdf", "report (3).pdf", … with
 * its extension kept. Names that differ only in case also collide: Windows and macOS would
 * extract them onto the same file. The first copy of a name and every unique name stay as given.
 */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set(names.map(collisionKey));
  const seen = new Set<string>();
  const nextNumber = new Map<string, number>();
  return names.map((name) => {
    const key = collisionKey(name);
    if (!seen.has(key)) {
      seen.add(key);
      return name;
    }
    const { stem, extension } = splitExtension(name);
    let n = nextNumber.get(key) ?? 2;
    let candidate = `${stem} (${n})${extension}`;
    while (taken.has(collisionKey(candidate))) candidate = `${stem} (${++n})${extension}`;
    nextNumber.set(key, n + 1);
    taken.add(collisionKey(candidate));
    return candidate;
  });
}

// A leading dot (".env") starts a hidden name, not an extension.
function splitExtension(name: string): { stem: string; extension: string } {
  const dot = name.lastIndexOf('.');
  return dot > 0
    ? { stem: name.slice(0, dot), extension: name.slice(dot) }
    : { stem: name, extension: '' };
}

function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

// Callers pass display names that are already clean; this is the last line of defence that
// keeps every entry a single file name (4.4.17) which also extracts on Windows. A colon would
// make "C:x" a drive-relative path, and the other characters are refused by Windows outright.
function safeName(name: string): string {
  const flat = name.replace(/[/\\:*?"<>|\p{Cc}]/gu, '_');
  return flat === '' || flat === '.' || flat === '..' ? '_' : flat;
}

function tooLarge(maxBytes: number): RangeError {
  return new RangeError(`the archive would be larger than ${maxBytes} bytes`);
}

async function measure(source: ZipSource): Promise<{ crc: number; size: number }> {
  let crc = 0;
  let size = 0;
  for await (const chunk of chunksOf(source)) {
    crc = crc32(chunk, crc);
    size += chunk.length;
  }
  return { crc, size };
}

// The second read must match the first, or the headers already sent would describe other
// bytes; failing aborts the download instead of handing over an archive that fails its CRC.
async function* copy(source: ZipSource, entry: Entry): AsyncGenerator<Uint8Array> {
  let crc = 0;
  let size = 0;
  for await (const chunk of chunksOf(source)) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (size > entry.size) break;
    yield chunk;
  }
  if (crc !== entry.crc || size !== entry.size)
    throw new Error('a file changed while it was being zipped');
}

async function* chunksOf(source: ZipSource): AsyncGenerator<Uint8Array> {
  for await (const chunk of source.open()) {
    // A stream with an encoding set would hand over text, which has no single byte form.
    if (typeof chunk === 'string') throw new TypeError('a ZIP source must yield bytes, not text');
    yield chunk;
  }
}

/** MS-DOS date and time (4.4.6) of a moment, in UTC, clamped to the years DOS can say (1980–2107). */
function dosDateTime(moment: Date): { date: number; time: number } {
  const ms = moment.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid modification date');
  const d = new Date(
    Math.min(Math.max(ms, Date.UTC(1980, 0, 1)), Date.UTC(2107, 11, 31, 23, 59, 59)),
  );
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
  };
}

function localHeader(e: Entry): Uint8Array {
  const bytes = new Uint8Array(LOCAL_SIZE + e.name.length);
  const v = new DataView(bytes.buffer);
  v.setUint32(0, LOCAL_HEADER, true);
  v.setUint16(4, VERSION, true);
  v.setUint16(6, FLAG_UTF8, true);
  v.setUint16(8, 0, true); // stored
  v.setUint16(10, e.time, true);
  v.setUint16(12, e.date, true);
  v.setUint32(14, e.crc, true);
  v.setUint32(18, e.size, true);
  v.setUint32(22, e.size, true);
  v.setUint16(26, e.name.length, true);
  bytes.set(e.name, LOCAL_SIZE);
  return bytes;
}

function centralHeader(e: Entry): Uint8Array {
  const bytes = new Uint8Array(CENTRAL_SIZE + e.name.length);
  const v = new DataView(bytes.buffer);
  v.setUint32(0, CENTRAL_HEADER, true);
  v.setUint16(4, MADE_BY, true);
  v.setUint16(6, VERSION, true);
  v.setUint16(8, FLAG_UTF8, true);
  v.setUint16(12, e.time, true);
  v.setUint16(14, e.date, true);
  v.setUint32(16, e.crc, true);
  v.setUint32(20, e.size, true);
  v.setUint32(24, e.size, true);
  v.setUint16(28, e.name.length, true);
  v.setUint32(38, FILE_MODE, true);
  v.setUint32(42, e.offset, true);
  bytes.set(e.name, CENTRAL_SIZE);
  return bytes;
}

function endRecord(entries: number, directorySize: number, directoryOffset: number): Uint8Array {
  const bytes = new Uint8Array(END_SIZE);
  const v = new DataView(bytes.buffer);
  v.setUint32(0, END_RECORD, true);
  v.setUint16(8, entries, true);
  v.setUint16(10, entries, true);
  v.setUint32(12, directorySize, true);
  v.setUint32(16, directoryOffset, true);
  return bytes;
}
