// Builders for test files made in memory: a tiny ZIP writer (APPNOTE.TXT 4.3.7, 4.3.12, 4.3.16)
// and a tiny OLE2 compound file writer ([MS-CFB] 2.2, 2.6), and text for property tests.
// Only tests import this file.
import { crc32, deflateRawSync } from 'node:zlib';
import fc from 'fast-check';

/**
 * Any Unicode scalar value, weighted towards ASCII. (fast-check's own `unit: 'binary'` takes
 * over a second to warm up, most of this suite's time budget.)
 */
export const anyCharacter = fc
  .oneof(
    fc.integer({ min: 0, max: 0x7f }),
    fc.integer({ min: 0x80, max: 0xd7ff }),
    fc.integer({ min: 0xe000, max: 0x10ffff }),
  )
  .map((c) => String.fromCodePoint(c));

/** One entry for makeZip; `store` skips deflate, `extra` goes into both headers. */
export interface TestEntry {
  name: string;
  data: Uint8Array | string;
  store?: boolean;
  extra?: Uint8Array;
  /** zlib level; 1 deflates 50 MB of zeros in under 0.1 s (the default takes 0.5 s). */
  level?: number;
}

const bytesOf = (data: Uint8Array | string) =>
  typeof data === 'string' ? new TextEncoder().encode(data) : data;

/** A well-formed single-disk ZIP holding the given entries, in order. */
export function makeZip(entries: TestEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = bytesOf(entry.data);
    const body = entry.store
      ? raw
      : new Uint8Array(deflateRawSync(raw, { level: entry.level ?? 6 }));
    const name = new TextEncoder().encode(entry.name);
    const extra = entry.extra ?? new Uint8Array(0);
    const local = new Uint8Array(30 + name.length + extra.length + body.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(6, 1 << 11, true); // UTF-8 names
    l.setUint16(8, entry.store ? 0 : 8, true);
    l.setUint32(14, crc32(raw), true);
    l.setUint32(18, body.length, true);
    l.setUint32(22, raw.length, true);
    l.setUint16(26, name.length, true);
    l.setUint16(28, extra.length, true);
    local.set(name, 30);
    local.set(extra, 30 + name.length);
    local.set(body, 30 + name.length + extra.length);

    const central = new Uint8Array(46 + name.length + extra.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, 1 << 11, true);
    c.setUint16(10, entry.store ? 0 : 8, true);
    c.setUint32(16, crc32(raw), true);
    c.setUint32(20, body.length, true);
    c.setUint32(24, raw.length, true);
    c.setUint16(28, name.length, true);
    c.setUint16(30, extra.length, true);
    c.setUint32(42, offset, true);
    central.set(name, 46);
    central.set(extra, 46 + name.length);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, directorySize, true);
  e.setUint32(16, offset, true);
  return concat(...locals, ...centrals, end);
}

/** The byte offsets of a makeZip archive's records, for tests that corrupt one field. */
export function zipLayout(zip: Uint8Array): { end: number; directory: number } {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  return { end, directory: v.getUint32(end + 16, true) };
}

/** A minimal DOCX, XLSX or PPTX: content types plus one main part under its folder. */
export function makeOoxml(folder: 'word' | 'xl' | 'ppt'): Uint8Array {
  const main = { word: 'document', xl: 'workbook', ppt: 'presentation' }[folder];
  return makeZip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships/>' },
    {
      name: `${folder}/${main}.xml`,
      data: `<?xml version="1.0"?><${main}>${'hello '.repeat(200)}</${main}>`,
    },
  ]);
}

/** A minimal ODF package: the stored mimetype entry first, then content. */
export function makeOdf(mime: string): Uint8Array {
  return makeZip([
    { name: 'mimetype', data: mime, store: true },
    { name: 'content.xml', data: '<?xml version="1.0"?><office:document-content/>' },
    { name: 'META-INF/manifest.xml', data: '<?xml version="1.0"?><manifest:manifest/>' },
  ]);
}

/** A compound file whose root holds the given streams, plus optionally one storage holding more. */
export function makeCompoundFile(
  rootStreams: string[],
  storage?: { name: string; streams: string[] },
): Uint8Array {
  const NONE = 0xffffffff;
  type Node = { name: string; type: number; right: number; child: number };
  const nodes: Node[] = [{ name: 'Root Entry', type: 5, right: NONE, child: NONE }];
  const chain = (names: string[], type: number) => {
    // Siblings as a chain of right links: a valid (if unbalanced) tree for a reader.
    const first = nodes.length;
    names.forEach((name, i) =>
      nodes.push({ name, type, right: i + 1 < names.length ? first + i + 1 : NONE, child: NONE }),
    );
    return names.length ? first : NONE;
  };
  const top = chain([...rootStreams, ...(storage ? [storage.name] : [])], 2);
  if (nodes[0]) nodes[0].child = top;
  if (storage) {
    const holder = nodes[nodes.length - 1];
    if (holder) holder.type = 1;
    const inner = chain(storage.streams, 2);
    if (holder) holder.child = inner;
  }
  const directorySectors = Math.ceil(nodes.length / 4);
  const file = new Uint8Array(512 * (2 + directorySectors));
  const v = new DataView(file.buffer);
  file.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  v.setUint16(0x18, 0x3e, true);
  v.setUint16(0x1a, 3, true);
  v.setUint16(0x1c, 0xfffe, true);
  v.setUint16(0x1e, 9, true);
  v.setUint16(0x20, 6, true);
  v.setUint32(0x2c, 1, true); // one FAT sector, sector 0
  v.setUint32(0x30, 1, true); // the directory starts at sector 1
  v.setUint32(0x38, 4096, true);
  v.setUint32(0x3c, 0xfffffffe, true);
  v.setUint32(0x44, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) v.setUint32(0x4c + i * 4, i === 0 ? 0 : NONE, true);
  const fat = 512;
  for (let i = 0; i < 128; i++) v.setUint32(fat + i * 4, NONE, true);
  v.setUint32(fat, 0xfffffffd, true); // sector 0 is a FAT sector
  for (let s = 1; s <= directorySectors; s++)
    v.setUint32(fat + s * 4, s < directorySectors ? s + 1 : 0xfffffffe, true);
  for (let id = 0; id < directorySectors * 4; id++) {
    const at = 1024 + id * 128;
    const node = nodes[id];
    v.setUint32(at + 0x44, NONE, true);
    v.setUint32(at + 0x48, node?.right ?? NONE, true);
    v.setUint32(at + 0x4c, node?.child ?? NONE, true);
    if (!node) continue;
    for (let i = 0; i < node.name.length; i++)
      v.setUint16(at + i * 2, node.name.charCodeAt(i), true);
    v.setUint16(at + 0x40, (node.name.length + 1) * 2, true);
    v.setUint8(at + 0x42, node.type);
    v.setUint8(at + 0x43, 1);
  }
  return file;
}

/** The bytes of all parts, one after another. */
export function concat(...parts: (Uint8Array | string)[]): Uint8Array {
  const arrays = parts.map(bytesOf);
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

/** A multipart/form-data body as a browser sends it, for uploading through app.inject. */
export function multipartBody(
  files: { name: string; bytes: Uint8Array | string; type?: string }[],
  field = 'file',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----okence${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const f of files) {
    // Browsers escape quotes and line breaks in the name this way (HTML's form encoding).
    const name = f.name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    parts.push(
      Buffer.from(typeof f.bytes === 'string' ? new TextEncoder().encode(f.bytes) : f.bytes),
    );
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A small, valid PDF whose bytes differ by `label`. */
export function samplePdf(label = 'Okence'): Uint8Array {
  return concat(
    `%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Title (${label}) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
  );
}
