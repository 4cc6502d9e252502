import type { FastifyServerOptions } from 'fastify';
import { buildApp, logRedactions } from './app';
import { type Config, ConfigError, loadConfig, simulatorCloudConfig } from './plugins/config';

/** The demo logins of the simulated cloud, printed at start so a newcomer can sign in at once. */
const demoLogins = [
  ['demo', 'demo', 'member of two projects'],
  ['admin', 'admin', 'administrator'],
  ['reader', 'reader', 'read-only'],
] as const;

function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  const base = { level: config.logLevel, redact: logRedactions };
  // A person at a terminal gets readable lines; a log collector gets JSON.
  return process.stdout.isTTY ? { ...base, transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } } : base;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const closers: Array<() => Promise<void>> = [];
  let faultsUrl: string | undefined;

  if (config.clouds.length === 0) {
    // Loaded only here, so a deployment against a real cloud never loads the simulator.
    const { startSimulator } = await import('../simulator');
    const { parseCommandLine, usage } = await import('../simulator/command-line');
    // `npm start -- --servers 10000 --profile realistic`: the simulator's own flags.
    const command = parseCommandLine(process.argv.slice(2));
    if (command.help) {
      process.stdout.write(usage.replace('npm run simulator', 'npm start'));
      return;
    }
    const simulator = await startSimulator(command.options);
    closers.push(() => simulator.close());
    config.clouds.push(simulatorCloudConfig(simulator.authUrl));
    faultsUrl = simulator.faultsUrl;
  }

  const app = await buildApp({ config, logger: loggerOptions(config) });
  closers.unshift(() => app.close());
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;

  const lines = [`Stackdeck running at ${config.tls ? 'https' : 'http'}://${config.host}:${port}`];
  const cloud = config.clouds[0];
  if (cloud?.id === 'simulator') {
    lines.push('Cloud: the built-in simulated OpenStack (set OS_AUTH_URL to use a real one)', 'Demo logins (domain Default):');
    for (const [user, password, what] of demoLogins) lines.push(`  ${user} / ${password}  (${what})`);
    if (faultsUrl) lines.push(...(await import('../simulator/os-environment')).faultsHelp(faultsUrl));
  } else if (cloud) {
    lines.push(`Cloud: ${cloud.name} (${cloud.authUrl})`);
  }
  process.stdout.write(`\n${lines.join('\n')}\n\n`);

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    for (const close of closers) await close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || (error instanceof Error && error.name === 'FlagError') || error instanceof RangeError;
  process.stderr.write(`${known ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
