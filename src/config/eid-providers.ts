// The eID providers of an installation (issue 16, decision 029): a JSON list in the file that
// EID_PROVIDERS_FILE names. One schema validates it; a provider named but misconfigured (a
// missing or malformed file, an unknown key) stops the start with one clear line.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import type { Loa } from '../citizens/domain.ts';

const LOA_VALUES = ['low', 'substantial', 'high'] as const satisfies readonly Loa[];

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, - and _ (at most 64)')
  // The e-mail code sign-in is built in under this id.
  .refine((v) => v !== 'email', '"email" is the built-in e-mail sign-in');
const name = z.strictObject({
  sl: z.string().trim().min(1).max(100),
  cs: z.string().trim().min(1).max(100),
  en: z.string().trim().min(1).max(100),
});
const file = z.string().min(1);
const httpsUrl = z.url({ protocol: /^https?$/ });

const common = { id, name, loa: z.enum(LOA_VALUES) };

const saml = z
  .strictObject({
    ...common,
    protocol: z.literal('saml'),
    idpMetadataFile: file.optional(),
    idpMetadataUrl: httpsUrl.optional(),
    spPrivateKeyFile: file,
    spCertificateFile: file,
    /** Refuse a response whose assertion is not signed itself (a signed Response is not enough). */
    wantAssertionsSigned: z.boolean().default(true),
    /** Refuse an assertion that is not encrypted to our certificate (NIA always encrypts). */
    requireEncryptedAssertion: z.boolean().default(true),
    /** Our SP's entityID; by default the metadata address, {PUBLIC_URL}/auth/saml/{id}/metadata. */
    spEntityId: z.string().min(1).max(1000).optional(),
    /** eIDAS SPType in the AuthnRequest (NIA: public); null sends no eIDAS extensions. */
    spType: z.enum(['public', 'private']).nullable().default('public'),
    /** SAML attribute Names per identity field; unnamed fields keep the eIDAS names (src/eid/domain.ts). */
    attributes: z
      .strictObject({
        personIdentifier: z.string().min(1),
        givenName: z.string().min(1),
        familyName: z.string().min(1),
        dateOfBirth: z.string().min(1),
        address: z.string().min(1),
        email: z.string().min(1),
      })
      .partial()
      .default({}),
    /** AuthnContextClassRef per level; unnamed levels keep http://eidas.europa.eu/LoA/{level}. */
    authnContexts: z
      .strictObject({
        low: z.string().min(1),
        substantial: z.string().min(1),
        high: z.string().min(1),
      })
      .partial()
      .default({}),
    /** Clock difference accepted with the IdP, in seconds (at most 180). */
    clockSkewSeconds: z.number().int().min(0).max(180).default(60),
  })
  .refine((p) => (p.idpMetadataFile === undefined) !== (p.idpMetadataUrl === undefined), {
    message: 'give exactly one of idpMetadataFile and idpMetadataUrl',
  });

const oidc = z
  .strictObject({
    ...common,
    protocol: z.literal('oidc'),
    /** The issuer the id_token names (NIA: the URN urn:microsoft:cgg2010:fpsts). */
    issuer: z.string().min(1),
    /** Where the provider's configuration is read (NIA: …/fpsts/oidc/openid-configuration). */
    discoveryUrl: httpsUrl.optional(),
    clientId: z.string().min(1),
    encryptionKeyFile: file,
    encryptionCertificateFile: file,
  })
  .refine((p) => p.discoveryUrl !== undefined || /^https?:\/\//.test(p.issuer), {
    message: 'an issuer that is not an https address needs a discoveryUrl',
  });

const schema = z
  .array(z.discriminatedUnion('protocol', [saml, oidc]))
  .refine((list) => new Set(list.map((p) => p.id)).size === list.length, 'ids must be unique');

export type SamlProvider = z.infer<typeof saml>;
export type OidcProvider = z.infer<typeof oidc>;
/** One configured eID provider; file paths are absolute (resolved against the list's folder). */
export type EidProvider = SamlProvider | OidcProvider;

/** What each named file must look like: a PEM block, or SAML metadata. */
const FILE_KINDS: Record<string, { marker: RegExp; what: string }> = {
  idpMetadataFile: { marker: /EntityDescriptor/, what: 'SAML metadata (an EntityDescriptor)' },
  spPrivateKeyFile: { marker: /-----BEGIN (RSA |EC )?PRIVATE KEY-----/, what: 'a PEM private key' },
  spCertificateFile: { marker: /-----BEGIN CERTIFICATE-----/, what: 'a PEM certificate' },
  encryptionKeyFile: {
    marker: /-----BEGIN (RSA |EC )?PRIVATE KEY-----/,
    what: 'a PEM private key',
  },
  encryptionCertificateFile: { marker: /-----BEGIN CERTIFICATE-----/, what: 'a PEM certificate' },
};

export type ProvidersResult = { ok: true; providers: EidProvider[] } | { ok: false; error: string };

/**
 * Reads and validates the providers file: the list, then every file it names (present,
 * readable, of the right kind). Relative paths are taken from the list's own folder.
 */
export function loadEidProviders(path: string): ProvidersResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { ok: false, error: `${path}: cannot be read (${(err as NodeJS.ErrnoException).code})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `${path}: not JSON (${(err as Error).message})` };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = (issue?.path ?? [])
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    return { ok: false, error: `${path}: ${where ? `${where}: ` : ''}${issue?.message}` };
  }
  const base = dirname(resolve(path));
  const providers: EidProvider[] = [];
  for (const [index, provider] of parsed.data.entries()) {
    const resolved: Record<string, unknown> = { ...provider };
    for (const [key, kind] of Object.entries(FILE_KINDS)) {
      const named = resolved[key];
      if (typeof named !== 'string') continue;
      const full = isAbsolute(named) ? named : resolve(base, named);
      const problem = fileProblem(full, kind);
      if (problem) return { ok: false, error: `${path}: [${index}].${key}: ${full}: ${problem}` };
      resolved[key] = full;
    }
    providers.push(resolved as EidProvider);
  }
  return { ok: true, providers };
}

function fileProblem(path: string, kind: { marker: RegExp; what: string }): string | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return `cannot be read (${(err as NodeJS.ErrnoException).code})`;
  }
  return kind.marker.test(text) ? null : `is not ${kind.what}`;
}
