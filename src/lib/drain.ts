// An instance's shutdown as the outside sees it (decision 055): once draining, `/readyz` answers
// 503 so that the proxy's health check takes it out of rotation, while it still serves what
// comes in until it closes.

/** Whether this instance is draining; `begin` is called once, at the start of shutdown. */
export type Drain = { readonly draining: boolean; begin(): void };

/** A drain that has not begun. */
export function drainState(): Drain {
  let draining = false;
  return {
    get draining() {
      return draining;
    },
    begin() {
      draining = true;
    },
  };
}
