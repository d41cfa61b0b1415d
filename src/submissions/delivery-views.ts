// The admin's pages for the delivery of submissions (decision 040): settings with the intake
// address and the webhooks, the secret shown once, the removal's confirmation, and the
// delivery states. Every action is a plain form, so all of it works without JavaScript.
import type { Page, PageContext } from '../http/page.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import { input, select, type Values } from '../views/admin-form.ts';
import { dateFormat } from '../views/dates.ts';
import { errorSummary, type FieldErrors } from '../views/form.ts';
import { html, type Html } from '../views/html.ts';
import { csrfField } from '../views/layout.ts';
import type { DeliveryAdmin } from './delivery-admin.ts';
import type { DeliveryFilter, DeliveryRow, WebhookRow } from './delivery-repo.ts';

const BASE = '/staff/admin/deliveries';
type Settings = Awaited<ReturnType<DeliveryAdmin['settings']>>;
/** A notice after a redirect (`?done=`), or a test event's outcome. */
export type Notice = { key: MessageKey; params?: Record<string, string | number>; ok: boolean };

function notice(ctx: PageContext, n: Notice | null): Html {
  if (!n) return html``;
  return html`<div class="notice${n.ok ? '' : ' notice-error'}" role="status"><p>${ctx.t(n.key, n.params)}</p></div>`;
}

function postButton(ctx: PageContext, action: string, label: string, hidden: string): Html {
  return html`<form method="post" action="${action}" class="inline-form">${csrfField(ctx)}<button type="submit" class="secondary">${label}<span class="visually-hidden"> ${hidden}</span></button></form>`;
}

function webhookRow(ctx: PageContext, w: WebhookRow, when: (d: Date) => string): Html {
  const { t } = ctx;
  const state = w.disabledAt
    ? t('delivery.webhook.disabled', { when: when(w.disabledAt) })
    : t('delivery.webhook.active');
  const toggle = w.disabledAt
    ? postButton(ctx, `${BASE}/webhooks/${w.id}/enable`, t('delivery.webhook.enable'), w.url)
    : postButton(ctx, `${BASE}/webhooks/${w.id}/disable`, t('delivery.webhook.disable'), w.url);
  return html`<tr>
  <th scope="row"><code>${w.url}</code></th>
  <td>${when(w.createdAt)}</td>
  <td>${state}</td>
  <td><div class="actions">${postButton(ctx, `${BASE}/webhooks/${w.id}/test`, t('delivery.webhook.test'), w.url)}${toggle}
  <a href="${BASE}/webhooks/${w.id}/remove">${t('delivery.webhook.remove')}<span class="visually-hidden"> ${w.url}</span></a></div></td></tr>`;
}

function webhooksTable(ctx: PageContext, data: Settings): Html {
  const { t, lang } = ctx;
  const when = (d: Date) => dateFormat(lang, data.timeZone, 'short').format(d);
  if (!data.webhooks.length) return html`<p>${t('delivery.webhooks.empty')}</p>`;
  return html`<div class="table-wrap"><table>
<caption class="visually-hidden">${t('delivery.webhooks.title')}</caption>
<thead><tr><th scope="col">${t('delivery.col.url')}</th><th scope="col">${t('delivery.col.added')}</th><th scope="col">${t('delivery.col.state')}</th><th scope="col">${t('delivery.col.actions')}</th></tr></thead>
<tbody>${data.webhooks.map((w) => webhookRow(ctx, w, when))}</tbody>
</table></div>`;
}

/** The settings: the intake address, the receivers with their actions, a form for a new one. */
export function settingsPage(
  ctx: PageContext,
  data: Settings & { values: Values; errors: FieldErrors; notice: Notice | null },
): Page {
  const { t } = ctx;
  const values = { intakeEmail: data.intakeEmail ?? '', ...data.values };
  return {
    title: t('delivery.title'),
    body: html`${errorSummary(t, data.errors)}${notice(ctx, data.notice)}<h1>${t('delivery.title')}</h1>
<p class="lead">${t('delivery.intro')}</p>
<p><a href="${BASE}/states">${t('delivery.states_link')}</a></p>
<h2>${t('delivery.email.title')}</h2>
<form method="post" action="${BASE}/email" class="stack" novalidate>${csrfField(ctx)}
  ${input({ name: 'intakeEmail', type: 'email', label: t('delivery.email.field'), hint: t('delivery.email.hint'), values, errors: data.errors, maxlength: 254, autocomplete: 'off' })}
  <div><button type="submit">${t('delivery.email.save')}</button></div>
</form>
<h2>${t('delivery.webhooks.title')}</h2>
<p>${t('delivery.webhooks.intro')}</p>
${webhooksTable(ctx, data)}
<h3 id="new">${t('delivery.webhook.new')}</h3>
<form method="post" action="${BASE}/webhooks" class="stack" novalidate>${csrfField(ctx)}
  ${input({ name: 'url', type: 'url', label: t('delivery.webhook.field.url'), hint: t('delivery.webhook.hint.url'), values, errors: data.errors, required: true, maxlength: 2000, autocomplete: 'off' })}
  <div><button type="submit">${t('delivery.webhook.add')}</button></div>
</form>`,
  };
}

/** The new receiver's secret, shown this once, in the answer to the POST that made it. */
export function createdPage(ctx: PageContext, data: { url: string; secret: string }): Page {
  const { t } = ctx;
  return {
    title: t('delivery.created.title'),
    body: html`<h1>${t('delivery.created.title')}</h1>
<div class="notice" role="status"><p>${t('delivery.created.once')}</p></div>
<div class="stack">
  <div><label for="secret">${t('delivery.created.label', { url: data.url })}</label>
  <input type="text" id="secret" class="token" value="${data.secret}" readonly spellcheck="false" autocomplete="off" autocapitalize="off" size="52" aria-describedby="secret-use"></div>
  <p class="hint" id="secret-use">${t('delivery.created.use')}</p>
</div>
<p><a href="${BASE}">${t('delivery.back')}</a></p>`,
  };
}

/** Asks before removing a receiver. */
export function removePage(ctx: PageContext, hook: WebhookRow): Page {
  const { t } = ctx;
  const title = t('delivery.remove.title', { url: hook.url });
  return {
    title,
    body: html`<h1>${title}</h1>
<p>${t('delivery.remove.text')}</p>
<form method="post" action="${BASE}/webhooks/${hook.id}/remove" class="inline-form">${csrfField(ctx)}
  <button type="submit" class="danger">${t('delivery.remove.confirm')}</button>
  <a href="${BASE}">${t('delivery.remove.cancel')}</a>
</form>`,
  };
}

const FILTERS: DeliveryFilter[] = ['all', 'failed', 'queued', 'delivered'];

function stateOf(ctx: PageContext, d: DeliveryRow): string {
  if (d.state === 'queued' && d.attempts > 0) return ctx.t('delivery.state.retrying');
  return ctx.t(`delivery.state.${d.state}`);
}

function detailOf(ctx: PageContext, d: DeliveryRow, when: (d: Date) => string): Html {
  const { t } = ctx;
  const reason = d.lastError
    ? html`<div>${t('delivery.detail.reason', { reason: d.lastError })}</div>`
    : html``;
  if (d.state === 'delivered' && d.deliveredAt)
    return html`${t('delivery.detail.delivered', { when: when(d.deliveredAt) })}`;
  if (d.state === 'queued' && d.nextAttemptAt)
    return html`${t('delivery.detail.next', { when: when(d.nextAttemptAt) })}${reason}`;
  return reason;
}

function deliveryRow(ctx: PageContext, d: DeliveryRow, when: (d: Date) => string): Html {
  const { t } = ctx;
  const target =
    d.channel === 'webhook' && d.webhookId === null
      ? html`${d.target ?? ''} (${t('delivery.detail.receiver_gone')})`
      : html`${d.target ?? ''}`;
  const retry =
    d.state === 'failed'
      ? postButton(ctx, `${BASE}/${d.id}/retry`, t('delivery.retry'), d.reference)
      : html``;
  return html`<tr>
  <th scope="row">${d.reference}</th>
  <td>${when(d.submittedAt)}</td>
  <td>${t(`delivery.channel.${d.channel}`)}</td>
  <td><code>${target}</code></td>
  <td>${stateOf(ctx, d)}</td>
  <td>${d.attempts}</td>
  <td>${detailOf(ctx, d, when)}${retry}</td></tr>`;
}

/** The organisation's deliveries, newest first, filtered by state, with "retry now" on failed ones. */
export function statesPage(
  ctx: PageContext,
  data: Awaited<ReturnType<DeliveryAdmin['deliveries']>> & {
    filter: DeliveryFilter;
    /** One submission's deliveries only (`?submission=`), or null for all. */
    submission: string | null;
    notice: Notice | null;
  },
): Page {
  const { t, lang } = ctx;
  const when = (d: Date) => dateFormat(lang, data.timeZone, 'short').format(d);
  const label = (f: DeliveryFilter) =>
    f === 'all' ? t('delivery.states.all') : t(`delivery.state.${f}`);
  const table = data.rows.length
    ? html`<div class="table-wrap"><table>
<caption class="visually-hidden">${t('delivery.states.title')}</caption>
<thead><tr><th scope="col">${t('delivery.col.submission')}</th><th scope="col">${t('delivery.col.submitted')}</th><th scope="col">${t('delivery.col.channel')}</th><th scope="col">${t('delivery.col.target')}</th><th scope="col">${t('delivery.col.state')}</th><th scope="col">${t('delivery.col.attempts')}</th><th scope="col">${t('delivery.col.detail')}</th></tr></thead>
<tbody>${data.rows.map((d) => deliveryRow(ctx, d, when))}</tbody>
</table></div>`
    : html`<p>${t('delivery.states.empty')}</p>`;
  const only = data.submission ? `&submission=${data.submission}` : '';
  const more = data.next
    ? html`<p><a href="${`${BASE}/states?state=${data.filter}${only}&before=${data.next}`}">${t('delivery.states.more')}</a></p>`
    : html``;
  const keep = data.submission
    ? html`<input type="hidden" name="submission" value="${data.submission}">`
    : html``;
  return {
    title: t('delivery.states.title'),
    body: html`${notice(ctx, data.notice)}<h1>${t('delivery.states.title')}</h1>
<p class="lead">${t('delivery.states.intro')}</p>
<form method="get" action="${BASE}/states" class="inline-form">${keep}
  ${select({ name: 'state', label: t('delivery.states.filter'), values: { state: data.filter }, errors: {}, options: FILTERS.map((f) => ({ value: f, label: label(f) })) })}
  <button type="submit" class="secondary">${t('delivery.states.filter_submit')}</button>
</form>
${table}${more}
<p><a href="${BASE}">${t('delivery.back')}</a></p>`,
  };
}
