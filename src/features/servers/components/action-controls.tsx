import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Fragment, useId, useRef, useState } from 'react';
import { GatedButton } from '../../../components/ui/gated-button';
import type { ServerSummary } from '../../../domain/api';
import type { ActionId } from '../../../domain/compute';
import { mainContentId } from '../../../components/layout';
import { cx } from '../../../lib/cx';
import { actionGroups, actionLabel, actionState } from './action-kinds';

/** Asks for an action on a server; `returnFocus` is where focus goes back when a dialog it opens closes. */
export type StartAction = (action: ActionId, server: ServerSummary, returnFocus: HTMLElement | null) => void;

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

/**
 * Confirm and Revert for a server waiting in VERIFY_RESIZE, right where it is marked "Needs
 * confirmation". `inGrid`: inside a list row, out of the tab order (the grid is one tab stop) and
 * named with the server.
 */
export function ResizeDecision({ server, onAction, inGrid = false }: { server: ServerSummary; onAction: StartAction; inGrid?: boolean }) {
  const confirm = actionState(server, 'confirm-resize');
  const revert = actionState(server, 'revert-resize');
  return (
    <span className="inline-flex gap-1.5">
      <GatedButton
        size="sm"
        variant="primary"
        tabIndex={inGrid ? -1 : undefined}
        aria-label={inGrid ? `Confirm the resize of ${server.name}` : undefined}
        reason={confirm.enabled ? undefined : confirm.reason}
        onClick={(event) => onAction('confirm-resize', server, event.currentTarget)}
      >
        Confirm
      </GatedButton>
      <GatedButton
        size="sm"
        tabIndex={inGrid ? -1 : undefined}
        aria-label={inGrid ? `Revert the resize of ${server.name}` : undefined}
        reason={revert.enabled ? undefined : revert.reason}
        onClick={(event) => onAction('revert-resize', server, event.currentTarget)}
      >
        Revert
      </GatedButton>
    </span>
  );
}

const menuButtonClass = cx(
  'inline-flex size-8 items-center justify-center rounded-lg text-slate-600 hover:bg-slate-100 hover:text-slate-900',
  'focus-visible:outline-2 focus-visible:outline-indigo-600 data-[state=open]:bg-slate-100',
  'dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white dark:data-[state=open]:bg-slate-800',
);

function MoreIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5">
      <path fill="currentColor" d="M4 10a1.5 1.5 0 1 1 3 0 1.5 1.5 0 0 1-3 0zm4.5 0a1.5 1.5 0 1 1 3 0 1.5 1.5 0 0 1-3 0zM14.5 8.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z" />
    </svg>
  );
}

/**
 * A list row's menu of actions. Items that are not possible now stay in the menu, reachable by
 * the arrow keys, `aria-disabled`, with their reason under them (and as their description).
 * Every rendered row has one, so until it is first opened it is a plain button: the Radix menu
 * (its context, its popper) is mounted on that first press, already open.
 */
export function RowActionsMenu({ server, onAction }: { server: ServerSummary; onAction: StartAction }) {
  const [armed, setArmed] = useState(false);
  if (!armed) {
    return (
      <button
        type="button"
        // The grid is the one tab stop of the rows: Space selects the active row and the bulk bar acts on it.
        tabIndex={-1}
        aria-haspopup="menu"
        aria-expanded={false}
        aria-label={`Actions for ${server.name}`}
        onClick={() => setArmed(true)}
        className={menuButtonClass}
      >
        <MoreIcon />
      </button>
    );
  }
  return <RowMenu server={server} onAction={onAction} />;
}

function RowMenu({ server, onAction }: { server: ServerSummary; onAction: StartAction }) {
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

export function ActionMenuItem({ id, server, onSelect, label }: { id: ActionId; server: Pick<ServerSummary, 'actions'>; onSelect: () => void; label?: string }) {
  const state = actionState(server, id);
  return <GatedMenuItem label={label ?? actionLabel(id)} reason={state.enabled ? undefined : state.reason} onSelect={onSelect} />;
}

/**
 * A menu item that may be unavailable: still reachable, `aria-disabled`, its reason shown under
 * its label and read as its description (the label alone is its name).
 */
export function GatedMenuItem({ label, reason, note, onSelect }: { label: string; reason?: string | undefined; note?: string | undefined; onSelect: () => void }) {
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
export function menuContainer(): HTMLElement | undefined {
  return (typeof document === 'undefined' ? null : document.getElementById(mainContentId)) ?? undefined;
}
