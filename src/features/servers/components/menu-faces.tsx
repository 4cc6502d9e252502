import type { ServerSummary } from '../../../domain/api';
import type { ActionId } from '../../../domain/compute';
import { cx } from '../../../lib/cx';

/** Asks for an action on a server; `returnFocus` is where focus goes back when a dialog it opens closes. */
export type StartAction = (action: ActionId, server: ServerSummary, returnFocus: HTMLElement | null) => void;

// The menus' triggers look the same before and after the Radix menus' code is here.
export const menuButtonClass = cx(
  'inline-flex size-8 items-center justify-center rounded-lg text-slate-600 hover:bg-slate-100 hover:text-slate-900',
  'focus-visible:outline-2 focus-visible:outline-indigo-600 data-[state=open]:bg-slate-100',
  'dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white dark:data-[state=open]:bg-slate-800',
);

export function MoreIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5">
      <path fill="currentColor" d="M4 10a1.5 1.5 0 1 1 3 0 1.5 1.5 0 0 1-3 0zm4.5 0a1.5 1.5 0 1 1 3 0 1.5 1.5 0 0 1-3 0zM14.5 8.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z" />
    </svg>
  );
}

export function BulkMenuLabel() {
  return (
    <>
      Actions for the selected servers
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4">
        <path fill="currentColor" d="M5.2 7.2a.75.75 0 0 1 1.06 0L10 10.94l3.74-3.74a.75.75 0 1 1 1.06 1.06l-4.27 4.27a.75.75 0 0 1-1.06 0L5.2 8.26a.75.75 0 0 1 0-1.06z" />
      </svg>
    </>
  );
}
