import { z } from 'zod';
import { LANGS, type Localized } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import {
  MAX_SLUG_LENGTH,
  SLUG_PATTERN,
  isOfficeTimeZone,
  parseFee,
  serviceProblems,
} from './admin-domain.ts';

// The admin forms as posted. Messages are translation keys; fields keep the names of the
// inputs, so an issue's path is the id the error summary links to.

const key = (k: MessageKey) => k;

/** A form's body as strings (checkbox groups arrive as a string or an array). */
export type FormBody = Record<string, string | string[] | undefined>;

/** One value of a field (the first when a name is repeated). */
export function one(body: FormBody, name: string): string {
  const v = body[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

/** Every value of a checkbox group. */
export function many(body: FormBody, name: string): string[] {
  const v = body[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** A localized text from the inputs `<prefix>_sl`, `_cs`, `_en`, empty languages left out. */
export function localizedFrom(body: FormBody, prefix: string): Localized {
  const out: Localized = {};
  for (const l of LANGS) {
    const v = one(body, `${prefix}_${l}`).trim();
    if (v) out[l] = v;
  }
  return out;
}

/**
 * A localized text's languages over `max` characters, as issues on their inputs: the browser's
 * maxlength is only a courtesy, and a crafted post must not store a novel in a service's name.
 */
export function tooLong(
  body: FormBody,
  prefix: string,
  max: number,
): { path: string[]; message: MessageKey }[] {
  return LANGS.filter((l) => one(body, `${prefix}_${l}`).trim().length > max).map((l) => ({
    path: [`${prefix}_${l}`],
    message: 'tenants.error.too_long' as const,
  }));
}

/** A text that may be left empty (stored as null). */
export const optionalText = (max: number, message: MessageKey) =>
  z
    .string()
    .trim()
    .max(max, key(message))
    .transform((v) => (v === '' ? null : v));
/** An email address that may be left empty, lower-cased. */
export const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, key('tenants.error.email'))
  .refine((v) => v === '' || z.email().safeParse(v).success, key('tenants.error.email'))
  .transform((v) => (v === '' ? null : v));
/** A phone number that may be left empty. */
export const phone = optionalText(40, 'tenants.error.phone').refine(
  (v) => v === null || /^\+?[0-9 ()/-]{6,}$/.test(v),
  key('tenants.error.phone'),
);
/** A web address part (slug), as the database CHECKs it. */
export const slug = z
  .string()
  .trim()
  .min(1, key('tenants.error.slug_required'))
  .max(MAX_SLUG_LENGTH, key('tenants.error.slug_pattern'))
  .regex(SLUG_PATTERN, key('tenants.error.slug_pattern'));
const position = z.coerce
  .number()
  .int(key('tenants.error.position'))
  .min(0, key('tenants.error.position'))
  .max(999, key('tenants.error.position'));
const uuids = z.array(z.uuid()).max(200);
const nameOf = (max: number) => z.string().max(max, key('tenants.error.too_long'));

/** The office form. */
export const officeForm = z.object({
  name_sl: nameOf(120),
  name_cs: nameOf(120),
  name_en: nameOf(120),
  slug,
  street: z
    .string()
    .trim()
    .min(1, key('tenants.error.street'))
    .max(200, key('tenants.error.too_long')),
  postcode: z
    .string()
    .trim()
    .regex(/^[0-9A-Z -]{3,10}$/i, key('tenants.error.postcode')),
  city: z.string().trim().min(1, key('tenants.error.city')).max(100, key('tenants.error.too_long')),
  email: optionalEmail,
  phone,
  timeZone: z.string().refine(isOfficeTimeZone, key('tenants.error.time_zone')),
  position,
});

/** An office as the service saves it. */
export type OfficeInput = {
  name: Localized;
  slug: string;
  street: string;
  postcode: string;
  city: string;
  email: string | null;
  phone: string | null;
  timeZone: string;
  position: number;
};

/** The service form (texts are read with localizedFrom; booleans are checkboxes). */
export const serviceForm = z.object({
  slug,
  name_sl: nameOf(200),
  name_cs: nameOf(200),
  name_en: nameOf(200),
  fee: z
    .string()
    .refine((v) => parseFee(v) !== null, key('tenants.error.fee'))
    .transform((v) => parseFee(v)!.minor),
  position,
});

/** A new service's length; afterwards it is one of the booking rules on /staff/availability. */
const durationForm = z.object({
  durationMinutes: z.coerce
    .number()
    .int(key('tenants.error.duration'))
    .min(5, key('tenants.error.duration'))
    .max(480, key('tenants.error.duration')),
});

export type ServiceInput = {
  slug: string;
  name: Localized;
  description: Localized;
  preparation: Localized;
  feeNote: Localized;
  feeMinor: number | null;
  /** Set when the service is created; null on an edit, where the booking rules own it. */
  durationMinutes: number | null;
  byVideo: boolean;
  inPerson: boolean;
  active: boolean;
  position: number;
  officeIds: string[];
  officialIds: string[];
};

type Issue = { path: PropertyKey[]; message: string };
const issue = (field: string, message: MessageKey): Issue => ({ path: [field], message });

/** A name needs at least one language; the error points at the default language's input. */
function nameIssues(name: Localized, lang: (typeof LANGS)[number]): Issue[] {
  return Object.keys(name).length ? [] : [issue(`name_${lang}`, 'tenants.error.name_required')];
}

/** Reads the service form: the zod part, the texts, checkboxes and id lists, with every problem at once. */
/** Reads the service form; only a new service's form (`creating`) asks for its length. */
export function parseServiceForm(
  body: FormBody,
  defaultLanguage: (typeof LANGS)[number],
  creating: boolean,
): { ok: true; input: ServiceInput } | { ok: false; issues: Issue[] } {
  const parsed = serviceForm.safeParse(
    Object.fromEntries(Object.keys(serviceForm.shape).map((k) => [k, one(body, k)])),
  );
  const duration = creating
    ? durationForm.safeParse({ durationMinutes: one(body, 'durationMinutes') })
    : null;
  const ids = uuids.safeParse([...many(body, 'offices'), ...many(body, 'officials')]);
  const shape = {
    byVideo: one(body, 'byVideo') === '1',
    inPerson: one(body, 'inPerson') === '1',
    active: one(body, 'active') === '1',
    officeIds: many(body, 'offices'),
  };
  const name = localizedFrom(body, 'name');
  const issues: Issue[] = [
    ...(parsed.success ? [] : parsed.error.issues),
    ...(duration && !duration.success ? duration.error.issues : []),
    ...(ids.success ? [] : [issue('offices', 'tenants.error.no_office')]),
    ...nameIssues(name, defaultLanguage),
    ...tooLong(body, 'name', 200),
    ...tooLong(body, 'description', 2000),
    ...tooLong(body, 'preparation', 2000),
    ...tooLong(body, 'feeNote', 300),
    ...serviceProblems(shape).map((p) =>
      p === 'no_mode'
        ? issue('byVideo', 'tenants.error.no_mode')
        : issue('offices', 'tenants.error.no_office'),
    ),
  ];
  if (!parsed.success || (duration && !duration.success) || issues.length)
    return { ok: false, issues };
  return {
    ok: true,
    input: {
      ...shape,
      slug: parsed.data.slug,
      name,
      description: localizedFrom(body, 'description'),
      preparation: localizedFrom(body, 'preparation'),
      feeNote: localizedFrom(body, 'feeNote'),
      feeMinor: parsed.data.fee,
      durationMinutes: duration?.success ? duration.data.durationMinutes : null,
      position: parsed.data.position,
      officialIds: many(body, 'officials'),
    },
  };
}

/** Reads the office form. */
export function parseOfficeForm(
  body: FormBody,
  defaultLanguage: (typeof LANGS)[number],
): { ok: true; input: OfficeInput } | { ok: false; issues: Issue[] } {
  const parsed = officeForm.safeParse(
    Object.fromEntries(Object.keys(officeForm.shape).map((k) => [k, one(body, k)])),
  );
  const name = localizedFrom(body, 'name');
  const issues = [
    ...(parsed.success ? [] : parsed.error.issues),
    ...nameIssues(name, defaultLanguage),
    ...tooLong(body, 'name', 120),
  ];
  if (!parsed.success || issues.length) return { ok: false, issues };
  const { name_sl: _s, name_cs: _c, name_en: _e, ...rest } = parsed.data;
  return { ok: true, input: { ...rest, name } };
}

/** The organisation's settings form. */
export const settingsForm = z.object({
  name_sl: nameOf(200),
  name_cs: nameOf(200),
  name_en: nameOf(200),
  email: optionalEmail,
  phone,
  website: z
    .string()
    .trim()
    .max(300, key('tenants.error.website'))
    .refine((v) => v === '' || /^https:\/\/[^\s/]+\.[^\s]+$/.test(v), key('tenants.error.website'))
    .transform((v) => (v === '' ? null : v)),
  defaultLanguage: z.enum(LANGS, key('tenants.error.language')),
  mailSenderName: optionalText(100, 'tenants.error.sender_name').refine(
    (v) => v === null || !/[<>"\r\n@]/.test(v),
    key('tenants.error.sender_name'),
  ),
  mailReplyTo: optionalEmail,
  // IČO or matična številka, written with or without spaces; its check digit depends on the
  // organisation's country, which the service knows (admin-domain.ts registrationNumberProblem).
  registrationNumber: z
    .string()
    .transform((v) => v.replace(/[\s.]/g, ''))
    .refine((v) => v === '' || /^[0-9]{7,10}$/.test(v), key('tenants.error.registration_number'))
    .transform((v) => (v === '' ? null : v)),
});

export type SettingsInput = {
  name: Localized;
  email: string | null;
  phone: string | null;
  website: string | null;
  defaultLanguage: (typeof LANGS)[number];
  mailSenderName: string | null;
  mailReplyTo: string | null;
  registrationNumber: string | null;
};

/** Reads the settings form. */
export function parseSettingsForm(
  body: FormBody,
): { ok: true; input: SettingsInput } | { ok: false; issues: Issue[] } {
  const parsed = settingsForm.safeParse(
    Object.fromEntries(Object.keys(settingsForm.shape).map((k) => [k, one(body, k)])),
  );
  const name = localizedFrom(body, 'name');
  // The default language is the fallback for every text: the name must exist in it.
  const lang = parsed.success ? parsed.data.defaultLanguage : 'sl';
  const issues = [
    ...(parsed.success ? [] : parsed.error.issues),
    ...(name[lang] ? [] : [issue(`name_${lang}`, 'tenants.error.name_default_language')]),
    ...tooLong(body, 'name', 200),
  ];
  if (!parsed.success || issues.length) return { ok: false, issues };
  const { name_sl: _s, name_cs: _c, name_en: _e, ...rest } = parsed.data;
  return { ok: true, input: { ...rest, name } };
}

/** Issues as `{ field: message key }`, the first issue of each field. */
export function issueKeys(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, MessageKey> {
  const out: Record<string, MessageKey> = {};
  for (const i of issues) {
    const field = String(i.path[0] ?? 'form');
    out[field] ??= i.message as MessageKey;
  }
  return out;
}
