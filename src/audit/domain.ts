/** The audit log's rules, pure: what an entry is, and what a change between two records was. */

/**
 * Who did it: a staff member or an operator (name kept as it was, in case the account goes),
 * or the system (`retention`, `cli` for the operator command).
 */
export type AuditActor =
  | { staffId: string; name: string; ip: string | null }
  | { operatorId: string; name: string; ip: string | null }
  | { system: string };

export type AuditEntry = {
  /** The organisation whose log it belongs to; null for the installation's own (operator) log. */
  organisationId: string | null;
  actor: AuditActor;
  /** A dotted code, e.g. `service.updated`, `appointment.viewed`; the audit page translates it. */
  action: string;
  objectType: string;
  objectId: string | null;
  /** The object's own public name (a service, an office, a colleague): never citizen data. */
  summary?: string;
  /** What changed or a few facts, never citizen data. */
  detail?: Record<string, unknown>;
};

export const ACTION_PATTERN = /^[a-z_]+(\.[a-z_]+)+$/;
export const OBJECT_TYPE_PATTERN = /^[a-z_]+$/;
export const MAX_SUMMARY = 500;

/** An operator acting in the console (the address of the request is on the principal). */
export function operatorActor(operator: { id: string; email: string; ip?: string }): AuditActor {
  return { operatorId: operator.id, name: operator.email, ip: operator.ip ?? null };
}

/** The staff member acting (the session plugin puts the request's address on the principal). */
export function staffActor(staff: { id: string; displayName: string; ip?: string }): AuditActor {
  return { staffId: staff.id, name: staff.displayName, ip: staff.ip ?? null };
}

/**
 * The fields that differ between two versions of a record, as `{ field: [before, after] }`.
 * Values are compared by their JSON, so localized texts and arrays compare by content; fields
 * named in `hide` are reported as changed without their values (a password hash, say).
 */
export function changes(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  hide: readonly string[] = [],
): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    out[key] = hide.includes(key) ? ['…', '…'] : [a ?? null, b ?? null];
  }
  return out;
}

/** Checks an entry before it is written; a malformed code is a programming error, not input. */
export function assertValidEntry(e: AuditEntry): void {
  if (!ACTION_PATTERN.test(e.action))
    throw new RangeError(`audit action must be dotted lower case: ${e.action}`);
  if (!OBJECT_TYPE_PATTERN.test(e.objectType))
    throw new RangeError(`audit object type must be lower case: ${e.objectType}`);
}

/** The summary as stored: trimmed to the column's limit. */
export function storedSummary(summary: string | undefined): string {
  const s = (summary ?? '').trim();
  return s.length > MAX_SUMMARY ? `${s.slice(0, MAX_SUMMARY - 1)}…` : s;
}
