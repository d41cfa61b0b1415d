// The operator's routes in the authorisation sweep (src/http/authz-sweep.db.test.ts), kept
// beside its rules (authz-sweep-rules.ts) so that file stays under its size limit: the console
// (/operator…) and the metrics Prometheus scrapes (/metrics, decision 056). No staff session
// opens any of them; /metrics takes only its bearer token, not even an operator's session.
import type { RegisteredRoute } from './testing-routes.ts';
import { TEST_METRICS_TOKEN } from './metrics-testing.ts';

/** What the sweep's app is booted with: /metrics exists only with METRICS_TOKEN. */
export const SWEEP_ENV = { METRICS_TOKEN: TEST_METRICS_TOKEN };

export const isOperatorRoute = (r: RegisteredRoute) =>
  r.method !== 'HEAD' &&
  (r.url === '/operator' || r.url.startsWith('/operator/') || r.url === '/metrics');

/** Operator routes anyone may open: signing in, and ending one's own session. Every other one needs a full operator session. */
export const OPERATOR_PUBLIC: Record<string, string> = {
  'GET /operator/sign-in': 'the sign-in form',
  'POST /operator/sign-in': 'signing in (its limits are tested in src/operator)',
  'POST /operator/sign-out': "ends the caller's own operator session, if any",
};
