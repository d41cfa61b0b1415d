import type { Page, PageContext } from '../../http/page.ts';
import { localize } from '../../i18n/i18n.ts';
import { html } from '../../views/html.ts';
import { csrfField } from '../../views/layout.ts';
import { whenPhrase, formatWhen } from '../../views/dates.ts';
import type { AppointmentActions } from '../domain.ts';
import type { BookingView } from '../lifecycle.ts';

type ManageData = {
  booking: BookingView;
  /** What the citizen may still do (appointmentActions): cancel and move only before the start. */
  actions: AppointmentActions;
  /** How the meeting went, when it has a record: history, never changed from here. */
  outcome: 'done' | 'no_show' | 'in_progress' | null;
  token: string;
  notice?: string | undefined;
  confirmed?: boolean;
};

/** The booking's state as the citizen reads it: the meeting's outcome wins over the clock. */
function stateText(t: PageContext['t'], d: ManageData): string {
  if (d.booking.state === 'cancelled') return t('book.state.cancelled');
  if (d.outcome === 'no_show') return t('book.state.no_show');
  if (d.outcome === 'done') return t('book.state.done');
  if (d.outcome === 'in_progress') return t('book.state.in_progress');
  return d.booking.past ? t('book.state.past') : t('book.state.confirmed');
}

/** The confirmation and manage page: the facts, the links, the invitation, cancel and move (only while allowed). */
export function managePage(ctx: PageContext, data: ManageData): Page {
  const { t, lang } = ctx;
  const b = data.booking;
  const fb = b.target.organisation.defaultLanguage;
  // The join link stays while the meeting can still be held; cancel and move only while the rule allows.
  const joinable =
    b.state === 'confirmed' && !b.past && (data.outcome === null || data.outcome === 'in_progress');
  const changeable = data.actions.citizenCancel || data.actions.citizenMove;
  const state = stateText(t, data);
  const title = data.confirmed ? t('book.confirmed_title') : t('book.manage_title');
  return {
    title,
    body: html`${data.notice ? html`<p class="notice" role="status">${data.notice}</p>` : ''}
<h1>${title}</h1>
${data.confirmed ? html`<p>${t('book.confirmed_text')}</p>` : ''}
<dl class="facts">
  <dt>${t('book.service')}</dt><dd>${localize(b.target.service.name, lang, fb)}</dd>
  <dt>${t('book.office')}</dt><dd>${localize(b.target.office.name, lang, fb)}, ${b.target.office.street}, ${b.target.office.city}</dd>
  ${b.target.officialName ? html`<dt>${t('book.official')}</dt><dd>${b.target.officialName}</dd>` : ''}
  <dt>${t('book.when')}</dt><dd>${formatWhen(b.start, b.target.office.timeZone, lang)}</dd>
  <dt>${t('book.state')}</dt><dd>${state}</dd>
</dl>
${
  joinable
    ? html`<dl class="facts">
  <dt>${t('book.join_link')}</dt><dd><a href="${b.joinUrl}">${b.joinUrl}</a></dd>
  <dt>${t('book.manage_link')}</dt><dd><a href="${b.manageUrl}">${b.manageUrl}</a></dd>
</dl>
<p><a href="/m/${data.token}/invite.ics" download="okence.ics">${t('book.calendar_file')}</a></p>`
    : html`<p class="notice">${closedText(t, data)}</p>`
}
${data.actions.citizenMove ? html`<p><a class="button" href="/m/${data.token}/move">${t('book.move')}</a></p>` : ''}
${data.actions.citizenCancel ? html`<p class="apart"><a href="/m/${data.token}/cancel">${t('book.cancel')}</a></p>` : ''}
${joinable && !changeable ? html`<p class="hint">${t('book.no_changes_now')}</p>` : ''}`,
  };
}

/** Why the links are gone: cancelled, recorded as not attended, or over. */
function closedText(t: PageContext['t'], d: ManageData): string {
  if (d.booking.state === 'cancelled') return t('book.link_cancelled');
  if (d.outcome === 'no_show')
    return t('book.link_no_show', {
      contact: d.booking.target.office.email ?? d.booking.target.organisation.email ?? '',
    });
  return t('book.link_past');
}

/**
 * "Cancel the appointment on … at …? This cannot be undone.": the step between the manage
 * page's link and the cancellation. "Yes" is a form (it works without JavaScript and from
 * the keyboard); "No" goes back to the manage page and changes nothing.
 */
export function cancelPage(ctx: PageContext, data: { booking: BookingView; token: string }): Page {
  const { t, lang } = ctx;
  const b = data.booking;
  const fb = b.target.organisation.defaultLanguage;
  return {
    title: t('book.cancel_title'),
    body: html`<h1>${t('book.cancel_title')}</h1>
<p>${t('book.cancel_question', { when: whenPhrase(b.start, b.target.office.timeZone, lang) })}</p>
<dl class="facts">
  <dt>${t('book.service')}</dt><dd>${localize(b.target.service.name, lang, fb)}</dd>
  <dt>${t('book.office')}</dt><dd>${localize(b.target.office.name, lang, fb)}</dd>
</dl>
<form method="post" action="/m/${data.token}/cancel" class="actions">
  ${csrfField(ctx)}<input type="hidden" name="confirm" value="yes">
  <button type="submit" class="danger">${t('book.cancel_yes')}</button>
  <a href="/m/${data.token}">${t('book.cancel_no')}</a>
</form>`,
  };
}

/** Moving to a time chosen on the calendar: asked once more, with a way back to the calendar. */
export function moveConfirmPage(
  ctx: PageContext,
  data: { token: string; start: Date; timeZone: string },
): Page {
  const { t } = ctx;
  const when = whenPhrase(data.start, data.timeZone, ctx.lang, 'to');
  return {
    title: t('book.move_title'),
    body: html`<h1>${t('book.move_title')}</h1>
<p>${t('book.move_question', { when })}</p>
<form method="post" action="/m/${data.token}/move">${csrfField(ctx)}<input type="hidden" name="start" value="${data.start.toISOString()}"><button type="submit">${t('book.move')}</button></form>
<p><a href="/m/${data.token}/move">${t('book.change_time')}</a></p>`,
  };
}
