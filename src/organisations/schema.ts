/**
 * What an operator provisions: one organisation with its offices, services, officials and their
 * hours. The console's "new organisation" form, the command line and the JSON import all end
 * up as this one schema (`organisationSpec`), so every way in is checked by the same rules.
 * Messages are translation keys; the import prints them in English with the path and line.
 */
import { z } from 'zod';
import { parseDayHours } from '../lib/calendar.ts';
import { LANGS, type Localized, type MessageKey } from '../i18n/i18n.ts';
import { isOfficeTimeZone, logoProblem, parseFee } from '../tenants/admin-domain.ts';
import { optionalEmail, phone, settingsForm, slug } from '../tenants/admin-schema.ts';

const key = (k: MessageKey) => k;

/** ISO weekdays by the names the file uses. */
export const WEEKDAYS = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 } as const;

const text = (max: number) =>
  z.string(key('orgs.error.text')).trim().max(max, key('orgs.error.too_long'));
const localized = (max: number) =>
  z
    .strictObject(
      { sl: text(max).optional(), cs: text(max).optional(), en: text(max).optional() },
      key('orgs.error.localized'),
    )
    .transform((v): Localized => Object.fromEntries(Object.entries(v).filter(([, s]) => s)))
    .refine((v) => Object.keys(v).length > 0, key('orgs.error.name_required'));
const optionalLocalized = (max: number) =>
  z
    .strictObject(
      { sl: text(max).optional(), cs: text(max).optional(), en: text(max).optional() },
      key('orgs.error.localized'),
    )
    .transform((v): Localized => Object.fromEntries(Object.entries(v).filter(([, s]) => s)))
    .default({});
const email = z
  .string(key('orgs.error.email'))
  .trim()
  .toLowerCase()
  .max(254, key('orgs.error.email'))
  .pipe(z.email(key('orgs.error.email')));
const zone = z
  .string(key('orgs.error.time_zone'))
  .refine(isOfficeTimeZone, key('orgs.error.time_zone'));
/** "08:00–12:00, 13:00–15:00", as typed on /staff/availability; empty for a day off. */
const dayHours = z
  .string(key('orgs.error.hours'))
  .refine((v) => parseDayHours(v) !== null, key('orgs.error.hours'));
const week = z.strictObject(
  Object.fromEntries(Object.keys(WEEKDAYS).map((d) => [d, dayHours.optional()])) as Record<
    keyof typeof WEEKDAYS,
    z.ZodOptional<typeof dayHours>
  >,
);
const slugs = z.array(slug).max(200);
const nullable = <T extends z.ZodType>(s: T) => s.optional().transform((v) => v ?? null);

const office = z.strictObject({
  slug,
  name: localized(120),
  street: z
    .string(key('orgs.error.street'))
    .trim()
    .min(1, key('orgs.error.street'))
    .max(200, key('orgs.error.too_long')),
  postcode: z
    .string(key('orgs.error.postcode'))
    .trim()
    .regex(/^[0-9A-Z -]{3,10}$/i, key('orgs.error.postcode')),
  city: z
    .string(key('orgs.error.city'))
    .trim()
    .min(1, key('orgs.error.city'))
    .max(100, key('orgs.error.too_long')),
  email: nullable(optionalEmail),
  phone: nullable(phone),
  timeZone: nullable(zone),
  /** Public opening hours. */
  hours: week.default({}),
});

const service = z
  .strictObject({
    slug,
    name: localized(200),
    description: optionalLocalized(2000),
    preparation: optionalLocalized(2000),
    feeNote: optionalLocalized(300),
    /** "12.50" or 12.5 in the organisation's currency; absent: free. */
    fee: z
      .union([z.string(), z.number()], key('orgs.error.fee'))
      .optional()
      .refine((v) => v === undefined || parseFee(String(v)) !== null, key('orgs.error.fee'))
      .transform((v) => (v === undefined ? null : parseFee(String(v))!.minor)),
    durationMinutes: z
      .number(key('orgs.error.duration'))
      .int(key('orgs.error.duration'))
      .min(5, key('orgs.error.duration'))
      .max(480, key('orgs.error.duration')),
    byVideo: z.boolean(key('orgs.error.boolean')).default(true),
    inPerson: z.boolean(key('orgs.error.boolean')).default(false),
    offices: slugs.min(1, key('orgs.error.no_office')),
  })
  .refine((s) => s.byVideo || s.inPerson, {
    message: key('orgs.error.no_mode'),
    path: ['byVideo'],
  });

const official = z.strictObject({
  name: z
    .string(key('orgs.error.display_name'))
    .trim()
    .min(1, key('orgs.error.display_name'))
    .max(80, key('orgs.error.display_name')),
  email,
  role: z.enum(['admin', 'official'], key('orgs.error.role')).default('official'),
  title: optionalLocalized(120),
  offices: slugs.min(1, key('orgs.error.official_office')),
  services: slugs.default([]),
  /** Weekly hours at each of the official's offices, by office slug. */
  hours: z.record(slug, week).default({}),
});

const organisationShape = z.strictObject({
  slug,
  name: localized(200),
  country: z.enum(['SI', 'CZ'], key('orgs.error.country')),
  defaultLanguage: z.enum(LANGS, key('orgs.error.language')),
  timeZone: zone,
  mailSender: z
    .strictObject({
      name: nullable(settingsForm.shape.mailSenderName),
      replyTo: nullable(optionalEmail),
    })
    .default({ name: null, replyTo: null }),
  contact: z
    .strictObject({
      email: nullable(optionalEmail),
      phone: nullable(phone),
      website: nullable(settingsForm.shape.website),
    })
    .default({ email: null, phone: null, website: null }),
  logoSvg: z
    .string(key('orgs.error.logo_not_svg'))
    .optional()
    .superRefine((v, ctx) => {
      const problem = v === undefined || v.trim() === '' ? null : logoProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: key(`orgs.error.logo_${problem}`) });
    })
    .transform((v) => (v?.trim() ? v.trim() : null)),
  offices: z.array(office).min(1, key('orgs.error.no_offices')).max(500),
  services: z.array(service).max(500).default([]),
  officials: z.array(official).min(1, key('orgs.error.no_admin')).max(2000),
});

/** Slugs the console's own pages use under /operator/organisations/. */
const RESERVED_SLUGS = ['new', 'import'];

/** One organisation to provision, checked inside itself: references, duplicates, an admin. */
export const organisationSpec = organisationShape.superRefine((o, ctx) => {
  const add = (path: (string | number)[], message: MessageKey) =>
    ctx.addIssue({ code: 'custom', path, message });
  if (!o.name[o.defaultLanguage])
    add(['name', o.defaultLanguage], 'orgs.error.name_default_language');
  if (RESERVED_SLUGS.includes(o.slug)) add(['slug'], 'orgs.error.slug_reserved');
  const officeSlugs = new Set<string>();
  o.offices.forEach((f, i) =>
    officeSlugs.has(f.slug)
      ? add(['offices', i, 'slug'], 'orgs.error.duplicate_slug')
      : officeSlugs.add(f.slug),
  );
  const serviceSlugs = new Set<string>();
  o.services.forEach((s, i) => {
    if (serviceSlugs.has(s.slug)) add(['services', i, 'slug'], 'orgs.error.duplicate_slug');
    serviceSlugs.add(s.slug);
    s.offices.forEach(
      (f, j) =>
        officeSlugs.has(f) || add(['services', i, 'offices', j], 'orgs.error.unknown_office'),
    );
  });
  const emails = new Set<string>();
  o.officials.forEach((p, i) => {
    if (emails.has(p.email)) add(['officials', i, 'email'], 'orgs.error.duplicate_email');
    emails.add(p.email);
    p.offices.forEach(
      (f, j) =>
        officeSlugs.has(f) || add(['officials', i, 'offices', j], 'orgs.error.unknown_office'),
    );
    p.services.forEach(
      (s, j) =>
        serviceSlugs.has(s) || add(['officials', i, 'services', j], 'orgs.error.unknown_service'),
    );
    for (const f of Object.keys(p.hours))
      if (!p.offices.includes(f)) add(['officials', i, 'hours', f], 'orgs.error.hours_office');
  });
  if (o.officials.length && !o.officials.some((p) => p.role === 'admin'))
    add(['officials'], 'orgs.error.no_admin');
});

export type OrganisationSpec = z.output<typeof organisationSpec>;
export type WeekHours = Partial<Record<keyof typeof WEEKDAYS, string>>;

/** A file of organisations: several in an array, or one on its own. Checked across organisations too. */
export const importFile = z
  .array(organisationSpec)
  .min(1, key('orgs.error.empty_file'))
  .max(1000)
  .superRefine((orgs, ctx) => {
    const add = (path: (string | number)[], message: MessageKey) =>
      ctx.addIssue({ code: 'custom', path, message });
    const slugsSeen = new Set<string>();
    // An email signs in to one account in the whole installation; within one organisation the
    // organisation's own check has said so already.
    const emailsSeen = new Map<string, number>();
    orgs.forEach((o, i) => {
      if (slugsSeen.has(o.slug)) add([i, 'slug'], 'orgs.error.duplicate_slug');
      slugsSeen.add(o.slug);
      o.officials.forEach((p, j) => {
        const first = emailsSeen.get(p.email);
        if (first !== undefined && first !== i)
          add([i, 'officials', j, 'email'], 'orgs.error.duplicate_email');
        if (first === undefined) emailsSeen.set(p.email, i);
      });
    });
  });

/** Weekly hours as rows: ISO weekday and minutes after midnight. */
export function weekRows(hours: WeekHours): { weekday: number; start: number; end: number }[] {
  return Object.entries(hours).flatMap(([day, typed]) =>
    (parseDayHours(typed ?? '') ?? []).map((r) => ({
      weekday: WEEKDAYS[day as keyof typeof WEEKDAYS],
      ...r,
    })),
  );
}

/** The console's "new organisation" form: which input each part of the spec comes from. */
const FORM_FIELDS: [path: string, field: string][] = [
  ['mailSender.name', 'mailSenderName'],
  ['mailSender.replyTo', 'mailReplyTo'],
  ['offices.0.name', 'officeName'],
  ['offices.0.slug', 'officeSlug'],
  ['offices.0.street', 'street'],
  ['offices.0.postcode', 'postcode'],
  ['offices.0.city', 'city'],
  ['offices.0.timeZone', 'officeTimeZone'],
  ['officials.0.name', 'adminName'],
  ['officials.0.email', 'adminEmail'],
  ['officials', 'adminEmail'],
  ['offices', 'officeSlug'],
];

type FormBody = Record<string, string | string[] | undefined>;
const one = (body: FormBody, name: string): string => {
  const v = body[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
};
const texts = (body: FormBody, prefix: string) =>
  Object.fromEntries(LANGS.map((l) => [l, one(body, `${prefix}_${l}`)]));

/** The input a schema path belongs to (`name.sl` → `name_sl`, `offices.0.slug` → `officeSlug`). */
function formField(path: readonly PropertyKey[], defaultLanguage: string): string {
  const dotted = path.map(String).join('.');
  for (const [prefix, field] of FORM_FIELDS) {
    if (dotted === prefix) return field === 'officeName' ? `officeName_${defaultLanguage}` : field;
    if (dotted.startsWith(`${prefix}.`))
      return field === 'officeName' ? `officeName_${dotted.slice(prefix.length + 1)}` : field;
  }
  if (dotted === 'name') return `name_${defaultLanguage}`;
  if (dotted.startsWith('name.')) return `name_${dotted.slice(5)}`;
  return String(path[0] ?? 'form');
}

/**
 * Reads the "new organisation" form as a spec with one office and one admin, checked by the
 * same schema as the import; problems come back by input name, the first of each.
 */
export function parseCreateForm(
  body: FormBody,
): { ok: true; spec: OrganisationSpec } | { ok: false; fields: Record<string, MessageKey> } {
  const language = LANGS.find((l) => l === one(body, 'defaultLanguage')) ?? 'sl';
  const blank = (v: string) => (v.trim() === '' ? undefined : v);
  const input = {
    slug: one(body, 'slug'),
    name: texts(body, 'name'),
    country: one(body, 'country'),
    defaultLanguage: one(body, 'defaultLanguage'),
    timeZone: one(body, 'timeZone'),
    mailSender: {
      name: blank(one(body, 'mailSenderName')),
      replyTo: blank(one(body, 'mailReplyTo')),
    },
    logoSvg: blank(one(body, 'logoSvg')),
    offices: [
      {
        slug: one(body, 'officeSlug'),
        name: texts(body, 'officeName'),
        street: one(body, 'street'),
        postcode: one(body, 'postcode'),
        city: one(body, 'city'),
        timeZone: one(body, 'officeTimeZone'),
      },
    ],
    officials: [
      {
        name: one(body, 'adminName'),
        email: one(body, 'adminEmail'),
        role: 'admin',
        offices: [one(body, 'officeSlug')],
      },
    ],
  };
  const parsed = organisationSpec.safeParse(input);
  if (parsed.success) return { ok: true, spec: parsed.data };
  const fields: Record<string, MessageKey> = {};
  for (const issue of parsed.error.issues) {
    const field = formField(issue.path, language);
    // The admin's office is the new office: its problems are the office slug's, already reported.
    if (issue.path[0] === 'officials' && issue.path[2] === 'offices') continue;
    fields[field] ??= (
      issue.message.startsWith('tenants.') || issue.message.startsWith('orgs.')
        ? issue.message
        : 'orgs.error.invalid'
    ) as MessageKey;
  }
  return { ok: false, fields };
}
