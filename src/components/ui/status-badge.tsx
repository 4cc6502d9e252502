import type { ReactNode } from 'react';
import { cx } from '../../lib/cx';
import { Spinner } from './spinner';

/** The family a status belongs to, which decides its colour; the words come from the feature. */
export type StatusTone = 'success' | 'progress' | 'attention' | 'danger' | 'neutral';

const tones: Record<StatusTone, { badge: string; dot: string }> = {
  success: {
    badge: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-950/60 dark:text-emerald-200 dark:ring-emerald-400/30',
    dot: 'bg-emerald-500',
  },
  progress: {
    badge: 'bg-sky-50 text-sky-800 ring-sky-600/20 dark:bg-sky-950/60 dark:text-sky-200 dark:ring-sky-400/30',
    dot: 'bg-sky-500',
  },
  attention: {
    badge: 'bg-amber-50 text-amber-900 ring-amber-600/25 dark:bg-amber-950/60 dark:text-amber-100 dark:ring-amber-400/30',
    dot: 'bg-amber-500',
  },
  danger: {
    badge: 'bg-red-50 text-red-800 ring-red-600/20 dark:bg-red-950/60 dark:text-red-200 dark:ring-red-400/30',
    dot: 'bg-red-500',
  },
  neutral: {
    badge: 'bg-slate-100 text-slate-700 ring-slate-500/20 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-400/30',
    dot: 'bg-slate-400',
  },
};

export interface StatusBadgeProps {
  tone: StatusTone;
  children: ReactNode;
  /** Something is under way: a spinner instead of the dot. */
  busy?: boolean;
}

export function StatusBadge({ tone, children, busy = false }: StatusBadgeProps) {
  const style = tones[tone];
  return (
    <span
      className={cx(
        'inline-flex max-w-full items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset',
        style.badge,
      )}
    >
      {busy ? <Spinner className="size-3" /> : <span aria-hidden="true" className={cx('size-1.5 shrink-0 rounded-full', style.dot)} />}
      <span className="truncate">{children}</span>
    </span>
  );
}
