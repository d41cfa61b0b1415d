// What is inside a document, decided by reading all of it. sniff.ts says what a file is from
// its structure and first bytes; this reads every part: it inflates each ZIP entry under a hard
// byte cap (a header may understate sizes, so its numbers only set the caps), looks for macros
// in OOXML, ODF and OLE2 documents, for programs and archives hidden as parts, and for HTML
// anywhere in a PDF. Async: inflating runs on libuv's thread pool, not the event loop.
import { promisify } from 'node:util';
import { crc32, inflateRaw } from 'node:zlib';
import { oleEntryNames } from './ole.ts';
import type { FileType } from './sniff.ts';
import { readZipDirectory, type ZipEntry } from './zip.ts';

/** Why a document is refused for what it contains. */
export type ContentRefusal =
  'macros' | 'zip_bomb' | 'bad_zip' | 'nested_archive' | 'executable' | 'script' | 'polyglot';

export interface ContentOptions {
  /** The organisation accepts documents with macros (off unless an admin turns it on). */
  allowMacros: boolean;
  /** Most bytes a document may inflate to in all, nested documents included. */
  maxInflatedBytes?: number;
  /** Highest inflated/compressed ratio of an entry of `ratioFloor` bytes or more. */
  maxRatio?: number;
}

const MiB = 1024 * 1024;
const inflate = promisify<Buffer, { maxOutputLength: number }, Buffer>(inflateRaw);
const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  magic.length <= bytes.length && magic.every((b, i) => bytes[i] === b);

const PROGRAMS: readonly (readonly number[])[] = [
  [0x4d, 0x5a], // MZ: DOS and Windows PE
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal, Java class
];
const ARCHIVES: readonly (readonly number[])[] = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0x50, 0x4b, 0x07, 0x08], // ZIP
  [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], // RAR
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7-Zip
  [0x1f, 0x8b], // gzip
  [0x42, 0x5a, 0x68], // bzip2
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], // xz
  [0x4d, 0x53, 0x43, 0x46], // CAB
];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// Parts named like programs or scripts, whatever their bytes: Windows runs them by the name.
const PROGRAM_NAME =
  /\.(exe|dll|com|scr|pif|msi|msp|cpl|sys|jar|bat|cmd|ps1|vbs|vbe|js|jse|wsf|wsh|hta|lnk|sh|elf|app)$/i;
// OOXML parts that hold macros (ECMA-376 with the [MS-OFFMACRO] extensions) and ODF's
// macro libraries (OpenDocument 1.3 Part 3 §3.14: scripts live in the package's Basic/ and
// Scripts/ folders).
const OOXML_MACRO_PART =
  /(^|\/)(vbaProject\.bin|vbaData\.xml)$|^xl\/macrosheets\/|^word\/vbaProjectSignature|(^|\/)activeX\/.*\.bin$/i;
const ODF_MACRO_PART = /^(Basic|Scripts)\//;
// A content type that names a macro-enabled package or a VBA project.
const MACRO_CONTENT_TYPE =
  /macroEnabled|vbaProject|ms-office\.activeX|ms-excel\.intlmacrosheet|ms-excel\.macrosheet/i;
// OLE2 storages and streams that hold VBA ([MS-OVBA] 2.2.1; Word: Macros, Excel: _VBA_PROJECT_CUR).
const OLE_MACRO_NAMES = ['MACROS', '_VBA_PROJECT_CUR', 'VBA', '_VBA_PROJECT', 'PROJECTWM', 'XLM'];
// What a PDF must not carry anywhere: markup a browser would run (the sniff looks at the head only).
const MARKUP = /<(script|html|svg|iframe|body|object|embed)[\s>/]|<!doctype html/i;

/** The first reason a document's contents refuse it, or null when nothing inside is unwelcome. */
export async function inspectContents(
  bytes: Uint8Array,
  type: FileType,
  opts: ContentOptions,
): Promise<ContentRefusal | null> {
  switch (type) {
    case 'pdf':
      return MARKUP.test(
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'),
      )
        ? 'polyglot'
        : null;
    case 'doc':
    case 'xls':
      return oleRefusal(bytes, opts);
    case 'png':
    case 'jpeg':
      return null;
    default: {
      const budget = { left: opts.maxInflatedBytes ?? 100 * MiB };
      return zipRefusal(bytes, type.startsWith('od') ? 'odf' : 'ooxml', opts, budget, 0);
    }
  }
}

function oleRefusal(bytes: Uint8Array, opts: ContentOptions): ContentRefusal | null {
  const names = oleEntryNames(bytes);
  if (!names) return 'bad_zip';
  if (!opts.allowMacros && OLE_MACRO_NAMES.some((n) => names.has(n))) return 'macros';
  return null;
}

/**
 * Inflates every entry of an OOXML or ODF package within the shared byte budget and checks
 * each: its real size and CRC against the directory, macros, programs, archives. A nested
 * office document (a chart's workbook inside a report) is checked the same way, once deep.
 */
async function zipRefusal(
  bytes: Uint8Array,
  kind: 'ooxml' | 'odf',
  opts: ContentOptions,
  budget: { left: number },
  depth: number,
): Promise<ContentRefusal | null> {
  const zip = readZipDirectory(bytes, {
    maxEntries: 1000,
    maxTotalUncompressed: budget.left,
    maxRatio: opts.maxRatio ?? 100,
    ratioFloor: MiB,
  });
  if (!zip.ok) return zip.reason;
  if (depth > 0 && !zip.entries.some((e) => e.name === '[Content_Types].xml'))
    return 'nested_archive';
  for (const entry of zip.entries) {
    if (
      !opts.allowMacros &&
      (kind === 'ooxml' ? OOXML_MACRO_PART : ODF_MACRO_PART).test(entry.name)
    )
      return 'macros';
    if (PROGRAM_NAME.test(entry.name)) return 'executable';
    const data = await inflated(bytes, entry, budget);
    if (typeof data === 'string') return data;
    const refusal = await partRefusal(entry, data, kind, opts, budget, depth);
    if (refusal) return refusal;
  }
  return null;
}

// An entry's bytes as they really inflate: never more than its declared size (plus one byte, to
// catch a header that understates it) nor than what is left of the budget.
async function inflated(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: { left: number },
): Promise<Uint8Array | ContentRefusal> {
  const raw = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let data: Uint8Array;
  if (entry.method === 0) {
    data = raw;
  } else {
    try {
      data = await inflate(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), {
        maxOutputLength: Math.min(entry.uncompressedSize, budget.left) + 1,
      });
    } catch (err) {
      // Past the cap: more inside than declared, or than the whole document may hold.
      if ((err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return 'zip_bomb';
      return 'bad_zip';
    }
  }
  if (data.length > entry.uncompressedSize) return 'zip_bomb';
  if (data.length !== entry.uncompressedSize || crc32(data) !== entry.crc32) return 'bad_zip';
  budget.left -= data.length;
  return data;
}

async function partRefusal(
  entry: ZipEntry,
  data: Uint8Array,
  kind: 'ooxml' | 'odf',
  opts: ContentOptions,
  budget: { left: number },
  depth: number,
): Promise<ContentRefusal | null> {
  if (PROGRAMS.some((m) => startsWith(data, m))) return 'executable';
  if (startsWith(data, [0x23, 0x21])) return 'script'; // "#!"
  if (
    !opts.allowMacros &&
    kind === 'ooxml' &&
    entry.name === '[Content_Types].xml' &&
    MACRO_CONTENT_TYPE.test(new TextDecoder().decode(data))
  )
    return 'macros';
  if (
    !opts.allowMacros &&
    kind === 'odf' &&
    entry.name === 'META-INF/manifest.xml' &&
    /manifest:full-path="(Basic|Scripts)\//.test(new TextDecoder().decode(data))
  )
    return 'macros';
  // An embedded OLE object (an old Word or Excel file, a packaged file) may carry VBA too.
  if (startsWith(data, OLE)) return oleRefusal(data, opts) === 'macros' ? 'macros' : null;
  if (ARCHIVES.some((m) => startsWith(data, m))) {
    // An embedded office document (OOXML in OOXML) is read like its host; anything else, or
    // anything deeper, is an archive nobody asked for.
    if (depth > 0 || !startsWith(data, ARCHIVES[0]!)) return 'nested_archive';
    const nested = await zipRefusal(data, 'ooxml', opts, budget, depth + 1);
    return nested === 'bad_zip' ? 'nested_archive' : nested;
  }
  return null;
}
