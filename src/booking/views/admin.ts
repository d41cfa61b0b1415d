import type { Page, PageContext } from '../../http/page.ts';
import { localize } from '../../i18n/i18n.ts';
import { weekdayName, formatWhen, dayName } from '../../views/dates.ts';
import { html } from '../../views/html.ts';
import { errorSummary, type FieldErrors } from '../../views/form.ts';
import { csrfField } from '../../views/layout.ts';
import type { AvailabilityAdmin } from '../admin.ts';

type Overview = Awaited<ReturnType<AvailabilityAdmin['overview']>>;

/** Admins' appointment settings: officials' weekly hours, closures, booking rules per service. */
export function adminAvailabilityPage(
  ctx: PageContext,
  data: Overview & {
    errors: FieldErrors;
    saved: boolean;
    typed?: { form: string; values: Record<string, string> };
  },
): Page {
  const { t, lang } = ctx;
  const fb = data.organisation.defaultLanguage;
  const typed = (form: string, name: string, fallback: string | number) =>
    data.typed?.form === form ? (data.typed.values[name] ?? '') : String(fallback);
  // A field the last post was refused for: marked invalid, with the message beside it (the summary links here).
  const invalid = (id: string) =>
    data.errors[id] ? html` aria-invalid="true" aria-describedby="${id}-error"` : '';
  const message = (id: string) =>
    data.errors[id]
      ? html`<span class="error-message" id="${id}-error">${data.errors[id]}</span>`
      : '';
  const box = (id: string) => (data.errors[id] ? 'field-error' : '');
  return {
    title: t('book.admin.title'),
    body: html`${errorSummary(t, data.errors)}
${data.saved ? html`<p class="notice" role="status">${t('book.admin.saved')}</p>` : ''}
<h1>${t('book.admin.title')}</h1>
<h2 id="hours">${t('book.admin.hours')}</h2>
<p class="muted">${t('book.admin.hours_hint')}</p>
${data.hours.map((h) => {
  const form = `hours-${h.official.id}-${h.office.id}`;
  return html`<form method="post" action="/staff/availability/hours" class="card stack-wide" aria-labelledby="${form}">
  ${csrfField(ctx)}
  <input type="hidden" name="staffId" value="${h.official.id}"><input type="hidden" name="officeId" value="${h.office.id}">
  <h3 id="${form}">${h.official.displayName} · ${localize(h.office.name, lang, fb)}</h3>
  <div class="week">${[1, 2, 3, 4, 5, 6, 7].map((d) => {
    const id = `${form}-d${d}`;
    return html`<div class="${box(id)}"><label for="${id}">${weekdayName(d, lang)}</label>${message(id)}<input type="text" id="${id}" name="d${d}" value="${typed(form, `d${d}`, h.days[d - 1] ?? '')}"${invalid(id)}></div>`;
  })}</div>
  <div><button type="submit">${t('book.admin.save')}</button></div>
</form>`;
})}
<h2 id="closures">${t('book.admin.closures')}</h2>
<p class="muted">${t('book.admin.closures_hint')}</p>
${
  data.closures.length
    ? html`<ul>${data.closures.map((c) => {
        const office = data.offices.find((o) => o.id === c.office_id);
        return html`<li>${dayName(c.day, lang)} · ${office ? localize(office.name, lang, fb) : t('book.admin.closure_all_offices')}${localize(c.note, lang, fb) ? ` · ${localize(c.note, lang, fb)}` : ''}
      <form method="post" action="/staff/availability/closures/${c.id}/delete" class="inline">${csrfField(ctx)}<button type="submit" class="link">${t('book.admin.closure_remove', { day: dayName(c.day, lang) })}</button></form></li>`;
      })}</ul>`
    : html`<p>${t('book.admin.no_closures')}</p>`
}
<form method="post" action="/staff/availability/closures" class="stack">
  ${csrfField(ctx)}
  <div class="${box('closure-day')}"><label for="closure-day">${t('book.admin.closure_day')}</label>${message('closure-day')}<input type="date" id="closure-day" name="day" value="${typed('closure', 'day', '')}" required${invalid('closure-day')}></div>
  <div><label for="closure-office">${t('book.admin.closure_office')}</label><select id="closure-office" name="officeId">
    <option value="">${t('book.admin.closure_all_offices')}</option>
    ${data.offices.map((o) => html`<option value="${o.id}">${localize(o.name, lang, fb)}</option>`)}
  </select></div>
  <div><label for="closure-note">${t('book.admin.closure_note')}</label><input type="text" id="closure-note" name="note" maxlength="200" value="${typed('closure', 'note', '')}"></div>
  <div><button type="submit">${t('book.admin.closure_add')}</button></div>
</form>
<h2 id="absences">${t('book.admin.absences')}</h2>
${
  data.absences.length
    ? html`<ul>${data.absences.map((a) => {
        const who = data.team.find((m) => m.id === a.staff_id)?.displayName ?? '';
        return html`<li>${who}: ${formatWhen(a.start, data.organisation.timeZone, lang)} – ${formatWhen(a.end, data.organisation.timeZone, lang)}
      <form method="post" action="/staff/availability/absences/${a.id}/delete" class="inline">${csrfField(ctx)}<button type="submit" class="link">${t('book.admin.absence_remove', { name: who })}</button></form></li>`;
      })}</ul>`
    : html`<p>${t('book.admin.no_absences')}</p>`
}
<form method="post" action="/staff/availability/absences" class="stack">
  ${csrfField(ctx)}
  <div><label for="absence-official">${t('book.admin.absence_official')}</label><select id="absence-official" name="staffId">
    ${data.team.filter((m) => m.role === 'official').map((m) => html`<option value="${m.id}">${m.displayName}</option>`)}
  </select></div>
  <div class="${box('absence-from')}"><label for="absence-from">${t('book.admin.absence_from')}</label>${message('absence-from')}<input type="datetime-local" id="absence-from" name="from" value="${typed('absence', 'from', '')}"${invalid('absence-from')}></div>
  <div><label for="absence-to">${t('book.admin.absence_to')}</label><input type="datetime-local" id="absence-to" name="to" value="${typed('absence', 'to', '')}"></div>
  <div><button type="submit">${t('book.admin.absence_add')}</button></div>
</form>
<h2 id="reminders">${t('book.admin.reminders')}</h2>
<form method="post" action="/staff/availability/reminders" class="stack">
  ${csrfField(ctx)}
  <div class="${box('reminder-minutes')}"><label for="reminder-minutes">${t('book.admin.reminder_minutes')}</label>${message('reminder-minutes')}<input type="text" id="reminder-minutes" name="minutes" value="${typed('reminders', 'minutes', data.reminders.join(', '))}"${invalid('reminder-minutes')}></div>
  <div><button type="submit">${t('book.admin.save')}</button></div>
</form>
<h2 id="files">${t('book.admin.files.grace_title')}</h2>
<form method="post" action="/staff/availability/files" class="stack">
  ${csrfField(ctx)}
  <div class="${data.errors['file-grace'] ? 'field-error' : ''}"><label for="file-grace">${t('book.admin.files.grace_label')} <span class="hint" id="file-grace-hint">${t('book.admin.files.grace_hint')}</span></label>
  ${data.errors['file-grace'] ? html`<span class="error-message" id="file-grace-error">${data.errors['file-grace']}</span>` : ''}
  <input type="text" inputmode="numeric" id="file-grace" name="grace" value="${typed('files', 'grace', data.fileGraceMinutes)}" aria-describedby="file-grace-hint${data.errors['file-grace'] ? ' file-grace-error' : ''}"${data.errors['file-grace'] ? html` aria-invalid="true"` : ''}></div>
  <div><input type="checkbox" id="file-macros" name="macros" value="on"${(data.typed?.form === 'files' ? data.typed.values.macros === 'on' : data.fileMacros) ? html` checked` : ''} aria-describedby="file-macros-hint"> <label for="file-macros">${t('book.admin.files.macros_label')}</label>
  <span class="hint" id="file-macros-hint">${t('book.admin.files.macros_hint')}</span></div>
  <div><button type="submit">${t('book.admin.save')}</button></div>
</form>
<h2 id="rules">${t('book.admin.rules')}</h2>
${data.services.map((s) => {
  const form = `rules-${s.id}`;
  const num = (name: string, label: string, value: number) =>
    html`<div class="${box(`${form}-${name}`)}"><label for="${form}-${name}">${label}</label>${message(`${form}-${name}`)}<input type="text" inputmode="numeric" id="${form}-${name}" name="${name}" value="${typed(form, name, value)}"${invalid(`${form}-${name}`)}></div>`;
  return html`<form method="post" action="/staff/availability/services/${s.id}" class="card stack-wide" aria-labelledby="${form}">
  ${csrfField(ctx)}
  <h3 id="${form}">${localize(s.name, lang, fb)}</h3>
  <div class="week">
  ${num('durationMinutes', t('book.admin.duration'), s.durationMinutes)}
  ${num('bufferMinutes', t('book.admin.buffer'), s.bufferMinutes)}
  ${num('capacity', t('book.admin.capacity'), s.capacity)}
  ${num('minNoticeMinutes', t('book.admin.notice'), s.minNoticeMinutes)}
  ${num('horizonDays', t('book.admin.horizon'), s.horizonDays)}
  </div>
  <div><button type="submit">${t('book.admin.save')}</button></div>
</form>`;
})}`,
  };
}
