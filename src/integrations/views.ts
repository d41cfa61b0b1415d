import type { Page, PageContext } from '../http/page.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { checkboxes, input, type Values } from '../views/admin-form.ts';
import { dateFormat } from '../views/dates.ts';
import { errorSummary, type FieldErrors } from '../views/form.ts';
import { html, type Html } from '../views/html.ts';
import { csrfField } from '../views/layout.ts';
import { SCOPES } from './domain.ts';
import type { ApiTokenRow } from './repo.ts';
import { NAME_MAX } from './service.ts';

type Listing = { tokens: ApiTokenRow[]; timeZone: string };

const scopeLabel = (ctx: PageContext, scope: string) =>
  (SCOPES as readonly string[]).includes(scope)
    ? ctx.t(`integrations.scope.${scope}` as MessageKey)
    : scope;

function createForm(ctx: PageContext, values: Values, errors: FieldErrors): Html {
  const { t } = ctx;
  return html`<h2 id="new">${t('integrations.new')}</h2>
<form method="post" action="/staff/admin/integrations" class="stack" novalidate>
  ${csrfField(ctx)}
  ${input({ name: 'name', label: t('integrations.field.name'), hint: t('integrations.hint.name'), values, errors, required: true, maxlength: NAME_MAX, autocomplete: 'off' })}
  ${checkboxes({
    name: 'scopes',
    legend: t('integrations.field.scopes'),
    hint: t('integrations.scopes_growing'),
    values,
    errors,
    options: SCOPES.map((s) => ({ value: s, label: scopeLabel(ctx, s) })),
  })}
  <div><button type="submit">${t('integrations.create_submit')}</button></div>
</form>`;
}

function tokenTable(ctx: PageContext, data: Listing): Html {
  const { t, lang } = ctx;
  const when = (d: Date) => dateFormat(lang, data.timeZone, 'short').format(d);
  if (!data.tokens.length) return html`<p>${t('integrations.list.empty')}</p>`;
  return html`<div class="table-wrap"><table>
<caption class="visually-hidden">${t('integrations.list.title')}</caption>
<thead><tr><th scope="col">${t('integrations.field.name')}</th><th scope="col">${t('integrations.field.scopes')}</th><th scope="col">${t('integrations.col.created')}</th><th scope="col">${t('integrations.col.last_used')}</th><th scope="col">${t('integrations.col.state')}</th></tr></thead>
<tbody>${data.tokens.map(
    (k) => html`<tr>
  <th scope="row">${k.name}</th>
  <td>${k.scopes.map((s) => scopeLabel(ctx, s)).join(', ')}</td>
  <td>${t('integrations.by', { when: when(k.createdAt), name: k.createdBy })}</td>
  <td>${k.lastUsedAt ? when(k.lastUsedAt) : t('integrations.never')}</td>
  <td>${
    k.revokedAt
      ? t('integrations.revoked_state', { when: when(k.revokedAt), name: k.revokedBy ?? '—' })
      : html`${t('integrations.active')} <a href="/staff/admin/integrations/${k.id}/revoke">${t('integrations.revoke')}<span class="visually-hidden"> ${k.name}</span></a>`
  }</td></tr>`,
  )}</tbody>
</table></div>`;
}

/** The organisation's tokens and the form to create one (with its errors and what was typed). */
export function tokensPage(
  ctx: PageContext,
  data: Listing & { values: Values; errors: FieldErrors; revoked: boolean },
): Page {
  const { t } = ctx;
  return {
    title: t('integrations.title'),
    body: html`${errorSummary(t, data.errors)}${data.revoked ? html`<p class="notice" role="status">${t('integrations.revoked')}</p>` : ''}<h1>${t('integrations.title')}</h1>
<p class="lead">${t('integrations.intro')}</p>
<p>${t('integrations.api_doc')} <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<h2>${t('integrations.list.title')}</h2>
${tokenTable(ctx, data)}
${createForm(ctx, data.values, data.errors)}`,
  };
}

/**
 * The new token, shown this once: in the answer to the POST that made it (never in a URL or a
 * redirect), in a read-only field that selects and copies whole.
 */
export function createdPage(ctx: PageContext, data: { name: string; token: string }): Page {
  const { t } = ctx;
  return {
    title: t('integrations.created.title'),
    body: html`<h1>${t('integrations.created.title')}</h1>
<div class="notice" role="status"><p>${t('integrations.created.once')}</p></div>
<div class="stack">
  <div><label for="token">${t('integrations.created.label', { name: data.name })}</label>
  <input type="text" id="token" class="token" value="${data.token}" readonly spellcheck="false" autocomplete="off" autocapitalize="off" size="52" aria-describedby="token-use"></div>
  <p class="hint" id="token-use">${t('integrations.created.use')}</p>
</div>
<p><a href="/staff/admin/integrations">${t('integrations.back')}</a></p>`,
  };
}

/** Asks before revoking: a form that works without JavaScript, and a way back. */
export function revokePage(ctx: PageContext, token: ApiTokenRow): Page {
  const { t } = ctx;
  const title = t('integrations.revoke.title', { name: token.name });
  return {
    title,
    body: html`<h1>${title}</h1>
<p>${t('integrations.revoke.text')}</p>
<form method="post" action="/staff/admin/integrations/${token.id}/revoke" class="inline-form">${csrfField(ctx)}
  <button type="submit" class="danger">${t('integrations.revoke.confirm')}</button>
  <a href="/staff/admin/integrations">${t('integrations.revoke.cancel')}</a>
</form>`,
  };
}
