// Conditions (decision 033): a small closed expression tree — all, any, not over comparisons of
// one answer with a constant — and its one evaluator. No expression language, no code from a
// definition: the only operations are the ones below, and evaluating one never throws, whatever
// the answers hold.
import { z } from 'zod';

/** How deep a condition may nest (all/any/not), and how many nodes one may have in all. */
export const CONDITION_LIMITS = { depth: 8, nodes: 64, values: 200, valueLength: 500 } as const;

export type Comparison =
  | { field: string; op: 'equals' | 'notEquals'; value: string | number | boolean }
  | { field: string; op: 'lt' | 'lte' | 'gt' | 'gte'; value: number | string }
  | { field: string; op: 'oneOf'; values: string[] }
  | { field: string; op: 'includes'; value: string }
  | { field: string; op: 'answered' | 'notAnswered' };

export type Condition =
  { all: Condition[] } | { any: Condition[] } | { not: Condition } | Comparison;

// A question's id: definition.ts's ID_PATTERN, written out here since that file imports this one.
const field = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/);
const word = z.string().max(CONDITION_LIMITS.valueLength);
const comparison = z.discriminatedUnion('op', [
  z.strictObject({
    field,
    op: z.enum(['equals', 'notEquals']),
    value: z.union([word, z.number().finite(), z.boolean()]),
  }),
  z.strictObject({
    field,
    op: z.enum(['lt', 'lte', 'gt', 'gte']),
    value: z.union([z.number().finite(), z.iso.date()]),
  }),
  z.strictObject({ field, op: z.literal('oneOf'), values: z.array(word).min(1).max(200) }),
  z.strictObject({ field, op: z.literal('includes'), value: word }),
  z.strictObject({ field, op: z.enum(['answered', 'notAnswered']) }),
]);

/**
 * The schema of a condition. The JSON's depth is bounded before any schema runs
 * (definition-check.ts), so this recursion cannot be driven into the stack's limit.
 */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema).min(1).max(CONDITION_LIMITS.nodes) }),
    z.strictObject({ any: z.array(conditionSchema).min(1).max(CONDITION_LIMITS.nodes) }),
    z.strictObject({ not: conditionSchema }),
    comparison,
  ]),
);

/** Answers as the evaluator sees them: by question id, any JSON value (absent: not answered). */
export type AnswerLookup = Readonly<Record<string, unknown>>;

/** Whether a value counts as an answer: not missing, not empty text, not an empty selection. */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}

/**
 * A money answer compares by its minor units; every other answer by itself. Properties are read
 * by descriptor, so even a value that is not JSON (a getter, a proxy) cannot make this throw.
 */
function comparable(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const minor: unknown = ownValue(value, 'minor');
    return typeof minor === 'number' ? minor : undefined;
  }
  return value;
}

function ownValue(o: object, key: string): unknown {
  const d = Object.getOwnPropertyDescriptor(o, key);
  return d && 'value' in d ? d.value : undefined;
}

function order(op: 'lt' | 'lte' | 'gt' | 'gte', a: unknown, b: number | string): boolean {
  // Numbers with numbers, ISO dates (which order as text) with dates; anything else is false.
  if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string')) return false;
  const x = a;
  if (typeof x === 'number' && !Number.isFinite(x)) return false;
  if (op === 'lt') return x < b;
  if (op === 'lte') return x <= b;
  if (op === 'gt') return x > b;
  return x >= b;
}

function compare(c: Comparison, answers: AnswerLookup): boolean {
  const raw = ownValue(answers, c.field);
  switch (c.op) {
    case 'answered':
      return isAnswered(raw);
    case 'notAnswered':
      return !isAnswered(raw);
    case 'equals':
      return comparable(raw) === c.value;
    case 'notEquals':
      return comparable(raw) !== c.value;
    case 'oneOf':
      return typeof raw === 'string' && c.values.includes(raw);
    case 'includes':
      return Array.isArray(raw) && raw.includes(c.value);
    default:
      return order(c.op, comparable(raw), c.value);
  }
}

/**
 * The one evaluator: true when the condition holds for these answers. A missing or ill-typed
 * answer makes a comparison false (and `notEquals`, `notAnswered` true: each is the other's not).
 */
export function evaluate(condition: Condition, answers: AnswerLookup): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluate(c, answers));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, answers));
  if ('not' in condition) return !evaluate(condition.not, answers);
  return compare(condition, answers);
}

/** Every comparison in a condition, in order. */
export function comparisons(condition: Condition): Comparison[] {
  if ('all' in condition) return condition.all.flatMap(comparisons);
  if ('any' in condition) return condition.any.flatMap(comparisons);
  if ('not' in condition) return comparisons(condition.not);
  return [condition];
}

/** How deep a condition nests (a comparison alone: 1) and how many nodes it has. */
export function conditionSize(condition: Condition): { depth: number; nodes: number } {
  const kids =
    'all' in condition
      ? condition.all
      : 'any' in condition
        ? condition.any
        : 'not' in condition
          ? [condition.not]
          : [];
  let depth = 0;
  let nodes = 1;
  for (const kid of kids) {
    const s = conditionSize(kid);
    depth = Math.max(depth, s.depth);
    nodes += s.nodes;
  }
  return { depth: depth + 1, nodes };
}
