// HTTP of card payments: the card button's POST, the gateway's return (GET or POST, from the
// gateway's site: no CSRF token, its signature and our state query protect it), the result page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderPage } from '../../http/page.ts';
import { AppError } from '../../lib/errors.ts';
import { orgParams, resultParams, returnFields, startForm } from './schema.ts';
import type { CardPayments } from './service.ts';
import { resultPage, toGatewayPage } from './views/card-pages.ts';

/** Card payment pages under /o/{org}/pay/card. */
export function cardPaymentRoutes(deps: { cards: CardPayments }) {
  const { cards } = deps;

  /** The gateway's fields from the query (GET) or the form (POST). */
  function gatewayFields(request: FastifyRequest): Record<string, string> {
    const raw = request.method === 'POST' ? request.body : request.query;
    const parsed = returnFields.safeParse(raw ?? {});
    if (!parsed.success) throw new AppError('invalid_input', 'not a gateway return');
    return parsed.data;
  }

  return async function routes(app: FastifyInstance) {
    app.post(
      '/o/:org/pay/card',
      { config: { rateLimit: { max: 20, timeWindow: 60_000 } } },
      async (request, reply) => {
        const { org } = orgParams.parse(request.params);
        const form = startForm.safeParse(request.body);
        if (!form.success) throw new AppError('invalid_input', 'no payment token');
        const started =
          'token' in form.data
            ? await cards.startByToken({
                organisationSlug: org,
                token: form.data.token,
                lang: request.lang,
              })
            : await cards.startForCitizen({
                organisationSlug: org,
                obligationId: form.data.obligation,
                citizen: citizenOf(request),
                lang: request.lang,
              });
        return renderPage(request, reply, (ctx) => toGatewayPage(ctx, started.redirectUrl));
      },
    );

    const onReturn = async (request: FastifyRequest, reply: FastifyReply) => {
      const { org } = orgParams.parse(request.params);
      const done = await cards.handleReturn({
        organisationSlug: org,
        params: gatewayFields(request),
      });
      if (!done) throw new AppError('invalid_input', 'gateway return refused');
      return reply.redirect(`/o/${org}/pay/card/${done.paymentId}`, 303);
    };
    app.get('/o/:org/pay/card/return', onReturn);
    app.post('/o/:org/pay/card/return', { config: { crossSiteForm: true } }, onReturn);

    app.get('/o/:org/pay/card/:id', async (request, reply) => {
      const { org, id } = resultParams.parse(request.params);
      const result = await cards.result(org, id, request.lang);
      return renderPage(request, reply, (ctx) =>
        resultPage(ctx, { ...result, organisationSlug: org }),
      );
    });
  };
}

function citizenOf(request: FastifyRequest): { accountId: string } {
  if (!request.citizen) throw new AppError('unauthenticated', 'sign in to pay your own fee');
  return { accountId: request.citizen.accountId };
}
