/** Pure rules of the organisation's administration: slugs, translation gaps, the last admin, time zones. */
import { LANGS, type Lang, type Localized } from '../i18n/i18n.ts';

/** The slug rule the database CHECKs too: lower-case words of a–z and 0–9 joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 60;

/** What is wrong with a slug, or null. */
export function slugProblem(slug: string): 'required' | 'too_long' | 'pattern' | null {
  if (slug === '') return 'required';
  if (slug.length > MAX_SLUG_LENGTH) return 'too_long';
  return SLUG_PATTERN.test(slug) ? null : 'pattern';
}

/** A slug suggested from a name: accents dropped, anything else between words becomes one hyphen. */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
}

/** A service's texts a citizen reads, in the order the form shows them. */
export const SERVICE_TEXT_FIELDS = ['name', 'description', 'preparation', 'feeNote'] as const;
export type ServiceTextField = (typeof SERVICE_TEXT_FIELDS)[number];

export type TranslationGap = { field: ServiceTextField; lang: Lang };

/**
 * The languages each text lacks. The name is needed in every language; the other texts are
 * optional, so one left empty in all three is no gap, but written in one language it is
 * needed in the others (the public page would show it in the default language instead).
 */
export function missingTranslations(texts: Record<ServiceTextField, Localized>): TranslationGap[] {
  const gaps: TranslationGap[] = [];
  for (const field of SERVICE_TEXT_FIELDS) {
    const text = texts[field];
    const has = LANGS.filter((l) => Boolean(text[l]?.trim()));
    if (field !== 'name' && has.length === 0) continue;
    for (const lang of LANGS) if (!has.includes(lang)) gaps.push({ field, lang });
  }
  return gaps;
}

/** A member of staff as far as the last-admin rule cares. */
export type AdminSeat = { id: string; role: 'admin' | 'official'; active: boolean };

/**
 * Whether a change to one account leaves the organisation without an active admin. The
 * caller holds a lock that serialises such changes per organisation, so `staff` is current.
 */
export function locksOutLastAdmin(staff: readonly AdminSeat[], change: AdminSeat): boolean {
  const after = staff.map((s) => (s.id === change.id ? change : s));
  return !after.some((s) => s.role === 'admin' && s.active);
}

/** The zones an office may choose: Europe's IANA zones and UTC (the installation serves Europe). */
export function officeTimeZones(): string[] {
  const all = Intl.supportedValuesOf('timeZone').filter((z) => z.startsWith('Europe/'));
  return [...all, 'UTC'];
}

/** Whether a zone is one of officeTimeZones(). */
export function isOfficeTimeZone(zone: string): boolean {
  return (
    zone === 'UTC' ||
    (zone.startsWith('Europe/') && Intl.supportedValuesOf('timeZone').includes(zone))
  );
}

/** A service's booking modes and offices, as the form's rules see them. */
export type ServiceShape = {
  byVideo: boolean;
  inPerson: boolean;
  active: boolean;
  officeIds: readonly string[];
};

/** Which rule a service breaks: at least one way to meet, and an active service offered somewhere. */
export function serviceProblems(s: ServiceShape): ('no_mode' | 'no_office')[] {
  const problems: ('no_mode' | 'no_office')[] = [];
  if (!s.byVideo && !s.inPerson) problems.push('no_mode');
  if (s.active && s.officeIds.length === 0) problems.push('no_office');
  return problems;
}

/** Parses a fee typed as `12,50` or `12.50` (or empty: free) into minor units; null when malformed. */
export function parseFee(typed: string): { minor: number | null } | null {
  const t = typed.trim().replace(/\s/g, '');
  if (t === '') return { minor: null };
  const m = /^(\d{1,6})(?:[.,](\d{1,2}))?$/.exec(t);
  if (!m) return null;
  return { minor: Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) };
}

/** Minor units as the form shows them again (`12.50`), or empty for free. */
export function formatFee(minor: number | null): string {
  return minor === null ? '' : `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
}

/** The largest logo accepted, in UTF-8 bytes: a logo is a few kilobytes; the form's body limit is 64 KiB. */
export const MAX_LOGO_BYTES = 48 * 1024;

/**
 * What is wrong with an organisation's logo (SVG markup), or null. The logo is served only as a
 * sandboxed image (`/o/{org}/logo.svg`), where scripts cannot run; refusing active content and
 * outside references as well keeps it harmless if anyone opens it some other way, and keeps
 * the "no other origins" rule. Refused, not cleaned: a cleaned logo may not look as intended.
 */
export function logoProblem(
  svg: string,
): 'too_large' | 'not_svg' | 'active_content' | 'outside_reference' | null {
  if (Buffer.byteLength(svg, 'utf8') > MAX_LOGO_BYTES) return 'too_large';
  const body = svg
    .trim()
    .replace(/^<\?xml[^>]*\?>\s*/i, '')
    .replace(/^(<!--[\s\S]*?-->\s*)*/, '');
  if (!/^<svg[\s>]/i.test(body) || !/<\/svg>$/i.test(body)) return 'not_svg';
  // A DOCTYPE can declare entities (billion laughs, external entities).
  if (
    /<!DOCTYPE|<!ENTITY|<script|<foreignObject|<iframe|<embed|<object|\son[a-z]+\s*=|javascript:|<\?xml-stylesheet/i.test(
      body,
    )
  )
    return 'active_content';
  if (/(?:href|src)\s*=\s*["']\s*(?!#)|url\(\s*["']?\s*(?!#)|@import/i.test(body))
    return 'outside_reference';
  return null;
}

/** The weighted sum of digits, the first digit times the first weight. */
function weighted(digits: string, weights: readonly number[]): number {
  return weights.reduce((sum, w, i) => sum + w * Number(digits[i]), 0);
}

/**
 * Whether a Czech IČO's eighth digit checks: the first seven weighted 8…2, c = (11 − sum mod 11)
 * mod 10 (a remainder of 0 gives 1, of 1 gives 0; the ARES register's rule).
 */
export function validIco(ico: string): boolean {
  if (!/^[0-9]{8}$/.test(ico)) return false;
  const check = (11 - (weighted(ico, [8, 7, 6, 5, 4, 3, 2]) % 11)) % 10;
  return check === Number(ico[7]);
}

/**
 * Whether a Slovenian matična številka checks: 7 digits, or 10 with the business unit (000 the
 * main one); the first six weighted 7…2, c = −sum mod 11, where 0 is never issued and 10 is
 * written 0 (Uredba o vpisu v poslovni register).
 */
export function validMaticna(number: string): boolean {
  if (!/^[0-9]{7}([0-9]{3})?$/.test(number)) return false;
  const remainder = (11 - (weighted(number, [7, 6, 5, 4, 3, 2]) % 11)) % 11;
  return remainder !== 0 && remainder % 10 === Number(number[6]);
}

/** What is wrong with an organisation's registration number for its country, or null. */
export function registrationNumberProblem(
  country: 'SI' | 'CZ',
  value: string,
): 'format' | 'check_digit' | null {
  if (country === 'CZ') {
    if (!/^[0-9]{8}$/.test(value)) return 'format';
    return validIco(value) ? null : 'check_digit';
  }
  if (!/^[0-9]{7}([0-9]{3})?$/.test(value)) return 'format';
  return validMaticna(value) ? null : 'check_digit';
}
