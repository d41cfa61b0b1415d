/**
 * A typed event channel, made once at boot (services.ts). A domain announces what happened
 * (`emit`); the composition root subscribes the domains that react (`on`). It replaces the
 * hooks and late-bound references that used to tie services to each other (decision 025).
 *
 * Handlers start at once, in the order they were subscribed, each up to its first `await`;
 * `emit` resolves when every handler has settled and never rejects: a handler's failure is
 * logged with the event's name and reaches neither the emitter nor the other handlers. An
 * emitter that must not go on before the reaction is done awaits `emit`; one that only
 * announces does not (`void events.emit(…)`).
 */

/** Where a handler's failure is written: the part of a pino logger the channel uses. */
export type EventLog = { error(obj: object, msg: string): void };

export type EventHandler<P> = (payload: P) => void | Promise<void>;

/** The side a domain is given: it may announce its own events and nothing else. */
export type Emitter<M> = {
  emit<K extends keyof M & string>(name: K, payload: M[K]): Promise<void>;
};

export type Events<M> = Emitter<M> & {
  /** Subscribes `handler` to `name`; returns what unsubscribes it. */
  on<K extends keyof M & string>(name: K, handler: EventHandler<M[K]>): () => void;
};

export function createEvents<M extends object>(log: EventLog): Events<M> {
  const handlers = new Map<keyof M, EventHandler<never>[]>();
  return {
    on(name, handler) {
      const list = handlers.get(name) ?? [];
      list.push(handler);
      handlers.set(name, list);
      return () => {
        const at = list.indexOf(handler);
        if (at >= 0) list.splice(at, 1);
      };
    },
    async emit(name, payload) {
      // A copy: a handler that unsubscribes (or subscribes) does not change this emission.
      const list = [...(handlers.get(name) ?? [])] as EventHandler<typeof payload>[];
      await Promise.all(
        list.map(async (handler) => {
          try {
            await handler(payload);
          } catch (err) {
            log.error({ err, event: name }, `a handler of ${name} failed`);
          }
        }),
      );
    },
  };
}
