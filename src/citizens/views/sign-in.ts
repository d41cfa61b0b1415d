import type { Page, PageContext } from '../../http/page.ts';
import { localize, type Localized } from '../../i18n/i18n.ts';
import { html } from '../../views/html.ts';
import { csrfField } from '../../views/layout.ts';
import { errorSummary, field, type FieldErrors } from '../../views/form.ts';
import { providerStartPath, type Loa } from '../domain.ts';
import type { OfferedProvider } from '../providers.ts';
import { carriedQuery, type Carried } from '../schema.ts';

/** The hidden fields that carry the level, the way back and the organisation through a form. */
function carriedFields(c: Carried) {
  return html`${c.loa ? html`<input type="hidden" name="loa" value="${c.loa}">` : ''}
${c.return ? html`<input type="hidden" name="return" value="${c.return}">` : ''}
${c.o ? html`<input type="hidden" name="o" value="${c.o}">` : ''}`;
}

const LOA_KEY = {
  low: 'citizens.loa.low',
  substantial: 'citizens.loa.substantial',
  high: 'citizens.loa.high',
} as const;

/** A level of assurance in words ("substantial", "znatna", "značná"). */
export function loaName(ctx: PageContext, loa: Loa): string {
  return ctx.t(LOA_KEY[loa]);
}

/**
 * /account/sign-in: the eID providers on for the organisation (or for any), each a plain link
 * that starts its protocol, and the e-mail code. A level above low hides the e-mail option.
 */
export function signInPage(
  ctx: PageContext,
  data: {
    carried: Carried;
    organisation: Localized | null;
    providers: OfferedProvider[];
    signedOut: boolean;
    stepUp: boolean;
  },
): Page {
  const { t, lang } = ctx;
  const need = data.carried.loa ?? 'low';
  const emailFits = need === 'low';
  return {
    title: t('citizens.sign_in.title'),
    body: html`${data.signedOut ? html`<p class="notice" role="status">${t('citizens.signed_out')}</p>` : ''}
<h1>${t('citizens.sign_in.title')}</h1>
<p>${t('citizens.sign_in.lead')}</p>
${data.organisation ? html`<p>${t('citizens.sign_in.organisation', { organisation: localize(data.organisation, lang) })}</p>` : ''}
${data.stepUp ? html`<p class="notice" role="status">${t('citizens.sign_in.step_up', { level: loaName(ctx, need) })}</p>` : ''}
<section aria-labelledby="eid-heading">
<h2 id="eid-heading">${t('citizens.sign_in.eid_heading')}</h2>
${
  data.providers.length === 0
    ? html`<p>${t('citizens.sign_in.no_providers')}</p>`
    : html`<ul class="cards">${data.providers.map(
        (p) => html`<li class="card"><a class="button" href="${providerStartPath(p, {
          loa: need,
          returnPath: data.carried.return ?? null,
          organisation: data.carried.o,
        })}">${t('citizens.sign_in.with', { provider: p.name[lang] })}</a>
<p class="muted">${t('citizens.loa.label', { level: loaName(ctx, p.loa) })}</p></li>`,
      )}</ul>`
}
</section>
${
  emailFits
    ? html`<section aria-labelledby="email-heading">
<h2 id="email-heading">${t('citizens.sign_in.email_heading')}</h2>
<p>${t('citizens.sign_in.email_lead')}</p>
<p><a href="/account/sign-in/email${carriedQuery(data.carried)}">${t('citizens.sign_in.email_link')}</a></p>
</section>`
    : ''
}`,
  };
}

/** /account/sign-in/email: the address to send a code to. */
export function emailPage(
  ctx: PageContext,
  data: { carried: Carried; email: string; errors: FieldErrors },
): Page {
  const { t } = ctx;
  return {
    title: t('citizens.email.title'),
    body: html`${errorSummary(t, data.errors)}
<h1>${t('citizens.email.title')}</h1>
<p>${t('citizens.email.lead')}</p>
<form class="stack" method="post" action="/account/sign-in/email" novalidate>
  ${csrfField(ctx)}
  ${carriedFields(data.carried)}
  ${field({ name: 'email', label: t('citizens.email.label'), type: 'email', value: data.email, error: data.errors.email, autocomplete: 'email', required: true })}
  <div><button type="submit">${t('citizens.email.send')}</button></div>
</form>`,
  };
}

/** /account/sign-in/email/code: the six digits from the mail. */
export function codePage(
  ctx: PageContext,
  data: { carried: Carried; email: string; minutes: number; errors: FieldErrors },
): Page {
  const { t } = ctx;
  return {
    title: t('citizens.code.title'),
    body: html`${errorSummary(t, data.errors)}
<h1>${t('citizens.code.title')}</h1>
<p>${t('citizens.code.lead', { email: data.email, minutes: data.minutes })}</p>
<form class="stack" method="post" action="/account/sign-in/email/code" novalidate>
  ${csrfField(ctx)}
  ${carriedFields(data.carried)}
  ${field({ name: 'code', label: t('citizens.code.label'), type: 'text', inputmode: 'numeric', error: data.errors.code, autocomplete: 'one-time-code', required: true })}
  <div><button type="submit">${t('citizens.code.submit')}</button></div>
</form>
<p><a href="/account/sign-in/email${carriedQuery(data.carried)}">${t('citizens.code.new')}</a></p>`,
  };
}
