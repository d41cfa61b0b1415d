// The accessibility statement page, /o/{org}/accessibility, in the order of the model statement of
// Implementing Decision (EU) 2018/1523: commitment and scope, compliance status, non-accessible
// content, preparation, feedback and contacts, enforcement procedure (decision 052).
import type { Page, PageContext } from '../../../http/page.ts';
import { html, type Html } from '../../../views/html.ts';
import { dateOf } from '../../../views/dates.ts';
import type { Organisation } from '../../../tenants/domain.ts';
import { langAttr, orgName, shownText } from '../../news/views/public.ts';
import { ENFORCEMENT_BODY, items, type Statement } from '../domain.ts';

type Ctx = PageContext;

function nonAccessible(ctx: Ctx, org: Organisation, s: Statement): Html {
  const { t } = ctx;
  if (s.platform)
    return html`<ul><li>${t('frontdoor.a11y.platform.non_accessible_documents')}</li><li>${t('frontdoor.a11y.platform.non_accessible_tests')}</li></ul>`;
  const text = shownText(s.nonAccessible, ctx.lang, org.defaultLanguage);
  const lines = items(text.value);
  if (lines.length === 0) return html`<p>${t('frontdoor.a11y.non_accessible.none')}</p>`;
  return html`<p>${t('frontdoor.a11y.non_accessible.lead')}</p>
<ul${langAttr(ctx, text.lang)}>${lines.map((l) => html`<li>${l}</li>`)}</ul>`;
}

function feedback(ctx: Ctx, org: Organisation, s: Statement): Html {
  const { t } = ctx;
  if (!s.feedbackEmail && !s.feedbackPhone)
    return html`<p>${t('frontdoor.a11y.feedback.offices')} <a href="/o/${org.slug}#offices">${t('frontdoor.home.offices')}</a></p>`;
  return html`<p>${t('frontdoor.a11y.feedback.lead')}</p>
<dl class="facts">
  ${s.feedbackEmail ? html`<dt>${t('frontdoor.a11y.email')}</dt><dd><a href="mailto:${s.feedbackEmail}">${s.feedbackEmail}</a></dd>` : ''}
  ${s.feedbackPhone ? html`<dt>${t('frontdoor.a11y.phone')}</dt><dd><a href="tel:${s.feedbackPhone.replace(/[\s()/-]/g, '')}">${s.feedbackPhone}</a></dd>` : ''}
</dl>`;
}

function enforcement(ctx: Ctx, org: Organisation): Html {
  const { t } = ctx;
  const body = ENFORCEMENT_BODY[org.country];
  return html`<p>${t(`frontdoor.a11y.enforcement.${org.country}`)}</p>
<dl class="facts">
  <dt>${t('frontdoor.a11y.enforcement_body')}</dt><dd>${t(`frontdoor.a11y.body.${org.country}`)}</dd>
  <dt>${t('frontdoor.a11y.address')}</dt><dd>${body.address}</dd>
  <dt>${t('frontdoor.a11y.email')}</dt><dd><a href="mailto:${body.email}">${body.email}</a></dd>
  ${body.dataBox ? html`<dt>${t('frontdoor.a11y.data_box')}</dt><dd>${body.dataBox}</dd>` : ''}
</dl>`;
}

/** The organisation's accessibility statement, or the platform's, dated, until it has its own. */
export function statementPage(
  ctx: Ctx,
  data: { organisation: Organisation; statement: Statement },
): Page {
  const { t, lang } = ctx;
  const org = data.organisation;
  const s = data.statement;
  const name = orgName(ctx, org);
  const law = t(`frontdoor.a11y.law.${org.country}`);
  return {
    title: `${t('frontdoor.a11y.title')} – ${name}`,
    body: html`<p><a href="/o/${org.slug}">${t('frontdoor.back_to_org', { organisation: name })}</a></p>
<h1>${t('frontdoor.a11y.title')}</h1>
${s.platform ? html`<p class="notice">${t('frontdoor.a11y.platform.notice', { organisation: name, date: dateOf(s.preparedOn, lang) })}</p>` : ''}
<p>${t('frontdoor.a11y.commitment', { organisation: name, law })}</p>
<p>${t('frontdoor.a11y.scope', { address: `/o/${org.slug}` })}</p>
<h2>${t('frontdoor.a11y.status.heading')}</h2>
<p>${t(`frontdoor.a11y.status.${s.compliance}`, { law })}</p>
<h2>${t('frontdoor.a11y.non_accessible.heading')}</h2>
${nonAccessible(ctx, org, s)}
<h2>${t('frontdoor.a11y.preparation.heading')}</h2>
<p>${t('frontdoor.a11y.preparation.prepared', { date: dateOf(s.preparedOn, lang) })} ${t(`frontdoor.a11y.method.${s.method}`)}${s.platform ? html` ${t('frontdoor.a11y.platform.method')}` : ''}</p>
${s.reviewedOn ? html`<p>${t('frontdoor.a11y.preparation.reviewed', { date: dateOf(s.reviewedOn, lang) })}</p>` : ''}
<h2>${t('frontdoor.a11y.feedback.heading')}</h2>
${feedback(ctx, org, s)}
<h2>${t('frontdoor.a11y.enforcement.heading')}</h2>
${enforcement(ctx, org)}`,
  };
}
