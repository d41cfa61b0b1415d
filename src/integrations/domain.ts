/** API tokens' rules, pure: their format, their scopes, when a use is written down (decision 037). */
import { createHash, randomBytes } from 'node:crypto';

/**
 * What a token may do. A closed set that grows with the staff API: `submissions:read` for the
 * pull API of submissions (listSubmissions, getSubmission), `statements:write` for importing bank
 * statements (importBankStatement, decision 046). A token with no scope an operation
 * asks for is refused that operation (403), whatever else it may do.
 */
export const SCOPES = ['submissions:read', 'statements:write'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * The prefix of every token: a token pasted into a chat, a log or a repository is recognisable
 * as Okence's (secret scanners key on such prefixes), and a bearer value without it is refused
 * before the database is asked.
 */
export const TOKEN_PREFIX = 'okn_';
/** 32 random bytes: 256 bits, far past guessing, so one fast hash is enough at rest. */
const TOKEN_BYTES = 32;
/** base64url of 32 bytes is 43 characters without padding. */
const TOKEN_PATTERN = /^okn_[A-Za-z0-9_-]{43}$/;

/** A new token from the CSPRNG; it is shown once and only its hash is kept. */
export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(TOKEN_BYTES).toString('base64url');
}

/**
 * What the database stores and looks a token up by. Finding the row by the hash of what was
 * sent leaves no comparison of secrets to time: an attacker timing the lookup learns about
 * hashes of their own guesses, never a prefix of a real token, so constant-time comparison is
 * moot. A slow password hash is not needed either: the token has 256 random bits, not a person's.
 */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether a string has the shape of a token (the rest is for the lookup to say). */
export function looksLikeToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/**
 * The token of an `Authorization: Bearer …` header (RFC 6750 §2.1: the scheme is case-insensitive,
 * one space or more before the credentials); null when there is no such header.
 */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer +(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

/** The last use is written at most once a minute per token, so calls are reads, not writes. */
export const LAST_USED_EVERY_MS = 60_000;

/** Whether a use at `now` is to be written down, given the one written last. */
export function lastUseDue(lastUsedAt: Date | null, now: Date): boolean {
  return lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= LAST_USED_EVERY_MS;
}

/** Failed calls from one address within the window before calls from it are refused (429). */
export const MAX_FAILURES_PER_IP = 20;
export const FAILURE_WINDOW_MS = 15 * 60_000;

/** The scopes a form sent, each once, in the order of SCOPES; null when one is unknown. */
export function parseScopes(values: readonly string[]): Scope[] | null {
  if (values.some((v) => !(SCOPES as readonly string[]).includes(v))) return null;
  return SCOPES.filter((s) => values.includes(s));
}
