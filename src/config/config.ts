import { isIP } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import { loadCardMerchants, type CardMerchant } from './card-gateways.ts';
import { loadEidProviders, type EidProvider } from './eid-providers.ts';

/**
 * The file types an installation may accept (FILE_TYPES), by name. What each one is and how its
 * bytes are recognised belongs to the file-safety pipeline (`files/sniff.ts`, whose table the
 * typecheck holds to exactly these names).
 */
export const FILE_TYPE_NAMES = [
  'pdf',
  'png',
  'jpeg',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'odp',
  'doc',
  'xls',
] as const;
export type FileTypeName = (typeof FILE_TYPE_NAMES)[number];

/** Validated runtime configuration; every field comes from an environment variable. */
export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: URL;
  dataDir: string;
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionSecret: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  demoData: boolean;
  rateLimitPerMinute: number;
  /** Where rate limits count: the database (default; holds across instances) or this process's memory. */
  rateLimitStore: 'database' | 'memory';
  /** On SIGTERM, how long `/readyz` answers 503 before the instance stops taking requests (decision 055). */
  shutdownDelayMs: number;
  /**
   * Whom to believe about the client's address (X-Forwarded-For, -Proto, -Host): no one
   * (false), the nearest N proxies, or proxies at these addresses/CIDRs. Never everyone.
   */
  trustProxy: TrustProxy;
  /** TURN servers for the meeting (coturn), and the shared secret that signs short-lived credentials. */
  turnUrls: string[];
  turnSecret: string | undefined;
  /** Media only through TURN: the citizen's and the official's addresses stay hidden from each other. */
  relayOnly: boolean;
  /**
   * Janus (VideoRoom) for meetings of more than four (decision 054): its WebSocket API, which
   * only Okence talks to, the API secret Janus asks of every request, and the VideoRoom's
   * admin key that creating rooms needs. Undefined: meetings stay a mesh of up to four.
   */
  janus: { url: string; apiSecret: string | undefined; adminKey: string } | undefined;
  /** The bearer token `/metrics` asks for (METRICS_TOKEN); undefined: /metrics answers 404. */
  metricsToken: string | undefined;
  /**
   * Files from outside: where the file-safety pipeline keeps them (outside any web root), the
   * scanner it asks, and what the meeting folder accepts.
   */
  files: {
    dir: string;
    maxFileBytes: number;
    maxFolderBytes: number;
    types: FileTypeName[];
    clamavUrl: string | undefined;
  };
  /** The eID providers citizens may sign in with (EID_PROVIDERS_FILE; none without it). */
  eidProviders: EidProvider[];
  /**
   * Webhook receivers on loopback, by http too (WEBHOOK_ALLOW_LOOPBACK, development and tests
   * only): otherwise a receiver must be https at a public address (decision 040).
   */
  webhookAllowLoopback: boolean;
  /**
   * GP webpay merchants for card payments (GPWEBPAY_MERCHANTS_FILE; decision 045). None: the
   * development demo pays into the loopback emulator, production shows no card button.
   */
  cardMerchants: CardMerchant[];
};

/** Fastify's `trustProxy`, restricted to the safe forms: none, a hop count, or named proxies. */
export type TrustProxy = false | number | string[];

// proxy-addr's names for the loopback, link-local and private ranges.
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : -1;
  return bits >= 0 && bits <= (family === 4 ? 32 : 128);
}

// `true` would make Fastify believe the left-most X-Forwarded-For entry, which any client
// writes itself: per-address limits and sign-in throttling would count forged addresses.
const trustProxy = z.string().transform((raw, ctx): TrustProxy => {
  const v = raw.trim().toLowerCase();
  if (['false', '0', 'no'].includes(v)) return false;
  if (['true', 'yes'].includes(v)) {
    ctx.addIssue({
      code: 'custom',
      message:
        'true would believe any X-Forwarded-For a client sends: give the number of proxies in front of Okence (e.g. 1) or their addresses (e.g. 10.0.0.5,10.1.0.0/16)',
    });
    return z.NEVER;
  }
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops <= 10) return hops;
  }
  const entries = v
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.filter((e) => !isAddressOrCidr(e));
  if (entries.length === 0 || bad.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `must be false, a number of proxies (1-10) or proxy addresses/CIDRs separated by commas; not understood: ${bad.join(', ') || raw}`,
    });
    return z.NEVER;
  }
  return entries;
});

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => ['true', '1', 'yes'].includes(v));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('Okence <no-reply@localhost>'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_DATA: bool.optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_STORE: z.enum(['database', 'memory']).default('database'),
  SHUTDOWN_DELAY_SECONDS: z.coerce.number().int().min(0).max(20).default(0),
  TRUST_PROXY: trustProxy.optional(),
  TURN_URLS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^turns?:[^\s]+$/, 'each must start with turn: or turns:')))
    .optional(),
  TURN_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  ICE_TRANSPORT_POLICY: z.enum(['all', 'relay']).default('all'),
  FILES_DIR: z.string().min(1).optional(),
  FILE_MAX_MB: z.coerce.number().positive().max(1024).default(20),
  FOLDER_MAX_MB: z.coerce.number().positive().max(4000).default(200),
  FILE_TYPES: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(
      z.array(z.enum(FILE_TYPE_NAMES, `each must be one of ${FILE_TYPE_NAMES.join(', ')}`)).min(1),
    )
    .optional(),
  FILE_SCAN: z.enum(['clamav', 'off']).optional(),
  CLAMAV_URL: z
    .string()
    .regex(
      /^(tcp:\/\/[^\s:]+:\d+|unix:(\/\/)?\/\S+)$/,
      'must be tcp://host:port or unix:///path/to/clamd.sock',
    )
    .optional(),
  EID_PROVIDERS_FILE: z.string().min(1).optional(),
  WEBHOOK_ALLOW_LOOPBACK: bool.optional(),
  GPWEBPAY_MERCHANTS_FILE: z.string().min(1).optional(),
  JANUS_URL: z.url({ protocol: /^wss?$/ }).optional(),
  JANUS_API_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  JANUS_ADMIN_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
});

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/**
 * Reads configuration from an environment. Empty strings count as unset, so a
 * blank line in an env file does not override a default. Returns one line per problem.
 */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map(
        (issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`,
      ),
    };
  }
  const e = result.data;
  // Without SMTP a production install would confirm bookings whose codes never arrive.
  if (e.NODE_ENV === 'production' && !e.SMTP_URL) {
    return {
      ok: false,
      errors: [
        'SMTP_URL: required when NODE_ENV=production (emails with codes and links must be sent)',
      ],
    };
  }
  // Every link in a mail, the OpenAPI servers and problem types are built on it: without it a
  // production install would mail links to http://localhost:3000.
  if (e.NODE_ENV === 'production' && !e.PUBLIC_URL) {
    return {
      ok: false,
      errors: [
        'PUBLIC_URL: required when NODE_ENV=production (the https address people use: links in e-mails are built on it)',
      ],
    };
  }
  // Links are built with new URL('/path', PUBLIC_URL), which drops any path: Okence is served at the root of its address.
  if (e.PUBLIC_URL && !['', '/'].includes(new URL(e.PUBLIC_URL).pathname)) {
    return {
      ok: false,
      errors: [
        'PUBLIC_URL: must be an address without a path (Okence is served at the root of its host name)',
      ],
    };
  }
  // ASVS 12.4.2: files from citizens are scanned before an official opens them; going without is a choice, said out loud.
  if (e.NODE_ENV === 'production' && !e.CLAMAV_URL && e.FILE_SCAN !== 'off') {
    return {
      ok: false,
      errors: [
        'CLAMAV_URL: required when NODE_ENV=production (meeting folder uploads are scanned); set FILE_SCAN=off to accept unscanned files',
      ],
    };
  }
  if (e.FILE_SCAN === 'clamav' && !e.CLAMAV_URL) {
    return { ok: false, errors: ['CLAMAV_URL: required when FILE_SCAN=clamav'] };
  }
  if (e.ICE_TRANSPORT_POLICY === 'relay' && !e.TURN_URLS?.length) {
    return {
      ok: false,
      errors: [
        'ICE_TRANSPORT_POLICY: relay needs TURN_URLS (media can only flow through a TURN server)',
      ],
    };
  }
  // A receiver on the installation's own host is for trying Okence out, never for a real office.
  if (e.JANUS_URL && !e.JANUS_ADMIN_KEY) {
    return {
      ok: false,
      errors: ['JANUS_ADMIN_KEY: required with JANUS_URL (Okence creates a room per meeting)'],
    };
  }
  if (e.NODE_ENV === 'production' && e.WEBHOOK_ALLOW_LOOPBACK) {
    return {
      ok: false,
      errors: [
        'WEBHOOK_ALLOW_LOOPBACK: not allowed when NODE_ENV=production (webhooks go to public https addresses only)',
      ],
    };
  }
  const providers = e.EID_PROVIDERS_FILE ? loadEidProviders(e.EID_PROVIDERS_FILE) : null;
  if (providers && !providers.ok)
    return { ok: false, errors: [`EID_PROVIDERS_FILE: ${providers.error}`] };
  const merchants = e.GPWEBPAY_MERCHANTS_FILE ? loadCardMerchants(e.GPWEBPAY_MERCHANTS_FILE) : null;
  if (merchants && !merchants.ok)
    return { ok: false, errors: [`GPWEBPAY_MERCHANTS_FILE: ${merchants.error}`] };
  const port = e.PORT;
  const publicUrl = new URL(e.PUBLIC_URL ?? `http://localhost:${port}`);
  return {
    ok: true,
    config: {
      env: e.NODE_ENV,
      port,
      host: e.HOST,
      publicUrl,
      dataDir: e.DATA_DIR,
      databaseUrl: e.DATABASE_URL,
      smtpUrl: e.SMTP_URL,
      mailFrom: e.MAIL_FROM,
      sessionSecret: e.SESSION_SECRET,
      logLevel: e.LOG_LEVEL,
      // Demo organisations are for trying Okence out; a production install starts empty.
      demoData: e.DEMO_DATA ?? e.NODE_ENV !== 'production',
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      rateLimitStore: e.RATE_LIMIT_STORE,
      shutdownDelayMs: e.SHUTDOWN_DELAY_SECONDS * 1000,
      trustProxy: e.TRUST_PROXY ?? false,
      turnUrls: e.TURN_URLS ?? [],
      turnSecret: e.TURN_SECRET,
      relayOnly: e.ICE_TRANSPORT_POLICY === 'relay',
      janus: e.JANUS_URL
        ? { url: e.JANUS_URL, apiSecret: e.JANUS_API_SECRET, adminKey: e.JANUS_ADMIN_KEY! }
        : undefined,
      metricsToken: e.METRICS_TOKEN,
      files: {
        dir: e.FILES_DIR ?? join(e.DATA_DIR, 'files'),
        maxFileBytes: Math.round(e.FILE_MAX_MB * 1024 * 1024),
        maxFolderBytes: Math.round(e.FOLDER_MAX_MB * 1024 * 1024),
        types: e.FILE_TYPES ?? [...FILE_TYPE_NAMES],
        clamavUrl: e.CLAMAV_URL,
      },
      eidProviders: providers?.providers ?? [],
      webhookAllowLoopback: e.WEBHOOK_ALLOW_LOOPBACK ?? false,
      cardMerchants: merchants?.merchants ?? [],
    },
  };
}

/**
 * The configuration of a command's own process (`npm start`, migrate, backup, restore): each
 * problem on its own line, `Configuration error: NAME: problem`, then exit status 1.
 */
export function configFromEnvOrExit(env: Record<string, string | undefined> = process.env): Config {
  const parsed = parseConfig(env);
  if (parsed.ok) return parsed.config;
  for (const line of parsed.errors) console.error(`Configuration error: ${line}`);
  process.exit(1);
}
