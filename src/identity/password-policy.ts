import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Staff password rules after OWASP ASVS 4.0.3 V2.1: length over composition. At least 12
// characters (2.1.1), up to 128 (2.1.2 asks for at least 64), any Unicode including spaces
// and emoji (2.1.4), no rules about character classes (2.1.9), nothing truncated (2.1.3),
// and no password from a list of breached and common ones (2.1.7).

/** Why a password is refused. `repeated` covers repeats and sequences such as `abcdefghijkl`. */
export type PasswordProblem =
  'too_short' | 'too_long' | 'common' | 'contains_email' | 'contains_name' | 'repeated';

/** Fewest characters, counted as Unicode code points after NFKC: the form hashPassword() hashes. */
export const MIN_PASSWORD_LENGTH = 12;
/** Most characters, counted the same way; passphrases of 64 fit twice over. */
export const MAX_PASSWORD_LENGTH = 128;

/** Words from the lists, the email and the name count only from this many characters. */
const MIN_WORD_LENGTH = 4;

const LISTS_DIR = join(import.meta.dirname, 'password-lists');
const LIST_FILES = ['common-passwords.txt', 'local-passwords.txt'];

let commonPasswords: ReadonlySet<string> | undefined;

/**
 * The bundled lists as one set, read on first use and kept. Call it at start-up to
 * move the read (about 50,000 lines) out of the first password change.
 */
export function commonPasswordSet(): ReadonlySet<string> {
  commonPasswords ??= new Set(
    LIST_FILES.flatMap((file) => readFileSync(join(LISTS_DIR, file), 'utf8').split(/\r?\n/)).filter(
      (line) => line !== '',
    ),
  );
  return commonPasswords;
}

/** What is wrong with a new staff password; an empty list means it may be used. */
export function checkPassword(
  password: string,
  context: { email?: string; name?: string },
): PasswordProblem[] {
  const normalised = password.normalize('NFKC');
  const length = [...normalised].length;
  // An over-long input is refused before any other work: the length is what must change,
  // and a hostile megabyte then costs one normalisation and nothing more.
  if (length > MAX_PASSWORD_LENGTH) return ['too_long'];

  const problems: PasswordProblem[] = [];
  if (length < MIN_PASSWORD_LENGTH) problems.push('too_short');
  const lower = normalised.toLowerCase();
  if (isCommon(lower)) problems.push('common');
  if (containsAnyWord(lower, emailWords(context.email))) problems.push('contains_email');
  if (containsAnyWord(lower, nameWords(context.name))) problems.push('contains_name');
  if (isRepetitive(lower) || isRepetitive(withoutSpaces(lower))) problems.push('repeated');
  return problems;
}

/** Lower case without accents (č → c, é → e), the form the lists are written in. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

function withoutSpaces(text: string): string {
  return text.replace(/\s/gu, '');
}

/** Digits, punctuation, symbols and spaces around a word: `2024geslo!!` → `geslo`. */
function stripAffixes(text: string): string {
  return text.replace(/^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu, '');
}

const LEET: Readonly<Record<string, string>> = {
  '@': 'a',
  '4': 'a',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
  '+': 't',
};

/** `P@ssw0rd`, `G3sl0!!2024` → `Password`, `Geslo!!2024`: only signs touching a letter stand for one. */
function unLeet(text: string): string {
  return text.replace(/(?<=\p{L})[@431!07$5+]|[@431!07$5+](?=\p{L})/gu, (c) => LEET[c] ?? c);
}

/**
 * Whether the password, or the word left after removing accents, spaces, leet
 * substitutions and digits or symbols before and after it, is on a list. Crackers try
 * exactly these variations of listed words first (`Password2024!`, `Geslo 123`).
 */
function isCommon(lower: string): boolean {
  const list = commonPasswordSet();
  const folded = fold(lower);
  const whole = [
    lower,
    folded,
    withoutSpaces(folded),
    unLeet(folded),
    unLeet(withoutSpaces(folded)),
  ];
  const stripped = whole.map(stripAffixes).filter((word) => [...word].length >= MIN_WORD_LENGTH);
  return [...whole, ...stripped].some((candidate) => list.has(candidate));
}

/** Words to look for in a password: the text itself, run together, and its parts. */
function wordsOf(text: string | undefined, separators: RegExp): string[] {
  if (!text) return [];
  const folded = fold(text.normalize('NFKC').toLowerCase().trim());
  const parts = folded.split(separators);
  return [folded, parts.join(''), ...parts].filter((word) => [...word].length >= MIN_WORD_LENGTH);
}

function emailWords(email: string | undefined): string[] {
  const at = email?.lastIndexOf('@') ?? -1;
  return wordsOf(at > 0 ? email?.slice(0, at) : email, /[-._+]+/u);
}

function nameWords(name: string | undefined): string[] {
  return wordsOf(name, /[-\s.,'’]+/u);
}

function containsAnyWord(lower: string, words: readonly string[]): boolean {
  const folded = fold(lower);
  return words.some((word) => folded.includes(word));
}

/**
 * A short unit repeated (`aaaaaaaaaaaa`, `abcabcabcabc`, `konjkonjkonj`), or a password
 * made of a few long runs of sequences (`123456789012`, `abcdef123456`, `qwertyuiopas`).
 */
function isRepetitive(text: string): boolean {
  const chars = [...text];
  if (chars.length === 0) return false;
  return repeatsShortUnit(chars) || sequenceRuns(chars) * 4 <= chars.length;
}

/** Whether the password is a unit that would be too short alone, repeated to fill it. */
function repeatsShortUnit(chars: readonly string[]): boolean {
  const n = chars.length;
  for (let unit = 1; unit < MIN_PASSWORD_LENGTH && unit * 2 <= n; unit += 1) {
    if (n % unit === 0 && chars.every((c, i) => c === chars[i % unit])) return true;
  }
  return false;
}

// Orders in which neighbouring keys or symbols are typed, each wrapping around: alphabet,
// digits (the top row), QWERTY rows and columns. A walk on the Slovenian or Czech QWERTZ
// keyboard breaks off only at z and y, so it still falls into few runs here.
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '0123456789',
  'qwertyuiopasdfghjklzxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
];

/** How a pair of neighbouring characters continues a run: the same again, or a step along a sequence. */
function steps(a: string, b: string): string[] {
  if (a === b) return ['same'];
  const kinds: string[] = [];
  SEQUENCES.forEach((sequence, s) => {
    const i = sequence.indexOf(a);
    const j = sequence.indexOf(b);
    if (i < 0 || j < 0) return;
    if ((j - i + sequence.length) % sequence.length === 1) kinds.push(`${s}+`);
    if ((i - j + sequence.length) % sequence.length === 1) kinds.push(`${s}-`);
  });
  return kinds;
}

/** Into how many runs the characters fall, where a run keeps one step kind throughout. */
function sequenceRuns(chars: readonly string[]): number {
  let runs = 1;
  let kinds: string[] | null = null; // null: the current run has one character so far
  for (let i = 1; i < chars.length; i += 1) {
    const here = steps(chars[i - 1] ?? '', chars[i] ?? '');
    const next: string[] = kinds === null ? here : kinds.filter((kind) => here.includes(kind));
    if (next.length === 0) {
      runs += 1;
      kinds = null;
    } else {
      kinds = next;
    }
  }
  return runs;
}
