import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  loaAtLeast,
  signInLocation,
  type CitizenPrincipal,
  type CitizensService,
  type Loa,
  type ProviderLogout,
  type SignInOptions,
  type VerifiedIdentity,
} from '../citizens/service.ts';
import { AppError } from '../lib/errors.ts';
import { HOST_COOKIE } from './security.ts';

/** The citizen's own cookie, separate from the staff session's (decision 029). */
export const CITIZEN_COOKIE = '__Host-okence-citizen';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in citizen, or null. */
    citizen: CitizenPrincipal | null;
  }
}

// Staff, operator and API requests never act for a citizen: their cookie is not even looked up.
const NOT_CITIZEN = /^\/(api|staff|operator)(\/|\?|$)/;

/** Attaches the signed-in citizen (or null) to every page request that carries the citizen cookie. */
export const citizenSession = fp<{ citizens: CitizensService }>(
  async (app: FastifyInstance, opts) => {
    app.decorateRequest('citizen', null);
    app.addHook('onRequest', (request, _reply, done) => {
      const token = request.cookies[CITIZEN_COOKIE];
      if (!token || NOT_CITIZEN.test(request.url)) return done();
      opts.citizens.resolveSession(token).then(
        (citizen) => {
          request.citizen = citizen;
          done();
        },
        (err: Error) => done(err),
      );
    });
  },
);

/**
 * The signed-in citizen at `loa` or above. Otherwise an `unauthenticated` error, which a page
 * turns into a redirect to /account/sign-in with the level asked and this page to come back
 * to; a citizen signed in below `loa` is asked to step up the same way.
 */
export function requireCitizen(request: FastifyRequest, loa: Loa): CitizenPrincipal {
  const citizen = request.citizen;
  if (citizen && loaAtLeast(citizen.loa, loa)) return citizen;
  const back = request.method === 'GET' ? request.url : null;
  throw new AppError('unauthenticated', 'citizen', undefined, {
    signIn: signInLocation(loa, back),
  });
}

/**
 * Signs a verified identity in and sets the cookie: what an eID handler (SAML assertion
 * consumer, OIDC callback) or the e-mail code page calls once the answer is checked. The
 * browser's previous citizen session ends (rotation).
 */
export async function startCitizenSession(
  citizens: CitizensService,
  request: FastifyRequest,
  reply: FastifyReply,
  identity: VerifiedIdentity,
  opts: Omit<SignInOptions, 'ip' | 'previousToken'> = {},
): Promise<void> {
  const { token } = await citizens.signIn(identity, {
    ...opts,
    ip: request.ip,
    previousToken: request.cookies[CITIZEN_COOKIE],
  });
  // No max-age: the cookie ends with the browser; the server ends it sooner (idle, absolute).
  reply.setCookie(CITIZEN_COOKIE, token, HOST_COOKIE);
}

/** Ends the citizen's session and clears the cookie; what the provider's logout needs, if any. */
export async function endCitizenSession(
  citizens: CitizensService,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<ProviderLogout | null> {
  const token = request.cookies[CITIZEN_COOKIE];
  reply.clearCookie(CITIZEN_COOKIE, HOST_COOKIE);
  return token ? citizens.signOut(token) : null;
}
