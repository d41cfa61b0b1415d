import type { Page, PageContext } from '../../http/page.ts';
import { localeOf, type MessageKey } from '../../i18n/i18n.ts';
import { html, type Html } from '../../views/html.ts';
import type { OutboxRow } from '../service.ts';

const STATE: Record<OutboxRow['state'], MessageKey> = {
  pending: 'mail.dev.state.pending',
  sent: 'mail.dev.state.sent',
  failed: 'mail.dev.state.failed',
};

/** An instant in the server's own zone: this page is for the developer at that machine. */
function when(ctx: PageContext, at: Date): Html {
  const text = new Intl.DateTimeFormat(localeOf(ctx.lang), {
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(at);
  return html`<time datetime="${at.toISOString()}">${text}</time>`;
}

const subjectOf = (ctx: PageContext, m: OutboxRow) =>
  m.subject.trim() || ctx.t('mail.dev.no_subject');

/** Preformatted text that scrolls sideways on a narrow screen instead of widening the page. */
function preformatted(id: string, heading: string, text: string): Html {
  return html`<h2 id="${id}">${heading}</h2>
<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0"><pre>${text}</pre></div>`;
}

/** The development mailbox: the newest messages of the outbox. */
export function devMailListPage(ctx: PageContext, messages: OutboxRow[]): Page {
  const { t } = ctx;
  return {
    title: t('mail.dev.title'),
    body: html`<h1>${t('mail.dev.title')}</h1>
<p class="lead">${t('mail.dev.lead')}</p>
${
  messages.length === 0
    ? html`<p>${t('mail.dev.empty')}</p>`
    : html`<div class="table-wrap"><table>
  <caption>${t('mail.dev.caption', { count: messages.length })}</caption>
  <thead><tr><th scope="col">${t('mail.dev.time')}</th><th scope="col">${t('mail.dev.to')}</th><th scope="col">${t('mail.dev.subject')}</th><th scope="col">${t('mail.dev.state')}</th></tr></thead>
  <tbody>${messages.map(
    (m) =>
      html`<tr><td>${when(ctx, m.created_at)}</td><td>${m.to_address}</td><td><a href="/dev/mail/${m.id}">${subjectOf(ctx, m)}</a></td><td>${t(STATE[m.state])}</td></tr>`,
  )}</tbody>
</table></div>`
}`,
  };
}

/** One message of the development mailbox: its text as sent, and its calendar invitation. */
export function devMailPage(ctx: PageContext, m: OutboxRow): Page {
  const { t } = ctx;
  const subject = subjectOf(ctx, m);
  return {
    title: subject,
    body: html`<p><a href="/dev/mail">${t('mail.dev.back')}</a></p>
<h1>${subject}</h1>
<dl class="facts">
  <dt>${t('mail.dev.to')}</dt><dd>${m.to_address}</dd>
  <dt>${t('mail.dev.time')}</dt><dd>${when(ctx, m.created_at)}</dd>
  <dt>${t('mail.dev.state')}</dt><dd>${t(STATE[m.state])}</dd>
  ${m.sent_at ? html`<dt>${t('mail.dev.sent_at')}</dt><dd>${when(ctx, m.sent_at)}</dd>` : ''}
  <dt>${t('mail.dev.attempts')}</dt><dd>${m.attempts}</dd>
  ${m.last_error ? html`<dt>${t('mail.dev.last_error')}</dt><dd>${m.last_error}</dd>` : ''}
</dl>
${preformatted('text', t('mail.dev.text'), m.text_body)}
${m.html_body ? preformatted('html', t('mail.dev.html'), m.html_body) : ''}
${m.ics ? preformatted('calendar', t('mail.dev.calendar', { method: m.ics_method ?? '' }), m.ics) : ''}`,
  };
}
