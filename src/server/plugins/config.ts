import { isIP } from 'node:net';
import { z } from 'zod';
import { type CloudsYamlEntry, readCloudsYamlEntry } from '../clouds-yaml';

/**
 * The BFF's configuration, read once from the environment and validated, so a typo in a variable
 * stops the start with a clear message instead of failing on the first request.
 */
const envSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** An entry of clouds.yaml (see clouds-yaml.ts); OS_AUTH_URL and the other OS_* variables win over it. */
  OS_CLOUD: z.string().min(1).optional(),
  OS_AUTH_URL: z.url().optional(),
  OS_REGION_NAME: z.string().min(1).optional(),
  OS_INTERFACE: z
    .string()
    .transform((v) => v.replace(/URL$/, '').toLowerCase())
    .pipe(z.enum(['public', 'internal', 'admin']))
    .default('public'),
  OS_CACERT: z.string().min(1).optional(),
  STACKDECK_CLOUD_NAME: z.string().min(1).optional(),
  /** Nova's policy defaults: `new-defaults` (2023.2 on) refuses changes to reader-only users; Zed and older are `legacy`. */
  NOVA_POLICY: z.enum(['new-defaults', 'legacy']).default('new-defaults'),
  /** Seconds an upstream call may take before the BFF answers 503. */
  STACKDECK_UPSTREAM_TIMEOUT: z.coerce.number().positive().default(30),
  /** Login attempts per client address and user name per minute. */
  STACKDECK_LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  STACKDECK_STATIC_DIR: z.string().default('dist'),
  /**
   * Behind a TLS-terminating proxy: the number of proxies in front (`true` means one), or their
   * addresses and CIDR ranges. Only what a trusted proxy wrote into X-Forwarded-For/-Host/-Proto
   * is believed, so the client address, the Secure cookie and the Origin check are right.
   */
  STACKDECK_TRUST_PROXY: z.string().default('false').transform(trustProxyFrom),
  /** Seconds a session lives without a request from its user (Horizon's SESSION_TIMEOUT). */
  STACKDECK_SESSION_IDLE_TIMEOUT: z.coerce.number().int().positive().default(3600),
  /** Seconds a session lives at most, however active, and never past its Keystone token. */
  STACKDECK_SESSION_MAX_AGE: z.coerce.number().int().positive().default(8 * 3600),
  /** Keep the session cookie across browser restarts (until the session ends) instead of ending it with the browser. */
  STACKDECK_PERSISTENT_COOKIE: z.stringbool().default(false),
  /** Serve HTTPS: a PEM certificate (chain) and its key. */
  STACKDECK_TLS_CERT: z.string().min(1).optional(),
  STACKDECK_TLS_KEY: z.string().min(1).optional(),
});

/** Proxy names proxy-addr (and so Fastify's trustProxy) knows for ranges of addresses. */
const namedRanges = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * `false`, a hop count, or a list of proxy addresses. Never "trust everyone": with that, the
 * left-most X-Forwarded-For, which any client writes, became the address the login limit counts.
 */
function trustProxyFrom(value: string, ctx: z.RefinementCtx): false | number | string[] {
  const text = value.trim().toLowerCase();
  if (text === '' || text === 'false' || text === '0') return false;
  if (text === 'true') return 1;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => {
    const [address = '', prefix, ...rest] = e.split('/');
    if (namedRanges.has(e)) return false;
    const family = isIP(address);
    const maxPrefix = family === 4 ? 32 : 128;
    return family === 0 || rest.length > 0 || (prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= maxPrefix));
  });
  if (bad.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `expected false, the number of proxies in front (1 for one), or their addresses or CIDR ranges separated by commas; not ${bad.join(', ')}`,
    });
    return z.NEVER;
  }
  return entries;
}

export interface CloudConfig {
  id: string;
  name: string;
  authUrl: string;
  region: string | undefined;
  interface: 'public' | 'internal' | 'admin';
  caFile: string | undefined;
  novaPolicy: 'new-defaults' | 'legacy';
}

export interface Config {
  host: string;
  port: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  upstreamTimeoutMs: number;
  loginRateLimit: number;
  staticDir: string;
  trustProxy: false | number | string[];
  session: { idleTimeoutMs: number; maxAgeMs: number; persistentCookie: boolean };
  /** Paths of the PEM certificate and key when the BFF serves HTTPS itself. */
  tls: { cert: string; key: string } | undefined;
  /** Empty when no cloud is configured: main.ts then starts the simulator. */
  clouds: CloudConfig[];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    upstreamTimeoutMs: e.STACKDECK_UPSTREAM_TIMEOUT * 1000,
    loginRateLimit: e.STACKDECK_LOGIN_RATE_LIMIT,
    staticDir: e.STACKDECK_STATIC_DIR,
    trustProxy: e.STACKDECK_TRUST_PROXY,
    session: {
      idleTimeoutMs: e.STACKDECK_SESSION_IDLE_TIMEOUT * 1000,
      maxAgeMs: e.STACKDECK_SESSION_MAX_AGE * 1000,
      persistentCookie: e.STACKDECK_PERSISTENT_COOKIE,
    },
    tls: tlsFrom(e),
    clouds: cloudsFrom(e, env),
  };
}

function tlsFrom(e: z.infer<typeof envSchema>): Config['tls'] {
  const cert = e.STACKDECK_TLS_CERT;
  const key = e.STACKDECK_TLS_KEY;
  if (!cert && !key) return undefined;
  if (!cert || !key) throw new ConfigError('Invalid configuration:\n  STACKDECK_TLS_CERT and STACKDECK_TLS_KEY: set both to serve HTTPS, or neither.');
  return { cert, key };
}

function cloudsFrom(e: z.infer<typeof envSchema>, env: Record<string, string | undefined>): CloudConfig[] {
  let entry: CloudsYamlEntry | undefined;
  if (e.OS_CLOUD) {
    try {
      entry = readCloudsYamlEntry(e.OS_CLOUD, env);
    } catch (error) {
      throw new ConfigError((error as Error).message);
    }
  }
  const authUrl = e.OS_AUTH_URL ?? entry?.auth.auth_url;
  if (!authUrl) return [];
  const iface = env.OS_INTERFACE === undefined && entry?.interface ? envSchema.shape.OS_INTERFACE.parse(entry.interface) : e.OS_INTERFACE;
  return [
    {
      id: 'default',
      name: e.STACKDECK_CLOUD_NAME ?? e.OS_CLOUD ?? new URL(authUrl).hostname,
      authUrl,
      region: e.OS_REGION_NAME ?? entry?.region_name,
      interface: iface,
      caFile: e.OS_CACERT ?? entry?.cacert,
      novaPolicy: e.NOVA_POLICY,
    },
  ];
}

/** The cloud entry for the built-in simulator, which follows Nova's current (new-defaults) policies. */
export function simulatorCloudConfig(authUrl: string): CloudConfig {
  return { id: 'simulator', name: 'Simulated cloud', authUrl, region: 'RegionOne', interface: 'public', caFile: undefined, novaPolicy: 'new-defaults' };
}
