import { z } from 'zod';
import type { ServiceType } from '../core/identity/store';
import type { KeystoneFault } from '../keystone/faults';

/** The services faults can strike, in catalog terms. */
export const serviceTypes = ['identity', 'compute', 'network', 'image'] as const satisfies readonly ServiceType[];

/** How one service misbehaves; every field is read at each request, so changes apply at once. */
export interface ServiceFaults {
  /** Wall-clock delay before the service sees a request (network or load, not the simulator clock). */
  latencyMs?: number | undefined;
  /** The share of requests, 0 to 1, answered with an error in the service's own shape. */
  errorRate?: number | undefined;
  /** The status of those errors: 500 (the default) or 503. */
  errorStatus?: 500 | 503 | undefined;
  /** Connection refused: every connection is reset at once, as if nothing listened. */
  outage?: boolean | undefined;
}

/** Faults the simulator injects; change them at any time on `Simulator.faults` or its admin endpoint. */
export interface SimulatorFaults extends Partial<Record<ServiceType, ServiceFaults>> {
  /** Keystone answering as a broken deployment would (see KeystoneFault). */
  keystone?: KeystoneFault | undefined;
  /** Delay on POST /v3/auth/tokens only: a Keystone slow to check passwords (LDAP, bcrypt rounds). */
  slowKeystoneMs?: number | undefined;
}

const delayMs = z.number().int().min(0).max(600_000);
const serviceFaultsSchema = z.strictObject({
  latencyMs: delayMs.optional(),
  errorRate: z.number().min(0).max(1).optional(),
  errorStatus: z.literal([500, 503]).optional(),
  outage: z.boolean().optional(),
});

/** The admin endpoint's body: strict, so a misspelt key is an error rather than a fault silently not set. */
export const faultsSchema = z.strictObject({
  keystone: z.enum(['down', 'garbage', 'error500']).nullish().transform((fault) => fault ?? undefined),
  slowKeystoneMs: delayMs.optional(),
  identity: serviceFaultsSchema.optional(),
  compute: serviceFaultsSchema.optional(),
  network: serviceFaultsSchema.optional(),
  image: serviceFaultsSchema.optional(),
}) satisfies z.ZodType<SimulatorFaults>;

/**
 * Replaces every fault in place: the services hold this very object (and tests set its fields
 * directly), so it is mutated, never swapped.
 */
export function replaceFaults(target: SimulatorFaults, next: SimulatorFaults): void {
  for (const key of Object.keys(target) as (keyof SimulatorFaults)[]) delete target[key];
  Object.assign(target, next);
}
