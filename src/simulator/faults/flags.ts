import type { z } from 'zod';
import type { ServiceType } from '../core/identity/store';
import { faultsSchema, serviceTypes, type SimulatorFaults } from './model';

/** The fault flags of `npm run simulator`, as node:util parseArgs hands them over. */
export interface FaultFlags {
  /** `compute=200`: milliseconds added to every request of that service. */
  latency?: string[] | undefined;
  /** `network=0.2` or `network=0.2:503`: the share of requests answered with that error (500 by default). */
  'error-rate'?: string[] | undefined;
  /** `image`: that service refuses connections. */
  outage?: string[] | undefined;
  /** `2000`: milliseconds added to POST /v3/auth/tokens only. */
  'slow-keystone'?: string | undefined;
}

/** A flag the simulator cannot use; its message names the flag and what it expects. */
export class FlagError extends Error {
  override name = 'FlagError';
}

// The project names work as well as the catalog types: `--outage glance` is `--outage image`.
const aliases: Record<string, ServiceType> = { keystone: 'identity', nova: 'compute', neutron: 'network', glance: 'image' };

export function faultsFromFlags(flags: FaultFlags): SimulatorFaults {
  const faults: SimulatorFaults = {};
  const service = (name: string, flag: string) => {
    const type = aliases[name] ?? serviceTypes.find((t) => t === name);
    if (!type) throw new FlagError(`--${flag}: unknown service "${name}" (one of ${serviceTypes.join(', ')})`);
    return (faults[type] ??= {});
  };
  for (const [name, value] of pairs(flags.latency, 'latency', 'compute=200')) {
    service(name, 'latency').latencyMs = Number(value);
  }
  for (const [name, value] of pairs(flags['error-rate'], 'error-rate', 'network=0.2')) {
    const [rate, status] = value.split(':');
    Object.assign(service(name, 'error-rate'), { errorRate: Number(rate), ...(status && { errorStatus: Number(status) }) });
  }
  for (const name of flags.outage ?? []) service(name, 'outage').outage = true;
  if (flags['slow-keystone'] !== undefined) faults.slowKeystoneMs = Number(flags['slow-keystone']);

  // The admin endpoint's schema checks the numbers, so the flags and the endpoint accept the same faults.
  const checked = faultsSchema.safeParse(faults);
  if (!checked.success) throw new FlagError(checked.error.issues.map(describeIssue).join('\n'));
  return checked.data;
}

/** Which flag set each field, to word a schema issue in the user's terms. */
const flagOfField: Record<string, string> = {
  latencyMs: 'latency',
  errorRate: 'error-rate',
  errorStatus: 'error-rate',
  slowKeystoneMs: 'slow-keystone',
};

function describeIssue(issue: z.core.$ZodIssue): string {
  const [first, field = first] = issue.path.map(String);
  const subject = field === first ? '' : ` ${first}`;
  return `--${flagOfField[field ?? ''] ?? field}${subject}: ${issue.message}`;
}

function pairs(values: string[] | undefined, flag: string, example: string): [string, string][] {
  return (values ?? []).map((text) => {
    const match = /^([a-z]+)=(.+)$/.exec(text);
    if (!match?.[1] || !match[2]) throw new FlagError(`--${flag} takes SERVICE=VALUE, e.g. --${flag} ${example}; got "${text}"`);
    return [match[1], match[2]];
  });
}
