// The citizens' help pages: the list of guides (/help) and one guide (/help/{task}), each step
// with its instruction, the real control's label and the screenshot the browser walk took.
import type { Page, PageContext } from '../../../http/page.ts';
import { MESSAGES } from '../../../i18n/i18n.ts';
import { html, type Html } from '../../../views/html.ts';
import { controlLabel, GUIDES, shotName, splitStep, type Guide } from '../guides.ts';
import type { HelpMedia } from '../media.ts';

/** /help: what the guides are for, and a link to each. */
export function helpIndexPage(ctx: PageContext): Page {
  const t = ctx.t;
  return {
    title: t('help.title'),
    body: html`<h1>${t('help.title')}</h1>
<p class="lead">${t('help.lead')}</p>
<h2>${t('help.guides')}</h2>
<ul class="help-guides">${GUIDES.map(
      (g) => html`<li><a href="/help/${g.task}">${t(g.title)}</a><br>${t(g.lead)}</li>`,
    )}</ul>`,
  };
}

/** One step: the instruction with the control's own label in bold, then its screenshot. */
function stepItem(ctx: PageContext, media: HelpMedia, guide: Guide, index: number): Html {
  const step = guide.steps[index];
  if (!step) return html``;
  const { before, after } = splitStep(ctx.t(step.text));
  const label = controlLabel(MESSAGES[ctx.lang][step.control.key]);
  const shot = media.url(ctx.lang, shotName(guide.task, index));
  const n = String(index + 1);
  return html`<li id="step-${n}"><h3>${ctx.t('help.step_n', { n })}</h3>
<p>${before}<strong>${label}</strong>${after}</p>
${shot ? html`<img class="help-shot" src="${shot}" alt="${ctx.t('help.shot_alt', { n })}" width="360" height="640" loading="lazy">` : ''}</li>`;
}

/** The guide's video in the browser's own player, with captions in the reader's language. */
function video(ctx: PageContext, media: HelpMedia, guide: Guide): Html {
  const src = media.url(ctx.lang, `${guide.task}.webm`);
  const captions = media.url(ctx.lang, `${guide.task}.vtt`);
  if (!src || !captions) return html``;
  const t = ctx.t;
  return html`<section aria-labelledby="help-video"><h2 id="help-video">${t('help.video.title')}</h2>
<video controls preload="metadata" class="help-video" aria-labelledby="help-video" width="360" height="640">
  <source src="${src}" type="video/webm">
  <track kind="captions" srclang="${ctx.lang}" label="${t('help.video.captions')}" src="${captions}" default>
  <p>${t('help.video.fallback')}</p>
</video>
<p><a href="${src}" download>${t('help.video.download')}</a></p></section>`;
}

/** /help/{task}: the guide's video, then its steps. */
export function guidePage(ctx: PageContext, media: HelpMedia, guide: Guide): Page {
  const t = ctx.t;
  return {
    title: t(guide.title),
    body: html`<p><a href="/help">${t('help.all_guides')}</a></p>
<h1>${t(guide.title)}</h1>
<p class="lead">${t(guide.lead)}</p>
${video(ctx, media, guide)}
<h2>${t('help.steps')}</h2>
<ol class="help-steps">${guide.steps.map((_, i) => stepItem(ctx, media, guide, i))}</ol>
${guide.more ? html`<p><a href="${guide.more.href}">${t(guide.more.key)}</a></p>` : ''}`,
  };
}
