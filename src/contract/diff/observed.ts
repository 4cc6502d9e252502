// The harness's `real-openstack.sh observe` output: per action, the server's state before it and
// Nova's versioned instance.update notifications, which carry every transition (a poll can miss
// the quick ones).
import type { ServerState } from './sequence';

interface ObservedRecord {
  /** `POST /servers`, `POST /servers/{id}/action` or `DELETE /servers/{id}`. */
  request: string;
  body: Record<string, unknown> | null;
  before: { status: string; task_state: string | null; vm_state: string; power_state: number } | null;
  notifications?: Array<{ event_type: string; state: string; new_task_state: string | null }>;
}

/**
 * Which observation an action matches: its body's key (and reboot type) from a status and power
 * state (a confirmResize of a stopped server differs from a running one's by power state alone).
 */
export function observationKey(body: Record<string, unknown>, status: string, powerState: number): string {
  const [key = ''] = Object.keys(body);
  const reboot = body.reboot as { type?: string } | undefined;
  return `${key}${reboot?.type ? `:${reboot.type.toUpperCase()}` : ''}@${status}/${powerState}`;
}

/** A create has no server before it: its notifications are its whole sequence. */
export const createKey = 'create';

/** A DELETE has no body; it is keyed as if its body were `{delete: null}`. */
export const deleteKey = (status: string, powerState: number) => observationKey({ delete: null }, status, powerState);

function recordKey(record: ObservedRecord): string | undefined {
  if (record.request === 'POST /servers') return createKey;
  if (!record.before) return undefined;
  if (record.request.startsWith('DELETE ')) return deleteKey(record.before.status, record.before.power_state);
  return record.body ? observationKey(record.body, record.before.status, record.before.power_state) : undefined;
}

/** The notified sequences by observation key; the first observation of a key wins. */
export function notifiedSequences(observed: { results?: ObservedRecord[] }): Map<string, ServerState[]> {
  const sequences = new Map<string, ServerState[]>();
  for (const record of observed.results ?? []) {
    const key = recordKey(record);
    if (key === undefined || !record.notifications?.length || sequences.has(key)) continue;
    const updates = record.notifications.filter((n) => n.event_type === 'instance.update').map((n) => ({ taskState: n.new_task_state, vmState: n.state }));
    const before = record.before ? [{ taskState: record.before.task_state, vmState: record.before.vm_state }] : [];
    sequences.set(key, [...before, ...updates]);
  }
  return sequences;
}
