// A strict reader of a ZIP file's central directory, used to recognise office documents and
// to refuse zip bombs before anything decompresses them. It reads only the directory and the
// local headers; it never inflates. Section numbers refer to PKWARE's APPNOTE.TXT 6.3.x.
//
// Strict on purpose: a document from Word, Excel, PowerPoint or LibreOffice is a plain,
// single-disk, non-ZIP64 archive that starts at byte 0 and ends with its end record. Anything
// looser (prepended or appended data, gaps, overlaps, disagreeing headers) is how polyglots
// and parser-differential tricks are built, so it is refused as 'bad_zip'.

/** One entry as the central directory describes it (4.3.12), with where its data starts. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** The CRC-32 the directory records for the inflated data (4.4.7). */
  crc32: number;
  localOffset: number;
  dataOffset: number;
}

/** Limits on what the directory may promise once decompressed. */
export interface ZipLimits {
  maxEntries: number;
  maxTotalUncompressed: number;
  maxRatio: number;
  /** Entries smaller than this skip the ratio check: they cannot hurt, and small padded XML parts legitimately exceed 100:1. */
  ratioFloor: number;
}

/** The directory's entries, or why the archive is refused. */
export type ZipResult =
  { ok: true; entries: ZipEntry[] } | { ok: false; reason: 'zip_bomb' | 'bad_zip' };

const LOCAL_HEADER = 0x04034b50; // 4.3.7
const CENTRAL_HEADER = 0x02014b50; // 4.3.12
const END_RECORD = 0x06054b50; // 4.3.16
const ZIP64_LOCATOR = 0x07064b50; // 4.3.15
const ZIP64_EXTRA = 0x0001; // 4.5.3
const END_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;
const FLAG_ENCRYPTED = 1 << 0; // 4.4.4 bit 0
const FLAG_DATA_DESCRIPTOR = 1 << 3; // 4.4.4 bit 3: sizes in the local header are zero (4.3.9)

const BAD = { ok: false, reason: 'bad_zip' } as const;
const BOMB = { ok: false, reason: 'zip_bomb' } as const;

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Where the end of central directory record starts, or -1 (4.3.16). It is searched from the end
 * over the last 64 KiB + 22 bytes (the comment is at most 65,535 bytes); `exact` also requires the
 * comment to end exactly at the end of the file, so nothing can be appended after the archive.
 */
export function findEndRecord(bytes: Uint8Array, exact: boolean): number {
  if (bytes.length < END_SIZE) return -1;
  const v = viewOf(bytes);
  const lowest = Math.max(0, bytes.length - END_SIZE - MAX_COMMENT);
  for (let at = bytes.length - END_SIZE; at >= lowest; at--) {
    if (v.getUint32(at, true) !== END_RECORD) continue;
    const end = at + END_SIZE + v.getUint16(at + 20, true);
    if (exact ? end === bytes.length : end <= bytes.length) return at;
  }
  return -1;
}

/**
 * True when the tail of the file holds a ZIP end record whose central directory is really there,
 * at its recorded offset or where an archive appended to other data would put it. This is what
 * ZIP readers look for, so a PDF or image with this tail also opens as an archive: a polyglot.
 */
export function hasZipTail(bytes: Uint8Array): boolean {
  const at = findEndRecord(bytes, false);
  if (at < 0) return false;
  const v = viewOf(bytes);
  const size = v.getUint32(at + 12, true);
  const offset = v.getUint32(at + 16, true);
  const isCentral = (p: number) => p >= 0 && p + 4 <= at && v.getUint32(p, true) === CENTRAL_HEADER;
  // An empty archive (no entries) is still an archive to a reader.
  return (
    isCentral(offset) || isCentral(at - size) || (size === 0 && v.getUint16(at + 10, true) === 0)
  );
}

/** Reads and checks the whole central directory of a ZIP held entirely in memory. */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits): ZipResult {
  const end = findEndRecord(bytes, true);
  if (end < 0) return BAD;
  const v = viewOf(bytes);
  // ZIP64 (4.3.14, 4.3.15) exists only for archives past 4 GiB or 65,535 entries, far beyond any
  // upload; its records would let sizes hide behind 0xFFFFFFFF placeholders, so it is refused.
  if (end >= 20 && v.getUint32(end - 20, true) === ZIP64_LOCATOR) return BAD;
  const disk = v.getUint16(end + 4, true);
  const directoryDisk = v.getUint16(end + 6, true);
  const onThisDisk = v.getUint16(end + 8, true);
  const total = v.getUint16(end + 10, true);
  const directorySize = v.getUint32(end + 12, true);
  const directoryOffset = v.getUint32(end + 16, true);
  if (total === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff)
    return BAD;
  // Split and spanned archives (section 8) are never uploads.
  if (disk !== 0 || directoryDisk !== 0 || onThisDisk !== total) return BAD;
  if (total > limits.maxEntries) return BOMB;
  if (directoryOffset + directorySize !== end) return BAD;

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let totalUncompressed = 0;
  let p = directoryOffset;
  for (let i = 0; i < total; i++) {
    const read = readCentralHeader(bytes, v, p, directoryOffset);
    if (!read) return BAD;
    const { entry, next } = read;
    if (names.has(entry.name)) return BAD; // two readers could pick different copies
    names.add(entry.name);
    totalUncompressed += entry.uncompressedSize;
    if (totalUncompressed > limits.maxTotalUncompressed) return BOMB;
    if (entry.uncompressedSize >= limits.ratioFloor) {
      if (
        entry.compressedSize === 0 ||
        entry.uncompressedSize / entry.compressedSize > limits.maxRatio
      )
        return BOMB;
    }
    entries.push(entry);
    p = next;
  }
  if (p !== end) return BAD;
  return noOverlaps(entries) ? { ok: true, entries } : BAD;
}

// One central directory header (4.3.12) and the local header it points to (4.3.7), or null
// when anything is malformed, unsafe or disagrees between the two.
function readCentralHeader(
  bytes: Uint8Array,
  v: DataView,
  p: number,
  limit: number,
): { entry: ZipEntry; next: number } | null {
  if (p + CENTRAL_SIZE > bytes.length || v.getUint32(p, true) !== CENTRAL_HEADER) return null;
  const flags = v.getUint16(p + 8, true);
  const method = v.getUint16(p + 10, true);
  const crc32 = v.getUint32(p + 16, true);
  const compressedSize = v.getUint32(p + 20, true);
  const uncompressedSize = v.getUint32(p + 24, true);
  const nameLength = v.getUint16(p + 28, true);
  const extraLength = v.getUint16(p + 30, true);
  const commentLength = v.getUint16(p + 32, true);
  const startDisk = v.getUint16(p + 34, true);
  const localOffset = v.getUint32(p + 42, true);
  const next = p + CENTRAL_SIZE + nameLength + extraLength + commentLength;
  if (next > bytes.length) return null;
  // Encrypted entries cannot be scanned; office formats store only (0) or deflate (8) (4.4.5).
  if (flags & FLAG_ENCRYPTED || (method !== 0 && method !== 8) || startDisk !== 0) return null;
  if (method === 0 && compressedSize !== uncompressedSize) return null;
  if (
    compressedSize === 0xffffffff ||
    uncompressedSize === 0xffffffff ||
    localOffset === 0xffffffff
  )
    return null;
  const nameBytes = bytes.subarray(p + CENTRAL_SIZE, p + CENTRAL_SIZE + nameLength);
  if (!extraIsSafe(v, p + CENTRAL_SIZE + nameLength, extraLength)) return null;
  // 4.4.4 bit 11 marks UTF-8 names; others are CP437, whose ASCII part is all the checks need.
  const name = new TextDecoder('utf-8').decode(nameBytes);
  if (!nameIsSafe(name)) return null;

  if (localOffset + LOCAL_SIZE > limit || v.getUint32(localOffset, true) !== LOCAL_HEADER)
    return null;
  const localNameLength = v.getUint16(localOffset + 26, true);
  const localExtraLength = v.getUint16(localOffset + 28, true);
  const dataOffset = localOffset + LOCAL_SIZE + localNameLength + localExtraLength;
  if (dataOffset + compressedSize > limit) return null;
  const localName = bytes.subarray(
    localOffset + LOCAL_SIZE,
    localOffset + LOCAL_SIZE + localNameLength,
  );
  if (Buffer.compare(localName, nameBytes) !== 0) return null;
  if (v.getUint16(localOffset + 8, true) !== method) return null;
  if (!(flags & FLAG_DATA_DESCRIPTOR)) {
    if (
      v.getUint32(localOffset + 18, true) !== compressedSize ||
      v.getUint32(localOffset + 22, true) !== uncompressedSize
    )
      return null;
  }
  if (!extraIsSafe(v, localOffset + LOCAL_SIZE + localNameLength, localExtraLength)) return null;
  return {
    entry: { name, method, compressedSize, uncompressedSize, crc32, localOffset, dataOffset },
    next,
  };
}

// Extra fields are (id, size, data) blocks (4.5.1); they must tile their space exactly and
// must not include the ZIP64 extended information block (4.5.3).
function extraIsSafe(v: DataView, start: number, length: number): boolean {
  let p = start;
  const end = start + length;
  while (p + 4 <= end) {
    if (v.getUint16(p, true) === ZIP64_EXTRA) return false;
    p += 4 + v.getUint16(p + 2, true);
  }
  return p === end;
}

// 4.4.17: no drive letter, no leading slash, forward slashes only. We also refuse ".." segments
// and NUL, so that nothing that ever extracts an entry can write outside its folder.
function nameIsSafe(name: string): boolean {
  if (name === '' || name.includes('\0') || name.includes('\\')) return false;
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return false;
  return !name.split('/').includes('..');
}

// Entries must not share or overlap their bytes (overlapping entries are how "better zip
// bombs" multiply one compressed kernel), and the first must start the file: nothing hides
// before it that the directory does not list.
function noOverlaps(entries: ZipEntry[]): boolean {
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  if (sorted.length > 0 && sorted[0]?.localOffset !== 0) return false;
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1];
    const after = sorted[i];
    if (!before || !after || before.dataOffset + before.compressedSize > after.localOffset)
      return false;
  }
  return true;
}
