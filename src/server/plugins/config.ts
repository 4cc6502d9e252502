import { z } from 'zod';

/**
 * The BFF's configuration, read once from the environment and validated, so a typo in a variable
 * stops the start with a clear message instead of failing on the first request.
 */
const envSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
    clouds: e.OS_AUTH_URL
      ? [
          {
            id: 'default',
            name: e.STACKDECK_CLOUD_NAME ?? new URL(e.OS_AUTH_URL).hostname,
            authUrl: e.OS_AUTH_URL,
            region: e.OS_REGION_NAME,
            interface: e.OS_INTERFACE,
            caFile: e.OS_CACERT,
            novaPolicy: e.NOVA_POLICY,
          },
        ]
      : [],
  };
}

/** The cloud entry for the built-in simulator, which follows Nova's current (new-defaults) policies. */
export function simulatorCloudConfig(authUrl: string): CloudConfig {
  return { id: 'simulator', name: 'Simulated cloud', authUrl, region: 'RegionOne', interface: 'public', caFile: undefined, novaPolicy: 'new-defaults' };
}
