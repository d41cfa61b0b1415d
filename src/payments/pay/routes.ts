// Citizens' pages of paying a fee: the lookup without signing in (/o/{org}/pay), a payment
// link's page (/pay/{token}) and the account's own obligation (/account/fees/{id}).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireCitizen } from '../../http/citizen-session.ts';
import { pageContext, renderPage } from '../../http/page.ts';
import type { FieldErrors } from '../../views/form.ts';
import { AppError } from '../../lib/errors.ts';
import { isPayable, LOOKUPS_PER_ADDRESS_PER_MINUTE } from './domain.ts';
import * as s from './schema.ts';
import type { PayService, PayView } from './service.ts';
import { findPage, foundPage, notFoundPage, type FindValues } from './views/find.ts';
import type { CardPayments } from '../card/service.ts';
import { cardButton } from '../card/views/card-pages.ts';
import { paymentQrBlock } from '../qr/views.ts';
import { expiredPage, payPage, type PayAccess, type PayParts } from './views/pay.ts';

type SendDone = (err: Error | null, payload: unknown) => void;

const LOOKUP_LIMIT = {
  config: { rateLimit: { max: LOOKUPS_PER_ADDRESS_PER_MINUTE, timeWindow: 60_000 } },
};

// A payment link's page (and the lookup's answer, which may list links) names the payer and what
// they owe: kept by no cache, and its address (the token) sent to no other site.
const LINK_PAGE = {
  onSend: (_request: FastifyRequest, reply: FastifyReply, payload: unknown, done: SendDone) => {
    reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
    done(null, payload);
  },
};

/** Whether the organisation takes cards (payments/card). */
type Cards = Pick<CardPayments, 'offersCards'>;

/** The page's payment parts: the bank QR block and the card button (none when nothing is due). */
async function drawParts(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: { pay: PayService; cards: Cards },
  view: PayView,
  access: PayAccess,
): Promise<PayParts> {
  if (!isPayable(view.standing)) return { bankQr: null, cardButton: null };
  const ctx = pageContext(request, reply);
  const qr = await deps.pay.bankQr(view);
  const organisationSlug = view.organisation.slug;
  const whose = 'token' in access ? { token: access.token } : { obligationId: view.obligation.id };
  return {
    bankQr: qr ? paymentQrBlock(ctx, qr) : null,
    cardButton: deps.cards.offersCards(organisationSlug)
      ? cardButton(ctx, { organisationSlug, ...whose })
      : null,
  };
}

/** The citizens' payment pages, with the card button where the organisation takes cards. */
export function payRoutes(pay: PayService, cards: Cards) {
  return async (app: FastifyInstance) => {
    app.get('/o/:org/pay', async (request, reply) => {
      const { org } = s.orgParams.parse(request.params);
      const form = await pay.lookupForm(org);
      const values: FindValues = { vs: '', name: '', email: '' };
      return renderPage(request, reply, (ctx) => findPage(ctx, { ...form, values, errors: {} }));
    });

    app.post('/o/:org/pay', { ...LOOKUP_LIMIT, ...LINK_PAGE }, async (request, reply) => {
      const { org } = s.orgParams.parse(request.params);
      const posted = s.findForm.parse(request.body ?? {});
      const form = await pay.lookupForm(org);
      const organisation = form.organisation;
      const checked = s.checkLookup(posted, {
        birthNumberOn: form.birthNumber.on,
        today: form.today,
        emailRequired: true,
        si12: organisation.country === 'SI',
      });
      if (!checked.ok) {
        const errors: FieldErrors = {};
        for (const [name, key] of Object.entries(checked.errors)) errors[name] = request.t(key);
        const values = { vs: posted.vs, name: posted.name, email: posted.email };
        return renderPage(request, reply, (ctx) => findPage(ctx, { ...form, values, errors }), 400);
      }
      const result = await pay.find({ organisation, ...checked.lookup, lang: request.lang });
      if (!result.found)
        return renderPage(request, reply, (ctx) => notFoundPage(ctx, organisation), 404);
      if (result.links.length === 1) return reply.redirect(`/pay/${result.links[0]!.token}`, 303);
      return renderPage(request, reply, (ctx) => foundPage(ctx, result.links));
    });

    app.get('/pay/:token', LINK_PAGE, async (request, reply) => {
      const { token } = s.tokenParams.parse(request.params);
      const page = await pay.byToken(token);
      if (page.state === 'expired')
        return renderPage(request, reply, (ctx) => expiredPage(ctx, page.organisation), 410);
      const access: PayAccess = { token, expiresAt: page.expiresAt };
      const parts = await drawParts(request, reply, { pay, cards }, page.view, access);
      return renderPage(request, reply, (ctx) => payPage(ctx, { view: page.view, access, parts }));
    });

    app.get('/account/fees/:id', async (request, reply) => {
      const { accountId } = requireCitizen(request, 'low');
      const params = s.obligationParams.safeParse(request.params);
      if (!params.success) throw new AppError('not_found', 'no such obligation');
      const view = await pay.forAccount(accountId, params.data.id);
      const access: PayAccess = { accountId };
      const parts = await drawParts(request, reply, { pay, cards }, view, access);
      return renderPage(request, reply, (ctx) => payPage(ctx, { view, access, parts }));
    });
  };
}
