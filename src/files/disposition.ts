// Response headers for downloading a file from a meeting folder.

// RFC 8187 §3.2.1 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~".
const ATTR_CHAR = /^[A-Za-z0-9!#$&+\-.^_`|~]$/;

/**
 * `attachment` with both filename forms (RFC 6266 §4.1 and §4.3): an ASCII-only `filename` for
 * old clients and a UTF-8 `filename*` (RFC 8187) that current browsers prefer.
 */
export function contentDisposition(name: string): string {
  return `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${extValue(name)}`;
}

/** Every header a download response carries; a route sets these after the app's default headers. */
export function downloadHeaders(name: string, size: number): Record<string, string> {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`not a size: ${size}`);
  return {
    // Always a download, never rendered: an uploaded file shown inline would run with our
    // origin's cookies and permissions, so a crafted PDF, image or document reaching a browser
    // parser could act as the app. The sniffed type is kept in the database instead.
    'content-type': 'application/octet-stream',
    'content-disposition': contentDisposition(name),
    'content-length': String(size),
    // Browsers must not guess a renderable type from the bytes.
    'x-content-type-options': 'nosniff',
    // If something still renders it (a plugin, a misbehaving client), it gets a unique opaque
    // origin with no script, no forms and no loads.
    'content-security-policy': "sandbox; default-src 'none'",
    // Files are private to one meeting and deleted after it: no shared or disk caches.
    'cache-control': 'private, no-store',
    // Other sites cannot embed or read it through no-cors requests (img, script, object).
    'cross-origin-resource-policy': 'same-origin',
  };
}

// Printable ASCII stays; quote and backslash are escaped as quoted-pairs (RFC 9110 §5.6.4);
// everything else, including controls (a CR or LF would end the header), becomes "_". "%" also
// becomes "_" because some clients percent-decode this parameter (RFC 6266 Appendix D).
function asciiFallback(name: string): string {
  let out = '';
  for (const ch of name) {
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch >= ' ' && ch <= '~' && ch !== '%') out += ch;
    else out += '_';
  }
  return out;
}

// RFC 8187 §3.2.1 ext-value: the UTF-8 bytes, attr-chars as they are and the rest as %XX.
// (Lone surrogates, which displayName never produces, encode as U+FFFD.)
function extValue(name: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(name)) {
    const ch = String.fromCharCode(byte);
    out +=
      byte < 0x80 && ATTR_CHAR.test(ch)
        ? ch
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
