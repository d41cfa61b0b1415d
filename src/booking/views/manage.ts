import type { Page, PageContext } from '../../http/page.ts';
import { localize } from '../../i18n/i18n.ts';
import { html } from '../../views/html.ts';
import { csrfField } from '../../views/layout.ts';
import { whenPhrase } from '../../views/dates.ts';
import { formatWhen } from '../emails.ts';
import type { BookingView } from '../lifecycle.ts';

/** The confirmation and manage page: the facts, the links, the invitation, cancel and move. */
export function managePage(ctx: PageContext, data: { booking: BookingView; token: string; notice?: string | undefined; confirmed?: boolean }): Page {
  const { t, lang } = ctx;
  const b = data.booking;
  const fb = b.target.organisation.defaultLanguage;
  const active = b.state === 'confirmed' && !b.past;
  const state = b.state === 'cancelled' ? t('book.state.cancelled') : b.past ? t('book.state.past') : t('book.state.confirmed');
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
${active
  ? html`<dl class="facts">
  <dt>${t('book.join_link')}</dt><dd><a href="${b.joinUrl}">${b.joinUrl}</a></dd>
  <dt>${t('book.manage_link')}</dt><dd><a href="${b.manageUrl}">${b.manageUrl}</a></dd>
</dl>
<p><a href="/m/${data.token}/invite.ics" download="okence.ics">${t('book.calendar_file')}</a></p>
<p><a class="button" href="/m/${data.token}/move">${t('book.move')}</a></p>
<p class="apart"><a href="/m/${data.token}/cancel">${t('book.cancel')}</a></p>`
  : html`<p class="notice">${b.state === 'cancelled' ? t('book.link_cancelled') : t('book.link_past')}</p>`}`,
  };
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
