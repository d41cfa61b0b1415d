// The news admin form as posted, and the public pages' paths. Messages are translation keys named
// after the inputs, so an issue's path is the id the error summary links to.
import { z } from 'zod';
import { LANGS, type Lang, type Localized, type MessageKey } from '../../i18n/i18n.ts';
import { isCalendarDate } from '../../lib/zoned-time.ts';
import { localizedFrom, one, type FormBody } from '../../tenants/admin-schema.ts';
import { MAX_BODY, MAX_TITLE } from './domain.ts';

const slugParam = z.string().max(80);
export const orgParams = z.object({ org: slugParam });
export const newsParams = orgParams.extend({ id: z.uuid() });
export const idParams = z.object({ id: z.uuid() });

/** A news item as the admin form gives it to the service. */
export type NewsInput = {
  title: Localized;
  body: Localized;
  publishedOn: string;
  shownUntil: string | null;
};

type Issue = { field: string; message: MessageKey };

/**
 * Reads the news form, every problem at once: a title in the organisation's default language,
 * lengths, the first day as a date, the last day (optional) as a date not before the first.
 */
export function parseNewsForm(
  body: FormBody,
  defaultLanguage: Lang,
): { ok: true; input: NewsInput } | { ok: false; fields: Record<string, MessageKey> } {
  const title = localizedFrom(body, 'title');
  const text = localizedFrom(body, 'body');
  const publishedOn = one(body, 'publishedOn').trim();
  const shownUntil = one(body, 'shownUntil').trim();
  const issues: Issue[] = [
    ...(title[defaultLanguage]
      ? []
      : [{ field: `title_${defaultLanguage}`, message: 'frontdoor.news.error.title' as const }]),
    ...LANGS.filter((l) => (title[l] ?? '').length > MAX_TITLE).map((l) => ({
      field: `title_${l}`,
      message: 'frontdoor.news.error.too_long' as const,
    })),
    ...LANGS.filter((l) => (text[l] ?? '').length > MAX_BODY).map((l) => ({
      field: `body_${l}`,
      message: 'frontdoor.news.error.too_long' as const,
    })),
    ...(isCalendarDate(publishedOn)
      ? []
      : [{ field: 'publishedOn', message: 'frontdoor.news.error.date' as const }]),
    ...(shownUntil === '' || isCalendarDate(shownUntil)
      ? []
      : [{ field: 'shownUntil', message: 'frontdoor.news.error.date' as const }]),
    ...(isCalendarDate(publishedOn) && isCalendarDate(shownUntil) && shownUntil < publishedOn
      ? [{ field: 'shownUntil', message: 'frontdoor.news.error.until_before' as const }]
      : []),
  ];
  if (issues.length) {
    const fields: Record<string, MessageKey> = {};
    for (const i of issues) fields[i.field] ??= i.message;
    return { ok: false, fields };
  }
  return {
    ok: true,
    input: { title, body: text, publishedOn, shownUntil: shownUntil || null },
  };
}
