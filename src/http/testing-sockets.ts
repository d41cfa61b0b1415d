// Sockets as the authorisation sweep uses them: waiting for a message, and trying a socket
// that must not open (testing-authz-sweep.ts, authz-sweep.db.test.ts).
import { openSocket, type TestSocket } from '../meeting/testing.ts';
import { settle } from './authz-sweep-rules.ts';

/** Waits until `socket` has heard a message of `type`. (TestSocket.next leaves its timeout running, which holds the process open for seconds after the tests.) */
export async function heard(socket: TestSocket, type: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!socket.messages.some((m) => m.type === type)) {
    if (Date.now() > end)
      throw new Error(
        `no ${type} within ${ms} ms; got ${socket.messages.map((m) => m.type).join(', ')}`,
      );
    await settle(10);
  }
}

/**
 * How long a socket that must be refused is watched. A refusal closes at once, but on a loaded
 * machine (CI, five test files at a time) the close came after the 2 s an owner's socket is
 * watched for and read as "still open"; only a socket wrongly left open waits the whole time.
 */
export const REFUSAL_WAIT_MS = 10_000;

/** Opens a socket; waits until it closes, sends something, or `ms` pass; then closes it. */
export async function tryWebSocket(
  base: string,
  path: string,
  cookie: string,
  ms = 2000,
): Promise<{ code: number | null; messages: unknown[] }> {
  const s = openSocket(base, path, cookie ? { cookie } : {});
  let code: number | null = null;
  void s.closed.then((c) => (code = c.code));
  const end = Date.now() + ms;
  while (code === null && s.messages.length === 0 && Date.now() < end) await settle(10);
  const seen = { code: code as number | null, messages: [...s.messages] };
  await s.close();
  return seen;
}
