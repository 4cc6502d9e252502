import type { Ref } from 'react';
import { cx } from '../../../lib/cx';

/** The header's "Tasks" button, with the number of tasks running. */
export function TasksButton({ running, expanded, onOpen, ref }: { running: number; expanded: boolean; onOpen: () => void; ref?: Ref<HTMLButtonElement> }) {
  return (
    <button
      ref={ref}
      type="button"
      aria-haspopup="dialog"
      aria-expanded={expanded}
      aria-label={running > 0 ? `Tasks, ${running} running` : 'Tasks'}
      onClick={onOpen}
      className={cx(
        'inline-flex h-10 items-center gap-2 rounded-lg px-3 text-sm font-medium text-slate-700 transition-colors',
        'hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white',
        'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
      )}
    >
      Tasks
      {running > 0 ? (
        <span className="inline-flex min-w-5 items-center justify-center rounded-full bg-sky-600 px-1.5 text-xs font-semibold text-white">{running}</span>
      ) : null}
    </button>
  );
}
