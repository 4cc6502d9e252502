import { lazy, Suspense, useState } from 'react';
import { GatedButton } from '../../../components/ui/gated-button';
import type { ServerSummary } from '../../../domain/api';
import { actionState } from './action-kinds';
import { MoreIcon, menuButtonClass, type StartAction } from './menu-faces';

export type { StartAction };

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

// The Radix menus are a chunk of their own, asked for when a row's menu is first reached for.
const loadMenus = () => import('./action-menus');
const RowMenu = lazy(async () => ({ default: (await loadMenus()).RowMenu }));

/**
 * A list row's menu of actions. Items that are not possible now stay in the menu, reachable by
 * the arrow keys, `aria-disabled`, with their reason under them (and as their description).
 * Every rendered row has one, so until it is first opened it is a plain button: the Radix menu
 * (its context, its popper) is mounted on that first press, already open.
 */
export function RowActionsMenu({ server, onAction }: { server: ServerSummary; onAction: StartAction }) {
  const [armed, setArmed] = useState(false);
  const plain = (
    <button
      type="button"
      // The grid is the one tab stop of the rows: Space selects the active row and the bulk bar acts on it.
      tabIndex={-1}
      aria-haspopup="menu"
      aria-expanded={false}
      aria-label={`Actions for ${server.name}`}
      onClick={() => setArmed(true)}
      onPointerEnter={() => void loadMenus()}
      className={menuButtonClass}
    >
      <MoreIcon />
    </button>
  );
  if (!armed) return plain;
  return (
    <Suspense fallback={plain}>
      <RowMenu server={server} onAction={onAction} />
    </Suspense>
  );
}
