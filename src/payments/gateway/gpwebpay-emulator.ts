// A GP webpay on loopback (issue 18): the HTTP API's order.do with a plain payment page, the
// browser's signed return, and the WS API's getPaymentStatus — with its own key pair, checking
// our signatures with the merchant's public key. Tests drive it, and the development demo starts
// it in-process when no gateway is configured (never in production: see card-setup.ts).
// GP webpay sends no server-to-server notification for an HTTP API payment: the browser's
// redirect to URL is the only message, so "a notification delivered before the redirect" is the
// signed return URL fetched by someone other than the browser — `signedReturnUrl` gives it.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { http } from '../../lib/node-http.ts';
import { html } from '../../views/html.ts';
import {
  CURRENCY_NUMBERS,
  digestText,
  REQUEST_DIGEST_ORDER,
  RESPONSE_DIGEST_ORDER,
  signDigest,
  verifyDigest,
} from './gpwebpay-protocol.ts';
import {
  faultSignedText,
  parseStatusRequest,
  requestSignedText,
  responseSignedText,
  statusFaultXml,
  statusResponseXml,
} from './gpwebpay-ws.ts';

/** The card number the payment page declines (any other is accepted). */
export const DECLINED_CARD = '4000000000000002';

type OrderState = 'requested' | 'captured' | 'declined' | 'cancelled';
/** One order as the emulated gateway holds it. */
export type EmulatedOrder = {
  params: Record<string, string>;
  state: OrderState;
  prcode: string;
  srcode: string;
};

// The WS answer per order state: status (user guide's statuses) and the numeric state GP's
// older getOrderState used (1 REQUESTED, 7 DEPOSITED_BATCH_OPENED, 13 DECLINED).
const WS_STATUS: Record<OrderState, { state: string; status: string }> = {
  requested: { state: '1', status: 'PENDING_AUTHORIZATION' },
  captured: { state: '7', status: 'CAPTURED' },
  declined: { state: '13', status: 'UNPAID' },
  cancelled: { state: '13', status: 'UNPAID' },
};

export type GpWebpayEmulator = {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  orderUrl: string;
  wsUrl: string;
  merchantNumber: string;
  provider: string;
  /** GP's public key, as a merchant configures it. */
  publicKey: KeyObject;
  orders: Map<string, EmulatedOrder>;
  /** The payer's decision without a browser: the order's state changes as on the page. */
  decide(orderNumber: string, action: 'pay' | 'decline' | 'cancel'): void;
  /** The signed return the browser would be sent to, for the order's current state. */
  signedReturnUrl(orderNumber: string): string;
  /** The WS calls answered so far (tests wait on it). */
  wsCalls: number;
  /** When true the WS answers 503, as a gateway that is down. */
  wsDown: boolean;
  /** Rewrites the return address (a test site on a free port its PUBLIC_URL does not name). */
  rewriteReturn: ((url: URL) => URL) | null;
  /** Awaited before a state answer is sent (a test kills the asking process here). */
  beforeStatusAnswer: ((orderNumber: string) => Promise<void>) | null;
  close(): Promise<void>;
};

type Options = { merchantPublicKey: KeyObject; merchantNumber: string; provider?: string };

/** Starts the emulator on 127.0.0.1 (a free port). */
export async function startGpWebpayEmulator(opts: Options): Promise<GpWebpayEmulator> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const orders = new Map<string, EmulatedOrder>();
  const provider = opts.provider ?? '0100';
  const server: Server = http.createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, 'text/plain', 'emulator error'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function signedReturnUrl(orderNumber: string): string {
    const order = orders.get(orderNumber);
    if (!order) throw new Error(`no order ${orderNumber}`);
    const fields: Record<string, string> = {
      OPERATION: 'CREATE_ORDER',
      ORDERNUMBER: orderNumber,
      ...(order.params.MERORDERNUM ? { MERORDERNUM: order.params.MERORDERNUM } : {}),
      PRCODE: order.prcode,
      SRCODE: order.srcode,
      RESULTTEXT: order.prcode === '0' ? 'OK' : order.prcode === '50' ? 'Canceled' : 'Declined',
    };
    const text = digestText(fields, RESPONSE_DIGEST_ORDER);
    fields.DIGEST = signDigest(text, privateKey);
    fields.DIGEST1 = signDigest(`${text}|${opts.merchantNumber}`, privateKey);
    const url = new URL(order.params.URL ?? '');
    for (const [k, v] of Object.entries(fields)) url.searchParams.set(k, v);
    return (emulator.rewriteReturn?.(url) ?? url).toString();
  }

  function decide(orderNumber: string, action: 'pay' | 'decline' | 'cancel'): void {
    const order = orders.get(orderNumber);
    if (!order) throw new Error(`no order ${orderNumber}`);
    if (order.state !== 'requested') return;
    const next = {
      pay: ['captured', '0', '0'],
      decline: ['declined', '30', '1002'],
      cancel: ['cancelled', '50', '0'],
    } as const;
    [order.state, order.prcode, order.srcode] = next[action];
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const form = req.method === 'POST' ? await readBody(req) : '';
    if (url.pathname === '/pgw/order.do')
      return orderPage(res, req.method === 'POST' ? new URLSearchParams(form) : url.searchParams);
    if (url.pathname === '/pgw/pay' && req.method === 'POST')
      return pay(res, new URLSearchParams(form));
    if (url.pathname === '/pay-ws/v1/PaymentService' && req.method === 'POST') return ws(res, form);
    send(res, 404, 'text/plain', 'not found');
  }

  function orderPage(res: ServerResponse, query: URLSearchParams): void {
    const params = Object.fromEntries(query);
    const valid =
      params.OPERATION === 'CREATE_ORDER' &&
      params.MERCHANTNUMBER === opts.merchantNumber &&
      verifyDigest(digestText(params, REQUEST_DIGEST_ORDER), params.DIGEST, opts.merchantPublicKey);
    if (!valid) return send(res, 400, 'text/plain', 'PRCODE 31: wrong digest');
    const number = params.ORDERNUMBER ?? '';
    if (orders.has(number))
      return send(res, 400, 'text/plain', 'PRCODE 14: duplicate order number');
    if (
      !Object.values(CURRENCY_NUMBERS).includes(params.CURRENCY ?? '') ||
      !/^\d+$/.test(params.AMOUNT ?? '')
    )
      return send(res, 400, 'text/plain', 'PRCODE 3: incorrect content of field');
    orders.set(number, { params, state: 'requested', prcode: '', srcode: '' });
    send(res, 200, 'text/html; charset=utf-8', paymentPage(number, params));
  }

  function pay(res: ServerResponse, form: URLSearchParams): void {
    const number = form.get('ORDERNUMBER') ?? '';
    if (!orders.has(number)) return send(res, 404, 'text/plain', 'no such order');
    const action =
      form.get('action') === 'cancel'
        ? 'cancel'
        : form.get('card')?.replace(/\s/g, '') === DECLINED_CARD
          ? 'decline'
          : 'pay';
    decide(number, action);
    res.writeHead(303, { location: signedReturnUrl(number) }).end();
  }

  async function ws(res: ServerResponse, xml: string): Promise<void> {
    if (emulator.wsDown) return send(res, 503, 'text/plain', 'unavailable');
    const r = parseStatusRequest(xml);
    if (!r) return send(res, 400, 'text/plain', 'bad request');
    emulator.wsCalls += 1;
    const order = orders.get(r.paymentNumber);
    const signedOk =
      r.merchantNumber === opts.merchantNumber &&
      verifyDigest(requestSignedText(r), r.signature, opts.merchantPublicKey);
    if (!signedOk || !order) {
      const fault = {
        messageId: r.messageId,
        primaryReturnCode: signedOk ? '15' : '31',
        secondaryReturnCode: '0',
      };
      return send(
        res,
        500,
        'text/xml; charset=utf-8',
        statusFaultXml(fault, signDigest(faultSignedText(fault), privateKey)),
      );
    }
    const answer = { messageId: r.messageId, ...WS_STATUS[order.state] };
    await emulator.beforeStatusAnswer?.(r.paymentNumber);
    send(
      res,
      200,
      'text/xml; charset=utf-8',
      statusResponseXml(answer, signDigest(responseSignedText(answer), privateKey)),
    );
  }

  const emulator: GpWebpayEmulator = {
    origin,
    orderUrl: `${origin}/pgw/order.do`,
    wsUrl: `${origin}/pay-ws/v1/PaymentService`,
    merchantNumber: opts.merchantNumber,
    provider,
    publicKey,
    orders,
    decide,
    signedReturnUrl,
    wsCalls: 0,
    wsDown: false,
    beforeStatusAnswer: null,
    rewriteReturn: null,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // A browser keeps its connections open; close() would wait for them.
        server.closeAllConnections();
      }),
  };
  return emulator;
}

function paymentPage(number: string, p: Record<string, string>): string {
  const currency = Object.entries(CURRENCY_NUMBERS).find(([, n]) => n === p.CURRENCY)?.[0] ?? '';
  const amount = `${(Number(p.AMOUNT) / 100).toFixed(2)} ${currency}`;
  return `<!doctype html>${
    html`<html lang="en"><head><meta charset="utf-8"><title>GP webpay emulator</title></head>
<body><main><h1>GP webpay emulator</h1>
<p>Order ${number}: <strong>${amount}</strong> — ${p.DESCRIPTION ?? ''}</p>
<p>Not a real gateway: no card is charged. The card ${DECLINED_CARD} is declined.</p>
<form method="post" action="/pgw/pay"><input type="hidden" name="ORDERNUMBER" value="${number}">
<p><label for="card">Card number</label> <input id="card" name="card" inputmode="numeric" autocomplete="off" value="4111 1111 1111 1111"></p>
<p><button name="action" value="pay">Pay</button> <button name="action" value="cancel">Cancel</button></p>
</form></main></body></html>`.value
  }`;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type }).end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 65536) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
