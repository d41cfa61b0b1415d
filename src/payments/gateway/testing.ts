// For tests: a merchant key pair, an emulator that knows it, and the GPWEBPAY_MERCHANTS_FILE
// that points Okence at both — the same configuration a real installation writes.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGpWebpayEmulator, type GpWebpayEmulator } from './gpwebpay-emulator.ts';

export type EmulatedMerchant = {
  emulator: GpWebpayEmulator;
  merchantPrivateKey: KeyObject;
  /** The merchants file (GPWEBPAY_MERCHANTS_FILE). */
  file: string;
};

/** Starts an emulator and writes a merchants file for it (password-protected key, as GP's are). */
export async function emulatedMerchant(
  opts: { organisations?: '*' | string[]; password?: string } = {},
): Promise<EmulatedMerchant> {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const emulator = await startGpWebpayEmulator({
    merchantPublicKey: keys.publicKey,
    merchantNumber: '1234567890',
  });
  const dir = mkdtempSync(join(tmpdir(), 'okence-gpwebpay-'));
  const password = opts.password ?? 'heslo-k-klici';
  const pem = keys.privateKey.export({
    type: 'pkcs8',
    format: 'pem',
    cipher: 'aes-256-cbc',
    passphrase: password,
  });
  writeFileSync(join(dir, 'merchant.key'), pem);
  writeFileSync(join(dir, 'merchant.pass'), `${password}\n`);
  writeFileSync(join(dir, 'gpe.pem'), emulator.publicKey.export({ type: 'spki', format: 'pem' }));
  const file = join(dir, 'merchants.json');
  writeFileSync(
    file,
    JSON.stringify([
      {
        organisations: opts.organisations ?? '*',
        merchantNumber: emulator.merchantNumber,
        provider: emulator.provider,
        orderUrl: emulator.orderUrl,
        wsUrl: emulator.wsUrl,
        privateKeyFile: 'merchant.key',
        privateKeyPasswordFile: 'merchant.pass',
        gpPublicKeyFile: 'gpe.pem',
      },
    ]),
  );
  return { emulator, merchantPrivateKey: keys.privateKey, file };
}
