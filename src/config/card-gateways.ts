// Card payment merchants (issue 18, decision 045): a JSON list in the file GPWEBPAY_MERCHANTS_FILE
// names. Each municipality usually has its own contract with its bank, hence its own GP webpay
// merchant number and keys: an entry names the organisations (by slug) it serves, or "*" for
// every organisation without an entry of its own. Keys are read and checked at start, so a wrong
// path or password stops the start with one line instead of failing the first payer.
import { createPrivateKey, createPublicKey, type KeyObject, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an organisation slug');
const url = z.url({ protocol: /^https?$/ });

const entry = z.strictObject({
  organisations: z.union([z.literal('*'), z.array(slug).min(1)]),
  merchantNumber: z.string().regex(/^\d{1,10}$/, 'digits (at most 10)'),
  /** The acquirer's four-digit code in the WS API (e.g. 0100 Komerční banka, 0300 ČSOB). */
  provider: z.string().regex(/^\d{4}$/, 'four digits'),
  orderUrl: url.default('https://3dsecure.gpwebpay.com/pgw/order.do'),
  wsUrl: url.default('https://3dsecure.gpwebpay.com/pay-ws/v1/PaymentService'),
  /** Our private key (PEM), as GP webpay's portal generated it. */
  privateKeyFile: z.string().min(1),
  /** A file holding the key's password (a secret mounted as a file); none for a plain key. */
  privateKeyPasswordFile: z.string().min(1).optional(),
  /** GP webpay's public key or certificate (gpe.signing_prod.pem). */
  gpPublicKeyFile: z.string().min(1),
});

/** One merchant, its keys loaded. */
export type CardMerchant = {
  organisations: '*' | string[];
  merchantNumber: string;
  provider: string;
  orderUrl: string;
  wsUrl: string;
  privateKey: KeyObject;
  gpPublicKey: KeyObject;
};

export type CardMerchantsResult =
  { ok: true; merchants: CardMerchant[] } | { ok: false; error: string };

/** Reads and checks the merchants file; one line says what is wrong. */
export function loadCardMerchants(path: string): CardMerchantsResult {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    return { ok: false, error: `${path}: ${(err as Error).message}` };
  }
  const parsed = z.array(entry).min(1).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${path}: ${(issue?.path ?? []).join('.')}: ${issue?.message}` };
  }
  const base = dirname(resolve(path));
  const full = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
  const merchants: CardMerchant[] = [];
  const claimed = new Set<string>();
  for (const [i, e] of parsed.data.entries()) {
    for (const org of e.organisations === '*' ? ['*'] : e.organisations) {
      if (claimed.has(org))
        return { ok: false, error: `${path}: [${i}]: ${org} has two merchants` };
      claimed.add(org);
    }
    try {
      const password = e.privateKeyPasswordFile
        ? readFileSync(full(e.privateKeyPasswordFile), 'utf8').replace(/\r?\n$/, '')
        : undefined;
      const privateKey = createPrivateKey({
        key: readFileSync(full(e.privateKeyFile), 'utf8'),
        passphrase: password,
      });
      const gpText = readFileSync(full(e.gpPublicKeyFile), 'utf8');
      const gpPublicKey = gpText.includes('BEGIN CERTIFICATE')
        ? new X509Certificate(gpText).publicKey
        : createPublicKey(gpText);
      merchants.push({ ...e, privateKey, gpPublicKey });
    } catch (err) {
      return {
        ok: false,
        error: `${path}: [${i}]: a key cannot be read (${(err as Error).message})`,
      };
    }
  }
  return { ok: true, merchants };
}

/** The merchant that serves an organisation: its own entry, else the "*" entry, else none. */
export function merchantFor(
  merchants: readonly CardMerchant[],
  organisationSlug: string,
): CardMerchant | null {
  return (
    merchants.find((m) => m.organisations !== '*' && m.organisations.includes(organisationSlug)) ??
    merchants.find((m) => m.organisations === '*') ??
    null
  );
}

/**
 * Where card payments go: the configured merchants; the loopback emulator when trying Okence
 * out (development with demo data, nothing configured); or nowhere (no card button).
 * Production never gets the emulator, whatever else is set; nor do tests (NODE_ENV=test), which
 * start an emulator of their own and configure it like a real gateway (payments/gateway/testing.ts),
 * so that every other test's boot stays free of a key generation and a listener.
 */
export function cardGatewayPlan(c: {
  env: 'development' | 'production' | 'test';
  demoData: boolean;
  cardMerchants: readonly CardMerchant[];
}): 'configured' | 'emulator' | 'none' {
  if (c.cardMerchants.length > 0) return 'configured';
  if (c.env === 'development' && c.demoData) return 'emulator';
  return 'none';
}
