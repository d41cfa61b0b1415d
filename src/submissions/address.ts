// Where a webhook may point (decision 040): an admin types a URL, and Okence posts submissions
// to it from inside the installation's network. Without a rule, that URL could reach what only
// the installation can (a database on loopback, a cloud's metadata service on 169.254.169.254,
// the office's intranet): so only public addresses are allowed, checked when the URL is saved
// and again on every connection, since a name may resolve elsewhere later (DNS rebinding).
// Pure rules; the lookups are in outbound.ts.
import { isIP } from 'node:net';

/** What kind of address an IP is, for the webhook rule. */
export type AddressClass =
  'public' | 'loopback' | 'private' | 'link-local' | 'unspecified' | 'reserved';

type V4Range = [base: number, bits: number, kind: Exclude<AddressClass, 'public'>];

const v4 = (a: number, b: number, c: number, d: number) =>
  ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

// RFC 6890's special-purpose registry, IPv4: none of these is a filing system on the Internet.
const V4_RANGES: V4Range[] = [
  [v4(0, 0, 0, 0), 8, 'unspecified'], // "this network"; 0.0.0.0 reaches the local host on Linux
  [v4(10, 0, 0, 0), 8, 'private'],
  [v4(100, 64, 0, 0), 10, 'private'], // carrier-grade NAT (RFC 6598)
  [v4(127, 0, 0, 0), 8, 'loopback'],
  [v4(169, 254, 0, 0), 16, 'link-local'], // cloud metadata services live here
  [v4(172, 16, 0, 0), 12, 'private'],
  [v4(192, 0, 0, 0), 24, 'reserved'],
  [v4(192, 0, 2, 0), 24, 'reserved'],
  [v4(192, 88, 99, 0), 24, 'reserved'],
  [v4(192, 168, 0, 0), 16, 'private'],
  [v4(198, 18, 0, 0), 15, 'reserved'],
  [v4(198, 51, 100, 0), 24, 'reserved'],
  [v4(203, 0, 113, 0), 24, 'reserved'],
  [v4(224, 0, 0, 0), 4, 'reserved'], // multicast
  [v4(240, 0, 0, 0), 4, 'reserved'], // and 255.255.255.255
];

function classifyV4(text: string): AddressClass {
  const [a = 0, b = 0, c = 0, d = 0] = text.split('.').map(Number);
  const n = v4(a, b, c, d);
  for (const [base, bits, kind] of V4_RANGES) {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if ((n & mask) >>> 0 === base) return kind;
  }
  return 'public';
}

/** The eight 16-bit groups of an IPv6 address (with a dotted IPv4 tail, as in ::ffff:1.2.3.4). */
function groupsV6(text: string): number[] {
  let s = text.toLowerCase().split('%')[0]!;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1]!.split('.').map(Number);
    s = `${s.slice(0, -dotted[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = s.split('::');
  const part = (p: string) => (p ? p.split(':').map((g) => parseInt(g, 16)) : []);
  const h = part(head);
  const t = tail === undefined ? [] : part(tail);
  return [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t];
}

function classifyV6(text: string): AddressClass {
  const g = groupsV6(text);
  const [g0 = 0, g1 = 0] = g;
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  const tailV4 = () => `${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`;
  if (zeroUpTo(8)) return 'unspecified';
  if (zeroUpTo(7) && g[7] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible form (::a.b.c.d) reach the
  // IPv4 address: judged as that address. So is NAT64's well-known prefix (64:ff9b::/96).
  if (zeroUpTo(5) && g[5] === 0xffff) return classifyV4(tailV4());
  if (zeroUpTo(6)) return classifyV4(tailV4());
  if (g0 === 0x64 && g1 === 0xff9b && g.slice(2, 6).every((x) => x === 0))
    return classifyV4(tailV4());
  if ((g0 & 0xfe00) === 0xfc00) return 'private'; // fc00::/7, unique local
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
  if ((g0 & 0xffc0) === 0xfec0) return 'private'; // fec0::/10, the old site-local
  if ((g0 & 0xff00) === 0xff00) return 'reserved'; // multicast
  // Documentation, the IETF's protocol assignments (Teredo among them), 6to4 (an IPv4 inside),
  // the discard prefix: none is a receiver's address.
  if (g0 === 0x2001 && g1 === 0x0db8) return 'reserved';
  if (g0 === 0x2001 && g1 < 0x0200) return 'reserved';
  if (g0 === 0x2002) return 'reserved';
  if (g0 === 0x0100 && g.slice(1, 4).every((x) => x === 0)) return 'reserved';
  // Only global unicast (2000::/3) is an address on the Internet.
  return (g0 & 0xe000) === 0x2000 ? 'public' : 'reserved';
}

/** The class of an IP address (v4 or v6 text); anything that is not an IP is 'reserved'. */
export function classifyAddress(ip: string): AddressClass {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const family = isIP(bare.split('%')[0]!);
  if (family === 4) return classifyV4(bare);
  if (family === 6) return classifyV6(bare);
  return 'reserved';
}

/** Whether Okence may connect to `ip`: a public address, or loopback when the setting allows it. */
export function addressAllowed(ip: string, allowLoopback: boolean): boolean {
  const kind = classifyAddress(ip);
  return kind === 'public' || (allowLoopback && kind === 'loopback');
}

/** Why a webhook URL is refused before any lookup, as a message key's last part; null if fine. */
export type UrlProblem = 'invalid' | 'https' | 'credentials' | 'address';

/**
 * The rules of the URL itself: an absolute http(s) URL of at most 2000 characters, with no
 * user or password in it (a secret in a URL is written to logs), https unless loopback is
 * allowed (development and tests only: WEBHOOK_ALLOW_LOOPBACK) and it names a loopback host,
 * and, when it names an IP, an allowed one. A name is resolved afterwards (outbound.ts).
 */
export function webhookUrlProblem(text: string, allowLoopback: boolean): UrlProblem | null {
  if (text.length > 2000) return 'invalid';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'invalid';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'invalid';
  if (!url.hostname || url.hash) return 'invalid';
  if (url.username || url.password) return 'credentials';
  const literal = isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0;
  if (literal && !addressAllowed(url.hostname, allowLoopback)) return 'address';
  if (url.protocol === 'http:') {
    const loopbackHost =
      url.hostname === 'localhost' || (literal && classifyAddress(url.hostname) === 'loopback');
    if (!(allowLoopback && loopbackHost)) return 'https';
  }
  return null;
}
