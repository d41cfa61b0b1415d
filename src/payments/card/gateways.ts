// Which card gateway serves an organisation: the configured GP webpay merchants
// (config/card-gateways.ts), or — trying Okence out with nothing configured — the loopback
// emulator with a merchant key pair made at start (boot.ts decides, by cardGatewayPlan).
import { generateKeyPairSync } from 'node:crypto';
import { merchantFor, type CardMerchant } from '../../config/card-gateways.ts';
import type { CardGateway } from '../gateway/gateway.ts';
import { startGpWebpayEmulator } from '../gateway/gpwebpay-emulator.ts';
import { gpWebpayGateway } from '../gateway/gpwebpay.ts';
import type { CardGatewayDirectory } from './service.ts';

/** The directory over configured merchants: each organisation's own, else the "*" one. */
export function cardGatewayDirectory(merchants: readonly CardMerchant[]): CardGatewayDirectory {
  const gateways = new Map<CardMerchant, CardGateway>();
  return {
    forOrganisation(slug) {
      const m = merchantFor(merchants, slug);
      if (!m) return null;
      let g = gateways.get(m);
      if (!g) gateways.set(m, (g = gpWebpayGateway(m)));
      return g;
    },
  };
}

/**
 * The development demo's gateway: the emulator on 127.0.0.1 serving every organisation, so a
 * newcomer can pay the demo fee by card. boot.ts starts it only when cardGatewayPlan says so.
 */
export async function demoCardMerchant(): Promise<{
  merchant: CardMerchant;
  close(): Promise<void>;
}> {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const emulator = await startGpWebpayEmulator({
    merchantPublicKey: keys.publicKey,
    merchantNumber: '1000000001',
  });
  return {
    merchant: {
      organisations: '*',
      merchantNumber: emulator.merchantNumber,
      provider: emulator.provider,
      orderUrl: emulator.orderUrl,
      wsUrl: emulator.wsUrl,
      privateKey: keys.privateKey,
      gpPublicKey: emulator.publicKey,
    },
    close: () => emulator.close(),
  };
}
