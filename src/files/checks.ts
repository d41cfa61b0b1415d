// The checks every received file goes through, in the order they run: the cheapest and most
// certain first, so a refusal names the plainest reason (a NUL in the name before the bytes,
// the size before the type, what the file is before what is inside it, the bytes before the
// name). No I/O: the scan (clamav.ts) and the storing (service.ts) come after these pass.
import { inspectContents, type ContentRefusal } from './contents.ts';
import { displayName, nameRefusal } from './names.ts';
import { sniffType, type FileType, type SniffRefusal } from './sniff.ts';

/** What one use of the pipeline accepts: a form, a notice board, a meeting folder. */
export type FilePolicy = {
  /** Types accepted, as their bytes say; the name and the Content-Type are never trusted. */
  types: readonly FileType[];
  /** Most bytes of one file. */
  maxBytes: number;
  /** Office documents with macros pass (an organisation's choice; refused by default). */
  allowMacros?: boolean;
  /**
   * `configured`: scanned by clamd when CLAMAV_URL is set, else kept as unscanned (production
   * refuses to start without a scanner unless FILE_SCAN=off says so). `required`: with no
   * scanner configured or answering, every file is refused.
   */
  scan: 'configured' | 'required';
};

/** Why a file is refused by its name, and every reason a file can be refused for. */
export type NameRefusal = 'null_byte' | 'path_name' | 'name_mismatch' | 'bad_name';
export type FileRefusal =
  SniffRefusal | ContentRefusal | NameRefusal | 'too_large' | 'infected' | 'scanner_unavailable';

export type Checked =
  | { ok: true; type: FileType; mime: string; extension: string; name: string }
  | { ok: false; reason: Exclude<FileRefusal, 'infected' | 'scanner_unavailable'> };

/**
 * Checks one file, all of whose bytes are in memory, against a policy: its name, its size, its
 * type by its bytes, what is inside it (every ZIP entry inflated, macros, hidden programs,
 * HTML in a PDF), and whether its name matches what it is. On success, the name to show.
 */
export async function checkFile(
  bytes: Uint8Array,
  original: string,
  policy: FilePolicy,
): Promise<Checked> {
  if (original.includes('\0')) return { ok: false, reason: 'null_byte' };
  if (bytes.length > policy.maxBytes) return { ok: false, reason: 'too_large' };
  const sniffed = sniffType(bytes, { allowed: policy.types });
  if (!sniffed.ok) return sniffed;
  const inside = await inspectContents(bytes, sniffed.type, {
    allowMacros: policy.allowMacros ?? false,
  });
  if (inside) return { ok: false, reason: inside };
  const refusal = nameRefusal(original, sniffed.extension);
  if (refusal) return { ok: false, reason: refusal };
  const named = displayName(original, sniffed.extension);
  if (!named.ok)
    return { ok: false, reason: named.reason === 'null_byte' ? 'null_byte' : 'bad_name' };
  return { ...sniffed, name: named.name };
}
