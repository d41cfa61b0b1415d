// GP webpay's HTTP API as data: which fields are signed and in what order, how a signature is
// made, what the return codes mean, and the currency numbers. Shared by the client
// (gpwebpay.ts) and the emulator (gpwebpay-emulator.ts), so both speak one protocol — and the
// field orders below are the specification's (GP webpay HTTP API, "DIGEST"), not ours to change.
import { createPrivateKey, createPublicKey, sign, verify, X509Certificate } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { CardOutcome } from './gateway.ts';

/** The request fields in the order the DIGEST covers them (those present, joined by "|"). */
export const REQUEST_DIGEST_ORDER = [
  'MERCHANTNUMBER',
  'OPERATION',
  'ORDERNUMBER',
  'AMOUNT',
  'CURRENCY',
  'DEPOSITFLAG',
  'MERORDERNUM',
  'URL',
  'DESCRIPTION',
  'MD',
  'USERPARAM1',
  'VRCODE',
  'FASTPAYID',
  'PAYMETHOD',
  'DISABLEPAYMETHOD',
  'PAYMETHODS',
  'EMAIL',
  'REFERENCENUMBER',
  'ADDINFO',
  'PANPATTERN',
  'TOKEN',
  'FASTTOKEN',
] as const;

/**
 * The response fields in DIGEST order. DIGEST1 covers the same text followed by "|" and the
 * merchant number, which GP does not send back: a response signed for another merchant fails it.
 */
export const RESPONSE_DIGEST_ORDER = [
  'OPERATION',
  'ORDERNUMBER',
  'MERORDERNUM',
  'MD',
  'PRCODE',
  'SRCODE',
  'RESULTTEXT',
  'USERPARAM1',
  'ADDINFO',
  'TOKEN',
  'EXPIRY',
  'ACSRES',
  'ACCODE',
  'PANPATTERN',
  'DAYTOCAPTURE',
  'TOKENREGSTATUS',
  'ACRC',
  'RRN',
  'PAR',
  'TRACEID',
] as const;

/** ISO 4217 numeric codes GP webpay takes in CURRENCY. */
export const CURRENCY_NUMBERS: Readonly<Record<string, string>> = {
  CZK: '203',
  EUR: '978',
  USD: '840',
  GBP: '826',
  PLN: '985',
  HUF: '348',
};

/** The text a DIGEST signs: the fields of `order` present in `params`, in that order. */
export function digestText(params: Record<string, string>, order: readonly string[]): string {
  return order
    .filter((k) => params[k] !== undefined)
    .map((k) => params[k])
    .join('|');
}

/** RSA PKCS#1 v1.5 over SHA-1, base64: the specification's DIGEST. */
export function signDigest(text: string, key: KeyObject): string {
  return sign('sha1', Buffer.from(text, 'utf8'), key).toString('base64');
}

/** Whether `digest` (base64) is the gateway's signature of `text`; false for anything malformed. */
export function verifyDigest(text: string, digest: string | undefined, key: KeyObject): boolean {
  if (!digest || !/^[A-Za-z0-9+/]+={0,2}$/.test(digest)) return false;
  try {
    return verify('sha1', Buffer.from(text, 'utf8'), key, Buffer.from(digest, 'base64'));
  } catch {
    return false;
  }
}

/** A private key from PEM, encrypted or not (GP's key generator encrypts it with a password). */
export function privateKeyFromPem(pem: string, password?: string): KeyObject {
  return createPrivateKey({ key: pem, format: 'pem', passphrase: password });
}

/** A public key from PEM: a public key, or the certificate GP hands out (gpe.signing_*.pem). */
export function publicKeyFromPem(pem: string): KeyObject {
  if (pem.includes('BEGIN CERTIFICATE')) return new X509Certificate(pem).publicKey;
  return createPublicKey(pem);
}

// PRCODE values that mean the payer's card or bank said no (specification, "PRCODE"): declined
// in 3-D Secure (28), in the authorisation centre (30), expired card (32), session expired (35),
// card not supported (38), fraud detection (40), cancelled by the issuer (83), the merchant's
// rules (85), soft decline (300). 50 is the payer pressing Cancel. Others are our request's fault
// (1–6 fields, 11 merchant, 14 duplicate order, 31 digest …) or a technical problem (26, 1000).
const DECLINED_PRCODES = new Set(['28', '30', '32', '35', '38', '40', '83', '85', '300']);
const CANCELLED_PRCODE = '50';

/** What a return's PRCODE/SRCODE say: approved only when both are 0. */
export function outcomeOfCodes(prcode: string, srcode: string): CardOutcome {
  if (prcode === '0' && srcode === '0') return 'approved';
  if (prcode === CANCELLED_PRCODE) return 'cancelled';
  if (DECLINED_PRCODES.has(prcode)) return 'declined';
  // A malformed or duplicate request never reached the payer's bank: no money moved.
  return 'declined';
}

/**
 * The ASCII the DESCRIPTION field takes (0x20–0x7E, at most 255): diacritics dropped
 * ("Poplatek ze psů" → "Poplatek ze psu"), "|" (the digest's separator) and others replaced.
 */
export function asciiDescription(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|\|/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 255);
}
