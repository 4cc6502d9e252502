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
  /** Set behind a TLS-terminating proxy, so the cookie is Secure and the client address is right. */
  STACKDECK_TRUST_PROXY: z.stringbool().default(false),
});

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
  trustProxy: boolean;
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
    clouds: cloudsFrom(e, env),
  };
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
