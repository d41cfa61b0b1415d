// The minimum-rate rule for request bodies. A fixed total time cannot tell a 20 MB upload on a
// slow phone link from a slow-loris client holding a connection open with a byte every few
// seconds; a minimum rate per window can. It is measured only while the server is reading: a
// body the server is not reading yet (a handler still checking who asks) or has paused (the
// disk is behind) does not move, and that is not the client's fault.
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/** What the rule reads of a body in flight. */
export type BodyProgress = {
  /** Bytes received on the connection so far (any monotonic counter). */
  bytesRead(): number;
  /** True while the server is reading the body and waits for the client. */
  reading(): boolean;
  /** True once the body is complete or the request gone. */
  done(): boolean;
};

export type PaceVerdict = 'ok' | 'done' | 'too_slow';

/**
 * The rule, one window per call: too slow when fewer than `minBytesPerWindow` arrived over a
 * window during which the server was reading from its start to its end.
 */
export function paceCheck(progress: BodyProgress, minBytesPerWindow: number): () => PaceVerdict {
  let base = progress.bytesRead();
  let wasReading = progress.reading();
  return () => {
    if (progress.done()) return 'done';
    const now = progress.bytesRead();
    const reading = progress.reading();
    const slow = wasReading && reading && now - base < minBytesPerWindow;
    base = now;
    wasReading = reading;
    return slow ? 'too_slow' : 'ok';
  };
}

/** The minimum rate of every request body: 4 KiB/s (32 kbit/s, below a poor 2G link) per 20 s. */
export const BODY_PACE = { minBytesPerSecond: 4 * 1024, windowMs: 20_000 };

function hasBody(req: IncomingMessage): boolean {
  return (
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined
  );
}

/** An onRequest hook that closes the connection of a request whose body arrives too slowly. */
export function bodyPace(pace: { minBytesPerSecond: number; windowMs: number } = BODY_PACE) {
  return function onRequest(
    request: FastifyRequest,
    _reply: FastifyReply,
    done: HookHandlerDoneFunction,
  ): void {
    const req = request.raw;
    if (!hasBody(req)) return done();
    const socket = req.socket;
    // The socket's counter, not a 'data' listener: listening would start the body flowing
    // before its parser is attached, and lose it.
    const check = paceCheck(
      {
        bytesRead: () => socket.bytesRead,
        reading: () => req.readableFlowing === true,
        done: () => req.complete || req.destroyed,
      },
      (pace.minBytesPerSecond * pace.windowMs) / 1000,
    );
    const timer = setInterval(() => {
      const verdict = check();
      if (verdict === 'ok') return;
      clearInterval(timer);
      if (verdict === 'too_slow') {
        request.log.info(
          { minBytesPerSecond: pace.minBytesPerSecond },
          'request body too slow; connection closed',
        );
        req.destroy();
      }
    }, pace.windowMs);
    timer.unref();
    req.once('close', () => clearInterval(timer));
    done();
  };
}
