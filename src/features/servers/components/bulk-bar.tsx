import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useRef } from 'react';
import { Button } from '../../../components/ui/button';
import type { ServerSummary } from '../../../domain/api';
import type { ActionId } from '../../../domain/compute';
import { countOf } from '../../../lib/format';
import { GatedMenuItem, menuContainer } from './action-controls';
import { actionGroups, actionLabel, actionState, worksInBulk } from './action-kinds';

export interface BulkBarProps {
  servers: readonly ServerSummary[];
  onAction: (action: ActionId, returnFocus: HTMLElement | null) => void;
  onClear: () => void;
}

/**
 * What to do with the selected rows: each action that makes sense for several servers at once,
 * with how many of them can take it (from each row's `actions`); the dialog then lists who can and why not.
 */
export function BulkBar({ servers, onAction, onClear }: BulkBarProps) {
  const trigger = useRef<HTMLButtonElement>(null);
  const bulk = actionGroups.map((group) => ({ ...group, actions: group.actions.filter(worksInBulk) })).filter((group) => group.actions.length > 0);
  return (
    <div
      role="region"
      aria-label="Selected servers"
      className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-xl border border-indigo-200 bg-indigo-50 px-4 py-2 text-sm text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950/50 dark:text-indigo-50"
    >
      <p aria-live="polite" className="font-semibold">
        {countOf(servers.length, 'server')} selected
      </p>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger asChild>
          <Button ref={trigger} size="sm" variant="primary">
            Actions for the selected servers
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4">
              <path fill="currentColor" d="M5.2 7.2a.75.75 0 0 1 1.06 0L10 10.94l3.74-3.74a.75.75 0 1 1 1.06 1.06l-4.27 4.27a.75.75 0 0 1-1.06 0L5.2 8.26a.75.75 0 0 1 0-1.06z" />
            </svg>
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal container={menuContainer()}>
          <DropdownMenu.Content
            align="start"
            sideOffset={4}
            collisionPadding={8}
            className="z-50 max-h-[var(--radix-dropdown-menu-content-available-height)] w-80 overflow-y-auto rounded-xl border border-slate-200 bg-white p-1 text-sm text-slate-900 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
          >
            {bulk.map((group, index) => (
              <DropdownMenu.Group key={group.label} aria-label={group.label}>
                {index > 0 ? <DropdownMenu.Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" /> : null}
                {group.actions.map((id) => {
                  const able = servers.filter((s) => actionState(s, id).enabled).length;
                  return (
                    <GatedMenuItem
                      key={id}
                      label={actionLabel(id)}
                      reason={able === 0 ? 'None of the selected servers can take it now.' : undefined}
                      note={`${able} of ${servers.length} can take it`}
                      onSelect={() => onAction(id, trigger.current)}
                    />
                  );
                })}
              </DropdownMenu.Group>
            ))}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <Button size="sm" variant="ghost" onClick={onClear}>
        Clear selection
      </Button>
    </div>
  );
}
