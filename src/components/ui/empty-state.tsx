import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  children: ReactNode;
  icon?: ReactNode;
}

export function EmptyState({ title, children, icon }: EmptyStateProps) {
  return (
    <div
      className="mx-auto mt-8 max-w-xl rounded-2xl border border-dashed border-slate-300 px-6 py-12 text-center dark:border-slate-700"
    >
      {icon ? (
        <div className="mx-auto mb-4 flex size-12 items-center justify-center rounded-full bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300">
          {icon}
        </div>
      ) : null}
      <h2 className="text-base font-semibold text-slate-900 dark:text-slate-100">{title}</h2>
      <div className="mt-2 text-sm text-slate-600 dark:text-slate-400">{children}</div>
    </div>
  );
}
