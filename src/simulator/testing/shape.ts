// Test helper shared by the services' contract tests: compares JSON bodies by their keys and value
// types, not their values, and reads the real bodies in shared/fixtures/openstack.
import { readFileSync } from 'node:fs';

export interface ShapeOptions {
  /**
   * Object keys whose own keys are data (network names, metadata keys…): only the shape of their
   * first value counts. Nova's defaults: addresses, metadata, extra_specs, properties, scheduler_hints.
   */
  dataKeyed?: ReadonlySet<string>;
}

const defaultDataKeyed = new Set(['addresses', 'metadata', 'extra_specs', 'properties', 'scheduler_hints']);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Every difference in keys and JSON types between `actual` and `expected`, as readable paths
 * (`$[0].mtu: missing`, `$[0].tags: not in the fixture`, `$.size: string where the fixture has
 * number`). A null on either side matches any type, since nullable fields hold null in one body
 * and a value in the other; arrays compare their first elements when both have one.
 */
export function shapeDifferences(actual: unknown, expected: unknown, options: ShapeOptions = {}, path = '$'): string[] {
  const [a, e] = [typeOf(actual), typeOf(expected)];
  if (a === 'null' || e === 'null') return [];
  if (a !== e) return [`${path}: ${a} where the fixture has ${e}`];
  if (a === 'array') {
    const [first, expectedFirst] = [(actual as unknown[])[0], (expected as unknown[])[0]];
    return first === undefined || expectedFirst === undefined ? [] : shapeDifferences(first, expectedFirst, options, `${path}[0]`);
  }
  if (a !== 'object') return [];
  const [ao, eo] = [actual as Record<string, unknown>, expected as Record<string, unknown>];
  if ((options.dataKeyed ?? defaultDataKeyed).has(path.split('.').at(-1) ?? '')) {
    const [first, expectedFirst] = [Object.values(ao)[0], Object.values(eo)[0]];
    return first === undefined || expectedFirst === undefined ? [] : shapeDifferences(first, expectedFirst, options, `${path}.*`);
  }
  const differences: string[] = [];
  for (const key of Object.keys(eo)) {
    if (!(key in ao)) differences.push(`${path}.${key}: missing`);
    else differences.push(...shapeDifferences(ao[key], eo[key], options, `${path}.${key}`));
  }
  for (const key of Object.keys(ao)) if (!(key in eo)) differences.push(`${path}.${key}: not in the fixture`);
  return differences;
}

export type OpenstackService = 'compute' | 'identity' | 'image' | 'network';

/** shared/fixtures/openstack/ in the repository's sibling `shared`: the bodies and the OpenAPI specs. */
export const openstackFixturesUrl = new URL('../../../../shared/fixtures/openstack/', import.meta.url);

/** A body from shared/fixtures/openstack/<service>/<name>. */
export function openstackFixture(service: OpenstackService, name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${service}/${name}`, openstackFixturesUrl), 'utf8')) as Record<string, unknown>;
}
