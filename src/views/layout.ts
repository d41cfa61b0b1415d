import { LANGS, type MessageKey } from '../i18n/i18n.ts';
import type { Page, PageContext } from '../http/page.ts';
import { assetUrl } from '../http/assets.ts';
import { html, type Html } from './html.ts';
import { CSRF_FIELD } from '../http/security.ts';

const LANGUAGE_NAMES = { sl: 'Slovenščina', cs: 'Čeština', en: 'English' } as const;

/** The same path with `lang` set, keeping the rest of the query but never a CSRF token (an upload's result page has one). */
export function withLang(url: string, lang: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return `${url}?lang=${lang}`;
  const params = new URLSearchParams(url.slice(queryStart + 1));
  params.delete('_csrf');
  params.set('lang', lang);
  return `${url.slice(0, queryStart)}?${params.toString()}`;
}

/** Hidden CSRF field for every form that posts. */
export function csrfField(ctx: PageContext): Html {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${ctx.csrfToken()}">`;
}

function languageSwitcher(ctx: PageContext): Html {
  return html`<nav class="langs" aria-label="${ctx.t('layout.languages')}"><ul>
    ${LANGS.map((l) =>
      l === ctx.lang
        ? html`<li><a href="${withLang(ctx.url, l)}" lang="${l}" hreflang="${l}" aria-current="true">${LANGUAGE_NAMES[l]}</a></li>`
        : html`<li><a href="${withLang(ctx.url, l)}" lang="${l}" hreflang="${l}">${LANGUAGE_NAMES[l]}</a></li>`,
    )}
  </ul></nav>`;
}

/**
 * The operator console's sections, in the order of its navigation (path, label). A new section
 * of the console adds its line here; every route under it calls requireOperator.
 */
export const OPERATOR_NAV: readonly [string, MessageKey][] = [
  ['/operator', 'layout.operator_nav.home'],
  ['/operator/organisations', 'layout.operator_nav.organisations'],
];

/**
 * A citizen's way to their account, or to sign in (decision 029). On an organisation's page the
 * sign-in comes back to it, and so counts as started from that organisation. The path only,
 * without the query: a public page's body is cached per path and language.
 */
function citizenNav(ctx: PageContext): Html {
  if (ctx.citizen) return html`<li><a href="/account">${ctx.t('citizens.nav.account')}</a></li>`;
  const path = ctx.url.split('?')[0] ?? '';
  const back = path.startsWith('/o/') ? `?return=${encodeURIComponent(path)}` : '';
  return html`<li><a href="/account/sign-in${back}">${ctx.t('citizens.nav.sign_in')}</a></li>`;
}

function staffNav(ctx: PageContext): Html {
  if (ctx.operator) {
    return html`<li><a href="/operator">${ctx.t('layout.operator_nav.console')}</a></li>
    <li><form method="post" action="/operator/sign-out" class="inline">${csrfField(ctx)}<button type="submit" class="link">${ctx.t('layout.sign_out')}</button></form></li>`;
  }
  if (!ctx.staff)
    return html`${citizenNav(ctx)}<li><a href="/staff/sign-in">${ctx.t('layout.staff_sign_in')}</a></li>`;
  return html`<li><a href="/staff">${ctx.t('layout.staff_area')}</a></li>
    <li><a href="/staff/account/password">${ctx.t('layout.nav.password')}</a></li>
    <li><form method="post" action="/staff/sign-out" class="inline">${csrfField(ctx)}<button type="submit" class="link">${ctx.t('layout.sign_out')}</button></form></li>`;
}

/**
 * The staff pages' own navigation, under the banner: the agenda and submissions for everyone, the
 * organisation's settings, statistics, audit log and data protection for admins.
 */
function staffPagesNav(ctx: PageContext): Html {
  if (ctx.operator) return operatorPagesNav(ctx);
  if (!ctx.staff) return html``;
  const t = ctx.t;
  const path = ctx.url.split('?')[0] ?? '';
  const links: [string, string][] = [
    ['/staff', t('layout.nav.agenda')],
    ['/staff/submissions', t('submissions.nav')],
  ];
  if (ctx.staff.role === 'admin') {
    links.push(
      ['/staff/availability', t('layout.nav.availability')],
      ['/staff/admin', t('layout.nav.organisation')],
      ['/staff/admin/fees', t('fees.nav')],
      ['/staff/stats', t('layout.nav.stats')],
      ['/staff/audit', t('layout.nav.audit')],
      ['/staff/privacy', t('layout.nav.privacy')],
    );
  }
  // The current section: its own page or any page under it. The agenda owns /staff itself and the
  // day, week, appointment and meeting pages, not every page under /staff.
  const agendaPages = ['/staff/agenda', '/staff/appointments/', '/staff/meetings/'];
  // Fees have their own entry, though their pages live under the organisation's administration.
  const current = (href: string) =>
    path === href ||
    (href === '/staff'
      ? agendaPages.some((p) => path.startsWith(p))
      : path.startsWith(`${href}/`) &&
        !(href === '/staff/admin' && path.startsWith('/staff/admin/fees')));
  return html`<nav class="staff-nav wrap" aria-label="${t('layout.staff_nav')}"><ul>
    ${links.map(([href, label]) => (current(href) ? html`<li><a href="${href}" aria-current="page">${label}</a></li>` : html`<li><a href="${href}">${label}</a></li>`))}
  </ul></nav>`;
}

/** The console's own navigation: each section is current on its page and the pages under it. */
function operatorPagesNav(ctx: PageContext): Html {
  const path = ctx.url.split('?')[0] ?? '';
  const current = (href: string) =>
    path === href || (href !== '/operator' && path.startsWith(`${href}/`));
  return html`<nav class="staff-nav wrap" aria-label="${ctx.t('layout.operator_nav.label')}"><ul>
    ${OPERATOR_NAV.map(([href, label]) => (current(href) ? html`<li><a href="${href}" aria-current="page">${ctx.t(label)}</a></li>` : html`<li><a href="${href}">${ctx.t(label)}</a></li>`))}
  </ul></nav>`;
}

/**
 * On an organisation's public pages (/o/{org}/…), its accessibility statement and privacy notice
 * in the footer (decision 052). From the path only, so a cached page's footer fits every visitor.
 */
function organisationFooter(ctx: PageContext): Html {
  const org = /^\/o\/([a-z0-9-]+)(?:[/?]|$)/.exec(ctx.url)?.[1];
  if (!org) return html``;
  return html`<ul class="footer-links">
    <li><a href="/o/${org}/accessibility">${ctx.t('frontdoor.footer.accessibility')}</a></li>
    <li><a href="/o/${org}/privacy">${ctx.t('frontdoor.footer.privacy')}</a></li>
  </ul>`;
}

/** The page shell: skip link, banner, navigation, language switcher, main, footer. */
export function layout(ctx: PageContext, page: Page): Html {
  const t = ctx.t;
  return html`<!doctype html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · Okence</title>
<link rel="stylesheet" href="${assetUrl('site.css')}">
<link rel="icon" href="${assetUrl('favicon.svg')}" type="image/svg+xml">
${page.head ?? ''}
</head>
<body>
<a class="skip" href="#main">${t('layout.skip_to_content')}</a>
<header class="banner">
  <div class="wrap banner-row">
    <a class="brand" href="/"><img src="${assetUrl('logo.svg')}" alt="" width="32" height="32"> <span>Okence</span></a>
    <nav class="site-nav" aria-label="${t('layout.main_navigation')}"><ul>
      <li><a href="/">${t('layout.home')}</a></li>
      ${staffNav(ctx)}
    </ul></nav>
    ${languageSwitcher(ctx)}
  </div>
</header>
${staffPagesNav(ctx)}
${ctx.staffPanel?.(ctx) ?? ''}
<main id="main" tabindex="-1" class="wrap">
${page.body}
</main>
<footer class="wrap footer">
  ${organisationFooter(ctx)}
  <p>${t('layout.footer')}</p>
  <p>${ctx.staff ? html`<a href="/staff/help">${t('help.staff_footer_link')}</a>` : html`<a href="/help">${t('help.footer_link')}</a>`}</p>
</footer>
</body>
</html>`;
}
