// The public API of paying without signing in (decision 047): findObligation gives a payment
// token for an obligation found by variable symbol and name, getPaymentQr the bank QR code of
// the obligation a token opens. Limited and paced as the page is.
import { FileBody, operation } from '../../http/api.ts';
import { AppError, type FieldIssue } from '../../lib/errors.ts';
import type { TenantsService } from '../../tenants/service.ts';
import { paymentQrImage } from '../qr/render.ts';
import { LOOKUPS_PER_ADDRESS_PER_MINUTE } from './domain.ts';
import * as s from './schema.ts';
import type { PayService, PayView } from './service.ts';

const EXAMPLE_TOKEN = 'q3Zb1c9Xf0pLw7Ke2Tn8Hs5Vd4Jm6Ya0Rg1Uo3Ei9Qx';

function issuesOf(errors: Record<string, string>): FieldIssue[] {
  const where: Record<string, string> = {
    vs: 'body.variableSymbol',
    name: 'body.name',
    email: 'body.receiptEmail',
  };
  return Object.entries(errors).map(([field, message]) => ({
    field: where[field] ?? `body.${field}`,
    code: 'invalid_value',
    message,
  }));
}

function toFound(view: PayView, token: string, expiresAt: Date, publicUrl: URL) {
  const { standing, obligation } = view;
  if (standing.standing === 'cancelled') throw new AppError('not_found', 'no such obligation');
  return {
    amountDue: { amountMinor: standing.dueMinor, currency: obligation.currency },
    dueDate: standing.nextDueDate ?? obligation.dueDate,
    standing: standing.standing,
    variableSymbol: obligation.variableSymbol,
    paymentToken: token,
    paymentUrl: new URL(`/pay/${token}`, publicUrl).href,
    expiresAt: expiresAt.toISOString(),
  };
}

/** The operations, in the order the document lists them. */
export function payOperations(deps: { pay: PayService; tenants: TenantsService; publicUrl: URL }) {
  return [
    operation({
      operationId: 'findObligation',
      method: 'POST',
      path: '/organisations/{organisation}/obligations/lookup',
      summary:
        "Find a local fee to pay by its variable symbol and the payer's name, as a payer does without signing in: what is left to pay, by when, and a payment token that opens this one obligation for a day. Every miss (an unknown symbol, another name, a cancelled fee) is the same 404 after about the same time; limited per address and per organisation",
      tag: 'payments',
      params: s.findParams,
      body: s.findBody,
      response: s.findOut,
      rateLimitPerMinute: LOOKUPS_PER_ADDRESS_PER_MINUTE,
      errors: ['not_found', 'organisation_suspended'],
      examples: {
        body: {
          variableSymbol: '2601000123',
          name: 'Jana Nováková',
          receiptEmail: 'jana@example.cz',
        },
        response: {
          amountDue: { amountMinor: 150000, currency: 'CZK' },
          dueDate: '2027-03-31',
          standing: 'due',
          variableSymbol: '2601000123',
          paymentToken: EXAMPLE_TOKEN,
          paymentUrl: `https://okence.example.cz/pay/${EXAMPLE_TOKEN}`,
          expiresAt: '2027-01-15T09:30:00.000Z',
        },
      },
      handler: async ({ params, body }, request) => {
        const form = await deps.pay.lookupForm(params.organisation);
        const checked = s.checkLookup(
          {
            vs: body.variableSymbol,
            name: body.name,
            email: body.receiptEmail ?? '',
            birth_number: '',
          },
          {
            birthNumberOn: false,
            today: form.today,
            emailRequired: false,
            si12: form.organisation.country === 'SI',
          },
        );
        if (!checked.ok) {
          const messages: Record<string, string> = {};
          for (const [k, key] of Object.entries(checked.errors)) messages[k] = request.t(key);
          throw new AppError('invalid_input', 'invalid lookup', issuesOf(messages));
        }
        const result = await deps.pay.find({
          organisation: form.organisation,
          ...checked.lookup,
          lang: request.lang,
        });
        if (!result.found) throw new AppError('not_found', 'no such obligation');
        const link = result.links[0]!;
        return toFound(link.view, link.token, result.expiresAt, deps.publicUrl);
      },
    }),
    operation({
      operationId: 'getPaymentQr',
      method: 'GET',
      path: '/payment-tokens/{token}/qr',
      summary:
        "The bank QR code for what is left to pay of the obligation a payment token opens (Czech QR Platba, Slovenian UPN QR or EPC, as the organisation's bank wants), as SVG or PNG",
      tag: 'payments',
      params: s.qrParams,
      query: s.qrQuery,
      produces: ['image/svg+xml', 'image/png'],
      response: s.qrImage,
      rateLimitPerMinute: 60,
      errors: ['not_found', 'organisation_suspended'],
      examples: { response: '<svg xmlns="http://www.w3.org/2000/svg" …' },
      handler: async ({ params, query }) => {
        const page = await deps.pay.byToken(params.token);
        if (page.state === 'expired') throw new AppError('not_found', 'payment link expired');
        const qr = await deps.pay.bankQr(page.view);
        if (!qr) throw new AppError('not_found', 'nothing to pay by bank');
        const label = `${page.view.obligation.variableSymbol} ${qr.format}`;
        const image = paymentQrImage(qr.format, qr.payload, query.format, label);
        const name = `${page.view.obligation.variableSymbol}.${query.format}`;
        const bytes = Buffer.from(image.body);
        return new FileBody(bytes, image.contentType, name, true);
      },
    }),
  ];
}
