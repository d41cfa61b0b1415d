import type { PageContext } from '../../http/page.ts';
import { assetUrl } from '../../http/assets.ts';
import { localize, MESSAGES } from '../../i18n/i18n.ts';
import { html, jsonScript, type Html } from '../../views/html.ts';
import type { WaitingItem } from '../service.ts';
import { timeInText } from '../../views/dates.ts';

/** The list inside the lobby panel; also what the live script fetches to replace it. */
export function lobbyList(ctx: PageContext, waiting: readonly WaitingItem[]): Html {
  const { t, lang } = ctx;
  if (waiting.length === 0) return html`<p>${t('agenda.lobby.empty')}</p>`;
  return html`<ul class="lobby-list">${waiting.map(
    (w) => html`<li data-booking="${w.bookingId}">
      <strong>${w.name}</strong>${w.role === 'guest' ? html` (${t('agenda.lobby.guest')})` : ''}
      <span class="hint">${t('agenda.lobby.for', { time: timeInText(w.start, w.timeZone, lang), official: w.official, service: localize(w.service, lang, w.fallback) })}</span>
      <span class="hint" data-since-minutes="${w.minutes}">${t('agenda.lobby.waited', { minutes: w.minutes })}</span>
      ${w.sameLink ? html`<span class="warning">${t(w.sameLink === 'in_room' ? 'agenda.same_link_in_room' : 'agenda.same_link_earlier', { name: w.name })}</span>` : ''}
      <a href="/staff/meetings/${w.bookingId}">${t('agenda.open_room', { name: w.name })}</a>
    </li>`,
  )}</ul>`;
}

/** The texts the live script needs, in the page language (`agenda.lobby.*` and the knock lines of `room.*`). */
function clientTexts(ctx: PageContext): Record<string, string> {
  const all = MESSAGES[ctx.lang];
  return Object.fromEntries(
    Object.entries(all).filter(([k]) => k.startsWith('agenda.lobby.') || k.startsWith('room.')),
  );
}

/**
 * The lobby panel on every staff page: who waits for whom and for how long. Rendered here
 * with the page, so a refresh shows it without JavaScript; staff-lobby.js keeps it live.
 * It sits before the page's H1, so its title is a plain label, not a heading. On a phone it
 * is one line (a `<details>` summary with the count): without JavaScript it comes open when
 * someone waits; the script keeps it closed on narrow screens and opens it on wide ones.
 * Only its own announcements are a live region (politely, once per knock), not the minutes.
 */
export function lobbyPanel(ctx: PageContext, waiting: readonly WaitingItem[]): Html {
  const { t } = ctx;
  const config = { ws: '/staff/lobby/ws', panel: '/staff/lobby/panel', text: clientTexts(ctx) };
  return html`<aside class="lobby-panel wrap" id="lobby-panel" aria-labelledby="lobby-panel-title">
  <details id="lobby-panel-details"${waiting.length ? html` open` : ''}>
  <summary><span id="lobby-panel-title" class="lobby-panel-title">${t('agenda.lobby.title')}</span> <span class="count">(<span id="lobby-panel-count">${t('agenda.lobby.count', { count: waiting.length })}</span>)</span></summary>
  <div id="lobby-panel-list">${lobbyList(ctx, waiting)}</div>
  </details>
  <div id="lobby-announcements" class="visually-hidden" role="status" aria-live="polite"></div>
  ${jsonScript('staff-lobby-config', config)}
  <script type="module" src="${assetUrl('staff-lobby.js')}" nonce="${ctx.nonce}"></script>
</aside>`;
}
