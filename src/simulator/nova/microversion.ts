import type { FastifyInstance } from 'fastify';
import { badRequest, NovaFault } from './faults';

const thresholds = new Map<string, Microversion>();

/** A negotiated compute microversion, compared as Nova's APIVersionRequest does. */
export class Microversion {
  constructor(
    readonly major: number,
    readonly minor: number,
  ) {}

  static parse(text: string): Microversion | undefined {
    const m = /^([1-9]\d*)\.([1-9]\d*|0)$/.exec(text.trim());
    return m ? new Microversion(Number(m[1]), Number(m[2])) : undefined;
  }

  /** True when this version is `version` or newer, e.g. `mv.atLeast('2.47')`. */
  atLeast(version: string): boolean {
    const other = thresholds.get(version) ?? Microversion.threshold(version);
    return this.major > other.major || (this.major === other.major && this.minor >= other.minor);
  }

  /** Views ask `atLeast` dozens of times per server, always with a few literal versions: parse each once. */
  private static threshold(version: string): Microversion {
    const parsed = Microversion.parse(version);
    if (!parsed) throw new RangeError(`Not a microversion: ${version}`);
    thresholds.set(version, parsed);
    return parsed;
  }

  toString(): string {
    return `${this.major}.${this.minor}`;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The microversion this request speaks; 2.1 when the client sent none. */
    microversion: Microversion;
  }
}

/**
 * Negotiation as Nova does it: `OpenStack-API-Version: compute X` or the legacy
 * `X-OpenStack-Nova-API-Version: X`; none means 2.1; `latest` means the maximum; outside the range
 * is a 406; a malformed value is a 400. Both headers and `Vary` go back on every answer, errors too.
 */
export function registerMicroversions(app: FastifyInstance, maxVersion: string): void {
  const min = Microversion.parse('2.1') as Microversion;
  const max = Microversion.parse(maxVersion);
  if (!max) throw new RangeError(`Not a Nova microversion: ${maxVersion}`);

  app.decorateRequest('microversion', null as unknown as Microversion);
  app.addHook('onRequest', async (request, reply) => {
    request.microversion = min;
    const wanted = requested(request.headers['openstack-api-version'], request.headers['x-openstack-nova-api-version']);
    let chosen = min;
    if (wanted === 'latest') chosen = max;
    else if (wanted !== undefined) {
      const parsed = Microversion.parse(wanted);
      if (!parsed) throw badRequest(`API Version String ${wanted} is of invalid format. Must be of format MajorNum.MinorNum.`);
      if (!parsed.atLeast(min.toString()) || !max.atLeast(parsed.toString())) {
        // Nova has already taken the version as the request's when it checks the range.
        echo(reply, parsed);
        throw new NovaFault(406, `Version ${parsed} is not supported by the API. Minimum is ${min} and maximum is ${max}.`);
      }
      chosen = parsed;
    }
    request.microversion = chosen;
    echo(reply, chosen);
  });
}

/** A malformed version never becomes the request's, so its 400 carries none of these. */
function echo(reply: { header(name: string, value: string): unknown }, version: Microversion): void {
  reply.header('vary', 'OpenStack-API-Version, X-OpenStack-Nova-API-Version');
  reply.header('openstack-api-version', `compute ${version}`);
  reply.header('x-openstack-nova-api-version', version.toString());
}

/** The version asked for; the new header wins, and only its `compute` entry counts. */
function requested(modern: string | string[] | undefined, legacy: string | string[] | undefined): string | undefined {
  const value = Array.isArray(modern) ? modern.join(',') : modern;
  if (value) {
    for (const part of value.split(',')) {
      const [service, version] = part.trim().split(/\s+/);
      if (service?.toLowerCase() === 'compute' && version) return version.toLowerCase();
    }
  }
  const old = Array.isArray(legacy) ? legacy[0] : legacy;
  return old ? old.trim().toLowerCase() : undefined;
}
