// The lobby panel on every staff page (src/agenda/views/lobby.ts), kept live. After a knock,
// a leave or an admission heard on the staff lobby socket it fetches the panel's list from the
// server and swaps it in, so the list looks the same as after a reload; every 30 s it moves the
// "waiting N min" texts on. Neither is a live region: only the knock itself is announced.
// The list sits in a <details>: closed on narrow screens (one line with the count), opened on
// wide ones when someone waits, unless the official opened or closed it themselves.

type Texts = Partial<Record<string, string>>;

const TICK_MS = 30_000;

function fill(text: string | undefined, params: Record<string, string | number>): string {
  return (text ?? '').replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

/** Starts the panel's clock; returns `refresh`, which reloads its list (calls close together are merged). */
export function livePanel(config: { panel: string; text: Texts }): { refresh(): void } | null {
  const list = document.getElementById('lobby-panel-list');
  const count = document.getElementById('lobby-panel-count');
  if (!list) return null;
  const details = document.getElementById('lobby-panel-details') as HTMLDetailsElement | null;
  const wide = window.matchMedia('(min-width: 48em)');
  // What the official chose by clicking the summary wins over the screen width.
  let chosen: boolean | null = null;
  const place = () => {
    if (details) details.open = chosen ?? (wide.matches && list.querySelector('li') !== null);
  };
  details?.querySelector('summary')?.addEventListener('click', () => {
    // The click toggles after this handler: the chosen state is the opposite of the current one.
    chosen = !details.open;
  });
  place();
  wide.addEventListener('change', place);
  let loadedAt = Date.now();
  let pending: number | null = null;

  const tick = () => {
    const passed = Math.floor((Date.now() - loadedAt) / 60_000);
    list.querySelectorAll<HTMLElement>('[data-since-minutes]').forEach((el) => {
      const minutes = Number(el.dataset.sinceMinutes) + passed;
      el.textContent = fill(config.text['agenda.lobby.waited'], { minutes });
    });
  };
  window.setInterval(tick, TICK_MS);

  const load = async () => {
    pending = null;
    const res = await fetch(config.panel, {
      credentials: 'same-origin',
      headers: { accept: 'text/html' },
    });
    if (!res.ok) return;
    // Our own server-rendered, escaped fragment (same origin, no scripts in it).
    list.innerHTML = await res.text();
    loadedAt = Date.now();
    if (count)
      count.textContent = fill(config.text['agenda.lobby.count'], {
        count: list.querySelectorAll('li').length,
      });
    place();
  };

  return {
    refresh() {
      if (pending !== null) return;
      pending = window.setTimeout(() => void load().catch(() => undefined), 150);
    },
  };
}
