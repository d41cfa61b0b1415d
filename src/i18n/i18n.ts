import { en, type MessageKey as BaseKey } from './messages/en.ts';
import { sl } from './messages/sl.ts';
import { cs } from './messages/cs.ts';
import { bookingMessages, type BookingMessageKey } from './messages/booking.ts';
import { meetingMessages, type MeetingMessageKey } from './messages/meeting.ts';
import { meetingClientMessages, type MeetingClientMessageKey } from './messages/meeting-client.ts';
import { filesMessages, type FilesMessageKey } from './messages/files.ts';
import { statsMessages, type StatsMessageKey } from './messages/stats.ts';
import { agendaMessages, type AgendaMessageKey } from './messages/agenda.ts';
import { privacyMessages, type PrivacyMessageKey } from './messages/privacy.ts';
import { adminMessages, type AdminMessageKey } from './messages/admin.ts';
import { auditMessages, type AuditMessageKey } from './messages/audit.ts';

/** Every interface text key: the base set plus each domain's set. */
export type MessageKey = BaseKey | BookingMessageKey | MeetingMessageKey | MeetingClientMessageKey | FilesMessageKey | PrivacyMessageKey | AgendaMessageKey | StatsMessageKey | AdminMessageKey | AuditMessageKey;

export const LANGS = ['sl', 'cs', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A text an organisation writes in several languages. */
export type Localized = Partial<Record<Lang, string>>;

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = {
  sl: { ...sl, ...bookingMessages.sl, ...meetingMessages.sl, ...meetingClientMessages.sl, ...filesMessages.sl, ...privacyMessages.sl, ...agendaMessages.sl, ...statsMessages.sl, ...adminMessages.sl, ...auditMessages.sl },
  cs: { ...cs, ...bookingMessages.cs, ...meetingMessages.cs, ...meetingClientMessages.cs, ...filesMessages.cs, ...privacyMessages.cs, ...agendaMessages.cs, ...statsMessages.cs, ...adminMessages.cs, ...auditMessages.cs },
  en: { ...en, ...bookingMessages.en, ...meetingMessages.en, ...meetingClientMessages.en, ...filesMessages.en, ...privacyMessages.en, ...agendaMessages.en, ...statsMessages.en, ...adminMessages.en, ...auditMessages.en },
};

const LOCALES: Record<Lang, string> = { sl: 'sl-SI', cs: 'cs-CZ', en: 'en-GB' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** BCP 47 locale used with Intl for a language. */
export function localeOf(lang: Lang): string {
  return LOCALES[lang];
}

/**
 * Picks the page language: an explicit `?lang=`, then the remembered cookie,
 * then the best match in Accept-Language (by q-value), then Slovenian.
 */
export function negotiateLanguage(input: { query?: unknown; cookie?: unknown; acceptLanguage?: string | undefined }): Lang {
  if (isLang(input.query)) return input.query;
  if (isLang(input.cookie)) return input.cookie;
  const ranges = (input.acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { tag: tag.trim(), q: q ? Number(q[1]) : 1, index };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const r of ranges) {
    const primary = r.tag.split('-')[0];
    if (isLang(primary)) return primary;
  }
  return 'sl';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Returns a translator for one language; `{name}` placeholders are filled from params. */
export function translator(lang: Lang): Translate {
  const messages = MESSAGES[lang];
  return (key, params) => {
    const text = messages[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/**
 * Chooses an organisation's text in the reader's language, falling back to the
 * organisation's own language and then to any language that has the text.
 */
export function localize(text: Localized | null | undefined, lang: Lang, fallback: Lang = 'en'): string {
  if (!text) return '';
  return text[lang] || text[fallback] || text.en || text.sl || text.cs || '';
}

/** Languages in which a localized text is missing. */
export function missingLanguages(text: Localized): Lang[] {
  return LANGS.filter((l) => !text[l]?.trim());
}

