import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Fragment, useId, useRef } from 'react';
import { mainContentId } from '../../../components/layout';
import { Button } from '../../../components/ui/button';
import type { ServerSummary } from '../../../domain/api';
import type { ActionId } from '../../../domain/compute';
import { cx } from '../../../lib/cx';
import { BulkMenuLabel, MoreIcon, menuButtonClass, type StartAction } from './menu-faces';
import { actionGroups, worksInBulk } from './action-groups';
import { actionLabel, actionState } from './action-kinds';

/** A list row's Radix menu, mounted open on the first press of its plain button (`RowActionsMenu`). */
export function RowMenu({ server, onAction }: { server: ServerSummary; onAction: StartAction }) {
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <DropdownMenu.Root modal={false} defaultOpen>
      <DropdownMenu.Trigger ref={trigger} tabIndex={-1} aria-label={`Actions for ${server.name}`} className={menuButtonClass}>
        <MoreIcon />
      </DropdownMenu.Trigger>
      {/* In a portal (the grid clips its rows), inside the main landmark. */}
      <DropdownMenu.Portal container={menuContainer()}>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          collisionPadding={8}
          aria-label={`Actions for ${server.name}`}
          className="z-50 max-h-[var(--radix-dropdown-menu-content-available-height)] w-80 overflow-y-auto rounded-xl border border-slate-200 bg-white p-1 text-sm text-slate-900 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        >
          {actionGroups.map((group, index) => (
            <Fragment key={group.label}>
              {index > 0 ? <DropdownMenu.Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" /> : null}
              <DropdownMenu.Group aria-label={group.label}>
                {group.actions.map((id) => (
                  <ActionMenuItem key={id} id={id} server={server} onSelect={() => onAction(id, server, trigger.current)} />
                ))}
              </DropdownMenu.Group>
            </Fragment>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

/**
 * The bulk bar's menu: each action that makes sense for several servers at once, with how many of
 * the selected ones can take it (from each row's `actions`). Mounted open by the press on its
 * placeholder (`BulkBar`).
 */
export function BulkMenu({ servers, onAction }: { servers: readonly ServerSummary[]; onAction: (action: ActionId, returnFocus: HTMLElement | null) => void }) {
  const trigger = useRef<HTMLButtonElement>(null);
  const bulk = actionGroups.map((group) => ({ ...group, actions: group.actions.filter(worksInBulk) })).filter((group) => group.actions.length > 0);
  return (
    <DropdownMenu.Root modal={false} defaultOpen>
      <DropdownMenu.Trigger asChild>
        <Button ref={trigger} size="sm" variant="primary">
          <BulkMenuLabel />
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
  );
}

function ActionMenuItem({ id, server, onSelect, label }: { id: ActionId; server: Pick<ServerSummary, 'actions'>; onSelect: () => void; label?: string }) {
  const state = actionState(server, id);
  return <GatedMenuItem label={label ?? actionLabel(id)} reason={state.enabled ? undefined : state.reason} onSelect={onSelect} />;
}

/**
 * A menu item that may be unavailable: still reachable, `aria-disabled`, its reason shown under
 * its label and read as its description (the label alone is its name).
 */
function GatedMenuItem({ label, reason, note, onSelect }: { label: string; reason?: string | undefined; note?: string | undefined; onSelect: () => void }) {
  const reasonId = useId();
  const said = reason ?? note;
  return (
    <DropdownMenu.Item
      aria-disabled={reason !== undefined || undefined}
      aria-describedby={said !== undefined ? reasonId : undefined}
      onSelect={(event) => {
        if (reason !== undefined) {
          event.preventDefault();
          return;
        }
        onSelect();
      }}
      className={cx(
        'grid cursor-pointer gap-0.5 rounded-lg px-3 py-2 outline-none select-none data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800',
        reason !== undefined && 'cursor-not-allowed',
      )}
    >
      <span className={cx('font-medium', reason !== undefined && 'text-slate-500 dark:text-slate-400')}>{label}</span>
      {said !== undefined ? (
        <>
          {/* Seen under the label; heard as the description, not as part of the name. */}
          <span aria-hidden="true" className="text-xs text-slate-600 dark:text-slate-400">
            {said}
          </span>
          <span id={reasonId} hidden>
            {said}
          </span>
        </>
      ) : null}
    </DropdownMenu.Item>
  );
}

/** Menus a row or the bulk bar opens render in the main landmark (a portal: the grid clips its rows). */
function menuContainer(): HTMLElement | undefined {
  return (typeof document === 'undefined' ? null : document.getElementById(mainContentId)) ?? undefined;
}
