// Records every route an app registers, for tests that sweep all of them (see authz-sweep.db.test.ts).
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { FastifyInstance } from 'fastify';

/** One registered method and path; `websocket` for routes served by @fastify/websocket. */
export type RegisteredRoute = { method: string; url: string; websocket: boolean };

const CHANNEL = 'fastify.initialization';

/**
 * Runs `boot` while recording the routes of the first Fastify instance it creates.
 * Fastify publishes each new instance on its documented 'fastify.initialization'
 * diagnostics channel before anything is registered on it, so an onRoute hook added
 * there sees every route, encapsulated plugins' too, with no test hook in the app.
 * (printRoutes gives only a text tree, and Fastify keeps no list of its own.)
 */
export async function recordingRoutes<T>(
  boot: () => Promise<T>,
): Promise<{ booted: T; routes: RegisteredRoute[] }> {
  const routes: RegisteredRoute[] = [];
  let hooked = false;
  const onInstance = (message: unknown) => {
    if (hooked) return;
    hooked = true;
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onRoute', (r) => {
      for (const method of [r.method].flat())
        routes.push({ method, url: r.url, websocket: r.websocket === true });
    });
  };
  subscribe(CHANNEL, onInstance);
  try {
    const booted = await boot();
    if (!hooked) throw new Error('no Fastify instance was created while booting');
    return { booted, routes };
  } finally {
    unsubscribe(CHANNEL, onInstance);
  }
}
