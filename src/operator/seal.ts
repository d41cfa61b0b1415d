import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Seals small secrets (TOTP keys) for storage with AES-256-GCM, under a key derived by HKDF
 * from the session secret: a copy of the database alone does not give out second factors.
 * Stored as `v1.<iv>.<tag>.<ciphertext>` in base64url. The key changes with SESSION_SECRET
 * (or DATA_DIR/session-secret): then sealed secrets no longer open, and operators enrol again
 * after `npm run operator -- reset-admin` (docs/decisions/022).
 */
export type Sealer = { seal(plain: Buffer): string; open(sealed: string): Buffer | null };

/** A sealer whose key is derived from `secret` for one purpose. */
export function sealer(secret: string, purpose: string): Sealer {
  const key = Buffer.from(hkdfSync('sha256', secret, 'okence', purpose, 32));
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return [
        'v1',
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        body.toString('base64url'),
      ].join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
      } catch {
        // Another key (a changed session secret) or a tampered value.
        return null;
      }
    },
  };
}
