// Connections to webhook receivers, only to the addresses address.ts allows (decision 040).
// The name is resolved by the connection's own lookup, and each address it gives is checked
// there: the address checked is the address connected to, so a name that resolved to a public
// address when it was saved and resolves to 127.0.0.1 now (DNS rebinding) is refused now.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { IncomingMessage } from 'node:http';
import { isIP, type LookupFunction } from 'node:net';
import { http, https } from '../lib/node-http.ts';
import { addressAllowed, classifyAddress } from './address.ts';

/** Raised when a receiver's name or address is one Okence must not connect to. */
export class AddressRefused extends Error {
  readonly code = 'EADDRREFUSED';
  readonly host: string;
  constructor(host: string) {
    super(`${host} is not a public address`);
    this.host = host;
  }
}

/** Whether `ip` may be reached by a URL of `protocol`: http only ever to loopback (and only when allowed). */
function allowed(ip: string, protocol: string, allowLoopback: boolean): boolean {
  if (protocol === 'http:') return allowLoopback && classifyAddress(ip) === 'loopback';
  return addressAllowed(ip, allowLoopback);
}

/** Every address a host name resolves to, all of them allowed, or AddressRefused. */
export async function resolveAllowed(url: URL, allowLoopback: boolean): Promise<string[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    if (!allowed(host, url.protocol, allowLoopback)) throw new AddressRefused(host);
    return [host];
  }
  const addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(host, { all: true }, (err, found) => (err ? reject(err) : resolve(found))),
  );
  // One address not allowed refuses the name: a client may pick any of them.
  if (!addresses.length || addresses.some((a) => !allowed(a.address, url.protocol, allowLoopback)))
    throw new AddressRefused(host);
  return addresses.map((a) => a.address);
}

/** A connection's lookup that gives only allowed addresses (net calls it with `all` or without). */
function guardedLookup(protocol: string, allowLoopback: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, found) => {
      if (err) return callback(err, '', 4);
      const refused =
        !found.length || found.some((a) => !allowed(a.address, protocol, allowLoopback));
      if (refused) return callback(new AddressRefused(hostname), '', 4);
      if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, found);
      return callback(null, found[0]!.address, found[0]!.family);
    });
  };
}

/**
 * POSTs `body` to `url` and resolves to the status, connecting only to allowed addresses. The
 * answer's body is read and dropped; redirects are not followed (node:http never does).
 */
export async function postGuarded(opts: {
  url: string;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
  allowLoopback: boolean;
}): Promise<number> {
  const url = new URL(opts.url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An address written in the URL is never looked up: it is checked here.
  if (isIP(host) && !allowed(host, url.protocol, opts.allowLoopback))
    throw new AddressRefused(host);
  const request = url.protocol === 'https:' ? https.request : http.request;
  return new Promise<number>((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { ...opts.headers, 'content-length': String(Buffer.byteLength(opts.body)) },
        lookup: guardedLookup(url.protocol, opts.allowLoopback),
        signal: opts.signal,
      },
      (res: IncomingMessage) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}
