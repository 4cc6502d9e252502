import { actionBodySchemas, type ServerSummary } from '../../../domain/api';
import { actionIds, actionRules, type ActionId } from '../../../domain/compute';

/**
 * How the actions are laid out and asked for. Which are possible, and why not, is never decided
 * here: every server carries its `actions` from the BFF (domain/compute decides).
 */
const groups: ReadonlyArray<{ label: string; actions: readonly ActionId[] }> = [
  { label: 'Power', actions: ['start', 'stop', 'reboot', 'hard-reboot', 'pause', 'unpause', 'suspend', 'resume'] },
  { label: 'Size and image', actions: ['resize', 'confirm-resize', 'revert-resize', 'snapshot', 'rebuild'] },
  { label: 'Recovery', actions: ['rescue', 'unrescue'] },
  { label: 'Lock', actions: ['lock', 'unlock'] },
];

/** Every action in a group, in the order above; an action added later lands in "Other". */
export const actionGroups: ReadonlyArray<{ label: string; actions: readonly ActionId[] }> = (() => {
  const placed = new Set(groups.flatMap((g) => g.actions));
  const other = actionIds.filter((id) => !placed.has(id));
  return other.length > 0 ? [...groups, { label: 'Other', actions: other }] : groups;
})();

/** Asks first: a disruptive action (the rules' `confirm`), or one that takes input. */
export function needsDialog(action: ActionId): boolean {
  return actionRules[action].confirm || action in actionBodySchemas;
}

/** Offered for several servers at once: actions that need no per-server choice (a lock's reason is shared). */
export function worksInBulk(action: ActionId): boolean {
  return !(action in actionBodySchemas) || action === 'lock';
}

export type ActionState = { enabled: true } | { enabled: false; reason: string };

/** The server's own word on an action (from the BFF). */
export function actionState(server: Pick<ServerSummary, 'actions'>, action: ActionId): ActionState {
  const found = server.actions.find((a) => a.id === action);
  if (found?.enabled) return { enabled: true };
  return { enabled: false, reason: found?.reason ?? `${actionRules[action].label} is not offered for this server.` };
}

export function actionLabel(action: ActionId): string {
  return actionRules[action].label;
}

/** What a dialog is asked for: one server, or the selected ones. */
export type ActionRequest =
  | { kind: 'single'; action: ActionId; server: ServerSummary }
  | { kind: 'bulk'; action: ActionId; servers: ServerSummary[] };
