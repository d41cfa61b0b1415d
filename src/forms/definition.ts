// A form definition: our own format (decision 033), data an organisation's admin writes and
// never code. One zod schema says what a definition may hold; checkDefinition (definition-check.ts)
// adds what a schema cannot see: the languages every text must have, unique ids, the references
// and types of conditions, and their order. Every text is plain data: nothing in a definition is
// ever interpreted as markup, a pattern or an expression.
import { z } from 'zod';
import type { Loa } from '../citizens/service.ts';
import type { Lang } from '../i18n/i18n.ts';
import { conditionSchema } from './conditions.ts';

/** The format's version, so that a later change can tell stored definitions apart. */
export const FORMAT = 1;

/** Hard limits on what one definition may hold (the hostile-input corpus tests each one). */
export const LIMITS = {
  /** The definition as JSON text, in UTF-16 code units (about bytes for Latin scripts). */
  jsonChars: 256 * 1024,
  /** Nesting of the JSON value before the schema even looks at it (a deep value is refused). */
  jsonDepth: 32,
  pages: 40,
  /** Questions in all, the members of repeated groups included. */
  questions: 250,
  questionsPerGroup: 30,
  options: 200,
  /** Repeats of one group an answer may have. */
  groupItems: 100,
  label: 500,
  help: 2000,
  optionLabel: 300,
  textLength: 1000,
  longTextLength: 20_000,
  acceptTypes: 10,
  /** An attachment's largest size a definition may allow. */
  fileBytes: 50 * 1024 * 1024,
} as const;

const LANGS = ['sl', 'cs', 'en'] as const satisfies readonly Lang[];
const LEVELS = ['low', 'substantial', 'high'] as const satisfies readonly Loa[];
/** Currencies whose minor unit is a hundredth (EUR cents, CZK haléře). */
export const CURRENCIES = ['EUR', 'CZK'] as const;
export type Currency = (typeof CURRENCIES)[number];

/**
 * The only patterns a text question may ask for: fixed, linear expressions of ours, so no
 * definition can bring a regular expression (and its backtracking, ReDoS) into the server.
 */
export const TEXT_PATTERNS = {
  digits: /^[0-9]+$/,
  letters: /^[\p{L}\p{M}][\p{L}\p{M} '’.-]*$/u,
  alphanumeric: /^[\p{L}\p{M}0-9]+$/u,
  postcode_si: /^[1-9][0-9]{3}$/,
  postcode_cz: /^[1-7][0-9]{2} ?[0-9]{2}$/,
  iban: /^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/,
} as const;
export type TextPattern = keyof typeof TEXT_PATTERNS;
const PATTERN_NAMES = Object.keys(TEXT_PATTERNS) as [TextPattern, ...TextPattern[]];

/**
 * File types an attachment question may accept, by the type the file-safety module sniffs: only
 * types it recognises by their bytes (plain text has no signature, so it is not offered).
 */
export const ACCEPTABLE_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
] as const;

/** Where a question may take its first answer from (prefill.ts), by what it knows of the person. */
export const PREFILL_SOURCES = [
  'person.givenName',
  'person.familyName',
  'person.fullName',
  'person.dateOfBirth',
  'person.address',
  'person.email',
  'person.phone',
  'person',
] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

/** A question's or page's id: a stable slug that answers, form fields and conditions use. */
export const ID_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
const id = z.string().regex(ID_PATTERN);

const text = (max: number) => z.string().trim().min(1).max(max);
/** A text in the definition's languages; checkDefinition makes sure each stated one is there. */
const localized = (max: number) =>
  z.strictObject({ sl: text(max), cs: text(max), en: text(max) }).partial();
export type LocalizedText = z.infer<ReturnType<typeof localized>>;

const common = {
  id,
  label: localized(LIMITS.label),
  help: localized(LIMITS.help).optional(),
  required: z.boolean().default(false),
  visibleIf: conditionSchema.optional(),
};
const prefill = z.enum(PREFILL_SOURCES).optional();
const count = (max: number) => z.number().int().min(0).max(max);
const isoDate = z.iso.date();
const option = z.strictObject({ value: id, label: localized(LIMITS.optionLabel) });
const options = z.array(option).min(1).max(LIMITS.options);

const textQuestion = z.strictObject({
  ...common,
  type: z.literal('text'),
  prefill,
  minLength: count(LIMITS.textLength).optional(),
  maxLength: count(LIMITS.textLength).min(1).default(200),
  pattern: z.enum(PATTERN_NAMES).optional(),
});
const longTextQuestion = z.strictObject({
  ...common,
  type: z.literal('longText'),
  minLength: count(LIMITS.longTextLength).optional(),
  maxLength: count(LIMITS.longTextLength).min(1).default(5000),
});
const bound = z.number().finite().min(-1e12).max(1e12);
const numberQuestion = z.strictObject({
  ...common,
  type: z.literal('number'),
  /** Digits allowed after the decimal separator (0: whole numbers). */
  decimals: z.number().int().min(0).max(4).default(0),
  min: bound.optional(),
  max: bound.optional(),
});
const minor = z.number().int().min(0).max(1e13);
const moneyQuestion = z.strictObject({
  ...common,
  type: z.literal('money'),
  currency: z.enum(CURRENCIES),
  /** Bounds in minor units (cents), never floats. */
  minMinor: minor.optional(),
  maxMinor: minor.optional(),
});
const dateQuestion = z.strictObject({
  ...common,
  type: z.literal('date'),
  prefill,
  min: isoDate.optional(),
  max: isoDate.optional(),
});
const emailQuestion = z.strictObject({ ...common, type: z.literal('email'), prefill });
const phoneQuestion = z.strictObject({ ...common, type: z.literal('phone'), prefill });
const singleChoiceQuestion = z.strictObject({
  ...common,
  type: z.literal('singleChoice'),
  options,
});
const multipleChoiceQuestion = z.strictObject({
  ...common,
  type: z.literal('multipleChoice'),
  options,
  minSelected: count(LIMITS.options).optional(),
  maxSelected: count(LIMITS.options).min(1).optional(),
});
const yesNoQuestion = z.strictObject({ ...common, type: z.literal('yesNo') });
const addressQuestion = z.strictObject({
  ...common,
  type: z.literal('address'),
  prefill,
  /** ISO 3166-1 alpha-2, taken when the answer names no country. */
  defaultCountry: z.enum(['SI', 'CZ']).optional(),
});
const personQuestion = z.strictObject({
  ...common,
  type: z.literal('person'),
  prefill,
  withDateOfBirth: z.boolean().default(false),
});
const fileQuestion = z.strictObject({
  ...common,
  type: z.literal('file'),
  accept: z.array(z.enum(ACCEPTABLE_TYPES)).min(1).max(LIMITS.acceptTypes),
  maxBytes: z.number().int().min(1).max(LIMITS.fileBytes),
});

/** Every kind of question but the repeated group, which holds them. */
const memberQuestion = z.discriminatedUnion('type', [
  textQuestion,
  longTextQuestion,
  numberQuestion,
  moneyQuestion,
  dateQuestion,
  emailQuestion,
  phoneQuestion,
  singleChoiceQuestion,
  multipleChoiceQuestion,
  yesNoQuestion,
  addressQuestion,
  personQuestion,
  fileQuestion,
]);
const groupQuestion = z.strictObject({
  ...common,
  type: z.literal('group'),
  /** Groups do not nest: a member is any question but a group. */
  questions: z.array(memberQuestion).min(1).max(LIMITS.questionsPerGroup),
  minItems: count(LIMITS.groupItems).default(0),
  maxItems: count(LIMITS.groupItems).min(1).default(10),
});
const question = z.discriminatedUnion('type', [...memberQuestion.options, groupQuestion]);

const page = z.strictObject({
  id,
  title: localized(LIMITS.label),
  help: localized(LIMITS.help).optional(),
  visibleIf: conditionSchema.optional(),
  questions: z.array(question).min(1).max(LIMITS.questions),
});

/** The one schema of a form definition (decision 033 shows a complete example). */
export const definitionSchema = z.strictObject({
  format: z.literal(FORMAT),
  /** The languages every text of this definition is written in. */
  languages: z.array(z.enum(LANGS)).min(1).max(LANGS.length),
  title: localized(LIMITS.label),
  description: localized(LIMITS.help).optional(),
  /** The level of assurance a citizen's sign-in must have to fill the form in ('low': anyone). */
  assurance: z.enum(LEVELS),
  /** The act itself is confirmed by a fresh eID sign-in just before sending (CZ 12/2020 §4). */
  authoriseAct: z.boolean().default(false),
  pages: z.array(page).min(1).max(LIMITS.pages),
});

export type FormDefinition = z.infer<typeof definitionSchema>;
/** A definition as written (defaults not yet filled in): what an editor or an import produces. */
export type DefinitionInput = z.input<typeof definitionSchema>;
export type Page = FormDefinition['pages'][number];
export type Question = Page['questions'][number];
export type MemberQuestion = z.infer<typeof memberQuestion>;
export type GroupQuestion = z.infer<typeof groupQuestion>;
export type QuestionType = Question['type'];
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;
