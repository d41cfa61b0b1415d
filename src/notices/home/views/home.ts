// The organisation's home page (decision 052). Phone first, in the order a citizen looks: who
// the organisation is, what is new, then one entry per thing people come to do (a life situation
// with its search, booking, paying, the notice board, contacts, signing in), then where the
// offices are and when they are open. No script; every entry is a plain link or a GET form.
import type { Page, PageContext } from '../../../http/page.ts';
import { html, type Html } from '../../../views/html.ts';
import type { Organisation, Office, Service } from '../../../tenants/domain.ts';
import { officeDetails, organisationHeading } from '../../../tenants/views/parts.ts';
import type { NewsItem } from '../../news/domain.ts';
import type { BoardEntry } from '../../public/domain.ts';
import { dateOf } from '../../../views/dates.ts';
import { langAttr, newsCard, orgName, shownText } from '../../news/views/public.ts';

type Ctx = PageContext;
type HomeData = {
  organisation: Organisation;
  offices: Office[];
  services: Service[];
  news: NewsItem[];
  notices: BoardEntry[];
};

function news(ctx: Ctx, data: HomeData): Html {
  const { t } = ctx;
  if (data.news.length === 0) return html``;
  const org = data.organisation;
  return html`<section aria-labelledby="news"><h2 id="news">${t('frontdoor.news.title')}</h2>
<ul class="cards">${data.news.map((n) => newsCard(ctx, org, n, 'h3'))}</ul>
<p><a href="/o/${org.slug}/news">${t('frontdoor.news.all')}</a></p></section>`;
}

/** One entry: a heading that is the link, and a sentence saying what is behind it. */
function door(id: string, href: string, label: string, text: string, extra: Html = html``): Html {
  return html`<li class="card" id="${id}"><h3><a href="${href}">${label}</a></h3><p>${text}</p>${extra}</li>`;
}

function situationSearch(ctx: Ctx, org: Organisation): Html {
  const { t } = ctx;
  return html`<form method="get" action="/o/${org.slug}/situations" role="search" class="stack">
  <div><label for="situations-q">${t('frontdoor.home.situations_search')}</label>
  <input type="search" id="situations-q" name="q" maxlength="200"></div>
  <div><button type="submit">${t('frontdoor.home.search')}</button></div>
</form>`;
}

function booking(ctx: Ctx, data: HomeData): Html {
  const { t, lang } = ctx;
  const org = data.organisation;
  if (data.services.length === 0) return html`<p>${t('frontdoor.home.no_services')}</p>`;
  return html`<ul>${data.services.map((s) => {
    const name = shownText(s.name, lang, org.defaultLanguage);
    return html`<li><a href="/o/${org.slug}/s/${s.slug}"${langAttr(ctx, name.lang)}>${name.value}</a></li>`;
  })}</ul>`;
}

function doors(ctx: Ctx, data: HomeData): Html {
  const { t } = ctx;
  const o = `/o/${data.organisation.slug}`;
  const signIn = `/account/sign-in?o=${data.organisation.slug}&return=${encodeURIComponent(o)}`;
  return html`<section aria-labelledby="doors"><h2 id="doors">${t('frontdoor.home.doors')}</h2>
<ul class="cards">
${door('situations', `${o}/situations`, t('frontdoor.home.situations'), t('frontdoor.home.situations_text'), situationSearch(ctx, data.organisation))}
<li class="card" id="services"><h3>${t('frontdoor.home.book')}</h3><p>${t('frontdoor.home.book_text')}</p>${booking(ctx, data)}</li>
${door('pay', `${o}/pay`, t('frontdoor.home.pay'), t('frontdoor.home.pay_text'))}
${door('notices', `${o}/notices`, t('frontdoor.home.notices'), t('frontdoor.home.notices_text'), latestNotices(ctx, data))}
${door('contacts', `${o}/contacts`, t('frontdoor.home.contacts'), t('frontdoor.home.contacts_text'))}
${door('sign-in', signIn, t('frontdoor.home.sign_in'), t('frontdoor.home.sign_in_text'))}
</ul></section>`;
}

/** The notice board's latest current notices, each with the day it went up. */
function latestNotices(ctx: Ctx, data: HomeData): Html {
  if (data.notices.length === 0) return html``;
  const o = `/o/${data.organisation.slug}`;
  return html`<ul aria-label="${ctx.t('frontdoor.home.latest_notices')}">${data.notices.map(
    (n) =>
      html`<li><a href="${o}/notices/${n.number}"${langAttr(ctx, n.latest.language)}>${n.latest.title}</a> <span class="muted">(<time datetime="${n.postedOn}">${dateOf(n.postedOn, ctx.lang)}</time>)</span></li>`,
  )}</ul>`;
}

function contact(ctx: Ctx, org: Organisation): Html {
  const { t } = ctx;
  if (!org.email && !org.phone && !org.website) return html``;
  return html`<h2 id="contact">${t('frontdoor.home.contact')}</h2><dl class="facts">
  ${org.email ? html`<dt>${t('frontdoor.a11y.email')}</dt><dd><a href="mailto:${org.email}">${org.email}</a></dd>` : ''}
  ${org.phone ? html`<dt>${t('frontdoor.a11y.phone')}</dt><dd><a href="tel:${org.phone.replace(/\s/g, '')}">${org.phone}</a></dd>` : ''}
  ${org.website ? html`<dt>${t('frontdoor.home.website')}</dt><dd><a href="${org.website}" rel="noopener">${org.website}</a></dd>` : ''}
</dl>`;
}

/** The organisation's home page. */
export function homePage(ctx: Ctx, data: HomeData): Page {
  const { t, lang } = ctx;
  const org = data.organisation;
  const name = orgName(ctx, org);
  const description = shownText(org.description, lang, org.defaultLanguage);
  return {
    title: name,
    body: html`${organisationHeading(ctx, org, name)}
${description.value ? html`<p class="lead"${langAttr(ctx, description.lang)}>${description.value}</p>` : ''}
${news(ctx, data)}
${doors(ctx, data)}
<h2 id="offices">${t('frontdoor.home.offices')}</h2>
<div class="cards">${data.offices.map((o) => officeDetails(ctx, o, 'h3', org.defaultLanguage))}</div>
${contact(ctx, org)}`,
  };
}
