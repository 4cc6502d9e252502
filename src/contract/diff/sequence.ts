// The (status, task_state, vm_state) states an action takes a server through, and how the real
// cloud's and the simulator's are held against each other.

export interface ServerState {
  /** Absent for states taken from notifications, which carry no status. */
  status?: string;
  taskState: string | null;
  vmState: string;
}

export const stateLabel = (s: ServerState) => `${s.status ?? '?'}/${s.taskState ?? 'None'}/${s.vmState}`;

/** Consecutive repeats dropped, comparing only the fields both sides have. */
export function collapse(states: readonly ServerState[], withStatus = true): ServerState[] {
  const key = (s: ServerState) => `${withStatus ? s.status : ''}/${s.taskState}/${s.vmState}`;
  return states.filter((s, i) => i === 0 || key(s) !== key(states[i - 1] as ServerState));
}

const same = (a: ServerState, b: ServerState) =>
  a.taskState === b.taskState && a.vmState === b.vmState && (a.status === undefined || b.status === undefined || a.status === b.status);

/**
 * A polled sequence may miss quick states but never invents or reorders them: every state seen
 * must be one the full sequence goes through, in the same order, and both must end alike.
 * Returns why not, or undefined when it holds.
 */
export function polledFitsFull(polled: readonly ServerState[], full: readonly ServerState[]): string | undefined {
  let at = 0;
  for (const state of polled) {
    while (at < full.length && !same(state, full[at] as ServerState)) at += 1;
    if (at === full.length) return `${stateLabel(state)} is not among, or out of order in, ${full.map(stateLabel).join(' → ')}`;
  }
  const [last, end] = [polled.at(-1), full.at(-1)];
  if (last && end && !same(last, end)) return `ends at ${stateLabel(last)}, not ${stateLabel(end)}`;
  return undefined;
}

/** A complete sequence (notifications, the simulator's own steps) as its (task_state/vm_state) transitions, to compare as lists. */
export function transitions(states: readonly ServerState[]): string[] {
  return collapse(states, false).map((s) => `${s.taskState ?? 'None'}/${s.vmState}`);
}

/**
 * The aspects of one task compared on both sides, as [aspect, real, sim]: the real polled states
 * held against the simulator's, and, when `observe` recorded this task, the notified transitions.
 */
export function sequenceAspects(real: readonly ServerState[], sim: readonly ServerState[], notified: readonly ServerState[] | undefined): Array<[string, unknown, unknown]> {
  const fits = polledFitsFull(collapse(real), collapse(sim));
  const aspects: Array<[string, unknown, unknown]> = [['sequence', fits ? `${fits} (real polled: ${collapse(real).map(stateLabel).join(' → ')})` : 'fits', 'fits']];
  if (notified) aspects.push(['notified', transitions(notified), transitions(sim)]);
  return aspects;
}
