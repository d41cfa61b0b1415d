// What an uploaded file really is, decided from its bytes alone (OWASP File Upload Cheat Sheet,
// ASVS V5): the name and the Content-Type are chosen by the uploader and are never trusted.
// Uploads are at most 20 MB, so the whole file is in memory and ZIPs can be read from the end.
import type { FileTypeName } from '../config/config.ts';
import { OLE_SIGNATURE, oleKind } from './ole.ts';
import { hasZipTail, readZipDirectory, type ZipEntry } from './zip.ts';

/** The file types the pipeline recognises, one for each name the configuration knows. */
export const FILE_TYPES = {
  pdf: { mime: 'application/pdf', extension: 'pdf' },
  png: { mime: 'image/png', extension: 'png' },
  jpeg: { mime: 'image/jpeg', extension: 'jpg' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
  },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extension: 'pptx',
  },
  odt: { mime: 'application/vnd.oasis.opendocument.text', extension: 'odt' },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', extension: 'ods' },
  odp: { mime: 'application/vnd.oasis.opendocument.presentation', extension: 'odp' },
  doc: { mime: 'application/msword', extension: 'doc' },
  xls: { mime: 'application/vnd.ms-excel', extension: 'xls' },
} as const satisfies Record<FileTypeName, { mime: string; extension: string }>;

export type FileType = keyof typeof FILE_TYPES;

/** Why a file is refused; each maps to a message the uploader sees. */
export type SniffRefusal =
  | 'empty'
  | 'unknown_type'
  | 'not_allowed'
  | 'polyglot'
  | 'executable'
  | 'script'
  | 'zip_bomb'
  | 'bad_zip';

export type SniffResult =
  | { ok: true; type: FileType; mime: string; extension: string }
  | { ok: false; reason: SniffRefusal };

export interface SniffOptions {
  /** Types to accept; all of FILE_TYPES when absent. */
  allowed?: readonly FileType[];
  /** Most bytes a ZIP-based document may expand to, summed over its entries. */
  maxUncompressedBytes?: number;
  /** Highest uncompressed/compressed ratio of any entry of 1 MiB or more. */
  maxRatio?: number;
  maxEntries?: number;
}

const ALL_TYPES = Object.keys(FILE_TYPES) as FileType[];
const MiB = 1024 * 1024;

// WHATWG MIME Sniffing §5.2 reads a "resource header" of up to 1445 bytes, and PDF readers
// accept "%PDF-" anywhere in the first 1024: markers in this window are what other parsers see.
const HEAD = 1445;
const MARKUP = ['<script', '<html', '<svg', '<!doctype html', '<iframe', '<body'];

const EXECUTABLES: readonly (readonly number[])[] = [
  [0x4d, 0x5a], // MZ: DOS and Windows PE
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xfe, 0xed, 0xfa, 0xce], // Mach-O 32-bit, big-endian
  [0xfe, 0xed, 0xfa, 0xcf], // Mach-O 64-bit, big-endian
  [0xce, 0xfa, 0xed, 0xfe], // Mach-O 32-bit, little-endian
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O 64-bit, little-endian
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal (also Java class files)
];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
// PNG signature and then the IHDR chunk, which the PNG spec (5.2, 5.6) requires to come first.
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  magic.every((b, i) => bytes[i] === b);

/** Decides what a whole file is by its magic bytes and structure, refusing anything dangerous or ambiguous. */
export function sniffType(bytes: Uint8Array, opts: SniffOptions = {}): SniffResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (EXECUTABLES.some((magic) => startsWith(bytes, magic)))
    return { ok: false, reason: 'executable' };
  const head = headText(bytes);
  if (isMarkupOrScript(head)) return { ok: false, reason: 'script' };

  const found = detect(bytes, opts);
  if (typeof found !== 'string') return found;
  // Any accepted type that also carries HTML, or a PDF header where PDF readers look for one,
  // opens as something else in another program.
  if (MARKUP.some((m) => head.includes(m))) return { ok: false, reason: 'polyglot' };
  if (found !== 'pdf' && head.slice(0, 1024).includes('%pdf-'))
    return { ok: false, reason: 'polyglot' };
  if ((opts.allowed ?? ALL_TYPES).includes(found))
    return { ok: true, type: found, ...FILE_TYPES[found] };
  return { ok: false, reason: 'not_allowed' };
}

function detect(
  bytes: Uint8Array,
  opts: SniffOptions,
): FileType | { ok: false; reason: SniffRefusal } {
  if (startsWith(bytes, ZIP)) return zipType(bytes, opts);
  const type = startsWith(bytes, PDF)
    ? 'pdf'
    : startsWith(bytes, PNG)
      ? 'png'
      : startsWith(bytes, JPEG)
        ? 'jpeg'
        : startsWith(bytes, OLE_SIGNATURE)
          ? oleKind(bytes)
          : null;
  if (!type) return { ok: false, reason: 'unknown_type' };
  // ZIP readers find an archive by its end record, so an archive appended to a PDF or an image
  // makes the one file both. (A ZIP that starts at byte 0 is checked strictly in zip.ts.)
  if (hasZipTail(bytes)) return { ok: false, reason: 'polyglot' };
  return type;
}

// The file's first bytes as lower-case text, decoded by its byte order mark if it has one.
function headText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, HEAD);
  const encoding =
    head[0] === 0xff && head[1] === 0xfe
      ? 'utf-16le'
      : head[0] === 0xfe && head[1] === 0xff
        ? 'utf-16be'
        : 'latin1';
  return new TextDecoder(encoding).decode(head).toLowerCase();
}

// HTML or SVG (markup whose first tag, after a BOM, whitespace, an XML declaration or comments,
// or anywhere in the head, is a document that can run script) or a "#!" script.
function isMarkupOrScript(head: string): boolean {
  const text = head.replace(/^(\u00ef\u00bb\u00bf|\ufeff)/, '').trimStart();
  if (text.startsWith('#!')) return true;
  return text.startsWith('<') && MARKUP.some((m) => text.includes(m));
}

// OOXML (ECMA-376 Part 2, Open Packaging Conventions) or ODF (OpenDocument 1.3 Part 2 §3.3),
// after the central directory has passed every zip-bomb and structure check.
function zipType(
  bytes: Uint8Array,
  opts: SniffOptions,
): FileType | { ok: false; reason: SniffRefusal } {
  const zip = readZipDirectory(bytes, {
    maxEntries: opts.maxEntries ?? 1000,
    maxTotalUncompressed: opts.maxUncompressedBytes ?? 100 * MiB,
    maxRatio: opts.maxRatio ?? 100,
    ratioFloor: MiB,
  });
  if (!zip.ok) return zip;
  return (
    odfType(bytes, zip.entries) ?? ooxmlType(zip.entries) ?? { ok: false, reason: 'unknown_type' }
  );
}

// ODF: the first entry is "mimetype", stored uncompressed, holding exactly the media type.
function odfType(bytes: Uint8Array, entries: ZipEntry[]): FileType | null {
  const first = entries.find((e) => e.localOffset === 0);
  if (!first || first.name !== 'mimetype' || first.method !== 0) return null;
  const mime = new TextDecoder('latin1').decode(
    bytes.subarray(first.dataOffset, first.dataOffset + first.compressedSize),
  );
  for (const type of ['odt', 'ods', 'odp'] as const)
    if (FILE_TYPES[type].mime === mime) return type;
  return null;
}

// OOXML: a [Content_Types].xml part and the main parts under exactly one of word/, xl/, ppt/.
function ooxmlType(entries: ZipEntry[]): FileType | null {
  if (!entries.some((e) => e.name === '[Content_Types].xml')) return null;
  const kinds = (['docx', 'xlsx', 'pptx'] as const).filter((type) => {
    const folder = { docx: 'word/', xlsx: 'xl/', pptx: 'ppt/' }[type];
    return entries.some((e) => e.name.startsWith(folder));
  });
  return kinds.length === 1 ? (kinds[0] ?? null) : null;
}
