// One question's answer, by its type: read from a form post (strings) or from JSON (typed values),
// checked against the question's rules, and given back in its one stored shape. Money is read as
// text into integer minor units and never passes through a float.
import type { FormsMessageKey } from '../i18n/messages/forms.ts';
import {
  TEXT_PATTERNS,
  type Currency,
  type MemberQuestion,
  type QuestionOf,
} from './definition.ts';

export type Money = { minor: number; currency: Currency };
export type Address = { street: string; postcode: string; city: string; country: string };
export type Person = { givenName: string; familyName: string; dateOfBirth?: string };
export type FileRef = { fileId: string };
export type MemberValue = string | number | boolean | string[] | Money | Address | Person | FileRef;
export type GroupItem = Record<string, MemberValue>;
export type AnswerValue = MemberValue | GroupItem[];
/** A form's answers in their stored shape, by question id: only answered, visible questions. */
export type Answers = Record<string, AnswerValue>;

/** A parameter of an error's text; money, dates and sizes are written in the reader's language. */
export type FieldParam =
  string | number | { money: number; currency: Currency } | { date: string } | { bytes: number };
/** One problem with one field (`phone`, `home.postcode`, `children.1.name`), as a message key. */
export type FieldError = {
  field: string;
  key: FormsMessageKey;
  params?: Record<string, FieldParam>;
};

export type Mode = 'json' | 'post';
/** What the server knows of an uploaded file an answer names: its real type and size. */
export type FileFacts = { type: string; bytes: number };
export type ReadContext = {
  mode: Mode;
  files?: ((fileId: string) => FileFacts | undefined) | undefined;
};
/** A parsed answer: `value` undefined means not answered; errors name fields below `field`. */
export type Read<T = MemberValue> = { value?: T; errors: FieldError[] };

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
export const PHONE_PATTERN = /^\+?[0-9 ()./-]+$/;
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const COUNTRY = /^[A-Z]{2}$/;
export const PART_LIMITS = {
  street: 200,
  postcode: 16,
  city: 100,
  name: 100,
  email: 254,
  phone: 40,
} as const;

const fail = (
  field: string,
  key: FormsMessageKey,
  params?: Record<string, FieldParam>,
): Read<never> => ({
  errors: [params ? { field, key, params } : { field, key }],
});
const NONE: Read<never> = { errors: [] };
const ok = <T>(value: T | undefined): Read<T> =>
  value === undefined ? NONE : { value, errors: [] };
const own = (o: object, k: string): unknown =>
  Object.hasOwn(o, k) ? (o as Record<string, unknown>)[k] : undefined;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Text as typed: trimmed; empty (or null in JSON) is no answer; anything but a string is wrong. */
function textOf(raw: unknown, field: string): Read<string> {
  if (raw === undefined || raw === null) return NONE;
  if (typeof raw !== 'string') return fail(field, 'forms.error.invalid');
  const t = raw.trim();
  return ok(t === '' ? undefined : t);
}

/** A real calendar date as YYYY-MM-DD; a post may also say 27. 3. 2007 (as sl and cs write it). */
export function dateOf(text: string, mode: Mode): string | null {
  let iso = text;
  const local = mode === 'post' ? /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})$/.exec(text) : null;
  if (local) iso = `${local[3]}-${local[2]!.padStart(2, '0')}-${local[1]!.padStart(2, '0')}`;
  if (!ISO_DATE.test(iso)) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

/** A decimal written with a comma or a point and spaces between thousands, as digits and a sign. */
function decimalParts(text: string): { sign: 1 | -1; whole: string; fraction: string } | null {
  const m = /^([-−]?)(\d{1,3}(?:[  ]\d{3})+|\d+)(?:[.,](\d+))?$/.exec(text);
  if (!m) return null;
  return { sign: m[1] ? -1 : 1, whole: m[2]!.replace(/[  ]/g, ''), fraction: m[3] ?? '' };
}

function readText(
  q: QuestionOf<'text'> | QuestionOf<'longText'>,
  raw: unknown,
  field: string,
): Read {
  const r = textOf(raw, field);
  if (r.value === undefined) return r;
  const length = [...r.value].length;
  if (q.minLength !== undefined && length < q.minLength)
    return fail(field, 'forms.error.too_short', { min: q.minLength });
  if (length > q.maxLength) return fail(field, 'forms.error.too_long', { max: q.maxLength });
  if (q.type === 'text' && q.pattern && !TEXT_PATTERNS[q.pattern].test(r.value))
    return fail(field, `forms.error.pattern.${q.pattern}`);
  return r;
}

function readNumber(q: QuestionOf<'number'>, raw: unknown, field: string, mode: Mode): Read {
  let n: number;
  if (mode === 'json' || typeof raw === 'number') {
    if (raw === undefined || raw === null) return NONE;
    if (typeof raw !== 'number' || !Number.isFinite(raw)) return fail(field, 'forms.error.number');
    n = raw;
    const fraction = /\.(\d+)/.exec(String(n))?.[1] ?? '';
    if (/e/i.test(String(n)) || fraction.length > q.decimals) return decimalsError(q, field);
  } else {
    const r = textOf(raw, field);
    if (r.value === undefined) return r;
    const p = decimalParts(r.value);
    if (!p) return fail(field, 'forms.error.number');
    if (p.fraction.length > q.decimals) return decimalsError(q, field);
    n = p.sign * Number(`${p.whole}.${p.fraction || '0'}`);
    if (!Number.isFinite(n)) return fail(field, 'forms.error.number');
  }
  if (Math.abs(n) > 1e12) return fail(field, 'forms.error.number');
  if (q.min !== undefined && n < q.min)
    return fail(field, 'forms.error.number_min', { min: q.min });
  if (q.max !== undefined && n > q.max)
    return fail(field, 'forms.error.number_max', { max: q.max });
  return ok(n === 0 ? 0 : n);
}

const decimalsError = (q: QuestionOf<'number'>, field: string) =>
  q.decimals === 0
    ? fail(field, 'forms.error.number_whole')
    : fail(field, 'forms.error.number_decimals', { decimals: q.decimals });

function readMoney(q: QuestionOf<'money'>, raw: unknown, field: string, mode: Mode): Read {
  let minor: number;
  if (mode === 'json') {
    if (raw === undefined || raw === null) return NONE;
    const m = isRecord(raw) ? raw : {};
    const keys = Object.keys(m);
    if (!isRecord(raw) || keys.length !== 2 || own(m, 'currency') !== q.currency)
      return fail(field, 'forms.error.money', { currency: q.currency });
    const value = own(m, 'minor');
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
      return fail(field, 'forms.error.money', { currency: q.currency });
    minor = value;
  } else {
    const r = textOf(raw, field);
    if (r.value === undefined) return r;
    const p = decimalParts(r.value.replace(/\s*(€|EUR|Kč|CZK)$/i, ''));
    if (!p || p.sign < 0 || p.fraction.length > 2 || p.whole.length > 11)
      return fail(field, 'forms.error.money', { currency: q.currency });
    // Whole units and cents as integers: "12,5" is 1250, and no float is ever made.
    minor = Number(p.whole) * 100 + Number(p.fraction.padEnd(2, '0'));
  }
  if (minor > 1e13) return fail(field, 'forms.error.money', { currency: q.currency });
  if (q.minMinor !== undefined && minor < q.minMinor)
    return fail(field, 'forms.error.money_min', {
      min: { money: q.minMinor, currency: q.currency },
    });
  if (q.maxMinor !== undefined && minor > q.maxMinor)
    return fail(field, 'forms.error.money_max', {
      max: { money: q.maxMinor, currency: q.currency },
    });
  return ok<Money>({ minor, currency: q.currency });
}

function readDate(
  q: { min?: string | undefined; max?: string | undefined },
  raw: unknown,
  field: string,
  mode: Mode,
): Read<string> {
  const r = textOf(raw, field);
  if (r.value === undefined) return r;
  const d = dateOf(r.value, mode);
  if (!d) return fail(field, 'forms.error.date');
  if (q.min !== undefined && d < q.min)
    return fail(field, 'forms.error.date_min', { min: { date: q.min } });
  if (q.max !== undefined && d > q.max)
    return fail(field, 'forms.error.date_max', { max: { date: q.max } });
  return ok(d);
}

function readEmail(raw: unknown, field: string): Read {
  const r = textOf(raw, field);
  if (r.value === undefined) return r;
  return r.value.length <= PART_LIMITS.email && EMAIL_PATTERN.test(r.value)
    ? r
    : fail(field, 'forms.error.email');
}

function readPhone(raw: unknown, field: string): Read {
  const r = textOf(raw, field);
  if (r.value === undefined) return r;
  // Far too long to be a number, however spaced: refused before any rewriting (a 200,000-character
  // bait cost 24 ms, four times that 226 ms; bench/hostile-answers.ts).
  if (r.value.length > 4 * PART_LIMITS.phone) return fail(field, 'forms.error.phone');
  const v = r.value.replace(/\s+/g, ' ');
  const digits = v.replace(/\D/g, '').length;
  const fits =
    v.length <= PART_LIMITS.phone && PHONE_PATTERN.test(v) && digits >= 6 && digits <= 15;
  return fits ? ok(v) : fail(field, 'forms.error.phone');
}

function readChoice(q: QuestionOf<'singleChoice'>, raw: unknown, field: string): Read {
  const r = textOf(raw, field);
  if (r.value === undefined) return r;
  return q.options.some((o) => o.value === r.value) ? r : fail(field, 'forms.error.option');
}

function readChoices(
  q: QuestionOf<'multipleChoice'>,
  raw: unknown,
  field: string,
  mode: Mode,
): Read {
  if (raw === undefined || raw === null || raw === '') return NONE;
  const list = mode === 'post' && typeof raw === 'string' ? [raw] : raw;
  if (
    !Array.isArray(list) ||
    list.length > q.options.length ||
    !list.every((v) => typeof v === 'string')
  )
    return fail(field, 'forms.error.option');
  const chosen = new Set(list);
  if (mode === 'json' && chosen.size !== list.length) return fail(field, 'forms.error.option');
  if ([...chosen].some((v) => !q.options.some((o) => o.value === v)))
    return fail(field, 'forms.error.option');
  // Stored in the options' order, whatever order they came in.
  const value = q.options.map((o) => o.value).filter((v) => chosen.has(v));
  if (value.length === 0) return NONE;
  if (q.minSelected !== undefined && value.length < q.minSelected)
    return fail(field, 'forms.error.select_min', { min: q.minSelected });
  if (q.maxSelected !== undefined && value.length > q.maxSelected)
    return fail(field, 'forms.error.select_max', { max: q.maxSelected });
  return ok(value);
}

function readYesNo(raw: unknown, field: string, mode: Mode): Read {
  if (raw === undefined || raw === null || raw === '') return NONE;
  if (mode === 'json')
    return typeof raw === 'boolean' ? ok(raw) : fail(field, 'forms.error.yes_no');
  return raw === 'yes' ? ok(true) : raw === 'no' ? ok(false) : fail(field, 'forms.error.yes_no');
}

/** Reads a composite answer's parts: all empty is no answer, some empty an error for each. */
function parts(
  raw: unknown,
  field: string,
  mode: Mode,
  spec: Record<string, { key: FormsMessageKey; max: number; optional?: boolean }>,
): Read<Record<string, string>> {
  if (raw === undefined || raw === null) return NONE;
  if (!isRecord(raw)) return fail(field, 'forms.error.invalid');
  if (mode === 'json' && Object.keys(raw).some((k) => !Object.hasOwn(spec, k)))
    return fail(field, 'forms.error.invalid');
  const out: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const [name, rule] of Object.entries(spec)) {
    const r = textOf(own(raw, name), `${field}.${name}`);
    errors.push(...r.errors);
    if (r.value === undefined) continue;
    if (r.value.length > rule.max)
      errors.push({
        field: `${field}.${name}`,
        key: 'forms.error.too_long',
        params: { max: rule.max },
      });
    else out[name] = r.value;
  }
  if (errors.length === 0 && Object.keys(out).length === 0) return NONE;
  for (const [name, rule] of Object.entries(spec))
    if (
      !rule.optional &&
      !Object.hasOwn(out, name) &&
      !errors.some((e) => e.field === `${field}.${name}`)
    )
      errors.push({ field: `${field}.${name}`, key: rule.key });
  return errors.length > 0 ? { errors } : ok(out);
}

function readAddress(q: QuestionOf<'address'>, raw: unknown, field: string, mode: Mode): Read {
  const defaulted =
    mode === 'post' && isRecord(raw) && !own(raw, 'country') && q.defaultCountry
      ? { ...raw, country: q.defaultCountry }
      : raw;
  const r = parts(defaulted, field, mode, {
    street: { key: 'forms.error.address.street', max: PART_LIMITS.street },
    postcode: { key: 'forms.error.address.postcode', max: PART_LIMITS.postcode },
    city: { key: 'forms.error.address.city', max: PART_LIMITS.city },
    country: { key: 'forms.error.address.country', max: 2 },
  });
  if (!r.value) return r as Read;
  const a = r.value as Address;
  if (mode === 'post') a.country = a.country.toUpperCase();
  if (!COUNTRY.test(a.country)) return fail(`${field}.country`, 'forms.error.address.country');
  if (a.country === 'SI' && !TEXT_PATTERNS.postcode_si.test(a.postcode))
    return fail(`${field}.postcode`, 'forms.error.pattern.postcode_si');
  if (a.country === 'CZ' && !TEXT_PATTERNS.postcode_cz.test(a.postcode))
    return fail(`${field}.postcode`, 'forms.error.pattern.postcode_cz');
  return ok(a);
}

function readPerson(q: QuestionOf<'person'>, raw: unknown, field: string, mode: Mode): Read {
  const r = parts(raw, field, mode, {
    givenName: { key: 'forms.error.person.given_name', max: PART_LIMITS.name },
    familyName: { key: 'forms.error.person.family_name', max: PART_LIMITS.name },
    ...(q.withDateOfBirth
      ? { dateOfBirth: { key: 'forms.error.person.date_of_birth', max: 20 } }
      : {}),
  });
  if (!r.value) return r as Read;
  const p = r.value as Person;
  if (p.dateOfBirth !== undefined) {
    const d = dateOf(p.dateOfBirth, mode);
    if (!d) return fail(`${field}.dateOfBirth`, 'forms.error.date');
    p.dateOfBirth = d;
  }
  return ok(p);
}

function readFile(q: QuestionOf<'file'>, raw: unknown, field: string, ctx: ReadContext): Read {
  let id: unknown = raw;
  if (ctx.mode === 'json') {
    if (raw === undefined || raw === null) return NONE;
    if (!isRecord(raw) || Object.keys(raw).length !== 1) return fail(field, 'forms.error.invalid');
    id = own(raw, 'fileId');
  }
  const r = textOf(id, field);
  if (r.value === undefined) return ctx.mode === 'json' ? fail(field, 'forms.error.invalid') : r;
  if (!UUID.test(r.value)) return fail(field, 'forms.error.file.unknown');
  if (ctx.files) {
    const facts = ctx.files(r.value);
    if (!facts) return fail(field, 'forms.error.file.unknown');
    if (!(q.accept as readonly string[]).includes(facts.type))
      return fail(field, 'forms.error.file.type', { types: q.accept.join(', ') });
    if (facts.bytes > q.maxBytes)
      return fail(field, 'forms.error.file.size', { max: { bytes: q.maxBytes } });
  }
  return ok<FileRef>({ fileId: r.value });
}

/** One answer of any question but a group, read and checked (errors name `field` or its parts). */
export function readMember(q: MemberQuestion, raw: unknown, field: string, ctx: ReadContext): Read {
  switch (q.type) {
    case 'text':
    case 'longText':
      return readText(q, raw, field);
    case 'number':
      return readNumber(q, raw, field, ctx.mode);
    case 'money':
      return readMoney(q, raw, field, ctx.mode);
    case 'date':
      return readDate(q, raw, field, ctx.mode);
    case 'email':
      return readEmail(raw, field);
    case 'phone':
      return readPhone(raw, field);
    case 'singleChoice':
      return readChoice(q, raw, field);
    case 'multipleChoice':
      return readChoices(q, raw, field, ctx.mode);
    case 'yesNo':
      return readYesNo(raw, field, ctx.mode);
    case 'address':
      return readAddress(q, raw, field, ctx.mode);
    case 'person':
      return readPerson(q, raw, field, ctx.mode);
    case 'file':
      return readFile(q, raw, field, ctx);
  }
}
