/** The operator console's pure rules: who an operator is to a route, and how long each stage of a session lives. */

/** A signed-in operator, as every /operator route sees them. No organisation: operators stand above them. */
export type OperatorPrincipal = {
  id: string;
  email: string;
  /** The address the request came from, set by the session plugin; the audit log records it. */
  ip?: string;
};

/** A session's stage: password right and a code awaited; no second factor yet (enrolment only); signed in. */
export type OperatorStage = 'code' | 'enrol' | 'full';

/** The half-way stages (code, enrolment) must be finished within this time. */
export const PARTIAL_SESSION_MS = 10 * 60_000;

/** The email key operators' sign-in attempts are counted under, apart from a staff account with the same address. */
export function attemptKey(email: string): string {
  return `operator:${email}`;
}
