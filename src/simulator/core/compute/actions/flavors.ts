import type { ComputeStore, Flavor } from '../model';
import type { ActionCaller } from './instance-actions';

/**
 * The flavor by its flavorid as the caller may use it. Without flavor access lists, a private
 * flavor is one only admins can use; Nova answers any other caller as if it did not exist.
 */
export function usableFlavor(store: ComputeStore, caller: Pick<ActionCaller, 'isAdmin'>, id: string): Flavor | undefined {
  const flavor = store.flavors.get(id);
  return flavor && (flavor.isPublic || caller.isAdmin) ? flavor : undefined;
}

/** FlavorNotFound, which the API turns into a 400 for a boot or a resize. */
export const flavorNotFound = (id: string) => `Flavor ${id} could not be found.`;
