import { GatedButton } from '../../../components/ui/gated-button';
import type { ServerSummary } from '../../../domain/api';
import { actionGroups } from './action-groups';
import { actionLabel, actionState } from './action-kinds';
import type { StartAction } from './menu-faces';

/**
 * Every action as a button, grouped, for the server's page. An action that is not possible now
 * stays focusable and says why (its description and a tooltip), in the BFF's words.
 */
export function ServerActionToolbar({ server, onAction }: { server: ServerSummary; onAction: StartAction }) {
  return (
    <div role="group" aria-label={`Actions on ${server.name}`} className="flex max-w-3xl flex-wrap justify-end gap-x-4 gap-y-2">
      {actionGroups.map((group) => (
        <div key={group.label} role="group" aria-label={group.label} className="flex flex-wrap justify-end gap-1.5">
          {group.actions.map((id) => {
            const state = actionState(server, id);
            return (
              <GatedButton key={id} size="sm" reason={state.enabled ? undefined : state.reason} onClick={(event) => onAction(id, server, event.currentTarget)}>
                {actionLabel(id)}
              </GatedButton>
            );
          })}
        </div>
      ))}
    </div>
  );
}
