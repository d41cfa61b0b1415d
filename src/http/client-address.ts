import type { FastifyRequest } from 'fastify';
import type { TrustProxy } from '../config/config.ts';

/**
 * Fastify's `trustProxy` for a TRUST_PROXY setting. A hop count becomes a function:
 * Fastify 5.12 ignores a bare number (it fails closed), and trusting the socket's peer
 * plus n - 1 further entries is what a hop count means (the socket is hop 0).
 */
export function trustProxyOption(
  trust: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust;
  if (trust === 0) return false;
  return (_address, hop) => hop < trust;
}

// Headers a proxy adds for the client it forwards. Their presence only ever denies.
const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'] as const;

/**
 * Whether the request comes from this machine itself: decided by the socket's peer
 * address, never by a header a client can write. A loopback peer that forwards
 * someone else (a proxy on this machine) is not local.
 */
export function isLocalRequest(request: FastifyRequest): boolean {
  const peer = request.raw.socket.remoteAddress ?? '';
  const loopback = peer === '::1' || peer.startsWith('127.') || peer.startsWith('::ffff:127.');
  return loopback && FORWARDING_HEADERS.every((h) => request.headers[h] === undefined);
}
