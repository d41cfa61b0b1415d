// The boundaries of life situations: the public pages' path and query, the admin form as posted,
// and the public API's output. Form messages are translation keys named after the inputs, so an
// issue's path is the id the error summary links to.
import { FORM_SLUG } from '../forms/service.ts';
import { z } from 'zod';
import { LANGS, type Lang, type Localized, type MessageKey } from '../i18n/i18n.ts';
import { localized, organisationParams } from '../tenants/schema.ts';
import { many, one, type FormBody } from '../tenants/admin-schema.ts';
import {
  MAX_LENGTH,
  TEXT_FIELDS,
  isLocalMediaPath,
  parseRppCodes,
  type Situation,
  type TextField,
} from './domain.ts';

const key = (k: MessageKey) => k;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const slugParam = z.string().max(80);

export const orgParams = z.object({ org: slugParam });
export const situationParams = orgParams.extend({ situation: slugParam });
/** The list page's search: anything but one short string is no search, never an error page. */
export const listQuery = z.object({
  q: z.string().max(200).optional().catch(undefined),
});
export const idParams = z.object({ id: z.uuid() });

/** A situation as the admin form gives it to the service. */
export type SituationInput = {
  slug: string;
  texts: Record<TextField, Localized>;
  videoPath: string | null;
  captionsPath: string | null;
  rppCodes: string[];
  serviceIds: string[];
  /** The forms it offers, by slug (the guide shows those published; decision 035). */
  formSlugs: string[];
  position: number;
};

type Issue = { path: string[]; message: MessageKey };
const issue = (field: string, message: MessageKey): Issue => ({ path: [field], message });

/** The form's single fields; the texts are `<field>_<lang>` inputs read beside them. */
const situationForm = z.object({
  slug: z
    .string()
    .trim()
    .min(1, key('situations.error.slug_required'))
    .max(80, key('situations.error.slug_pattern'))
    .regex(SLUG, key('situations.error.slug_pattern')),
  videoPath: z
    .string()
    .trim()
    .refine((v) => v === '' || isLocalMediaPath(v, 'video'), key('situations.error.video'))
    .transform((v) => v || null),
  captionsPath: z
    .string()
    .trim()
    .refine((v) => v === '' || isLocalMediaPath(v, 'captions'), key('situations.error.captions'))
    .transform((v) => v || null),
  rppCodes: z.string().max(1000, key('situations.error.rpp')),
  position: z.coerce
    .number()
    .int(key('situations.error.position'))
    .min(0, key('situations.error.position'))
    .max(999, key('situations.error.position')),
});

/** A text in each language from `<field>_sl`, `_cs`, `_en`, empty languages left out. */
export function textsFrom(body: FormBody): Record<TextField, Localized> {
  const out = {} as Record<TextField, Localized>;
  for (const field of TEXT_FIELDS) {
    const text: Localized = {};
    for (const l of LANGS) {
      const v = one(body, `${field}_${l}`).trim();
      if (v) text[l] = v;
    }
    out[field] = text;
  }
  return out;
}

/**
 * Reads the situation form, every problem at once: the title in at least one language (the
 * error at the default language's input), lengths, the slug, local media paths, register codes
 * in the register's form, service ids as uuids (whose organisation the service checks).
 */
export function parseSituationForm(
  body: FormBody,
  defaultLanguage: Lang,
): { ok: true; input: SituationInput } | { ok: false; issues: Issue[] } {
  const parsed = situationForm.safeParse(
    Object.fromEntries(Object.keys(situationForm.shape).map((k) => [k, one(body, k)])),
  );
  const texts = textsFrom(body);
  const serviceIds = many(body, 'services');
  const formSlugs = [...new Set(many(body, 'forms'))];
  const rpp = parseRppCodes(one(body, 'rppCodes'));
  const issues: Issue[] = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((i) => issue(String(i.path[0]), i.message as MessageKey))),
    ...(Object.keys(texts.title).length
      ? []
      : [issue(`title_${defaultLanguage}`, 'situations.error.title_required')]),
    ...TEXT_FIELDS.flatMap((f) =>
      LANGS.filter((l) => one(body, `${f}_${l}`).trim().length > MAX_LENGTH[f]).map((l) =>
        issue(`${f}_${l}`, 'situations.error.too_long'),
      ),
    ),
    ...(rpp.bad.length || rpp.codes.length > 20 ? [issue('rppCodes', 'situations.error.rpp')] : []),
    ...(parsed.success && parsed.data.captionsPath && !parsed.data.videoPath
      ? [issue('captionsPath', 'situations.error.captions_without_video')]
      : []),
    ...(z.array(z.uuid()).max(50).safeParse(serviceIds).success
      ? []
      : [issue('services', 'situations.error.services')]),
    ...(formSlugs.length <= 20 && formSlugs.every((f) => FORM_SLUG.test(f))
      ? []
      : [issue('forms', 'situations.error.forms')]),
  ];
  if (!parsed.success || issues.length) return { ok: false, issues };
  return {
    ok: true,
    input: {
      slug: parsed.data.slug,
      texts,
      videoPath: parsed.data.videoPath,
      captionsPath: parsed.data.captionsPath,
      rppCodes: rpp.codes,
      serviceIds: [...new Set(serviceIds)],
      formSlugs,
      position: parsed.data.position,
    },
  };
}

/** Issues as `{ field: message key }`, the first issue of each field. */
export function issueKeys(issues: readonly Issue[]): Record<string, MessageKey> {
  const out: Record<string, MessageKey> = {};
  for (const i of issues) out[i.path[0] ?? 'form'] ??= i.message;
  return out;
}

// The public API.

const slug = z.string().regex(SLUG).max(80);

/** The API's path: the organisation, as listServices names it. */
export const apiParams = organisationParams;

export const situationsQuery = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .describe(
      'Words to search for, ignoring case and diacritics ("rizeni" finds "řízení"); every word must occur',
    ),
  lang: z
    .enum(LANGS)
    .optional()
    .describe("The language whose texts are searched; the organisation's own when absent"),
});

export const situationOut = z.object({
  slug,
  title: localized,
  summary: localized,
  audience: localized.describe('Who the situation is for'),
  preparation: localized.describe('What to prepare, one item per line'),
  fees: localized,
  deadlines: localized,
  legalBasis: localized,
  department: localized.describe('The department responsible'),
  videoUrl: z.string().nullable().describe('Path of the help video on this server, or null'),
  captionsUrl: z.string().nullable().describe('Path of its captions (WebVTT), or null'),
  rppCodes: z
    .array(z.string())
    .describe(
      'Codes in the national register of services (Czech RPP), where the organisation gives them',
    ),
  services: z
    .array(slug)
    .describe('Slugs of the services one can book about it (listServices gives them)'),
  pageUrl: z.string().describe("Path of the guide's page on this server"),
});
export const situationsOut = z.object({ items: z.array(situationOut) });

/** A situation as the API gives it; `serviceSlugs` are its bookable services'. */
export function toSituationOut(
  orgSlug: string,
  s: Situation,
  serviceSlugs: string[],
): z.infer<typeof situationOut> {
  return {
    slug: s.slug,
    title: s.texts.title,
    summary: s.texts.summary,
    audience: s.texts.audience,
    preparation: s.texts.preparation,
    fees: s.texts.fees,
    deadlines: s.texts.deadlines,
    legalBasis: s.texts.legalBasis,
    department: s.texts.department,
    videoUrl: s.videoPath,
    captionsUrl: s.captionsPath,
    rppCodes: s.rppCodes,
    services: serviceSlugs,
    pageUrl: `/o/${orgSlug}/situations/${s.slug}`,
  };
}

// From the demo data (tests parse it with its schema).
export const situationExample: z.infer<typeof situationOut> = {
  slug: 'prihlaseni-psa',
  title: { cs: 'Přihlášení psa a poplatek ze psů', en: 'Registering a dog and the dog fee' },
  summary: {
    cs: 'Držitel psa staršího tří měsíců jej přihlásí a platí místní poplatek ze psů.',
    en: 'The keeper of a dog older than three months registers it and pays the local dog fee.',
  },
  audience: { cs: 'Držitelé psů s trvalým pobytem v Kopřivnici.' },
  preparation: { cs: 'Doklad totožnosti\nČíslo čipu psa' },
  fees: { cs: 'Za prvního psa 1\u00a0000\u00a0Kč ročně.' },
  deadlines: { cs: 'Do 15 dnů ode dne, kdy pes dosáhl stáří tří měsíců.' },
  legalBasis: { cs: 'Zákon č. 565/1990 Sb., o místních poplatcích' },
  department: { cs: 'Finanční odbor, oddělení místních poplatků' },
  videoUrl: null,
  captionsUrl: null,
  rppCodes: ['A1028'],
  services: ['poplatek-za-psa'],
  pageUrl: '/o/koprivnice/situations/prihlaseni-psa',
};
