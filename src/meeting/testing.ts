// Test helpers for meetings: a confirmed booking through the public API, a signed-in
// staff cookie, and a WebSocket client that records what the server sends.
import WebSocket from 'ws';
import type { Okence } from '../boot.ts';
import { cookiesOf, csrfFrom } from '../http/testing.ts';
import { DEMO_PASSWORD } from '../tenants/demo-data.ts';
import type { ServerMessage } from './protocol.ts';

/** Books the first free time of a service (on `day`, or up to `to`) through the API and confirms it with the emailed code. */
export async function bookThroughApi(
  okence: Okence,
  o: {
    organisation: string;
    office: string;
    service: string;
    day: string;
    to?: string;
    email: string;
    name: string;
    ip?: string;
  },
): Promise<{ id: string; start: Date; joinToken: string; joinUrl: string; manageUrl: string }> {
  const ip = o.ip ?? '203.0.113.50';
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    okence.app.inject({
      method,
      url: `/api/v1${url}`,
      remoteAddress: ip,
      ...(payload ? { payload } : {}),
    });
  const avail = (
    await call(
      'GET',
      `/organisations/${o.organisation}/services/${o.service}/availability?office=${o.office}&from=${o.day}&to=${o.to ?? o.day}`,
    )
  ).json<{ days: { times: { start: string }[] }[] }>();
  const start = avail.days[0]?.times[0]?.start;
  if (!start) throw new Error(`no free time on ${o.day}`);
  const hold = await call('POST', `/organisations/${o.organisation}/services/${o.service}/holds`, {
    office: o.office,
    start,
    name: o.name,
    email: o.email,
    language: 'en',
  });
  if (hold.statusCode !== 201) throw new Error(`hold: ${hold.statusCode} ${hold.body}`);
  const rows = await okence.handle.db
    .selectFrom('mail_outbox')
    .select('text_body')
    .where('to_address', '=', o.email)
    .orderBy('created_at', 'desc')
    .execute();
  const code =
    /(\d{6})/.exec(rows.find((r) => /\d{6}/.test(r.text_body))?.text_body ?? '')?.[1] ?? '';
  const confirmed = await call('POST', `/holds/${hold.json<{ holdId: string }>().holdId}/confirm`, {
    code,
  });
  if (confirmed.statusCode !== 200)
    throw new Error(`confirm: ${confirmed.statusCode} ${confirmed.body}`);
  const b = confirmed.json<{ id: string; start: string; joinUrl: string; manageUrl: string }>();
  return {
    id: b.id,
    start: new Date(b.start),
    joinToken: b.joinUrl.split('/j/')[1] ?? '',
    joinUrl: b.joinUrl,
    manageUrl: b.manageUrl,
  };
}

/** Signs a demo staff member in and returns the Cookie header value (from `ip`, for tests that sign in more often than the per-IP limit allows). */
export async function staffCookie(
  okence: Okence,
  email: string,
  ip = '127.0.0.1',
): Promise<string> {
  const form = await okence.app.inject({ method: 'GET', url: '/staff/sign-in', remoteAddress: ip });
  let cookies = cookiesOf(form);
  const res = await okence.app.inject({
    method: 'POST',
    url: '/staff/sign-in',
    remoteAddress: ip,
    cookies,
    payload: { email, password: DEMO_PASSWORD, _csrf: csrfFrom(form.body) },
  });
  if (res.statusCode !== 303) throw new Error(`sign-in of ${email}: ${res.statusCode}`);
  cookies = { ...cookies, ...cookiesOf(res) };
  return Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}

export type TestSocket = {
  messages: ServerMessage[];
  closed: Promise<{ code: number; reason: string }>;
  send(message: unknown): void;
  sendRaw(data: string | Buffer): void;
  /** Waits for the next message of a type that arrives after `from` (index into messages). */
  next<T extends ServerMessage['type']>(
    type: T,
    timeoutMs?: number,
  ): Promise<Extract<ServerMessage, { type: T }>>;
  close(): Promise<void>;
};

/** Opens a meeting socket as a browser on `origin` would (Origin header, cookies). */
export function openSocket(
  baseUrl: string,
  path: string,
  opts: { cookie?: string; origin?: string } = {},
): TestSocket {
  const url = new URL(path, baseUrl.replace(/^http/, 'ws'));
  const ws = new WebSocket(url, {
    headers: { origin: opts.origin ?? baseUrl, ...(opts.cookie ? { cookie: opts.cookie } : {}) },
  });
  const messages: ServerMessage[] = [];
  const waiters: (() => void)[] = [];
  let seen = 0;
  ws.on('message', (data: Buffer) => {
    messages.push(JSON.parse(data.toString()) as ServerMessage);
    for (const w of waiters.splice(0)) w();
  });
  ws.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<void>((resolve) => {
    ws.on('open', () => resolve());
    void closed.then(() => resolve());
  });
  return {
    messages,
    closed,
    send: (message) =>
      void opened.then(() => ws.readyState === ws.OPEN && ws.send(JSON.stringify(message))),
    sendRaw: (data) => void opened.then(() => ws.readyState === ws.OPEN && ws.send(data)),
    async next(type, timeoutMs = 5000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        for (; seen < messages.length; seen++) {
          const m = messages[seen]!;
          if (m.type === type) {
            seen++;
            return m as never;
          }
        }
        const left = end - Date.now();
        if (left <= 0)
          throw new Error(
            `no ${type} within ${timeoutMs} ms; got ${messages.map((m) => m.type).join(', ')}`,
          );
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((r) => waiters.push(r)),
          new Promise((r) => (timer = setTimeout(r, left))),
          closed,
        ]);
        // A timer left running would hold the test process open after the last test.
        clearTimeout(timer);
        if (ws.readyState === ws.CLOSED && seen >= messages.length)
          throw new Error(
            `socket closed before ${type}; got ${messages.map((m) => m.type).join(', ')}`,
          );
      }
    },
    async close() {
      ws.close();
      await closed;
    },
  };
}
