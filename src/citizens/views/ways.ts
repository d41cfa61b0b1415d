// "Ways to sign in" on /account and its pages (decision 029 addendum): the list, adding an
// address by a mailed code, the removal's confirmation, and why a link was refused.
import type { Page, PageContext } from '../../http/page.ts';
import { html, type Html } from '../../views/html.ts';
import { csrfField } from '../../views/layout.ts';
import { errorSummary, field, type FieldErrors } from '../../views/form.ts';
import { dateFormat } from '../../views/dates.ts';
import { EMAIL_PROVIDER } from '../domain.ts';
import type { AccountSection } from '../sections.ts';
import type { LinkRefusal } from '../ways-domain.ts';
import type { AddableWay, SignInWays } from '../ways.ts';
import { ACCOUNT_ZONE } from './profile.ts';

/** A provider's name in the reader's language (from the configuration; the e-mail code's own). */
export type ProviderName = (id: string, ctx: PageContext) => string;

/** A way as the page names it: the provider, and for the e-mail code its address. */
function wayName(
  ctx: PageContext,
  name: ProviderName,
  w: { providerId: string; personIdentifier: string },
): string {
  return w.providerId === EMAIL_PROVIDER
    ? ctx.t('citizens.ways.email_way', { email: w.personIdentifier })
    : name(w.providerId, ctx);
}

/** The button (an eID: a POST with the CSRF token to its protocol's link route) or link that adds one. */
function addButton(ctx: PageContext, name: ProviderName, p: AddableWay): Html {
  const label = ctx.t('citizens.ways.add_with', { provider: name(p.id, ctx) });
  if (p.protocol === 'email')
    return html`<a class="button secondary" href="/account/ways/email">${label}</a>`;
  const action = `/auth/${p.protocol}/${encodeURIComponent(p.id)}/link`;
  return html`<form class="inline-form" method="post" action="${action}">${csrfField(ctx)}<button type="submit" class="secondary">${label}</button></form>`;
}

/** The section: each way with when it was added and last used, removal, and the ways to add. */
export function waysSection(ways: SignInWays, name: ProviderName): AccountSection {
  return {
    id: 'ways',
    order: 800,
    render: async ({ account, ctx }) => {
      const { t, lang } = ctx;
      const { ways: list, addable } = await ways.overview(account.id);
      const day = dateFormat(lang, ACCOUNT_ZONE, 'date');
      return html`<section aria-labelledby="account-ways">
<h2 id="account-ways">${t('citizens.ways.title')}</h2>
<p>${t('citizens.ways.lead')}</p>
<ul class="cards">${list.map(
        (w) => html`<li class="card"><h3>${wayName(ctx, name, w)}</h3>
<p class="muted">${t('citizens.ways.added_on', { date: day.format(w.createdAt) })}<br>
${t('citizens.ways.last_used', { date: day.format(w.lastUsedAt) })}</p>
${
  w.removable
    ? html`<p><a href="/account/ways/${w.id}/remove">${t('citizens.ways.remove_link', { way: wayName(ctx, name, w) })}</a></p>`
    : html`<p class="muted">${t('citizens.ways.only_one')}</p>`
}</li>`,
      )}</ul>
${
  addable.length > 0
    ? html`<h3>${t('citizens.ways.add_heading')}</h3>
<p>${t('citizens.ways.add_lead')}</p>
<ul class="inline-links">${addable.map((p) => html`<li>${addButton(ctx, name, p)}</li>`)}</ul>`
    : ''
}
</section>`;
    },
  };
}

const backLink = (ctx: PageContext) =>
  html`<p><a href="/account#account-ways">${ctx.t('citizens.ways.back')}</a></p>`;

/** /account/ways/email: the address to add, to which a code is sent. */
export function emailWayPage(ctx: PageContext, data: { email: string; errors: FieldErrors }): Page {
  const { t } = ctx;
  return {
    title: t('citizens.ways.email_title'),
    body: html`${errorSummary(t, data.errors)}
<h1>${t('citizens.ways.email_title')}</h1>
<p>${t('citizens.ways.email_lead')}</p>
<form class="stack" method="post" action="/account/ways/email" novalidate>
  ${csrfField(ctx)}
  ${field({ name: 'email', label: t('citizens.email.label'), type: 'email', value: data.email, error: data.errors.email, autocomplete: 'email', required: true })}
  <div><button type="submit">${t('citizens.email.send')}</button></div>
</form>
${backLink(ctx)}`,
  };
}

/** /account/ways/email/code: the six digits mailed to the address being added. */
export function emailWayCodePage(
  ctx: PageContext,
  data: { pending: string; email: string; minutes: number; errors: FieldErrors },
): Page {
  const { t } = ctx;
  return {
    title: t('citizens.ways.code_title'),
    body: html`${errorSummary(t, data.errors)}
<h1>${t('citizens.ways.code_title')}</h1>
<p>${t('citizens.code.lead', { email: data.email, minutes: data.minutes })}</p>
<form class="stack" method="post" action="/account/ways/email/code" novalidate>
  ${csrfField(ctx)}
  <input type="hidden" name="pending" value="${data.pending}">
  ${field({ name: 'code', label: t('citizens.code.label'), type: 'text', inputmode: 'numeric', error: data.errors.code, autocomplete: 'one-time-code', required: true })}
  <div><button type="submit">${t('citizens.ways.code_submit')}</button></div>
</form>
<p><a href="/account/ways/email">${t('citizens.code.new')}</a></p>
${backLink(ctx)}`,
  };
}

/** /account/ways/{id}/remove: what removing the way means, and the button; or why it cannot go. */
export function removeWayPage(
  ctx: PageContext,
  name: ProviderName,
  way: {
    id: string;
    providerId: string;
    personIdentifier: string;
    removable: boolean;
    erasesEidData: boolean;
  },
): Page {
  const { t } = ctx;
  const named = wayName(ctx, name, way);
  const body = way.removable
    ? html`<p>${t('citizens.ways.remove_lead', { way: named })}</p>
${way.erasesEidData ? html`<p>${t('citizens.ways.remove_eid_data', { provider: named })}</p>` : ''}
<form class="inline-form" method="post" action="/account/ways/${way.id}/remove">${csrfField(ctx)}<button type="submit">${t('citizens.ways.remove_confirm')}</button></form>`
    : html`<p role="alert">${t('citizens.ways.last')}</p>`;
  return {
    title: t('citizens.ways.remove_title'),
    body: html`<h1>${t('citizens.ways.remove_title')}</h1>
${body}
${backLink(ctx)}`,
  };
}

const REFUSAL_KEYS = {
  owned: ['citizens.ways.refused_owned', 'citizens.ways.refused_owned_how'],
  session: ['citizens.ways.refused_session', 'citizens.ways.refused_session_how'],
  provider_taken: ['citizens.ways.refused_taken', 'citizens.ways.refused_taken_how'],
} as const;

/** Why a way was not added; nothing changed, and what the citizen can do instead. */
export function linkRefusedPage(ctx: PageContext, reason: LinkRefusal): Page {
  const { t } = ctx;
  const [what, how] = REFUSAL_KEYS[reason];
  return {
    title: t('citizens.ways.refused_title'),
    body: html`<h1>${t('citizens.ways.refused_title')}</h1>
<p role="alert">${t(what)}</p>
<p>${t(how)}</p>
<p><a href="/account#account-ways">${t('citizens.ways.back')}</a></p>`,
  };
}
