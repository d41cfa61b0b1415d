import type { Page, PageContext } from '../../http/page.ts';
import { dayName, monthName, zoneName, weekdayName, weekdayShort } from '../../views/dates.ts';
import { html, type Html } from '../../views/html.ts';
import { addDays } from '../../lib/calendar.ts';
import { isoWeekday } from '../../lib/zoned-time.ts';
import { localize } from '../../i18n/i18n.ts';
import type { BookingTarget, FreeDay } from '../service.ts';

export type CalendarData = {
  heading: string;
  intro: Html;
  /** URL of this calendar without query; month/day are added as ?month=&day=. */
  baseUrl: string;
  month: string;
  prevMonth: string | null;
  nextMonth: string | null;
  /** Free times per local day of the month. */
  freeByDay: Map<string, { start: Date; label: string; href: string }[]>;
  day: string | undefined;
  timeZone: string;
};

const timeFormats = new Map<string, Intl.DateTimeFormat>();
/** A free time's label, "09:30" in the office's zone: the same in every language, 24-hour. */
export function slotTime(date: Date, timeZone: string): string {
  let f = timeFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
    timeFormats.set(timeZone, f);
  }
  return f.format(date);
}

/** Free times of a month by the office's calendar day, each labelled and linked to its next step. */
export function freeTimesByDay(
  days: readonly FreeDay[],
  timeZone: string,
  hrefFor: (start: Date) => string,
): CalendarData['freeByDay'] {
  return new Map(
    days.map((d) => [
      d.date,
      d.times.map((t) => ({
        start: t.start,
        label: slotTime(t.start, timeZone),
        href: hrefFor(t.start),
      })),
    ]),
  );
}

/** The line above a booking calendar: the service (a link to its page) and the office. */
export function bookingIntro(ctx: PageContext, x: BookingTarget): Html {
  const fb = x.organisation.defaultLanguage;
  return html`<p><a href="/o/${x.organisation.slug}/s/${x.service.slug}">${localize(x.service.name, ctx.lang, fb)}</a> · ${localize(x.office.name, ctx.lang, fb)}</p>`;
}

/** Weeks of a month as rows of seven cells (null outside the month), Monday first. */
export function monthGrid(month: string): (string | null)[][] {
  const first = `${month}-01`;
  const weeks: (string | null)[][] = [];
  let week: (string | null)[] = Array.from({ length: isoWeekday(first) - 1 }, () => null);
  for (let day = first; day.startsWith(month); day = addDays(day, 1)) {
    week.push(day);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return weeks;
}

/** The month calendar (days with free times are links) and the chosen day's free times. */
export function calendarPage(ctx: PageContext, data: CalendarData): Page {
  const { t, lang } = ctx;
  const link = (params: string) => `${data.baseUrl}?${params}`;
  const anyFree = data.freeByDay.size > 0;
  const times = data.day ? (data.freeByDay.get(data.day) ?? []) : [];
  return {
    title: data.heading,
    body: html`${data.intro}
<h1>${data.heading}</h1>
<nav class="month-nav" aria-label="${t('book.title')}">
  ${data.prevMonth ? html`<a href="${link(`month=${data.prevMonth}`)}">← ${t('book.prev_month')}</a>` : html`<span></span>`}
  ${data.nextMonth ? html`<a href="${link(`month=${data.nextMonth}`)}">${t('book.next_month')} →</a>` : html`<span></span>`}
</nav>
<div class="table-wrap"><table class="calendar">
  <caption>${t('book.calendar_caption', { month: monthName(data.month, lang) })}</caption>
  <thead><tr>${[1, 2, 3, 4, 5, 6, 7].map((d) => html`<th scope="col" abbr="${weekdayName(d, lang)}">${weekdayShort(d, lang)}</th>`)}</tr></thead>
  <tbody>${monthGrid(data.month).map(
    (week) =>
      html`<tr>${week.map((day) => {
        if (!day) return html`<td></td>`;
        const free = data.freeByDay.get(day)?.length ?? 0;
        const n = Number(day.slice(8));
        if (!free) return html`<td class="day-none">${n}</td>`;
        return html`<td class="day-free"><a href="${link(`month=${data.month}&day=${day}#times`)}" aria-label="${t('book.day_label', { day: dayName(day, lang), count: free })}" ${day === data.day ? html`aria-current="date"` : ''}>${n}</a></td>`;
      })}</tr>`,
  )}</tbody>
</table></div>
${!anyFree ? html`<p class="notice">${t('book.no_times_month')}</p>` : ''}
<h2 id="times">${data.day ? t('book.free_times_on', { day: dayName(data.day, lang) }) : t('book.pick_day')}</h2>
${
  data.day
    ? times.length
      ? html`<p class="muted">${t('book.times_in_zone', { zone: zoneName(new Date(`${data.day}T12:00:00Z`), data.timeZone, lang) })}</p>
<ul class="times">${times.map((s) => html`<li><a class="button" href="${s.href}">${s.label}</a></li>`)}</ul>`
      : html`<p>${t('book.no_times_day')}</p>`
    : ''
}`,
  };
}
