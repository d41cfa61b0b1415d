// A GP webpay merchant account behind the CardGateway interface: CREATE_ORDER by a browser
// redirect to the HTTP API (signed), the browser's return verified by DIGEST and DIGEST1, and the
// payment's state asked through the WS API's getPaymentStatus (signed both ways).
import { randomBytes, type KeyObject } from 'node:crypto';
import type { CardGateway, CardPaymentRequest, CardState, ReturnReading } from './gateway.ts';
import {
  asciiDescription,
  CURRENCY_NUMBERS,
  digestText,
  outcomeOfCodes,
  REQUEST_DIGEST_ORDER,
  RESPONSE_DIGEST_ORDER,
  signDigest,
  verifyDigest,
} from './gpwebpay-protocol.ts';
import {
  faultSignedText,
  outcomeOfStatus,
  parseStatusAnswer,
  PRCODE_OBJECT_NOT_FOUND,
  requestSignedText,
  responseSignedText,
  statusRequestXml,
} from './gpwebpay-ws.ts';

/** One merchant's settings: its number, GP's two addresses, our key and GP's public key. */
export type GpWebpayMerchant = {
  merchantNumber: string;
  /** The acquirer's four-digit code the WS API asks for (e.g. 0100 Komerční banka). */
  provider: string;
  /** The HTTP API's order.do address. */
  orderUrl: string;
  /** The WS API's PaymentService address. */
  wsUrl: string;
  privateKey: KeyObject;
  gpPublicKey: KeyObject;
  /** The WS call's time limit. */
  timeoutMs?: number;
};

/** Thrown when the gateway's state answer cannot be had or trusted: nothing may change then. */
export class GatewayUnavailable extends Error {}

/** The parameters of CREATE_ORDER, signed (DIGEST), in the specification's field order. */
export function createOrderParams(
  m: GpWebpayMerchant,
  r: CardPaymentRequest,
): Record<string, string> {
  const currency = CURRENCY_NUMBERS[r.currency];
  if (!currency) throw new Error(`GP webpay takes no currency ${r.currency}`);
  if (!/^\d{1,15}$/.test(r.orderNumber)) throw new Error('ORDERNUMBER must be 1–15 digits');
  if (!Number.isSafeInteger(r.amountMinor) || r.amountMinor <= 0) throw new Error('bad AMOUNT');
  const params: Record<string, string> = {
    MERCHANTNUMBER: m.merchantNumber,
    OPERATION: 'CREATE_ORDER',
    ORDERNUMBER: r.orderNumber,
    AMOUNT: String(r.amountMinor),
    CURRENCY: currency,
    // 1: captured at once — a fee is paid, not reserved.
    DEPOSITFLAG: '1',
    ...(r.reference && /^\d{1,30}$/.test(r.reference) ? { MERORDERNUM: r.reference } : {}),
    URL: r.returnUrl,
    DESCRIPTION: asciiDescription(r.description),
  };
  params.DIGEST = signDigest(digestText(params, REQUEST_DIGEST_ORDER), m.privateKey);
  return params;
}

/** The signed fields of a return, those GP signs, as received. */
function signedFields(params: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of RESPONSE_DIGEST_ORDER) if (params[k] !== undefined) out[k] = params[k];
  return out;
}

/** Reads a return: both digests must verify, DIGEST1 under our merchant number. */
export function readGpReturn(m: GpWebpayMerchant, params: Record<string, string>): ReturnReading {
  const text = digestText(params, RESPONSE_DIGEST_ORDER);
  const ok =
    verifyDigest(text, params.DIGEST, m.gpPublicKey) &&
    verifyDigest(`${text}|${m.merchantNumber}`, params.DIGEST1, m.gpPublicKey);
  if (!ok) return { ok: false, reason: 'bad_signature' };
  const { ORDERNUMBER, PRCODE, SRCODE, OPERATION } = params;
  if (OPERATION !== 'CREATE_ORDER' || !ORDERNUMBER || !/^\d{1,15}$/.test(ORDERNUMBER))
    return { ok: false, reason: 'malformed' };
  if (PRCODE === undefined || SRCODE === undefined) return { ok: false, reason: 'malformed' };
  const outcome = outcomeOfCodes(PRCODE, SRCODE);
  if (outcome !== 'approved' && outcome !== 'declined' && outcome !== 'cancelled')
    return { ok: false, reason: 'malformed' };
  return { ok: true, orderNumber: ORDERNUMBER, outcome, answer: signedFields(params) };
}

/** One getPaymentStatus call; its answer verified and bound to our messageId. */
export async function queryGpState(m: GpWebpayMerchant, orderNumber: string): Promise<CardState> {
  const request = {
    messageId: randomBytes(16).toString('hex'),
    provider: m.provider,
    merchantNumber: m.merchantNumber,
    paymentNumber: orderNumber,
  };
  const xml = statusRequestXml(request, signDigest(requestSignedText(request), m.privateKey));
  let body: string;
  try {
    const res = await fetch(m.wsUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '""' },
      body: xml,
      signal: AbortSignal.timeout(m.timeoutMs ?? 15_000),
    });
    body = await res.text();
  } catch (err) {
    throw new GatewayUnavailable(`GP webpay WS unreachable: ${(err as Error).message}`);
  }
  return readStatusAnswer(m, request.messageId, body);
}

function readStatusAnswer(m: GpWebpayMerchant, messageId: string, body: string): CardState {
  const parsed = parseStatusAnswer(body);
  if (!parsed) throw new GatewayUnavailable('GP webpay WS answered something unreadable');
  if (parsed.kind === 'status') {
    const r = parsed.response;
    if (
      r.messageId !== messageId ||
      !verifyDigest(responseSignedText(r), parsed.signature, m.gpPublicKey)
    )
      throw new GatewayUnavailable('GP webpay WS answer does not verify');
    const answer = Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined));
    return { outcome: outcomeOfStatus(r.status), answer };
  }
  const f = parsed.fault;
  if (
    f.messageId !== messageId ||
    !verifyDigest(faultSignedText(f), parsed.signature, m.gpPublicKey)
  )
    throw new GatewayUnavailable('GP webpay WS fault does not verify');
  if (f.primaryReturnCode === PRCODE_OBJECT_NOT_FOUND)
    return { outcome: 'unknown', answer: { ...f } };
  throw new GatewayUnavailable(
    `GP webpay WS fault ${f.primaryReturnCode}/${f.secondaryReturnCode}`,
  );
}

/** The CardGateway of one GP webpay merchant. */
export function gpWebpayGateway(m: GpWebpayMerchant): CardGateway {
  return {
    id: 'gpwebpay',
    startUrl(request) {
      const url = new URL(m.orderUrl);
      for (const [k, v] of Object.entries(createOrderParams(m, request)))
        url.searchParams.set(k, v);
      return url.toString();
    },
    readReturn: (params) => readGpReturn(m, params),
    queryState: (orderNumber) => queryGpState(m, orderNumber),
  };
}
