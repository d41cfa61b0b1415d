import type { Page, PageContext } from '../../http/page.ts';
import { formatWhen } from '../../views/dates.ts';
import { NO_SHOW_GRACE_MINUTES, type AppointmentActions } from '../../booking/domain.ts';
import type { BookingView } from '../../booking/lifecycle.ts';
import { html } from '../../views/html.ts';
import { csrfField } from '../../views/layout.ts';

/**
 * "Record that the citizen did not attend?": the confirmation step before a no-show, a page of
 * its own so that it works without JavaScript. Before the grace period is over it says from when.
 */
export function noShowPage(
  ctx: PageContext,
  data: {
    booking: BookingView;
    actions: AppointmentActions;
    noShowFrom: Date | null;
    back: 'appointment' | 'agenda';
  },
): Page {
  const { t, lang } = ctx;
  const b = data.booking;
  const title = t('agenda.no_show_title', { name: b.name });
  const backHref = `/staff/appointments/${b.id}`;
  const body = data.actions.noShow
    ? html`<p>${t('agenda.no_show_explain', { name: b.name })}</p>
<form method="post" action="/staff/meetings/${b.id}/no-show" class="inline-form">
  ${csrfField(ctx)}<input type="hidden" name="confirmed" value="yes"><input type="hidden" name="back" value="${data.back}">
  <button type="submit">${t('agenda.no_show_submit')}</button>
</form>
<p><a href="${backHref}">${t('agenda.no_show_back')}</a></p>`
    : html`<p class="notice">${
        data.noShowFrom
          ? t('agenda.no_show_too_early', {
              time: formatWhen(data.noShowFrom, b.target.office.timeZone, lang),
              minutes: NO_SHOW_GRACE_MINUTES,
            })
          : t('agenda.no_show_not_possible')
      }</p>
<p><a href="${backHref}">${t('agenda.no_show_back')}</a></p>`;
  return {
    title,
    body: html`<h1>${title}</h1>
<p>${formatWhen(b.start, b.target.office.timeZone, lang)}</p>
${body}`,
  };
}
