import { actionIds, serverActions, type ActionGroup, type ActionId } from '../../../domain/compute';

// How the actions are laid out, and which work on several servers at once. Apart from
// action-kinds: only the menus and the server page's toolbar need it, none of them part of the
// list's first screen.

/** The groups in the order the menus show them, each named as the menus name it. */
const groupLabels: Record<ActionGroup, string> = {
  power: 'Power',
  'size-and-image': 'Size and image',
  recovery: 'Recovery',
  lock: 'Lock',
};

/** Every action in its definition's group, groups and actions in the order of their definitions. */
export const actionGroups: ReadonlyArray<{ label: string; actions: readonly ActionId[] }> = (Object.keys(groupLabels) as ActionGroup[]).map((group) => ({
  label: groupLabels[group],
  actions: actionIds.filter((id) => serverActions[id].group === group),
}));

/** Offered for several servers at once: actions that need no per-server choice (a lock's reason is shared). */
export function worksInBulk(action: ActionId): boolean {
  return serverActions[action].bulk;
}
