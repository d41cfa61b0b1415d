// The public API's card payment (issue 18): startCardPayment, by the payment token the pay page
// or findObligation gave, → the gateway's address to send the payer to. The client opens it as a
// top-level navigation; the payer comes back to Okence's result page, never to the client.
import { z } from 'zod';
import { operation } from '../../http/api.ts';
import type { CardPayments } from './service.ts';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/);
const params = z.object({ organisation: slug.describe("The organisation's slug") });
const body = z.object({
  token: z.string().min(16).max(200).describe('The payment token of the obligation to pay'),
  lang: z
    .enum(['sl', 'cs', 'en'])
    .default('en')
    .describe("The language of the payment's description at the gateway"),
});
const started = z.object({
  paymentId: z.uuid().describe('The card payment; its result page is resultUrl'),
  redirectUrl: z
    .url()
    .describe("The gateway's payment page: open it as a top-level navigation, never in a frame"),
  resultUrl: z.url().describe('Where the payer lands after the gateway: paid, declined, cancelled'),
});

/** Public API operations of card payments. */
export function cardOperations(deps: { cards: CardPayments; publicUrl: URL }) {
  return [
    operation({
      operationId: 'startCardPayment',
      method: 'POST',
      path: '/organisations/{organisation}/card-payments',
      summary: 'Start paying an obligation by card: the gateway page to send the payer to',
      tag: 'payments',
      params,
      body,
      response: started,
      status: 201,
      rateLimitPerMinute: 20,
      errors: ['not_found', 'no_longer_possible'],
      examples: {
        body: { token: 'q3Vx1c7rJ0aZ8m2N4p6R8t0V2x4Z6b8D', lang: 'cs' },
        response: {
          paymentId: '0b9d7c1e-3f5a-4e2b-9c8d-7a6b5c4d3e2f',
          redirectUrl:
            'https://3dsecure.gpwebpay.com/pgw/order.do?MERCHANTNUMBER=1234567890&OPERATION=CREATE_ORDER&ORDERNUMBER=100001&AMOUNT=150000&CURRENCY=203&DEPOSITFLAG=1&DIGEST=dGVzdA%3D%3D',
          resultUrl:
            'https://okence.example.org/o/koprivnice/pay/card/0b9d7c1e-3f5a-4e2b-9c8d-7a6b5c4d3e2f',
        },
      },
      handler: async (input) => {
        const organisationSlug = input.params.organisation;
        const s = await deps.cards.startByToken({
          organisationSlug,
          token: input.body.token,
          lang: input.body.lang,
        });
        const resultUrl = new URL(`/o/${organisationSlug}/pay/card/${s.paymentId}`, deps.publicUrl);
        return { ...s, resultUrl: resultUrl.href };
      },
    }),
  ];
}
