import type { Page, PageContext } from '../../http/page.ts';
import { html, type Html } from '../../views/html.ts';
import { csrfField } from '../../views/layout.ts';
import type { AccountSection } from '../sections.ts';
import { loaName } from './sign-in.ts';

const SAVED = {
  phone: 'citizens.saved.phone',
  phone_removed: 'citizens.saved.phone_removed',
  email: 'citizens.saved.email',
  way_added: 'citizens.ways.added',
  way_removed: 'citizens.ways.removed',
} as const;

/** /account: the page's heading, what was just saved (if anything), then each section in order. */
export function accountPage(ctx: PageContext, sections: Html[], saved?: keyof typeof SAVED): Page {
  const { t } = ctx;
  return {
    title: t('citizens.account.title'),
    body: html`${saved ? html`<p class="notice" role="status">${t(SAVED[saved])}</p>` : ''}
<h1>${t('citizens.account.title')}</h1>
${sections}`,
  };
}

/** Who is signed in, and how (the provider's name comes from the configuration). */
export function identitySection(
  providerName: (id: string, ctx: PageContext) => string,
): AccountSection {
  return {
    id: 'identity',
    order: 0,
    render: ({ citizen, ctx }) => html`<section aria-labelledby="account-identity">
<h2 id="account-identity" class="visually-hidden">${ctx.t('citizens.account.title')}</h2>
<p>${ctx.t('citizens.account.signed_in_as', { name: citizen.displayName })}</p>
<p class="muted">${ctx.t('citizens.account.signed_in_with', {
      provider: providerName(citizen.providerId, ctx),
      level: ctx.t('citizens.loa.label', { level: loaName(ctx, citizen.loa) }),
    })}</p>
</section>`,
  };
}

/** Signing out: a form posting with its CSRF token, last on the page. */
export const signOutSection: AccountSection = {
  id: 'sign-out',
  order: 1000,
  render: ({ ctx }) => html`<section aria-labelledby="account-sign-out">
<h2 id="account-sign-out" class="visually-hidden">${ctx.t('citizens.sign_out')}</h2>
<form method="post" action="/account/sign-out">${csrfField(ctx)}<button type="submit">${ctx.t('citizens.sign_out')}</button></form>
</section>`,
};
