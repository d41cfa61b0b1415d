// Helpers every WebSocket route of ours uses.
import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';

// A WebSocket ping now and then keeps an idle socket (someone waiting in the lobby, a
// start page) open through proxies that close quiet connections.
const KEEPALIVE_MS = 25_000;

export function keepAlive(socket: WebSocket): void {
  const timer = setInterval(() => socket.ping(), KEEPALIVE_MS);
  timer.unref();
  socket.on('close', () => clearInterval(timer));
}

/**
 * A WebSocket upgrade must come from our own pages: browsers send cookies with
 * cross-site WebSocket handshakes, so without this a foreign page could drive a
 * signed-in official's socket (cross-site WebSocket hijacking).
 */
export function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
