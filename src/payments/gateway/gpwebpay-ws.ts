// GP webpay's WS API (SOAP 1.1, WSDL cws_v1: namespace http://gpe.cz/pay/pay-ws/proc/v1), the one
// operation Okence uses: getPaymentStatus. The request and the answer are signed like the HTTP
// API — RSA-SHA1 over the element values in the schema's order, joined by "|" — and the answer
// carries our messageId back, which binds it to this question (an old signed answer replayed
// has another id). Both sides live here: the client's and the emulator's.
import type * as FastXmlParser from 'fast-xml-parser';
import { createRequire } from 'node:module';
import type { CardOutcome } from './gateway.ts';

export const WS_NS = 'http://gpe.cz/pay/pay-ws/proc/v1';
export const WS_TYPE_NS = 'http://gpe.cz/pay/pay-ws/proc/v1/type';
const SOAP_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

/** PaymentStatusRequest's elements before the signature, in the schema's sequence. */
export type StatusRequest = {
  messageId: string;
  provider: string;
  merchantNumber: string;
  paymentNumber: string;
};
/** PaymentStatusResponse: state (a number), status and subStatus (strings, optional). */
export type StatusResponse = {
  messageId: string;
  state: string;
  status?: string;
  subStatus?: string;
};
/** The ServiceException fault's detail (FaultDetail). */
export type StatusFault = {
  messageId: string;
  primaryReturnCode: string;
  secondaryReturnCode: string;
};

/** The signed text of a request: messageId|provider|merchantNumber|paymentNumber. */
export function requestSignedText(r: StatusRequest): string {
  return [r.messageId, r.provider, r.merchantNumber, r.paymentNumber].join('|');
}
/** The signed text of an answer: its elements present, in the schema's sequence. */
export function responseSignedText(r: StatusResponse): string {
  return [r.messageId, r.state, r.status, r.subStatus].filter((v) => v !== undefined).join('|');
}
/** The signed text of a fault: messageId|primaryReturnCode|secondaryReturnCode. */
export function faultSignedText(f: StatusFault): string {
  return [f.messageId, f.primaryReturnCode, f.secondaryReturnCode].join('|');
}

const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const elements = (fields: [string, string | undefined][]) =>
  fields
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([k, v]) => `<t:${k}>${esc(v)}</t:${k}>`)
    .join('');
const envelope = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${SOAP_NS}" ` +
  `xmlns:v1="${WS_NS}" xmlns:t="${WS_TYPE_NS}"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;

/** The SOAP envelope of getPaymentStatus. */
export function statusRequestXml(r: StatusRequest, signature: string): string {
  const fields = elements([
    ['messageId', r.messageId],
    ['provider', r.provider],
    ['merchantNumber', r.merchantNumber],
    ['paymentNumber', r.paymentNumber],
    ['signature', signature],
  ]);
  return envelope(
    `<v1:getPaymentStatus><v1:paymentStatusRequest>${fields}</v1:paymentStatusRequest></v1:getPaymentStatus>`,
  );
}

/** The SOAP envelope of getPaymentStatusResponse. */
export function statusResponseXml(r: StatusResponse, signature: string): string {
  const fields = elements([
    ['messageId', r.messageId],
    ['state', r.state],
    ['status', r.status],
    ['subStatus', r.subStatus],
    ['signature', signature],
  ]);
  return envelope(
    `<v1:getPaymentStatusResponse><v1:paymentStatusResponse>${fields}</v1:paymentStatusResponse></v1:getPaymentStatusResponse>`,
  );
}

/** A SOAP fault carrying serviceException (e.g. PRCODE 15: no such payment). */
export function statusFaultXml(f: StatusFault, signature: string): string {
  const fields = elements([
    ['messageId', f.messageId],
    ['primaryReturnCode', f.primaryReturnCode],
    ['secondaryReturnCode', f.secondaryReturnCode],
    ['signature', signature],
  ]);
  return envelope(
    `<soapenv:Fault><faultcode>soapenv:Server</faultcode><faultstring>ServiceException</faultstring>` +
      `<detail><v1:serviceException>${fields}</v1:serviceException></detail></soapenv:Fault>`,
  );
}

// The XML parser is loaded at the first status call, not at start: every installation builds the
// card gateways, few take card payments, and the parser is ~200 KB of source kept in the heap
// (issue 15's memory budget; src/db/lazy-load.test.ts).
const require = createRequire(import.meta.url);
let parser: FastXmlParser.XMLParser | undefined;
function xmlParser(): FastXmlParser.XMLParser {
  const { XMLParser } = require('fast-xml-parser') as typeof FastXmlParser;
  parser ??= new XMLParser({
    removeNSPrefix: true,
    parseTagValue: false,
    ignoreAttributes: true,
    processEntities: true,
  });
  return parser;
}

type Node = Record<string, unknown>;
const child = (n: unknown, key: string): unknown =>
  n && typeof n === 'object' ? (n as Node)[key] : undefined;
const text = (n: unknown, key: string): string | undefined => {
  const v = child(n, key);
  return typeof v === 'string' ? v : undefined;
};

/** The body's first element under the envelope, parsed; undefined for anything else. */
function body(xml: string): unknown {
  try {
    return child(child(xmlParser().parse(xml), 'Envelope'), 'Body');
  } catch {
    return undefined;
  }
}

/** A getPaymentStatus request read back (the emulator's side), with its signature. */
export function parseStatusRequest(xml: string): (StatusRequest & { signature: string }) | null {
  const r = child(child(body(xml), 'getPaymentStatus'), 'paymentStatusRequest');
  const [messageId, provider, merchantNumber, paymentNumber, signature] = [
    'messageId',
    'provider',
    'merchantNumber',
    'paymentNumber',
    'signature',
  ].map((k) => text(r, k));
  if (!messageId || !provider || !merchantNumber || !paymentNumber || !signature) return null;
  return { messageId, provider, merchantNumber, paymentNumber, signature };
}

export type ParsedStatusAnswer =
  | { kind: 'status'; response: StatusResponse; signature: string }
  | { kind: 'fault'; fault: StatusFault; signature: string }
  | null;

/** The gateway's answer read (the client's side): a status, a signed fault, or nothing usable. */
export function parseStatusAnswer(xml: string): ParsedStatusAnswer {
  const b = body(xml);
  const r = child(child(b, 'getPaymentStatusResponse'), 'paymentStatusResponse');
  if (r) {
    const messageId = text(r, 'messageId');
    const state = text(r, 'state');
    const signature = text(r, 'signature');
    if (!messageId || !state || !signature) return null;
    const response = {
      messageId,
      state,
      status: text(r, 'status'),
      subStatus: text(r, 'subStatus'),
    };
    return { kind: 'status', response, signature };
  }
  const f = child(child(child(b, 'Fault'), 'detail'), 'serviceException');
  const messageId = text(f, 'messageId');
  const primaryReturnCode = text(f, 'primaryReturnCode');
  const secondaryReturnCode = text(f, 'secondaryReturnCode');
  const signature = text(f, 'signature');
  if (!messageId || !primaryReturnCode || !secondaryReturnCode || !signature) return null;
  return { kind: 'fault', fault: { messageId, primaryReturnCode, secondaryReturnCode }, signature };
}

/**
 * What a payment's status means for us. GP webpay's statuses (user guide, annex "Statuses of
 * payment"): captured → paid; pending authorisation or capture → not final; unpaid, reversed →
 * not paid; refunded or partly paid after the fact → left as it is, for staff to look at.
 */
export function outcomeOfStatus(
  status: string | undefined,
): Extract<CardOutcome, 'paid' | 'pending' | 'declined'> {
  switch (status) {
    case 'CAPTURED':
      return 'paid';
    case 'PENDING_AUTHORIZATION':
    case 'PENDING_CAPTURE':
      return 'pending';
    case 'UNPAID':
    case 'REVERSED':
      return 'declined';
    default:
      // REFUNDED, PARTIAL_PAYMENT or a status this code does not know: nothing automatic.
      return 'pending';
  }
}

/** PRCODE 15 in a fault: the gateway has no payment of that number (the payer never got there). */
export const PRCODE_OBJECT_NOT_FOUND = '15';
