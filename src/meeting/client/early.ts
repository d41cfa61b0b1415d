// The early join page (meeting/views/pages.ts earlyPage): counts down to the opening of the
// waiting room and then reloads, so the server answers with the pre-join. The time left comes
// from the server's clock (data-ms-left), so a browser whose clock is wrong still opens on time.
// The countdown is a role="timer" (not announced each second); the sentence above it already
// says when, for everyone and without JavaScript.

/** "1 h 05 min", "12 min 05 s", "40 s": SI symbols, the same in every language of the page. */
function remaining(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return `${h} h ${pad(m)} min`;
  if (m > 0) return `${m} min ${pad(s % 60)} s`;
  return `${s % 60} s`;
}

function start(): void {
  const el = document.getElementById('early-countdown');
  const msLeft = Number(el?.dataset.msLeft);
  if (!el || !Number.isFinite(msLeft)) return;
  const template = el.dataset.text ?? '{time}';
  // A moment after the opening, so the server's clock has passed it too when we ask again.
  const opensAt = Date.now() + msLeft + 500;
  const tick = () => {
    const left = opensAt - Date.now();
    if (left <= 0) {
      window.location.reload();
      return;
    }
    el.textContent = template.replace('{time}', remaining(left));
    // Ticks are short, so a computer that slept catches up at once (a long timer would not).
    window.setTimeout(tick, Math.min(1000, left));
  };
  el.hidden = false;
  tick();
}

start();
