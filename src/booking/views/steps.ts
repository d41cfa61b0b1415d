import type { Page, PageContext } from '../../http/page.ts';
import { html, type Html } from '../../views/html.ts';
import { errorSummary, field, type FieldErrors } from '../../views/form.ts';
import { csrfField } from '../../views/layout.ts';
import { localize, type Lang, type MessageKey } from '../../i18n/i18n.ts';
import { dayName, formatWhen } from '../../views/dates.ts';
import { localParts } from '../../lib/zoned-time.ts';
import type { Office } from '../../tenants/domain.ts';
import type { BookingTarget } from '../service.ts';
import { slotTime } from './calendar.ts';

/** The booking calendar of a service at an office; its steps are below it (`/contact`). */
export const bookBase = (x: BookingTarget) =>
  `/o/${x.organisation.slug}/s/${x.service.slug}/book/${x.office.slug}`;

/** The contact step for a time: where a free time on the calendar or among the nearest leads. */
export const contactHref = (x: BookingTarget) => (start: Date) =>
  `${bookBase(x)}/contact?start=${encodeURIComponent(start.toISOString())}`;

/** The chosen service, office and time, shown above each step. */
export type Chosen = { service: string; office: string; when: string; changeHref: string };

/** What was chosen, in the citizen's language; "change" leads back to that day on the calendar. */
export function chosenFor(ctx: PageContext, x: BookingTarget, start: Date): Chosen {
  const fb = x.organisation.defaultLanguage;
  const day = localParts(start, x.office.timeZone).date;
  return {
    service: localize(x.service.name, ctx.lang, fb),
    office: localize(x.office.name, ctx.lang, fb),
    when: formatWhen(start, x.office.timeZone, ctx.lang),
    changeHref: `${bookBase(x)}?month=${day.slice(0, 7)}&day=${day}#times`,
  };
}

/** Free times offered instead of another, labelled with the day and the time in the office's zone. */
export function timeChoices(
  lang: Lang,
  times: readonly { start: Date }[],
  timeZone: string,
  hrefFor: (start: Date) => string,
): { label: string; href: string }[] {
  return times.map((a) => ({
    label: `${dayName(localParts(a.start, timeZone).date, lang)} ${slotTime(a.start, timeZone)}`,
    href: hrefFor(a.start),
  }));
}

/** Step 1 of a service offered at several offices: which office. */
export function chooseOfficePage(
  ctx: PageContext,
  data: {
    offices: readonly Pick<Office, 'slug' | 'name' | 'street' | 'city'>[];
    base: string;
    fallback: Lang;
  },
): Page {
  const { t } = ctx;
  return {
    title: t('book.choose_office'),
    body: html`<h1>${t('book.choose_office')}</h1><ul>${data.offices.map(
      (o) =>
        html`<li><a href="${data.base}/${o.slug}">${localize(o.name, ctx.lang, data.fallback)}, ${o.street}, ${o.city}</a></li>`,
    )}</ul>`,
  };
}

/** The code can no longer be tried (too many wrong, or the hold ran out): say so, and lead back to the calendar. */
export function codeRefusedPage(ctx: PageContext, key: MessageKey, calendarHref: string): Page {
  return {
    title: ctx.t(key),
    body: html`<h1>${ctx.t(key)}</h1><p><a href="${calendarHref}">${ctx.t('book.change_time')}</a></p>`,
  };
}

function chosenBox(ctx: PageContext, c: Chosen): Html {
  const { t } = ctx;
  return html`<dl class="facts notice">
  <dt>${t('book.service')}</dt><dd>${c.service}</dd>
  <dt>${t('book.office')}</dt><dd>${c.office}</dd>
  <dt>${t('book.chosen_time')}</dt><dd>${c.when}</dd>
</dl>
<p><a href="${c.changeHref}">${t('book.change_time')}</a></p>`;
}

/** Step 3: contact details. Errors come back with a summary and what was typed. */
export function contactPage(
  ctx: PageContext,
  data: {
    chosen: Chosen;
    action: string;
    values: Record<string, string>;
    errors: FieldErrors;
    privacyHref: string;
    /** When the chosen time is not bookable: the nearest free times instead. */
    alternatives?: { label: string; href: string }[];
  },
): Page {
  const { t } = ctx;
  const v = data.values;
  const notesError = data.errors.notes;
  return {
    title: t('book.contact_title'),
    body: html`${errorSummary(t, data.errors)}
<h1>${t('book.contact_title')}</h1>
${chosenBox(ctx, data.chosen)}
${
  data.alternatives
    ? html`<div id="start" class="field-error" tabindex="-1">
  <p class="error-message">${t('error.time_not_bookable.detail')}</p>
  ${alternativeTimes(ctx, data.alternatives)}
</div>`
    : ''
}
<form class="stack" method="post" action="${data.action}" novalidate>
  ${csrfField(ctx)}
  <input type="hidden" name="start" value="${v.start ?? ''}">
  ${field({ name: 'name', label: t('book.name'), type: 'text', value: v.name, error: data.errors.name, autocomplete: 'name', required: true })}
  ${field({ name: 'email', label: t('book.email'), type: 'email', value: v.email, error: data.errors.email, autocomplete: 'email', required: true, hint: t('book.email_hint') })}
  ${field({ name: 'phone', label: t('book.phone'), type: 'tel', value: v.phone, error: data.errors.phone, autocomplete: 'tel' })}
  <div class="${notesError ? 'field-error' : ''}">
    <label for="notes">${t('book.notes')} <span class="hint" id="notes-hint">${t('book.notes_hint')}</span></label>
    ${notesError ? html`<span class="error-message" id="notes-error">${notesError}</span>` : ''}
    <textarea id="notes" name="notes" rows="4" maxlength="1000" aria-describedby="notes-hint${notesError ? ' notes-error' : ''}">${v.notes ?? ''}</textarea>
  </div>
  <p><a href="${data.privacyHref}">${t('book.privacy')}</a></p>
  <div><button type="submit">${t('book.reserve')}</button></div>
</form>`,
  };
}

/**
 * Step 4: the code from the email, where it went, "send again" and "back". "Change it" and
 * "back" are forms (they give the hold up, so the time is not blocked by the citizen's own
 * abandoned hold) that lead to the contact form with what was typed. `email` is whole only
 * for the browser that placed the hold (its cookie), masked for anyone else holding the URL.
 */
export function codePage(
  ctx: PageContext,
  data: {
    holdId: string;
    email: string;
    errors: FieldErrors;
    notice?: string | undefined;
    value?: string;
  },
): Page {
  const { t } = ctx;
  const change = (label: string) =>
    html`<form method="post" action="/h/${data.holdId}/change" class="inline-form">${csrfField(ctx)}<button type="submit" class="link">${label}</button></form>`;
  return {
    title: t('book.code_title'),
    body: html`${errorSummary(t, data.errors)}
${data.notice ? html`<p class="notice" role="status">${data.notice}</p>` : ''}
<h1>${t('book.code_title')}</h1>
<p>${t('book.code_sent', { email: data.email })}</p>
<div class="inline-row"><span>${t('book.wrong_address')}</span> ${change(t('book.change_it'))}</div>
<form class="stack" method="post" action="/h/${data.holdId}/confirm" novalidate>
  ${csrfField(ctx)}
  <div class="${data.errors.code ? 'field-error' : ''}">
    <label for="code">${t('book.code')} <span class="hint" id="code-hint">${t('book.code_hint')}</span></label>
    ${data.errors.code ? html`<span class="error-message" id="code-error">${data.errors.code}</span>` : ''}
    <input class="code-input" type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6"
      value="${data.value ?? ''}" aria-describedby="code-hint${data.errors.code ? ' code-error' : ''}" ${data.errors.code ? html`aria-invalid="true"` : ''}>
  </div>
  <div><button type="submit">${t('book.confirm')}</button></div>
</form>
<form method="post" action="/h/${data.holdId}/resend" class="inline-form">${csrfField(ctx)}<button type="submit" class="secondary">${t('book.resend')}</button></form>
${change(t('book.back'))}`,
  };
}

function alternativeTimes(ctx: PageContext, alternatives: { label: string; href: string }[]): Html {
  if (alternatives.length === 0) return html`<p>${ctx.t('book.nearest_none')}</p>`;
  return html`<ul class="times">${alternatives.map((a) => html`<li><a class="button" href="${a.href}">${a.label}</a></li>`)}</ul>`;
}

/**
 * A time was taken a moment before (a race: trying another is the answer), or is not one
 * the office offers at all: say which, and offer the nearest free times.
 */
export function takenPage(
  ctx: PageContext,
  data: {
    why: 'taken' | 'not_bookable';
    alternatives: { label: string; href: string }[];
    calendarHref: string;
  },
): Page {
  const { t } = ctx;
  const title = data.why === 'taken' ? t('book.taken_title') : t('error.time_not_bookable.title');
  const text = data.why === 'taken' ? t('book.taken_text') : t('error.time_not_bookable.detail');
  return {
    title,
    body: html`<h1>${title}</h1>
${data.alternatives.length ? html`<p>${text}</p>` : ''}
${alternativeTimes(ctx, data.alternatives)}
<p><a href="${data.calendarHref}">${t('book.change_time')}</a></p>`,
  };
}

/** A simple page with a heading and paragraphs (a link that no longer works, a booking no longer active). */
export function messagePage(title: string, paragraphs: string[]): Page {
  return { title, body: html`<h1>${title}</h1>${paragraphs.map((p) => html`<p>${p}</p>`)}` };
}

/** A booking confirmed already (a double submit, the code page from history): no links, only by email. */
export function alreadyConfirmedPage(ctx: PageContext): Page {
  return messagePage(ctx.t('book.already_confirmed_title'), [ctx.t('book.already_confirmed_text')]);
}
