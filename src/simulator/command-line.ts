import { parseArgs } from 'node:util';
import { computeProfiles, type ComputeProfile } from './core/compute/actions/plans';
import { faultsFromFlags, FlagError } from './faults/flags';
import type { SimulatorOptions } from './index';

export { FlagError } from './faults/flags';

export const usage = `Usage: npm run simulator -- [options]

Seed data
  --servers N            servers over all projects (default 200)
  --networks M           networks in all (default 30)
  --projects P           projects that own resources (default 3)
  --seed S               the generator's seed: the same seed gives the same cloud (default 42)
Behaviour
  --profile NAME         how long Nova's tasks take: ${computeProfiles.join(', ')} (default fast)
  --nova-max-version X   Nova's highest microversion (default 2.100)
  --token-lifetime S     Keystone token lifetime in seconds (default 3600)
  --keystone-port N      Keystone's loopback port (default: any free one)
Faults (also switchable at run time on the faults endpoint printed at start)
  --faults-port N            the faults endpoint's loopback port (default: any free one)
  --latency SERVICE=MS       e.g. --latency compute=200 (repeatable)
  --error-rate SERVICE=R[:STATUS]  e.g. --error-rate network=0.2 or network=0.2:503
  --outage SERVICE           the service refuses connections (repeatable)
  --slow-keystone MS         delay POST /v3/auth/tokens only
SERVICE is identity, compute, network or image (or keystone, nova, neutron, glance).
`;

export type Command = { help: true } | { help: false; options: SimulatorOptions };

/** `npm run simulator`'s arguments; throws FlagError with a message fit for the user. */
export function parseCommandLine(argv: string[]): Command {
  const { values } = parseFlags(argv);
  if (values.help) return { help: true };
  // Left undefined, each option takes the simulator's default.
  const options: SimulatorOptions = {
    seed: {
      servers: count(values.servers, 'servers'),
      networks: count(values.networks, 'networks'),
      projects: count(values.projects, 'projects', 1),
      seed: count(values.seed, 'seed'),
    },
    computeProfile: values.profile === undefined ? undefined : profile(values.profile),
    novaMaxVersion: values['nova-max-version'],
    tokenLifetimeSeconds: count(values['token-lifetime'], 'token-lifetime', 1),
    keystonePort: port(values['keystone-port'], 'keystone-port'),
    faultsPort: port(values['faults-port'], 'faults-port'),
    faults: faultsFromFlags(values),
  };
  return { help: false, options };
}

function parseFlags(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        servers: { type: 'string' },
        networks: { type: 'string' },
        projects: { type: 'string' },
        seed: { type: 'string' },
        profile: { type: 'string' },
        'nova-max-version': { type: 'string' },
        'token-lifetime': { type: 'string' },
        'keystone-port': { type: 'string' },
        'faults-port': { type: 'string' },
        latency: { type: 'string', multiple: true },
        'error-rate': { type: 'string', multiple: true },
        outage: { type: 'string', multiple: true },
        'slow-keystone': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // parseArgs words its errors well ("Unknown option '--x'"); only their class changes.
    throw new FlagError(error instanceof Error ? error.message : String(error));
  }
}

function count(text: string | undefined, flag: string, min = 0): number | undefined {
  if (text === undefined) return undefined;
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new FlagError(`--${flag} takes a whole number${min > 0 ? ` of at least ${min}` : ''}, not "${text}"`);
  }
  return value;
}

function port(text: string | undefined, flag: string): number | undefined {
  const value = count(text, flag, 1);
  if (value !== undefined && value > 65535) throw new FlagError(`--${flag} takes a port from 1 to 65535, not "${text}"`);
  return value;
}

function profile(text: string): ComputeProfile {
  const found = computeProfiles.find((p) => p === text);
  if (!found) throw new FlagError(`--profile is one of ${computeProfiles.join(', ')}, not "${text}"`);
  return found;
}
