// One document of the notice board: the version being read (the latest, or an older one at its
// own address), its facts, text and attachments, a withdrawal's reason, and every version with
// the time it was on the board, so what was posted when can be checked by anyone.
import type { Page, PageContext } from '../../../http/page.ts';
import { dateOf, stampOf } from '../../../views/dates.ts';
import { html, type Html } from '../../../views/html.ts';
import { formatSize } from '../../../views/sizes.ts';
import type { PublicVersion } from '../domain.ts';
import type { NoticeView } from '../service.ts';
import { boardPath, langAttr, orgName } from './parts.ts';

function facts(ctx: PageContext, data: NoticeView): Html {
  const { t, lang } = ctx;
  const { entry, version: v } = data;
  const row = (label: string, value: string | null) =>
    value ? html`<dt>${label}</dt><dd>${value}</dd>` : '';
  const down = entry.downOn ? dateOf(entry.downOn, lang) : t('notices.fact.further_notice');
  const downLabel =
    entry.status === 'withdrawn'
      ? t('notices.fact.withdrawn')
      : entry.status === 'taken_down'
        ? t('notices.fact.taken_down')
        : t('notices.fact.until');
  return html`<dl class="facts">
${row(t('notices.fact.category'), t(`notices.category.${v.category}`))}
${row(t('notices.fact.reference_number'), v.referenceNumber)}
${row(t('notices.fact.file_mark'), v.fileMark)}
${row(t('notices.fact.department'), v.departmentName)}
${row(t('notices.fact.posted'), dateOf(entry.postedOn, lang))}
${row(downLabel, down)}
</dl>`;
}

function attachments(ctx: PageContext, data: NoticeView): Html {
  if (data.files.length === 0) return html``;
  const { t, lang } = ctx;
  const base = `${boardPath(data.organisation)}/${data.entry.number}/files`;
  return html`<section aria-labelledby="attachments"><h2 id="attachments">${t('notices.attachments')}</h2>
<ul>${data.files.map(
    (f) =>
      html`<li><a href="${base}/${f.id}" download>${f.name}</a> (${formatSize(f.sizeBytes, lang)})</li>`,
  )}</ul></section>`;
}

/** "on the board from 3. 12. 2026 8:00:00 to …" in the organisation's zone. */
function interval(ctx: PageContext, data: NoticeView, v: PublicVersion): string {
  const zone = data.organisation.timeZone;
  const from = stampOf(v.from, zone, ctx.lang);
  const onBoard = v.version === data.entry.latest.version && data.entry.status === 'on_board';
  return v.until === null || onBoard
    ? ctx.t('notices.history.since', { from })
    : ctx.t('notices.history.interval', { from, until: stampOf(v.until, zone, ctx.lang) });
}

function history(ctx: PageContext, data: NoticeView): Html {
  const { t } = ctx;
  const base = `${boardPath(data.organisation)}/${data.entry.number}`;
  const latest = data.entry.latest.version;
  return html`<section aria-labelledby="history"><h2 id="history">${t('notices.history.title')}</h2>
<p>${t('notices.history.lead')}</p>
<ul class="stack-wide">${[...data.entry.shown].reverse().map((v) => {
    const label = t('notices.history.version', { version: v.version });
    const href = v.version === latest ? base : `${base}/v/${v.version}`;
    return html`<li>${
      v.version === data.version.version
        ? html`<strong>${label}</strong> <span class="muted">(${t('notices.history.reading')})</span>`
        : html`<a href="${href}">${label}</a>`
    }, ${interval(ctx, data, v)}${v.correctionNote ? html`<br><span${langAttr(ctx, v.language)}>${t('notices.history.correction', { note: v.correctionNote })}</span>` : ''}</li>`;
  })}</ul></section>`;
}

function olderBanner(ctx: PageContext, data: NoticeView): Html {
  const v = data.version;
  if (v.version === data.entry.latest.version || v.until === null) return html``;
  const zone = data.organisation.timeZone;
  return html`<div class="notice" role="note"><p>${ctx.t('notices.older.notice', {
    version: v.version,
    from: stampOf(v.from, zone, ctx.lang),
    until: stampOf(v.until, zone, ctx.lang),
  })} <a href="${boardPath(data.organisation)}/${data.entry.number}">${ctx.t('notices.older.latest')}</a></p></div>`;
}

function withdrawal(ctx: PageContext, data: NoticeView): Html {
  const { entry } = data;
  if (entry.status !== 'withdrawn' || !entry.withdrawalReason) return html``;
  return html`<div class="notice" role="note"><h2>${ctx.t('notices.withdrawn.title')}</h2>
<p>${ctx.t('notices.withdrawn.reason', { reason: entry.withdrawalReason })}</p></div>`;
}

/** A document's page, the latest version or an older one. */
export function noticePage(ctx: PageContext, data: NoticeView): Page {
  const { t } = ctx;
  const org = data.organisation;
  const v = data.version;
  const back = data.entry.status === 'on_board' ? boardPath(org) : `${boardPath(org)}/archive`;
  const backLabel =
    data.entry.status === 'on_board' ? t('notices.title') : t('notices.archive.title');
  return {
    title: `${v.title} – ${t('notices.title')} – ${orgName(ctx, org)}`,
    body: html`<p><a href="${back}">${backLabel}</a></p>
<p class="muted">${t('notices.number', { number: data.entry.number })}</p>
<h1${langAttr(ctx, v.language)}>${v.title}</h1>
${withdrawal(ctx, data)}
${olderBanner(ctx, data)}
${facts(ctx, data)}
${data.body.trim() ? html`<section aria-labelledby="text"><h2 id="text">${t('notices.text')}</h2><div class="pre-line"${langAttr(ctx, v.language)}>${data.body}</div></section>` : ''}
${attachments(ctx, data)}
${history(ctx, data)}`,
  };
}
