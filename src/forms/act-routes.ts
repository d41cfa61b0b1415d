// The routes of an act authorised by a fresh eID sign-in (decision 042): the check page's button
// posts here (CSRF, the signed-in holder of the draft at the form's level) and goes on to the
// provider; the provider's answer comes back through the eID routes (forms/act.ts decides on it);
// a refusal lands on its page under the draft.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ACT_BROWSER_COOKIE } from '../eid/service.ts';
import { requireCitizen } from '../http/citizen-session.ts';
import { renderPage } from '../http/page.ts';
import type { ActRefusal } from './act-domain.ts';
import type { FormActs } from './act.ts';
import { actRefusedPage, toActProviderPage } from './act-pages.ts';
import { draftParams, fillAccess, formParams } from './fill-access.ts';

/** Each start stores a pending request (pruned when it expires): ten a minute per client. */
const START_LIMIT = { config: { rateLimit: { max: 10, timeWindow: 60_000 } } };

const REASONS = [
  'draft',
  'other_person',
  'level',
  'stale',
  'replay',
  'cancelled',
  'answer',
] as const satisfies readonly ActRefusal[];
const refusedQuery = z.object({
  reason: z.enum(REASONS).catch('answer'),
  draft: z.uuid().optional().catch(undefined),
});

/**
 * The act's browser cookie (kept, or made): SameSite=None so that the SAML IdP's cross-site
 * POST carries it back; Secure, HttpOnly, host-only, for as long as a request is pending.
 */
function browserOf(request: FastifyRequest, reply: FastifyReply): string {
  const browser = request.cookies[ACT_BROWSER_COOKIE] ?? randomBytes(32).toString('base64url');
  reply.setCookie(ACT_BROWSER_COOKIE, browser, {
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'none',
    maxAge: 15 * 60,
  });
  return browser;
}

export function formActRoutes(deps: Parameters<typeof fillAccess>[0] & { acts: FormActs }) {
  const { draftOf } = fillAccess(deps);
  return async (app: FastifyInstance) => {
    app.post('/o/:org/forms/:slug/drafts/:draft/authorise', START_LIMIT, async (request, reply) => {
      const d = await draftOf(request, draftParams.parse(request.params));
      const citizen = requireCitizen(request, d.form.definition.assurance);
      const location = await deps.acts.start(d, citizen, {
        browser: browserOf(request, reply),
        lang: request.lang,
      });
      return renderPage(request, reply, (ctx) => toActProviderPage(ctx, location));
    });

    // Shows no draft, only why nothing was sent and the way back to it: the draft itself stays
    // behind its own routes (404 for anyone but its holder).
    app.get('/o/:org/forms/:slug/act-refused', async (request, reply) => {
      const p = formParams.parse(request.params);
      const q = refusedQuery.parse(request.query);
      const base = `/o/${encodeURIComponent(p.org)}/forms/${encodeURIComponent(p.slug)}`;
      const back = q.draft ? `${base}/drafts/${q.draft}/check` : base;
      return renderPage(request, reply, (ctx) => actRefusedPage(ctx, q.reason, back), 403);
    });
  };
}
