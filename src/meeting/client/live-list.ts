// Lists of appointments kept current (the start page's today and the agenda, src/agenda/views/
// agenda.ts: any element with data-live="<url of the list alone>"): the script reloads a list
// from the server, rendered as on a reload, when the lobby socket says someone knocked, left
// or was let in (a row's state changes), every half a minute (bookings made since the page
// loaded), and when the tab comes back into view. A list is swapped only when it changed, and
// the focus stays on the same link or button.

const POLL_MS = 30_000;

/** Starts keeping every [data-live] list current; returns `refresh` (calls close together are merged), or null when there is none. */
export function liveLists(): { refresh(): void } | null {
  const boxes = Array.from(document.querySelectorAll<HTMLElement>('[data-live]'));
  if (boxes.length === 0) return null;
  let pending: number | null = null;

  const load = async (box: HTMLElement) => {
    const res = await fetch(box.dataset.live ?? '', {
      credentials: 'same-origin',
      headers: { accept: 'text/html' },
    });
    if (!res.ok) return;
    const markup = await res.text();
    if (markup === box.innerHTML) return;
    // Our own server-rendered, escaped fragment (same origin, no scripts in it).
    const focused = focusKey(box);
    box.innerHTML = markup;
    if (focused) box.querySelector<HTMLElement>(focused)?.focus();
  };

  const refresh = () => {
    if (pending !== null) return;
    pending = window.setTimeout(() => {
      pending = null;
      for (const box of boxes) void load(box).catch(() => undefined);
    }, 150);
  };
  window.setInterval(refresh, POLL_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') refresh();
  });
  return { refresh };
}

/** A selector that finds the focused link or form button again in the new list (by where it leads). */
function focusKey(box: HTMLElement): string | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !box.contains(active)) return null;
  const href = active.getAttribute('href');
  if (href) return `a[href="${CSS.escape(href)}"]`;
  const action = active.closest('form')?.getAttribute('action');
  return action ? `form[action="${CSS.escape(action)}"] button` : null;
}
