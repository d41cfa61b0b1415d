// Parts the contacts' pages share: a text in the reader's language marked with the language it
// is really in, and a department's or person's contact details as a definition list.
import type { PageContext } from '../../../http/page.ts';
import type { Lang, Localized } from '../../../i18n/i18n.ts';
import { html, type Html } from '../../../views/html.ts';
import type { Organisation } from '../../../tenants/domain.ts';
import { telIri } from '../domain.ts';

/** A text in the reader's language, else the organisation's (or any it has), with its language. */
export function shown(text: Localized, lang: Lang, fallback: Lang): { value: string; lang: Lang } {
  for (const l of [lang, fallback, 'en', 'sl', 'cs'] as const) {
    const value = text[l]?.trim();
    if (value) return { value, lang: l };
  }
  return { value: '', lang };
}

/** ` lang="…"` where a text is not in the page's language (WCAG 3.1.2), else nothing. */
export function langAttr(ctx: PageContext, l: Lang): Html {
  return l === ctx.lang ? html`` : html` lang="${l}"`;
}

/** The text in a span, marked with its language where it differs from the page's. */
export function inLang(ctx: PageContext, text: Localized, fallback: Lang): Html {
  const s = shown(text, ctx.lang, fallback);
  if (!s.value) return html``;
  return s.lang === ctx.lang ? html`${s.value}` : html`<span lang="${s.lang}">${s.value}</span>`;
}

/** Contact details as a definition list: e-mail and phone (tel:, E.164 where possible) as links, room, where, office hours. */
export function contactDetails(
  ctx: PageContext,
  c: {
    email: string | null;
    phone: string | null;
    room?: string | null;
    location?: Localized;
    officeHours: Localized;
  },
  org: Pick<Organisation, 'defaultLanguage' | 'country'>,
): Html {
  const { t } = ctx;
  const fallback = org.defaultLanguage;
  const tel = c.phone ? telIri(c.phone, org.country) : null;
  const rows: Html[] = [];
  if (c.email)
    rows.push(
      html`<dt>${t('contacts.email')}</dt><dd><a href="mailto:${c.email}">${c.email}</a></dd>`,
    );
  if (c.phone)
    rows.push(
      html`<dt>${t('contacts.phone')}</dt><dd>${tel ? html`<a href="${tel}">${c.phone}</a>` : c.phone}</dd>`,
    );
  if (c.room) rows.push(html`<dt>${t('contacts.room')}</dt><dd>${c.room}</dd>`);
  if (c.location && shown(c.location, ctx.lang, fallback).value)
    rows.push(
      html`<dt>${t('contacts.location')}</dt><dd>${inLang(ctx, c.location, fallback)}</dd>`,
    );
  if (shown(c.officeHours, ctx.lang, fallback).value)
    rows.push(
      html`<dt>${t('contacts.office_hours')}</dt><dd class="pre-line">${inLang(ctx, c.officeHours, fallback)}</dd>`,
    );
  return rows.length ? html`<dl class="facts">${rows}</dl>` : html``;
}
