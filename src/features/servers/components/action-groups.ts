import { actionBodySchemas } from '../../../domain/api';
import { actionIds, type ActionId } from '../../../domain/compute';

// How the actions are laid out, and which work on several servers at once. Apart from
// action-kinds: only the menus and the server page's toolbar need it, none of them part of the
// list's first screen.

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

/** Offered for several servers at once: actions that need no per-server choice (a lock's reason is shared). */
export function worksInBulk(action: ActionId): boolean {
  return !(action in actionBodySchemas) || action === 'lock';
}
