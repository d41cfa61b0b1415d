import type { Db } from '../db/db.ts';
import { staffActor } from '../audit/domain.ts';
import type { AuditService } from '../audit/service.ts';
import type { StaffPrincipal } from '../identity/domain.ts';
import type { MessageKey } from '../i18n/i18n.ts';
import type { Clock } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import {
  bearerToken,
  FAILURE_WINDOW_MS,
  hashApiToken,
  LAST_USED_EVERY_MS,
  lastUseDue,
  looksLikeToken,
  MAX_FAILURES_PER_IP,
  newToken,
  parseScopes,
  SCOPES,
  type Scope,
} from './domain.ts';
import * as repo from './repo.ts';

/** What an admin's form gives for a new token. */
export type TokenInput = { name: string; scopes: readonly string[] };

/** The caller of a staff API operation, as its token says. */
export type ApiPrincipal = {
  tokenId: string;
  name: string;
  scopes: Scope[];
  organisationId: string;
  /** The organisation's slug, as the API's paths name it. */
  organisation: string;
};

/** What an operation asks of its caller's token. */
export type ApiRequirement = {
  authorization: string | undefined;
  ip: string;
  scope: Scope | null;
  /** The organisation named in the operation's path. */
  organisation: string;
};

export const NAME_MAX = 80;

/** A 401 that tells the client which scheme to use (RFC 6750 §3: `WWW-Authenticate: Bearer`). */
function unauthenticated(message: string, error?: 'invalid_token'): AppError {
  return new AppError('unauthenticated', message, undefined, {
    wwwAuthenticate: error ? `Bearer error="${error}"` : 'Bearer',
  });
}

function validate(input: TokenInput): { name: string; scopes: Scope[] } {
  const name = input.name.trim();
  const scopes = parseScopes(input.scopes);
  const fields: Record<string, string> = {};
  if (name.length < 1 || name.length > NAME_MAX)
    fields.name = 'integrations.error.name' satisfies MessageKey;
  if (!scopes?.length) fields.scopes = 'integrations.error.scopes' satisfies MessageKey;
  if (Object.keys(fields).length) throw new AppError('invalid_input', 'form rejected', fields);
  return { name, scopes: scopes! };
}

/**
 * An organisation's API tokens: its admins create, list and revoke them; the staff API finds the
 * caller by one (decision 037). A token is shown once, when created: only its SHA-256 is stored.
 */
export function integrationsService(deps: { db: Db; clock: Clock; audit: AuditService }) {
  const { db, clock } = deps;
  function adminOnly(actor: StaffPrincipal): string {
    if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
    return actor.organisationId;
  }

  async function refuse(ip: string, message: string, invalid: boolean): Promise<never> {
    await repo.recordFailure(db, ip, clock.now());
    throw unauthenticated(message, invalid ? 'invalid_token' : undefined);
  }

  /** Refuses an address with too many failures in the window, as the staff sign-in does. */
  async function throttle(ip: string): Promise<void> {
    const now = clock.now();
    const failures = await repo.recentFailures(
      db,
      ip,
      new Date(now.getTime() - FAILURE_WINDOW_MS),
      MAX_FAILURES_PER_IP,
    );
    if (failures.length < MAX_FAILURES_PER_IP) return;
    const oldest = failures[MAX_FAILURES_PER_IP - 1]!;
    const wait = oldest.getTime() + FAILURE_WINDOW_MS - now.getTime();
    throw new AppError('rate_limited', 'too many failed tokens', undefined, {
      retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)),
    });
  }

  return {
    /** Creates a token; returns it (to be shown once) with its id. Audited in the same transaction. */
    async create(actor: StaffPrincipal, input: TokenInput): Promise<{ id: string; token: string }> {
      const organisationId = adminOnly(actor);
      const { name, scopes } = validate(input);
      const token = newToken();
      const id = await db.transaction().execute(async (tx) => {
        const id = await repo.insertToken(tx, {
          organisationId,
          name,
          scopes,
          tokenHash: hashApiToken(token),
          createdBy: actor.id,
          now: clock.now(),
        });
        // The name and id, never the token (nor its hash: the log is read by every admin).
        await deps.audit.record(tx, {
          organisationId,
          actor: staffActor(actor),
          action: 'api_token.created',
          objectType: 'api_token',
          objectId: id,
          summary: name,
          detail: { scopes },
        });
        return id;
      });
      return { id, token };
    },

    /** The organisation's tokens, live ones first, and the zone their times are shown in. */
    async list(actor: StaffPrincipal): Promise<{ tokens: repo.ApiTokenRow[]; timeZone: string }> {
      const organisationId = adminOnly(actor);
      const [tokens, timeZone] = await Promise.all([
        repo.listTokens(db, organisationId),
        repo.timeZoneOf(db, organisationId),
      ]);
      return { tokens, timeZone };
    },

    /** One token of the admin's organisation; 404 for another organisation's. */
    async get(actor: StaffPrincipal, id: string): Promise<repo.ApiTokenRow> {
      const token = await repo.findToken(db, adminOnly(actor), id);
      if (!token) throw new AppError('not_found', 'no such token');
      return token;
    },

    /** Revokes a token at once; revoking one already revoked changes nothing. Audited with it. */
    async revoke(actor: StaffPrincipal, id: string): Promise<void> {
      const organisationId = adminOnly(actor);
      await db.transaction().execute(async (tx) => {
        const token = await repo.findToken(tx, organisationId, id);
        if (!token) throw new AppError('not_found', 'no such token');
        const revoked = await repo.revokeToken(tx, {
          organisationId,
          id,
          by: actor.id,
          now: clock.now(),
        });
        if (!revoked) return;
        await deps.audit.record(tx, {
          organisationId,
          actor: staffActor(actor),
          action: 'api_token.revoked',
          objectType: 'api_token',
          objectId: id,
          summary: token.name,
        });
      });
    },

    /**
     * The caller of a staff API operation: 401 without a token or with one that is unknown or
     * revoked (counted against the address, 429 past the limit), 403 for a token without the
     * operation's scope or of another organisation than the path's.
     */
    async authenticate(need: ApiRequirement): Promise<ApiPrincipal> {
      await throttle(need.ip);
      const presented = bearerToken(need.authorization);
      if (presented === null) throw unauthenticated('no bearer token');
      if (!looksLikeToken(presented)) return refuse(need.ip, 'malformed token', true);
      const row = await repo.findByHash(db, hashApiToken(presented));
      if (!row) return refuse(need.ip, 'unknown token', true);
      if (row.revokedAt) return refuse(need.ip, 'revoked token', true);
      if (row.suspendedAt) throw new AppError('organisation_suspended', row.organisation);
      // The token is real: what it may do is a 403, not a failure counted against the address.
      if (row.organisation !== need.organisation)
        throw new AppError('forbidden', 'token of another organisation');
      // A scope this version does not know (a newer one wrote it) grants nothing here.
      const scopes = SCOPES.filter((s) => row.scopes.includes(s));
      if (need.scope && !scopes.includes(need.scope))
        throw new AppError('forbidden', `token without ${need.scope}`);
      const now = clock.now();
      if (lastUseDue(row.lastUsedAt, now))
        await repo.touchToken(db, row.id, now, new Date(now.getTime() - LAST_USED_EVERY_MS));
      return {
        tokenId: row.id,
        name: row.name,
        scopes,
        organisationId: row.organisationId,
        organisation: row.organisation,
      };
    },

    /** Deletes failures past the window (they hold addresses); the number deleted. */
    async pruneFailures(): Promise<number> {
      const keepSince = clock.now().getTime() - FAILURE_WINDOW_MS - 3_600_000;
      return repo.pruneFailures(db, new Date(keepSince));
    },
  };
}

export type IntegrationsService = ReturnType<typeof integrationsService>;
