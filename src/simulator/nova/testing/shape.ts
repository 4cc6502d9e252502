// Test helper: the shared shape comparison, and Nova's fixtures by file name.
import { openstackFixture } from '../../testing/shape';

export { shapeDifferences } from '../../testing/shape';

/** A body from shared/fixtures/openstack/compute. */
export function computeFixture(name: string): Record<string, unknown> {
  return openstackFixture('compute', name);
}
