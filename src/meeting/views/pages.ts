import type { Page, PageContext } from '../../http/page.ts';
import { assetUrl } from '../../http/assets.ts';
import { localize, MESSAGES } from '../../i18n/i18n.ts';
import { formatWhen, whenPhrase } from '../../views/dates.ts';
import type { BookingView } from '../../booking/lifecycle.ts';
import { html, jsonScript, type Html } from '../../views/html.ts';
import { errorSummary, type FieldErrors } from '../../views/form.ts';
import { csrfField } from '../../views/layout.ts';
import type { Role } from '../protocol.ts';

/** The texts the browser client needs, in the page language. */
function clientTexts(ctx: PageContext): Record<string, string> {
  const all = MESSAGES[ctx.lang];
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('room.')));
}

function facts(ctx: PageContext, b: BookingView): Html {
  const { t, lang } = ctx;
  const fb = b.target.organisation.defaultLanguage;
  return html`<dl class="facts">
  <dt>${t('meeting.book.service')}</dt><dd>${localize(b.target.service.name, lang, fb)}</dd>
  <dt>${t('meeting.book.office')}</dt><dd>${localize(b.target.office.name, lang, fb)}</dd>
  ${b.target.officialName ? html`<dt>${t('meeting.book.official')}</dt><dd>${b.target.officialName}</dd>` : ''}
  <dt>${t('meeting.book.when')}</dt><dd>${formatWhen(b.start, b.target.office.timeZone, lang)}</dd>
</dl>`;
}

/**
 * The live meeting: pre-join, lobby and room, all drawn by the client script. `testHook`
 * (outside production only) adds the browser tests' window.okenceMeeting (client/test-hook.ts).
 */
export function meetingPage(
  ctx: PageContext,
  data: { booking: BookingView; ws: string; role: Role; name: string; testHook: boolean },
): Page {
  const { t } = ctx;
  return {
    title: t('meeting.title'),
    body: html`<h1>${t('meeting.title')}</h1>
<div class="meeting-page">
${facts(ctx, data.booking)}
<noscript><p class="notice">${t('meeting.needs_js')}</p></noscript>
<div id="meeting-app" class="meeting"></div>
</div>
${jsonScript('meeting-config', { ws: data.ws, role: data.role, name: data.name, lang: ctx.lang, helpUrl: '/help/meeting', text: clientTexts(ctx) })}
<script type="module" src="${assetUrl('meeting.js')}" nonce="${ctx.nonce}"></script>
${data.testHook ? html`<script type="module" src="${assetUrl('test-hook.js')}" nonce="${ctx.nonce}"></script>` : ''}`,
  };
}

/**
 * A link used too early: when to come back, in a sentence, and a link to check again. With
 * JavaScript, client/early.ts counts down (by the server's clock: `msLeft`) and opens the
 * pre-join by reloading when the time comes; without it nothing moves by itself (no meta
 * refresh: a page that reloads under a screen reader user is WCAG 2.2.1's problem).
 */
export function earlyPage(
  ctx: PageContext,
  b: BookingView,
  w: { opensAt: Date; msLeft: number },
): Page {
  const { t, lang } = ctx;
  return {
    title: t('meeting.early_title'),
    body: html`<h1>${t('meeting.early_title')}</h1>
${facts(ctx, b)}
<p class="notice">${t('meeting.early_text', { when: whenPhrase(w.opensAt, b.target.office.timeZone, lang) })}</p>
<p id="early-countdown" role="timer" hidden data-ms-left="${String(w.msLeft)}" data-text="${t('meeting.early_countdown')}"></p>
<p><a href="${ctx.url}">${t('meeting.early_reload')}</a></p>
<p><a href="/help/meeting">${t('meeting.help_link')}</a></p>
<script type="module" src="${assetUrl('early.js')}" nonce="${ctx.nonce}"></script>`,
  };
}

/** A link after the meeting (or its time) is over: the survey and the minutes, when there are any. */
export function overPage(
  ctx: PageContext,
  b: BookingView,
  data: { token: string | null; minutes: boolean; surveyOpen: boolean },
): Page {
  const { t } = ctx;
  return {
    title: t('meeting.over_title'),
    body: html`<h1>${t('meeting.over_title')}</h1>
${facts(ctx, b)}
<p class="notice">${b.state === 'cancelled' ? t('meeting.book.link_cancelled') : t('meeting.over_text')}</p>
${data.token && data.surveyOpen ? html`<p><a class="button" href="/j/${data.token}/survey">${t('meeting.survey_link')}</a></p>` : ''}
${data.token && data.minutes ? html`<p><a href="/j/${data.token}/minutes">${t('meeting.minutes_link')}</a></p>` : ''}`,
  };
}

/** The survey after the meeting: overall rating 1–5 and a comment, without JavaScript. */
export function surveyPage(
  ctx: PageContext,
  data: { token: string; values: Record<string, string>; errors: FieldErrors; minutes: boolean },
): Page {
  const { t } = ctx;
  const ratingError = data.errors.rating;
  return {
    title: t('meeting.survey_title'),
    body: html`${errorSummary(t, data.errors)}
<h1>${t('meeting.survey_title')}</h1>
${data.minutes ? html`<p><a href="/j/${data.token}/minutes">${t('meeting.minutes_link')}</a></p>` : ''}
<form class="stack" method="post" action="/j/${data.token}/survey" novalidate>
  ${csrfField(ctx)}
  <fieldset id="rating" class="${ratingError ? 'field-error' : ''}" ${ratingError ? html`aria-describedby="rating-error"` : ''}>
    <legend>${t('meeting.survey_rating')}</legend>
    ${ratingError ? html`<span class="error-message" id="rating-error">${ratingError}</span>` : ''}
    ${[5, 4, 3, 2, 1].map(
      (
        r,
      ) => html`<div class="check choice"><input type="radio" id="rating-${r}" name="rating" value="${r}" ${data.values.rating === String(r) ? html`checked` : ''}>
      <label for="rating-${r}">${t(`meeting.rating_${r}` as 'meeting.rating_1')}</label></div>`,
    )}
  </fieldset>
  <div class="${data.errors.comment ? 'field-error' : ''}">
    <label for="comment">${t('meeting.survey_comment')} <span class="hint" id="comment-hint">${t('meeting.survey_comment_hint')}</span></label>
    ${data.errors.comment ? html`<span class="error-message" id="comment-error">${data.errors.comment}</span>` : ''}
    <textarea id="comment" name="comment" rows="4" maxlength="2000" aria-describedby="comment-hint${data.errors.comment ? ' comment-error' : ''}">${data.values.comment ?? ''}</textarea>
  </div>
  <div><button type="submit">${t('meeting.survey_send')}</button></div>
</form>`,
  };
}

/** After the survey (or when it was given already). */
export function surveyDonePage(ctx: PageContext, already: boolean): Page {
  const { t } = ctx;
  return {
    title: t('meeting.survey_thanks'),
    body: html`<h1>${t('meeting.survey_thanks')}</h1>
<p class="notice" role="status">${already ? t('meeting.survey_already') : t('meeting.survey_saved')}</p>
<p><a href="/">${t('layout.home')}</a></p>`,
  };
}

/** The minutes the official wrote, for the participants to read and keep. */
export function minutesPage(ctx: PageContext, b: BookingView, minutes: string): Page {
  const { t } = ctx;
  return {
    title: t('meeting.minutes_title'),
    body: html`<h1>${t('meeting.minutes_title')}</h1>
${facts(ctx, b)}
<div class="minutes-text">${minutes}</div>`,
  };
}

/** Help for the meeting: browser, camera and microphone permissions, no recording. */
export function helpPage(ctx: PageContext): Page {
  const { t } = ctx;
  return {
    title: t('meeting.help_title'),
    body: html`<h1>${t('meeting.help_title')}</h1>
<p>${t('meeting.help_text_1')}</p>
<p>${t('meeting.help_text_2')}</p>
<p>${t('meeting.help_text_3')}</p>
<p>${t('meeting.help_text_4')}</p>`,
  };
}
