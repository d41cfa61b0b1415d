import type { Page, PageContext } from '../../http/page.ts';
import { localize } from '../../i18n/i18n.ts';
import { html, type Html } from '../../views/html.ts';
import type { AgendaService } from '../service.ts';
import { isOpen } from '../domain.ts';
import { dayName, timeOf } from '../../views/dates.ts';
import { STATE_KEYS } from './format.ts';
import { addDays } from '../../lib/calendar.ts';
import { localParts } from '../../lib/zoned-time.ts';

type Agenda = Awaited<ReturnType<AgendaService['agenda']>>;
type Item = Agenda['appointments'][number];

/** The query of an agenda link, keeping the office and official filters. */
function agendaHref(a: Agenda, which: { day?: string; week?: string }): string {
  const q = new URLSearchParams();
  if (which.day) q.set('day', which.day);
  if (which.week) q.set('week', which.week);
  if (a.filter.officeId) q.set('office', a.filter.officeId);
  if (a.filter.officialId) q.set('official', a.filter.officialId);
  return `/staff/agenda?${q.toString()}`;
}

/**
 * One appointment's row: time, citizen and notes, service, office, official, state, and what
 * can be done. Each cell carries its column's name: on a phone the rows stack as cards
 * (site.css) and the names stand before the values, so the actions are reached without
 * scrolling sideways.
 */
function row(
  ctx: PageContext,
  { booking: b, state, actions: may }: Item,
  withOffice: boolean,
): Html {
  const { t, lang } = ctx;
  const fb = b.target.organisation.defaultLanguage;
  const tz = b.target.office.timeZone;
  const actions = isOpen(state) || may.noShow;
  return html`<tr data-booking="${b.id}">
    <td data-label="${t('agenda.col_time')}"><a href="/staff/appointments/${b.id}">${timeOf(b.start, tz, lang)}–${timeOf(b.end, tz, lang)}<span class="visually-hidden"> ${t('agenda.details_of', { name: b.name })}</span></a></td>
    <td data-label="${t('agenda.col_citizen')}">${b.name}${b.notes ? html`<span class="hint">${b.notes}</span>` : ''}</td>
    <td data-label="${t('agenda.service')}">${localize(b.target.service.name, lang, fb)}${withOffice ? html`<span class="hint">${localize(b.target.office.name, lang, fb)}</span>` : ''}</td>
    <td data-label="${t('agenda.official')}">${b.target.officialName ?? ''}</td>
    <td data-label="${t('agenda.col_state')}" data-state="${state}">${t(STATE_KEYS[state])}</td>
    <td class="${actions ? 'agenda-actions' : 'agenda-actions empty'}">${isOpen(state) ? html`<a class="button" href="/staff/meetings/${b.id}">${t('agenda.open_room', { name: b.name })}</a>` : ''}
      ${may.noShow ? html`<a class="button secondary" href="/staff/appointments/${b.id}/no-show?back=agenda">${t('agenda.no_show_link', { name: b.name })}</a>` : ''}</td>
  </tr>`;
}

/** A table of appointments, labelled by the heading with `headingId`. */
function table(ctx: PageContext, items: Item[], headingId: string, withOffice: boolean): Html {
  const { t } = ctx;
  if (items.length === 0) return html`<p>${t('agenda.no_appointments')}</p>`;
  return html`<div class="table-wrap agenda-table"><table aria-labelledby="${headingId}">
  <thead><tr><th scope="col">${t('agenda.col_time')}</th><th scope="col">${t('agenda.col_citizen')}</th><th scope="col">${t('agenda.service')}</th><th scope="col">${t('agenda.official')}</th><th scope="col">${t('agenda.col_state')}</th><th scope="col">${t('agenda.col_actions')}</th></tr></thead>
  <tbody>${items.map((item) => row(ctx, item, withOffice))}</tbody>
</table></div>`;
}

/** The filter by day, office and (for admins) official; plain GET, so it works without JavaScript. */
function filterForm(ctx: PageContext, a: Agenda): Html {
  const { t, lang } = ctx;
  const fb = a.organisation.defaultLanguage;
  return html`<form method="get" action="/staff/agenda" class="agenda-filter">
  <div><label for="day">${t('agenda.filter.day')}</label><input type="date" id="day" name="day" value="${a.week ? a.week.days[0] : a.day}"></div>
  ${
    a.offices.length > 1
      ? html`<div><label for="office">${t('agenda.office')}</label><select id="office" name="office"><option value="">${t('agenda.filter.all_offices')}</option>
    ${a.offices.map((o) => html`<option value="${o.id}" ${a.filter.officeId === o.id ? html`selected` : ''}>${localize(o.name, lang, fb)}</option>`)}</select></div>`
      : ''
  }
  ${
    a.officials.length > 0
      ? html`<div><label for="official">${t('agenda.official')}</label><select id="official" name="official"><option value="">${t('agenda.filter.all_officials')}</option>
    ${a.officials.map((m) => html`<option value="${m.id}" ${a.filter.officialId === m.id ? html`selected` : ''}>${m.displayName}</option>`)}</select></div>`
      : ''
  }
  <div><button type="submit" class="secondary">${t('agenda.filter.show')}</button></div>
</form>`;
}

/** Previous, today or this week, next. */
function pager(ctx: PageContext, a: Agenda): Html {
  const { t } = ctx;
  const links = a.week
    ? [
        [agendaHref(a, { week: a.week.previous }), t('agenda.previous_week')],
        [agendaHref(a, { week: a.today }), t('agenda.this_week')],
        [agendaHref(a, { week: a.week.next }), t('agenda.next_week')],
        [agendaHref(a, { day: a.week.days[0]! }), t('agenda.day_view')],
      ]
    : [
        [agendaHref(a, { day: addDays(a.day, -1) }), t('agenda.previous_day')],
        [agendaHref(a, { day: a.today }), t('agenda.today')],
        [agendaHref(a, { day: addDays(a.day, 1) }), t('agenda.next_day')],
        [agendaHref(a, { week: a.day }), t('agenda.week_view')],
      ];
  return html`<nav class="pager" aria-label="${t('agenda.pager')}"><ul>${links.map(([href, label]) => html`<li><a href="${href}">${label}</a></li>`)}</ul></nav>`;
}

/** The list of today's appointments alone: inside the start page, and what its script fetches to replace it. */
export function todayList(ctx: PageContext, a: Agenda): Html {
  return table(ctx, a.appointments, 'today', a.offices.length > 1);
}

/**
 * Today's agenda on the staff start page. Complete when loaded (without JavaScript a reload
 * shows what is new); staff-lobby.js then reloads the list from `data-live` when someone
 * knocks, leaves or is let in, and every half a minute for bookings made meanwhile.
 */
export function todaySection(ctx: PageContext, a: Agenda): Html {
  const { t } = ctx;
  return html`<h2 id="today">${t('agenda.today_title')}</h2>
<div id="today-list" class="live-list" data-live="/staff/today/list">${todayList(ctx, a)}</div>
<p><a href="/staff/agenda">${t('agenda.full_agenda')}</a> · <a href="${agendaHref(a, { week: a.today })}">${t('agenda.week_view')}</a></p>`;
}

/** The agenda's appointments alone (a day, or a week by day): inside the agenda page, and what its script fetches. */
export function agendaList(ctx: PageContext, a: Agenda): Html {
  const { t, lang } = ctx;
  const withOffice = a.offices.length > 1 && !a.filter.officeId;
  return a.week
    ? html`${a.week.days.map((day) => {
        const items = a.appointments.filter(
          (x) => localParts(x.booking.start, x.booking.target.office.timeZone).date === day,
        );
        return html`<h2 id="day-${day}">${dayName(day, lang)} <span class="count">(${t('agenda.count', { count: items.length })})</span></h2>${table(ctx, items, `day-${day}`, withOffice)}`;
      })}`
    : html`<h2 id="agenda-list" class="visually-hidden">${t('agenda.list')}</h2>${table(ctx, a.appointments, 'agenda-list', withOffice)}`;
}

/** The agenda page: one day, or a week with a section per day, kept live like the start page's list. */
export function agendaPage(ctx: PageContext, a: Agenda, notice: string | null): Page {
  const { t, lang } = ctx;
  const title = a.week
    ? t('agenda.week_title', {
        from: dayName(a.week.days[0]!, lang),
        to: dayName(a.week.days[6]!, lang),
      })
    : t('agenda.day_title', { day: dayName(a.day, lang) });
  const live = agendaHref(a, a.week ? { week: a.week.days[0]! } : { day: a.day }).replace(
    '/staff/agenda?',
    '/staff/agenda/list?',
  );
  return {
    title,
    body: html`<h1>${title}</h1>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
${filterForm(ctx, a)}
${pager(ctx, a)}
<div class="live-list" data-live="${live}">${agendaList(ctx, a)}</div>`,
  };
}
