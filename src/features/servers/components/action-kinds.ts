import type { ServerSummary } from '../../../domain/api';
import { serverActions, takesInput, type ActionId } from '../../../domain/compute';

// How each action is asked for and named. Which are possible, and why not, is never decided here:
// every server carries its `actions` from the BFF (domain/compute decides).

/** Asks first: a disruptive action (the rules' `confirm`), or one that takes input. */
export function needsDialog(action: ActionId): boolean {
  return serverActions[action].confirm || takesInput(action);
}

export type ActionState = { enabled: true } | { enabled: false; reason: string };

/** The server's own word on an action (from the BFF). */
export function actionState(server: Pick<ServerSummary, 'actions'>, action: ActionId): ActionState {
  const found = server.actions.find((a) => a.id === action);
  if (found?.enabled) return { enabled: true };
  return { enabled: false, reason: found?.reason ?? `${serverActions[action].label} is not offered for this server.` };
}

export function actionLabel(action: ActionId): string {
  return serverActions[action].label;
}

/** What a dialog is asked for: one server, or the selected ones. */
export type ActionRequest =
  | { kind: 'single'; action: ActionId; server: ServerSummary }
  | { kind: 'bulk'; action: ActionId; servers: ServerSummary[] };
