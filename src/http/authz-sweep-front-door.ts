// The front door's staff routes in the authorisation sweep (issue 19), kept beside its rules
// (authz-sweep-rules.ts spreads them into ACCESS) so that file stays under its size limit.
import type { AccessRule } from './authz-sweep-rules.ts';

/** Front-door routes that are not an object route, with why. */
export const FRONT_DOOR_ACCESS: Record<string, AccessRule> = {
  'GET /staff/help': {
    access: 'any-staff',
    why: 'the user manual: the same text for everyone, no rows of any organisation',
  },
};
