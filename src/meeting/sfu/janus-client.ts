// A client of Janus's WebSocket API (subprotocol janus-protocol): one socket per instance,
// requests matched to answers by transaction, the API secret on every request, a keep-alive
// per session well within Janus's session_timeout, and events routed to their handle.
// Failure modes, each named: `JanusError` (Janus or its plugin refused: a code and a reason),
// `timeout` (no answer in time), `closed` (the socket went; Janus drops its sessions with it,
// so every session of that socket is lost and `onLost` says so). The next request reconnects.
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';

/** A refusal from Janus (its own codes, e.g. 403 unauthorized) or from a plugin (VideoRoom 4xx). */
export class JanusError extends Error {
  readonly code: number;
  constructor(code: number, reason: string) {
    super(`Janus ${code}: ${reason}`);
    this.code = code;
  }
}

export type Jsep = { type: 'offer' | 'answer'; sdp: string };
/** An asynchronous event of a handle: the plugin's data and, maybe, an SDP; or a trickled candidate. */
export type HandleEvent = {
  janus: string;
  data?: Record<string, unknown>;
  jsep?: Jsep;
  candidate?: { candidate?: string; sdpMid?: string; sdpMLineIndex?: number; completed?: boolean };
};

type Message = Record<string, unknown> & { janus: string; transaction?: string };
type Pending = {
  resolve(m: Message): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
  ackIsAnswer: boolean;
};

const KEEPALIVE_MS = 15_000;

/** Janus's API over one WebSocket; connects on the first request. */
export function janusClient(opts: {
  url: string;
  apiSecret: string | undefined;
  timeoutMs?: number;
  log: { warn(obj: object, msg: string): void };
}) {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  let socket: Promise<WebSocket> | undefined;
  const pending = new Map<string, Pending>();
  const handles = new Map<number, (e: HandleEvent) => void>();
  const sessions = new Map<number, { lost(): void; timer: NodeJS.Timeout }>();

  function connect(): Promise<WebSocket> {
    socket ??= new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(opts.url, 'janus-protocol', { handshakeTimeout: timeoutMs });
      ws.on('open', () => resolve(ws));
      ws.on('message', (data: Buffer) => received(JSON.parse(String(data)) as Message));
      ws.on('error', (err) => {
        opts.log.warn({ err }, 'Janus socket error');
        reject(err);
      });
      ws.on('close', () => lost());
    });
    return socket;
  }

  // The socket went: its sessions are gone on Janus's side too.
  function lost(): void {
    socket = undefined;
    for (const [t, p] of pending) {
      clearTimeout(p.timer);
      p.reject(new Error('closed'));
      pending.delete(t);
    }
    for (const [id, s] of sessions) {
      clearInterval(s.timer);
      sessions.delete(id);
      s.lost();
    }
    handles.clear();
  }

  function received(m: Message): void {
    const p = m.transaction ? pending.get(m.transaction) : undefined;
    if (p && (m.janus !== 'ack' || p.ackIsAnswer)) {
      pending.delete(m.transaction!);
      clearTimeout(p.timer);
      const error = m.error as { code: number; reason: string } | undefined;
      const plugin = (m.plugindata as { data?: Record<string, unknown> } | undefined)?.data;
      if (m.janus === 'error' && error) p.reject(new JanusError(error.code, error.reason));
      else if (typeof plugin?.error_code === 'number')
        p.reject(new JanusError(plugin.error_code, String(plugin.error)));
      else p.resolve(m);
      return;
    }
    if (p) return; // the ack of a request whose answer comes as an event
    const sender = m.sender as number | undefined;
    if (sender === undefined) return;
    handles.get(sender)?.({
      janus: m.janus,
      data: (m.plugindata as { data?: Record<string, unknown> } | undefined)?.data,
      jsep: m.jsep as Jsep | undefined,
      candidate: m.candidate as HandleEvent['candidate'],
    });
  }

  /** Sends a request; resolves with its answer (for plugin messages, the event after the ack). */
  async function request(body: Record<string, unknown>, ackIsAnswer = false): Promise<Message> {
    const ws = await connect();
    const transaction = randomBytes(9).toString('base64url');
    return new Promise<Message>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(transaction);
        reject(new Error(`timeout: ${String(body.janus)}`));
      }, timeoutMs);
      pending.set(transaction, { resolve, reject, timer, ackIsAnswer });
      const apisecret = opts.apiSecret ? { apisecret: opts.apiSecret } : {};
      ws.send(JSON.stringify({ ...body, transaction, ...apisecret }));
    });
  }

  /** A Janus session: its handles, kept alive until destroyed; `lost` runs when Janus drops it. */
  async function createSession(onLost: () => void) {
    const created = await request({ janus: 'create' });
    const id = (created.data as { id: number }).id;
    const timer = setInterval(() => {
      request({ janus: 'keepalive', session_id: id }, true).catch((err: unknown) =>
        opts.log.warn({ err }, 'Janus keep-alive failed'),
      );
    }, KEEPALIVE_MS);
    timer.unref();
    sessions.set(id, { lost: onLost, timer });
    const mine = new Set<number>();

    return {
      id,
      /** Attaches a plugin; `onEvent` hears the handle's events that answer no request. */
      async attach(plugin: string, onEvent: (e: HandleEvent) => void) {
        const attached = await request({ janus: 'attach', session_id: id, plugin });
        const handleId = (attached.data as { id: number }).id;
        handles.set(handleId, onEvent);
        mine.add(handleId);
        const call = { session_id: id, handle_id: handleId };
        return {
          id: handleId,
          /** A plugin request; resolves with the plugin's answer (synchronous, or the event). */
          async message(
            body: Record<string, unknown>,
            jsep?: Jsep,
          ): Promise<{ data: Record<string, unknown>; jsep?: Jsep }> {
            const m = await request({ janus: 'message', ...call, body, ...(jsep ? { jsep } : {}) });
            const data = (m.plugindata as { data: Record<string, unknown> }).data;
            return { data, jsep: m.jsep as Jsep | undefined };
          },
          /** Trickles a browser's candidate (null: its gathering is complete). */
          async trickle(candidate: Record<string, unknown> | null): Promise<void> {
            await request(
              { janus: 'trickle', ...call, candidate: candidate ?? { completed: true } },
              true,
            );
          },
          async detach(): Promise<void> {
            handles.delete(handleId);
            mine.delete(handleId);
            await request({ janus: 'detach', ...call });
          },
        };
      },
      /** Destroys the session (Janus hangs up and detaches its handles). */
      async destroy(): Promise<void> {
        clearInterval(timer);
        sessions.delete(id);
        for (const h of mine) handles.delete(h);
        await request({ janus: 'destroy', session_id: id });
      },
    };
  }

  return {
    request,
    createSession,
    /** Closes the socket (Janus then drops this instance's sessions). */
    async close(): Promise<void> {
      const ws = await socket?.catch(() => undefined);
      if (!ws) return;
      const closed = new Promise((r) => ws.once('close', r));
      ws.close();
      await closed;
    },
  };
}

export type JanusClient = ReturnType<typeof janusClient>;
export type JanusSession = Awaited<ReturnType<JanusClient['createSession']>>;
export type JanusHandle = Awaited<ReturnType<JanusSession['attach']>>;
