// The JSON Schema (2020-12) of a form version's answers, generated from its definition, for the
// API's getForm and for integrators. It describes answers in their stored shape (what
// validateAnswers gives back): every answer validateAnswers accepts fits it (a property test holds
// this). It cannot say everything the engine checks — conditions, dates' bounds, a phone's count
// of digits — so the engine stays the judge; the schema is never looser about types or keys.
import {
  COUNTRY,
  EMAIL_PATTERN,
  ISO_DATE,
  PART_LIMITS,
  PHONE_PATTERN,
  UUID,
} from './answer-types.ts';
import {
  TEXT_PATTERNS,
  type FormDefinition,
  type LocalizedText,
  type MemberQuestion,
  type Question,
} from './definition.ts';

type Schema = Record<string, unknown>;

const DIALECT = 'https://json-schema.org/draft/2020-12/schema';
const string = (maxLength: number, extra: Schema = {}): Schema => ({
  type: 'string',
  minLength: 1,
  maxLength,
  ...extra,
});

function object(properties: Record<string, Schema>, required: string[]): Schema {
  return { type: 'object', properties, required, additionalProperties: false };
}

function memberSchema(q: MemberQuestion): Schema {
  switch (q.type) {
    case 'text':
      return string(q.maxLength, {
        minLength: Math.max(1, q.minLength ?? 1),
        ...(q.pattern ? { pattern: TEXT_PATTERNS[q.pattern].source } : {}),
      });
    case 'longText':
      return string(q.maxLength, { minLength: Math.max(1, q.minLength ?? 1) });
    case 'number':
      return {
        type: q.decimals === 0 ? 'integer' : 'number',
        minimum: q.min ?? -1e12,
        maximum: q.max ?? 1e12,
      };
    case 'money':
      return object(
        {
          minor: { type: 'integer', minimum: q.minMinor ?? 0, maximum: q.maxMinor ?? 1e13 },
          currency: { const: q.currency },
        },
        ['minor', 'currency'],
      );
    case 'date':
      return { type: 'string', pattern: ISO_DATE.source, format: 'date' };
    case 'email':
      return string(PART_LIMITS.email, { pattern: EMAIL_PATTERN.source });
    case 'phone':
      return string(PART_LIMITS.phone, { pattern: PHONE_PATTERN.source });
    case 'singleChoice':
      return { enum: q.options.map((o) => o.value) };
    case 'multipleChoice':
      return {
        type: 'array',
        items: { enum: q.options.map((o) => o.value) },
        uniqueItems: true,
        minItems: Math.max(1, q.minSelected ?? 1),
        maxItems: Math.min(q.maxSelected ?? q.options.length, q.options.length),
      };
    case 'yesNo':
      return { type: 'boolean' };
    case 'address':
      return object(
        {
          street: string(PART_LIMITS.street),
          postcode: string(PART_LIMITS.postcode),
          city: string(PART_LIMITS.city),
          country: { type: 'string', pattern: COUNTRY.source },
        },
        ['street', 'postcode', 'city', 'country'],
      );
    case 'person':
      return object(
        {
          givenName: string(PART_LIMITS.name),
          familyName: string(PART_LIMITS.name),
          ...(q.withDateOfBirth
            ? { dateOfBirth: { type: 'string', pattern: ISO_DATE.source, format: 'date' } }
            : {}),
        },
        ['givenName', 'familyName', ...(q.withDateOfBirth ? ['dateOfBirth'] : [])],
      );
    case 'file':
      return object({ fileId: { type: 'string', pattern: UUID.source } }, ['fileId']);
  }
}

/** Described with its label in the definition's first language. */
function titled(schema: Schema, q: Question, lang: keyof LocalizedText): Schema {
  const title = q.label[lang];
  return title ? { title, ...schema } : schema;
}

function questionSchema(q: Question, lang: keyof LocalizedText): Schema {
  if (q.type !== 'group') return titled(memberSchema(q), q, lang);
  const item = object(
    Object.fromEntries(q.questions.map((m) => [m.id, titled(memberSchema(m), m, lang)])),
    q.questions.filter((m) => m.required && !m.visibleIf).map((m) => m.id),
  );
  return titled(
    {
      type: 'array',
      items: { ...item, minProperties: 1 },
      minItems: Math.max(1, q.minItems),
      maxItems: q.maxItems,
    },
    q,
    lang,
  );
}

/**
 * The schema of one definition's answers: an object with a property per top-level question,
 * no others, and as required the questions that are required and always shown.
 */
export function answersJsonSchema(def: FormDefinition): Schema {
  const lang = def.languages[0]!;
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const page of def.pages)
    for (const q of page.questions) {
      properties[q.id] = questionSchema(q, lang);
      if (q.required && !q.visibleIf && !page.visibleIf) required.push(q.id);
    }
  return { $schema: DIALECT, title: def.title[lang], ...object(properties, required) };
}
