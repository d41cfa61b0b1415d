import type { Page, PageContext } from '../../http/page.ts';
import { assetUrl } from '../../http/assets.ts';
import { localeOf, MESSAGES, type Lang } from '../../i18n/i18n.ts';
import type { FileInfo } from '../../meeting/protocol.ts';
import { html, jsonScript, type Html } from '../../views/html.ts';
import { csrfField } from '../../views/layout.ts';
import { FILE_TYPES, type FileType } from '../../files/service.ts';
import { timeInText, timeOf } from '../../views/dates.ts';
import { formatSize } from '../../views/sizes.ts';

/** "2 hours", "3 days": the grace period in the banner. */
function duration(minutes: number, lang: Lang): string {
  const [unit, value] =
    minutes % 1440 === 0
      ? (['day', minutes / 1440] as const)
      : minutes % 60 === 0
        ? (['hour', minutes / 60] as const)
        : (['minute', minutes] as const);
  return new Intl.NumberFormat(localeOf(lang), { style: 'unit', unit, unitDisplay: 'long' }).format(
    value,
  );
}

/** Names people know the accepted types by ("PDF, PNG, JPEG, Word (DOCX) …"). */
function typeList(types: readonly FileType[]): string {
  return types.map((t) => FILE_TYPES[t].extension.toUpperCase()).join(', ');
}

export type FolderView = {
  base: string;
  role: 'citizen' | 'guest' | 'staff';
  state: 'not_opened' | 'open';
  files: FileInfo[];
  plannedEnd: Date;
  timeZone: string;
  graceMinutes: number;
  limits: { maxFileBytes: number; maxFolderBytes: number; types: readonly FileType[] };
  errors: string[];
  /** How many files the last upload added, for its confirmation. */
  uploaded: number;
};

function fileItem(ctx: PageContext, v: FolderView, f: FileInfo): Html {
  const { t, lang } = ctx;
  const meta = [
    formatSize(f.size, lang),
    `${f.uploader} (${t(`files.role.${f.uploaderRole}`)})`,
    timeOf(new Date(f.uploadedAt), v.timeZone, lang),
    ...(f.state === 'unscanned' ? [t('files.unscanned')] : []),
  ].join(' · ');
  if (f.state === 'infected') {
    return html`<li class="file infected"><span class="file-name">${f.name}</span> <span class="hint">${meta}</span>
  <p class="error-message">${t('files.infected', { signature: f.signature ?? '' })}</p></li>`;
  }
  return html`<li class="file"><a href="${v.base}/files/${f.id}" download>${f.name}</a> <span class="hint">${meta}</span></li>`;
}

/** The folder: banner, the files, and a plain upload form (the script adds drag and drop, progress and live updates). */
export function folderPage(ctx: PageContext, v: FolderView): Page {
  const { t, lang } = ctx;
  const time = timeInText(v.plannedEnd, v.timeZone, lang);
  const banner =
    v.graceMinutes > 0
      ? t('files.banner_grace', { time, grace: duration(v.graceMinutes, lang) })
      : t('files.banner', { time });
  const clientText = Object.fromEntries(
    Object.entries(MESSAGES[lang]).filter(
      ([k]) =>
        k.startsWith('folder.') ||
        k.startsWith('files.error.') ||
        k.startsWith('files.role.') ||
        ['files.empty', 'files.infected', 'files.unscanned'].includes(k),
    ),
  );
  const accept = [...new Set(v.limits.types.map((x) => `.${FILE_TYPES[x].extension}`))].join(',');
  const back = v.base;
  if (v.state === 'not_opened') {
    return {
      title: t('files.title'),
      body: html`<h1>${t('files.title')}</h1>
${
  v.role === 'staff'
    ? html`<p>${t('files.open_text')}</p>
<form method="post" action="${v.base}/files/open">${csrfField(ctx)}<button type="submit">${t('files.open')}</button></form>`
    : html`<p class="notice">${t('files.not_opened')}</p>`
}
<p><a href="${back}">${t('files.back')}</a></p>`,
    };
  }
  const uploadUrl = `${v.base}/files?_csrf=${encodeURIComponent(ctx.csrfToken())}`;
  return {
    title: t('files.title'),
    body: html`<h1>${t('files.title')}</h1>
<p class="notice banner" id="folder-banner"><strong>${banner}</strong></p>
${
  v.errors.length
    ? html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
  <h2 id="error-summary-title">${t('form.error_summary')}</h2>
  <ul>${v.errors.map((e) => html`<li><a href="#file">${e}</a></li>`)}</ul>
</div>`
    : ''
}
${v.uploaded ? html`<p class="notice" role="status">${t('files.uploaded', { count: v.uploaded })}</p>` : ''}
<section aria-labelledby="files-heading">
  <h2 id="files-heading">${t('files.list')}</h2>
  <ul class="files" id="folder-files">${v.files.length ? v.files.map((f) => fileItem(ctx, v, f)) : html`<li class="hint">${t('files.empty')}</li>`}</ul>
  <p><a href="${v.base}/files/all.zip" id="folder-zip">${t('files.download_all')}</a></p>
</section>
<section aria-labelledby="add-heading">
  <h2 id="add-heading">${t('files.add')}</h2>
  <form method="post" action="${uploadUrl}" enctype="multipart/form-data" class="stack" id="folder-form">
    <div id="folder-drop" class="drop">
      <label for="file">${t('files.choose')}</label>
      <span class="hint" id="file-hint">${t('files.hint', { types: typeList(v.limits.types), file: formatSize(v.limits.maxFileBytes, lang), folder: formatSize(v.limits.maxFolderBytes, lang) })}</span>
      <input type="file" id="file" name="file" multiple accept="${accept}" aria-describedby="file-hint">
    </div>
    <div id="folder-progress" aria-live="polite"></div>
    <div><button type="submit">${t('files.upload')}</button></div>
  </form>
</section>
<p><a href="${back}">${t('files.back')}</a></p>
${jsonScript('folder-config', { base: v.base, ws: `${v.base}/files/ws`, upload: uploadUrl, maxFileBytes: v.limits.maxFileBytes, lang, timeZone: v.timeZone, text: clientText })}
<script type="module" src="${assetUrl('folder.js')}" nonce="${ctx.nonce}"></script>`,
  };
}

/** The folder after the meeting: closed, files gone (410). */
export function closedPage(ctx: PageContext): Page {
  const { t } = ctx;
  return {
    title: t('files.closed_title'),
    body: html`<h1>${t('files.closed_title')}</h1>\n<p>${t('files.closed_text')}</p>`,
  };
}

/** Someone still in the lobby, or refused: the folder is for people in the meeting. */
export function notAdmittedPage(ctx: PageContext, base: string): Page {
  const { t } = ctx;
  return {
    title: t('files.title'),
    body: html`<h1>${t('files.title')}</h1>\n<p class="notice">${t('files.not_admitted')}</p>\n<p><a href="${base}">${t('files.back')}</a></p>`,
  };
}

/** A quarantined file's link: why it cannot be downloaded. */
export function blockedPage(ctx: PageContext, signature: string, base: string): Page {
  const { t } = ctx;
  return {
    title: t('files.blocked_title'),
    body: html`<h1>${t('files.blocked_title')}</h1>\n<p>${t('files.blocked_text', { signature })}</p>\n<p><a href="${base}/files">${t('files.title')}</a></p>`,
  };
}
