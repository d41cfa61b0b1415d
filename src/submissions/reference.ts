// Reference numbers of submissions: an organisation's pattern (`MUKO/{year}/{seq:5}`) and the
// year a submission counts in. Pure; the counter that hands out `seq` is counter.ts.
import { AppError } from '../lib/errors.ts';
import { localParts } from '../lib/zoned-time.ts';

/** A pattern's parts: literal text, the year (four digits) and the sequence (zero-padded). */
export type PatternPart =
  { kind: 'text'; text: string } | { kind: 'year' } | { kind: 'seq'; width: number };

/** Used when an organisation has not set its own. */
export const DEFAULT_REFERENCE_PATTERN = '{year}/{seq:5}';
export const MAX_PATTERN_LENGTH = 40;

// Literal text is what filing systems and people copy without trouble: no spaces at the ends,
// no characters that need escaping in a URL path segment, a file name or a mail subject.
const LITERAL = /^[A-Za-z0-9/._-]*$/;
const TOKEN = /\{(year|seq(?::([1-9]))?)\}/g;

/**
 * Reads a pattern, or throws an `invalid_input` error naming what is wrong. A pattern has
 * exactly one `{year}` and one `{seq}` (`{seq:N}` pads to N digits): the sequence starts again
 * each year, so the year is what keeps numbers unique across years.
 */
export function parsePattern(pattern: string): PatternPart[] {
  const refuse = (why: string) =>
    new AppError('invalid_input', `reference pattern ${JSON.stringify(pattern)}: ${why}`);
  if (pattern.length === 0 || pattern.length > MAX_PATTERN_LENGTH)
    throw refuse(`must be 1 to ${MAX_PATTERN_LENGTH} characters`);
  const parts: PatternPart[] = [];
  let at = 0;
  for (const m of pattern.matchAll(TOKEN)) {
    if (m.index > at) parts.push({ kind: 'text', text: pattern.slice(at, m.index) });
    parts.push(m[1] === 'year' ? { kind: 'year' } : { kind: 'seq', width: Number(m[2] ?? 1) });
    at = m.index + m[0].length;
  }
  if (at < pattern.length) parts.push({ kind: 'text', text: pattern.slice(at) });
  for (const p of parts)
    if (p.kind === 'text' && !LITERAL.test(p.text))
      throw refuse('only letters A–Z, digits, "/", ".", "_", "-" and {year}, {seq} or {seq:N}');
  const count = (kind: PatternPart['kind']) => parts.filter((p) => p.kind === kind).length;
  if (count('year') !== 1 || count('seq') !== 1)
    throw refuse('needs exactly one {year} and one {seq}');
  return parts;
}

/** The reference number of the `seq`-th submission of `year` under a pattern. */
export function formatReference(pattern: string, year: number, seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`bad sequence ${seq}`);
  return parsePattern(pattern)
    .map((p) =>
      p.kind === 'text'
        ? p.text
        : p.kind === 'year'
          ? String(year).padStart(4, '0')
          : String(seq).padStart(p.width, '0'),
    )
    .join('');
}

/**
 * The year a submission counts in: the calendar year of its instant in the organisation's
 * zone (at 00:30 on 1 January in Prague it is still 31 December in UTC).
 */
export function referenceYear(instant: Date, timeZone: string): number {
  return Number(localParts(instant, timeZone).date.slice(0, 4));
}
