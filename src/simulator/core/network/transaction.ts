/**
 * Neutron writes inside one DB transaction: a bulk create that fails on its third item leaves no
 * trace of the first two, and neither does the revision bump a subnet gave its network. Every
 * change to the store goes through `Transaction.apply` with its inverse, so a failure unwinds.
 */
export interface Transaction {
  apply(change: () => void, undo: () => void): void;
}

export function atomically<T>(work: (tx: Transaction) => T): T {
  const undos: Array<() => void> = [];
  const tx: Transaction = {
    apply(change, undo) {
      change();
      undos.push(undo);
    },
  };
  try {
    return work(tx);
  } catch (error) {
    for (const undo of undos.reverse()) undo();
    throw error;
  }
}

/** Assigns `changes` to `target`, remembering the old values for a rollback. */
export function assign<T extends object>(tx: Transaction, target: T, changes: Partial<T>): void {
  const before: Partial<T> = {};
  for (const key of Object.keys(changes) as Array<keyof T>) before[key] = target[key];
  tx.apply(
    () => Object.assign(target, changes),
    () => Object.assign(target, before),
  );
}

export function insert<V>(tx: Transaction, map: Map<string, V>, id: string, value: V): void {
  tx.apply(
    () => map.set(id, value),
    () => map.delete(id),
  );
}

export function remove<V>(tx: Transaction, map: Map<string, V>, id: string): void {
  const value = map.get(id);
  if (value === undefined) return;
  tx.apply(
    () => map.delete(id),
    () => map.set(id, value),
  );
}
