import { en, type MessageKey as BaseKey } from './messages/en.ts';
import { sl } from './messages/sl.ts';
import { cs } from './messages/cs.ts';
import { bookingMessages, type BookingMessageKey } from './messages/booking.ts';
import { meetingMessages, type MeetingMessageKey } from './messages/meeting.ts';
import { meetingClientMessages, type MeetingClientMessageKey } from './messages/meeting-client.ts';
import { filesMessages, type FilesMessageKey } from './messages/files.ts';
import { statsMessages, type StatsMessageKey } from './messages/stats.ts';
import { statsCitizensMessages, type StatsCitizensMessageKey } from './messages/stats-citizens.ts';
import { agendaMessages, type AgendaMessageKey } from './messages/agenda.ts';
import { privacyMessages, type PrivacyMessageKey } from './messages/privacy.ts';
import { tenantsMessages, type TenantsMessageKey } from './messages/tenants.ts';
import { identityMessages, type IdentityMessageKey } from './messages/identity.ts';
import { mailMessages, type MailMessageKey } from './messages/mail.ts';
import { auditMessages, type AuditMessageKey } from './messages/audit.ts';
import { operatorMessages, type OperatorMessageKey } from './messages/operator.ts';
import { problemMessages, type ProblemMessageKey } from './messages/problems.ts';
import { organisationsMessages, type OrganisationsMessageKey } from './messages/organisations.ts';
import { eidMessages, type EidMessageKey } from './messages/eid.ts';
import { citizensMessages, type CitizensMessageKey } from './messages/citizens.ts';
import { citizensWaysMessages, type CitizensWaysMessageKey } from './messages/citizens-ways.ts';
import { receiptMessages, type ReceiptMessageKey } from './messages/receipt.ts';
import { formsMessages, type FormsMessageKey } from './messages/forms.ts';
import { tenantsFormsMessages, type TenantsFormsMessageKey } from './messages/tenants-forms.ts';
import { formsQuestionMessages, type FormsQuestionMessageKey } from './messages/forms-question.ts';
import { formsAdminMessages, type FormsAdminMessageKey } from './messages/forms-admin.ts';
import { situationsMessages, type SituationsMessageKey } from './messages/situations.ts';
import { integrationsMessages, type IntegrationsMessageKey } from './messages/integrations.ts';
import { paymentsAdminMessages, type PaymentsAdminMessageKey } from './messages/payments-admin.ts';
import { paymentsSetupMessages, type PaymentsSetupMessageKey } from './messages/payments-setup.ts';
import { formsCitizenMessages, type FormsCitizenMessageKey } from './messages/forms-citizen.ts';
import {
  formsAttachmentsMessages,
  type FormsAttachmentsMessageKey,
} from './messages/forms-attachments.ts';
import {
  submissionsDeliveryMessages,
  type SubmissionsDeliveryMessageKey,
} from './messages/submissions-delivery.ts';
import { submissionsMessages, type SubmissionsMessageKey } from './messages/submissions.ts';
import { formsActMessages, type FormsActMessageKey } from './messages/forms-act.ts';
import {
  paymentsReceiptMessages,
  type PaymentsReceiptMessageKey,
} from './messages/payments-receipt.ts';
import {
  paymentsReceiptMailMessages,
  type PaymentsReceiptMailMessageKey,
} from './messages/payments-receipt-mail.ts';
import {
  paymentsStatementsMessages,
  type PaymentsStatementsMessageKey,
} from './messages/payments-statements.ts';
import { paymentsQrMessages, type PaymentsQrMessageKey } from './messages/payments-qr.ts';
import { noticesMessages, type NoticesMessageKey } from './messages/notices.ts';
import { noticesAdminMessages, type NoticesAdminMessageKey } from './messages/notices-admin.ts';
import { contactsMessages, type ContactsMessageKey } from './messages/contacts.ts';
import { frontDoorMessages, type FrontDoorMessageKey } from './messages/front-door.ts';
import { helpMessages, type HelpMessageKey } from './messages/help.ts';
import { paymentsCardMessages, type PaymentsCardMessageKey } from './messages/payments-card.ts';
import { paymentsMessages, type PaymentsMessageKey } from './messages/payments.ts';

/** Every interface text key: the base set plus each domain's set. */
export type MessageKey =
  | BaseKey
  | BookingMessageKey
  | MeetingMessageKey
  | MeetingClientMessageKey
  | FilesMessageKey
  | PrivacyMessageKey
  | AgendaMessageKey
  | StatsMessageKey
  | StatsCitizensMessageKey
  | TenantsMessageKey
  | IdentityMessageKey
  | MailMessageKey
  | AuditMessageKey
  | OperatorMessageKey
  | ProblemMessageKey
  | OrganisationsMessageKey
  | EidMessageKey
  | CitizensMessageKey
  | CitizensWaysMessageKey
  | ReceiptMessageKey
  | FormsMessageKey
  | FormsAdminMessageKey
  | FormsQuestionMessageKey
  | TenantsFormsMessageKey
  | SituationsMessageKey
  | IntegrationsMessageKey
  | PaymentsAdminMessageKey
  | PaymentsSetupMessageKey
  | FormsCitizenMessageKey
  | FormsAttachmentsMessageKey
  | SubmissionsDeliveryMessageKey
  | SubmissionsMessageKey
  | FormsActMessageKey
  | PaymentsReceiptMessageKey
  | PaymentsReceiptMailMessageKey
  | PaymentsStatementsMessageKey
  | PaymentsQrMessageKey
  | PaymentsCardMessageKey
  | PaymentsMessageKey
  | NoticesMessageKey
  | NoticesAdminMessageKey
  | ContactsMessageKey
  | FrontDoorMessageKey
  | HelpMessageKey;

export const LANGS = ['sl', 'cs', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A text an organisation writes in several languages. */
export type Localized = Partial<Record<Lang, string>>;

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = {
  sl: {
    ...sl,
    ...bookingMessages.sl,
    ...meetingMessages.sl,
    ...meetingClientMessages.sl,
    ...filesMessages.sl,
    ...privacyMessages.sl,
    ...agendaMessages.sl,
    ...statsMessages.sl,
    ...statsCitizensMessages.sl,
    ...tenantsMessages.sl,
    ...identityMessages.sl,
    ...mailMessages.sl,
    ...auditMessages.sl,
    ...operatorMessages.sl,
    ...problemMessages.sl,
    ...organisationsMessages.sl,
    ...eidMessages.sl,
    ...citizensMessages.sl,
    ...citizensWaysMessages.sl,
    ...receiptMessages.sl,
    ...formsMessages.sl,
    ...formsAdminMessages.sl,
    ...formsQuestionMessages.sl,
    ...tenantsFormsMessages.sl,
    ...situationsMessages.sl,
    ...integrationsMessages.sl,
    ...paymentsAdminMessages.sl,
    ...paymentsSetupMessages.sl,
    ...formsCitizenMessages.sl,
    ...formsAttachmentsMessages.sl,
    ...submissionsDeliveryMessages.sl,
    ...submissionsMessages.sl,
    ...formsActMessages.sl,
    ...paymentsReceiptMessages.sl,
    ...paymentsReceiptMailMessages.sl,
    ...paymentsStatementsMessages.sl,
    ...paymentsQrMessages.sl,
    ...paymentsCardMessages.sl,
    ...paymentsMessages.sl,
    ...noticesMessages.sl,
    ...noticesAdminMessages.sl,
    ...contactsMessages.sl,
    ...frontDoorMessages.sl,
    ...helpMessages.sl,
  },
  cs: {
    ...cs,
    ...bookingMessages.cs,
    ...meetingMessages.cs,
    ...meetingClientMessages.cs,
    ...filesMessages.cs,
    ...privacyMessages.cs,
    ...agendaMessages.cs,
    ...statsMessages.cs,
    ...statsCitizensMessages.cs,
    ...tenantsMessages.cs,
    ...identityMessages.cs,
    ...mailMessages.cs,
    ...auditMessages.cs,
    ...operatorMessages.cs,
    ...problemMessages.cs,
    ...organisationsMessages.cs,
    ...eidMessages.cs,
    ...citizensMessages.cs,
    ...citizensWaysMessages.cs,
    ...receiptMessages.cs,
    ...formsMessages.cs,
    ...formsAdminMessages.cs,
    ...formsQuestionMessages.cs,
    ...tenantsFormsMessages.cs,
    ...situationsMessages.cs,
    ...integrationsMessages.cs,
    ...paymentsAdminMessages.cs,
    ...paymentsSetupMessages.cs,
    ...formsCitizenMessages.cs,
    ...formsAttachmentsMessages.cs,
    ...submissionsDeliveryMessages.cs,
    ...submissionsMessages.cs,
    ...formsActMessages.cs,
    ...paymentsReceiptMessages.cs,
    ...paymentsReceiptMailMessages.cs,
    ...paymentsStatementsMessages.cs,
    ...paymentsQrMessages.cs,
    ...paymentsCardMessages.cs,
    ...paymentsMessages.cs,
    ...noticesMessages.cs,
    ...noticesAdminMessages.cs,
    ...contactsMessages.cs,
    ...frontDoorMessages.cs,
    ...helpMessages.cs,
  },
  en: {
    ...en,
    ...bookingMessages.en,
    ...meetingMessages.en,
    ...meetingClientMessages.en,
    ...filesMessages.en,
    ...privacyMessages.en,
    ...agendaMessages.en,
    ...statsMessages.en,
    ...statsCitizensMessages.en,
    ...tenantsMessages.en,
    ...identityMessages.en,
    ...mailMessages.en,
    ...auditMessages.en,
    ...operatorMessages.en,
    ...problemMessages.en,
    ...organisationsMessages.en,
    ...eidMessages.en,
    ...citizensMessages.en,
    ...citizensWaysMessages.en,
    ...receiptMessages.en,
    ...formsMessages.en,
    ...formsAdminMessages.en,
    ...formsQuestionMessages.en,
    ...tenantsFormsMessages.en,
    ...situationsMessages.en,
    ...integrationsMessages.en,
    ...paymentsAdminMessages.en,
    ...paymentsSetupMessages.en,
    ...formsCitizenMessages.en,
    ...formsAttachmentsMessages.en,
    ...submissionsDeliveryMessages.en,
    ...submissionsMessages.en,
    ...formsActMessages.en,
    ...paymentsReceiptMessages.en,
    ...paymentsReceiptMailMessages.en,
    ...paymentsStatementsMessages.en,
    ...paymentsQrMessages.en,
    ...paymentsCardMessages.en,
    ...paymentsMessages.en,
    ...noticesMessages.en,
    ...noticesAdminMessages.en,
    ...contactsMessages.en,
    ...frontDoorMessages.en,
    ...helpMessages.en,
  },
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
 * then the best match in Accept-Language (by q-value), then the fallback: Slovenian unless
 * said otherwise (the API's is English, decision 021).
 */
export function negotiateLanguage(input: {
  query?: unknown;
  cookie?: unknown;
  acceptLanguage?: string | undefined;
  fallback?: Lang;
}): Lang {
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
  return input.fallback ?? 'sl';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The CLDR plural rules of a language: sl has one/two/few/other, cs one/few/many/other. */
export function pluralRulesOf(lang: Lang): Intl.PluralRules {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(localeOf(lang));
    pluralRules.set(lang, rules);
  }
  return rules;
}

/** A `{name, plural, one {…} other {…}}` block of a message: the parameter and its forms. */
export type PluralBlock = { name: string; start: number; end: number; forms: Map<string, string> };

/**
 * Finds the plural blocks of a message, written as in ICU MessageFormat (the subset translators
 * know: categories and `#` for the number). Inside a form, `{other}` placeholders may appear.
 */
export function pluralBlocks(text: string): PluralBlock[] {
  const blocks: PluralBlock[] = [];
  const head = /\{(\w+), plural,/g;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    const forms = new Map<string, string>();
    let i = m.index + m[0].length;
    for (;;) {
      const form = /^\s*(\w+)\s*\{/.exec(text.slice(i));
      if (!form) break;
      let depth = 1;
      let j = i + form[0].length;
      for (; j < text.length && depth > 0; j++)
        depth += text[j] === '{' ? 1 : text[j] === '}' ? -1 : 0;
      forms.set(form[1] as string, text.slice(i + form[0].length, j - 1));
      i = j;
    }
    const close = text.indexOf('}', i);
    blocks.push({ name: m[1] as string, start: m.index, end: close + 1, forms });
    head.lastIndex = close + 1;
  }
  return blocks;
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();

function numberIn(lang: Lang, n: number): string {
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(lang));
    numberFormats.set(lang, f);
  }
  return f.format(n);
}

/**
 * Fills a message: plural blocks by the language's rules, `#` being the number written as the
 * language writes it (sl "1.234", cs "1 234"), then `{name}`. A count is passed as a number.
 */
export function fillMessage(
  text: string,
  lang: Lang,
  params: Record<string, string | number>,
): string {
  let out = '';
  let at = 0;
  for (const b of pluralBlocks(text)) {
    const n = Number(params[b.name]);
    const form =
      b.forms.get(`=${n}`) ??
      b.forms.get(pluralRulesOf(lang).select(n)) ??
      b.forms.get('other') ??
      '';
    out +=
      text.slice(at, b.start) + form.replace(/#/g, Number.isFinite(n) ? numberIn(lang, n) : '');
    at = b.end;
  }
  out += text.slice(at);
  return out.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * Returns a translator for one language; `{name}` placeholders are filled from params and
 * `{count, plural, one {# dan} two {# dneva} few {# dni} other {# dni}}` picks the form.
 */
export function translator(lang: Lang): Translate {
  const messages = MESSAGES[lang];
  return (key, params) => {
    const text = messages[key];
    if (!params) return text;
    return fillMessage(text, lang, params);
  };
}

/**
 * Chooses an organisation's text in the reader's language, falling back to the
 * organisation's own language and then to any language that has the text.
 */
export function localize(
  text: Localized | null | undefined,
  lang: Lang,
  fallback: Lang = 'en',
): string {
  if (!text) return '';
  return text[lang] || text[fallback] || text.en || text.sl || text.cs || '';
}

/** Languages in which a localized text is missing. */
export function missingLanguages(text: Localized): Lang[] {
  return LANGS.filter((l) => !text[l]?.trim());
}
