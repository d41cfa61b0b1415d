// The one byte range a media request may ask for (RFC 9110 §14): browsers seek in a video by
// asking for `bytes=N-`, and Chromium plays a WebM only from a server that answers such a request
// with 206. Pure: no I/O.

/** A range's first and last byte, both inclusive, as Content-Range counts them. */
export type ByteRange = { start: number; end: number };

/**
 * The range a `Range` header asks for in a body of `size` bytes: the range, `'unsatisfiable'`
 * (416) when it starts past the end, or null when the whole body is the answer (no header, another
 * unit, several ranges, or a header that does not parse: RFC 9110 lets a server ignore those).
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | null {
  if (header === undefined) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size) return 'unsatisfiable';
  if (end < start) return null;
  return { start, end };
}
