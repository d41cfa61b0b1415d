// Tells a legacy Word document from a legacy Excel workbook. Both are OLE2 compound files
// ([MS-CFB]); what differs is the stream at the root: "WordDocument" ([MS-DOC] 2.1.1) or
// "Workbook" ("Book" in Excel 5/95, [MS-XLS] 2.1.2). Section numbers below refer to [MS-CFB].

/** The eight bytes every compound file starts with ([MS-CFB] 2.2). */
export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const END_OF_CHAIN = 0xfffffffe; // 2.1
const NO_STREAM = 0xffffffff; // 2.6.1
const HEADER_FAT_SLOTS = 109; // 2.2: the DIFAT entries held in the header itself
const ENTRY_SIZE = 128; // 2.6.1
const TYPE_STREAM = 2;
const TYPE_ROOT = 5;

/** 'doc' or 'xls' when the compound file's root holds exactly one of their main streams, else null. */
export function oleKind(bytes: Uint8Array): 'doc' | 'xls' | null {
  try {
    const names = rootStreamNames(bytes);
    const word = names.has('WORDDOCUMENT');
    const excel = names.has('WORKBOOK') || names.has('BOOK');
    if (word === excel) return null; // neither, or an ambiguous file claiming to be both
    return word ? 'doc' : 'xls';
  } catch (error) {
    // DataView throws RangeError on any read past the end: the file is truncated or lies.
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/**
 * Upper-cased names of every storage and stream anywhere in the compound file (macros live in
 * sub-storages: Word's "Macros", Excel's "_VBA_PROJECT_CUR"), or null when it cannot be read.
 */
export function oleEntryNames(bytes: Uint8Array): Set<string> | null {
  try {
    return walk(bytes, true);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

const rootStreamNames = (bytes: Uint8Array) => walk(bytes, false);

// Upper-cased names of the streams directly under the root storage. The directory is a chain
// of sectors found through the FAT (2.3); its entries form a red-black tree per storage (2.6.4),
// walked here with a visited set so a cyclic (hostile) file cannot loop forever.
// With `deep`, of every entry in every storage.
function walk(bytes: Uint8Array, deep: boolean): Set<string> {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (v.getUint16(0x1c, true) !== 0xfffe) throw new RangeError('byte order');
  const shift = v.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) throw new RangeError('sector size'); // 512 (v3) or 4096 (v4)
  const sectorSize = 1 << shift;
  const perFatSector = sectorSize / 4;
  const maxSectors = Math.ceil(bytes.length / sectorSize);
  const sectorAt = (n: number) => (n + 1) * sectorSize; // 2.2: sector 0 follows the header

  // 2.5: the first 109 FAT sector numbers are in the header, the rest in a chain of DIFAT sectors.
  const fatSector = (index: number): number => {
    if (index < HEADER_FAT_SLOTS) return v.getUint32(0x4c + index * 4, true);
    let difat = v.getUint32(0x44, true);
    let rest = index - HEADER_FAT_SLOTS;
    for (let hops = 0; rest >= perFatSector - 1; hops++) {
      if (hops > maxSectors) throw new RangeError('DIFAT loop');
      difat = v.getUint32(sectorAt(difat) + (perFatSector - 1) * 4, true);
      rest -= perFatSector - 1;
    }
    return v.getUint32(sectorAt(difat) + rest * 4, true);
  };
  const nextSector = (n: number) =>
    v.getUint32(sectorAt(fatSector(Math.floor(n / perFatSector))) + (n % perFatSector) * 4, true);

  const directory: number[] = [];
  for (let s = v.getUint32(0x30, true); s !== END_OF_CHAIN; s = nextSector(s)) {
    if (directory.length > maxSectors) throw new RangeError('directory loop');
    directory.push(sectorAt(s));
  }
  const perSector = sectorSize / ENTRY_SIZE;
  const entryAt = (id: number) => {
    const sector = directory[Math.floor(id / perSector)];
    if (sector === undefined) throw new RangeError('entry outside the directory');
    return sector + (id % perSector) * ENTRY_SIZE;
  };

  const root = entryAt(0);
  if (v.getUint8(root + 0x42) !== TYPE_ROOT) throw new RangeError('no root entry');
  const names = new Set<string>();
  const seen = new Set<number>();
  const pending = [v.getUint32(root + 0x4c, true)];
  while (pending.length > 0) {
    const id = pending.pop();
    if (id === undefined || id === NO_STREAM || seen.has(id)) continue;
    seen.add(id);
    const at = entryAt(id);
    const nameBytes = v.getUint16(at + 0x40, true); // includes the terminating NUL
    if (nameBytes < 2 || nameBytes > 64) throw new RangeError('name length');
    const name = new TextDecoder('utf-16le').decode(bytes.subarray(at, at + nameBytes - 2));
    if (deep || v.getUint8(at + 0x42) === TYPE_STREAM) names.add(name.toUpperCase());
    // Siblings only (left 0x44, right 0x48): streams inside sub-storages, such as an embedded
    // workbook in a Word file's ObjectPool, do not change what the file itself is. Deep, the
    // children (0x4c) too.
    pending.push(v.getUint32(at + 0x44, true), v.getUint32(at + 0x48, true));
    if (deep) pending.push(v.getUint32(at + 0x4c, true));
  }
  return names;
}
