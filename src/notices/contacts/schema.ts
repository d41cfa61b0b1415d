// The boundaries of departments and contacts: the public pages' paths and search, and the admin
// forms as posted. Form messages are translation keys named after the inputs, so an issue's
// path is the id the error summary links to.
import { z } from 'zod';
import { LANGS, type Lang, type Localized, type MessageKey } from '../../i18n/i18n.ts';
import { localizedFrom, many, one, type FormBody } from '../../tenants/admin-schema.ts';
import { MAX_LENGTH, slugFrom } from './domain.ts';

const key = (k: MessageKey) => k;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const slugParam = z.string().max(80);

export const orgParams = z.object({ org: slugParam });
export const departmentParams = orgParams.extend({ department: slugParam });
/** The search: anything but one short string is no search, never an error page. */
export const searchQuery = z.object({ q: z.string().max(200).optional().catch(undefined) });
export const idParams = z.object({ id: z.uuid() });
export const personParams = idParams.extend({ person: z.uuid() });

/** A department as the admin form gives it to the service. */
export type DepartmentInput = {
  slug: string;
  parentId: string | null;
  name: Localized;
  description: Localized;
  location: Localized;
  officeHours: Localized;
  email: string | null;
  phone: string | null;
  position: number;
  serviceIds: string[];
  situationIds: string[];
};

/** A person as the admin form gives it; publishing is asked for, the service decides. */
export type PersonInput = {
  fullName: string;
  role: Localized;
  email: string | null;
  phone: string | null;
  room: string | null;
  officeHours: Localized;
  staffId: string | null;
  position: number;
  /** The admin wants the person shown to the public. */
  publish: boolean;
  /** The admin confirms the person has consented to it (needed to publish). */
  consentConfirmed: boolean;
};

export type Issue = { path: string[]; message: MessageKey };
const issue = (field: string, message: MessageKey): Issue => ({ path: [field], message });

const email = z
  .string()
  .trim()
  .max(254, key('contacts.error.email'))
  .refine((v) => v === '' || z.email().safeParse(v).success, key('contacts.error.email'))
  .transform((v) => v || null);
/** A phone number as people write it: digits, spaces, +, brackets, dots, dashes, slashes. */
const phone = z
  .string()
  .trim()
  .refine(
    (v) => v === '' || (/^\+?[0-9 ()./-]{3,40}$/.test(v) && /\d{3}/.test(v.replace(/\D/g, ''))),
    key('contacts.error.phone'),
  )
  .transform((v) => v || null);
const position = z.coerce
  .number()
  .int(key('contacts.error.position'))
  .min(0, key('contacts.error.position'))
  .max(999, key('contacts.error.position'));
const optionalId = (message: MessageKey) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || z.uuid().safeParse(v).success, message)
    .transform((v) => v || null);

const departmentForm = z.object({
  slug: z.string().trim().max(80, key('contacts.error.slug')),
  parentId: optionalId('contacts.error.parent'),
  email,
  phone,
  position,
});

/** Localized fields over their limit, as issues on their inputs. */
function tooLong(body: FormBody, fields: Record<string, number>): Issue[] {
  return Object.entries(fields).flatMap(([f, max]) =>
    LANGS.filter((l) => one(body, `${f}_${l}`).trim().length > max).map((l) =>
      issue(`${f}_${l}`, 'contacts.error.too_long'),
    ),
  );
}

function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((i) => issue(String(i.path[0]), i.message as MessageKey));
}

const idList = z.array(z.uuid()).max(200);

/**
 * Reads the department form, every problem at once: a name in at least one language (the error
 * at the default language's input), lengths, the slug (from the name when left empty), contact
 * details, ids as uuids (whose organisation the service checks).
 */
export function parseDepartmentForm(
  body: FormBody,
  defaultLanguage: Lang,
): { ok: true; input: DepartmentInput } | { ok: false; issues: Issue[] } {
  const parsed = departmentForm.safeParse(
    Object.fromEntries(Object.keys(departmentForm.shape).map((k) => [k, one(body, k)])),
  );
  const name = localizedFrom(body, 'name');
  const slug =
    (parsed.success ? parsed.data.slug : '') ||
    slugFrom(name[defaultLanguage] ?? Object.values(name)[0] ?? '');
  const serviceIds = [...new Set(many(body, 'services'))];
  const situationIds = [...new Set(many(body, 'situations'))];
  const issues: Issue[] = [
    ...(parsed.success ? [] : issuesOf(parsed.error)),
    ...(Object.keys(name).length ? [] : [issue(`name_${defaultLanguage}`, 'contacts.error.name')]),
    ...(parsed.success && Object.keys(name).length && !SLUG.test(slug)
      ? [issue('slug', 'contacts.error.slug')]
      : []),
    ...tooLong(body, {
      name: MAX_LENGTH.name,
      description: MAX_LENGTH.description,
      location: MAX_LENGTH.location,
      officeHours: MAX_LENGTH.officeHours,
    }),
    ...(idList.safeParse(serviceIds).success ? [] : [issue('services', 'contacts.error.ids')]),
    ...(idList.safeParse(situationIds).success ? [] : [issue('situations', 'contacts.error.ids')]),
  ];
  if (!parsed.success || issues.length) return { ok: false, issues };
  return {
    ok: true,
    input: {
      slug,
      parentId: parsed.data.parentId,
      name,
      description: localizedFrom(body, 'description'),
      location: localizedFrom(body, 'location'),
      officeHours: localizedFrom(body, 'officeHours'),
      email: parsed.data.email,
      phone: parsed.data.phone,
      position: parsed.data.position,
      serviceIds,
      situationIds,
    },
  };
}

const personForm = z.object({
  fullName: z
    .string()
    .trim()
    .min(1, key('contacts.error.full_name'))
    .max(MAX_LENGTH.fullName, key('contacts.error.too_long')),
  email,
  phone,
  room: z
    .string()
    .trim()
    .max(MAX_LENGTH.room, key('contacts.error.too_long'))
    .transform((v) => v || null),
  staffId: optionalId('contacts.error.staff'),
  position,
});

/** Reads the person form, every problem at once. */
export function parsePersonForm(
  body: FormBody,
): { ok: true; input: PersonInput } | { ok: false; issues: Issue[] } {
  const parsed = personForm.safeParse(
    Object.fromEntries(Object.keys(personForm.shape).map((k) => [k, one(body, k)])),
  );
  const issues = [
    ...(parsed.success ? [] : issuesOf(parsed.error)),
    ...tooLong(body, { role: MAX_LENGTH.role, officeHours: MAX_LENGTH.officeHours }),
  ];
  if (!parsed.success || issues.length) return { ok: false, issues };
  return {
    ok: true,
    input: {
      ...parsed.data,
      role: localizedFrom(body, 'role'),
      officeHours: localizedFrom(body, 'officeHours'),
      publish: one(body, 'published') === '1',
      consentConfirmed: one(body, 'consent') === '1',
    },
  };
}

/** Issues as `{ field: message key }`, the first issue of each field. */
export function issueKeys(issues: readonly Issue[]): Record<string, MessageKey> {
  const out: Record<string, MessageKey> = {};
  for (const i of issues) out[i.path[0] ?? 'form'] ??= i.message;
  return out;
}
