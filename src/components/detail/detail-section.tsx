import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { cx } from '../../lib/cx';
import { formatDateTime, formatRelativeTime } from '../../lib/format';

/** A titled panel of a detail page: a region named by its heading. */
export function DetailSection({ title, children, className, actions }: { title: string; children: ReactNode; className?: string; actions?: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={cx('rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900', className)}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** Label–value pairs, as a description list. */
export function Facts({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[minmax(7rem,auto)_1fr] content-start gap-x-4 gap-y-2 text-sm">{children}</dl>;
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

/** A time in full with how long ago; `missing` when there is none. */
export function DateTimeFact({ iso, missing = 'Never' }: { iso: string | null; missing?: string }) {
  if (!iso) return <span className="text-slate-500 dark:text-slate-400">{missing}</span>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatDateTime(iso)} <span className="text-slate-500">({formatRelativeTime(iso)})</span>
    </time>
  );
}

/** The way back to a list, above a detail page's title: "← All networks". */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-3 text-sm">
      <Link to={to} className="inline-flex items-center gap-1 font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        <span aria-hidden="true">←</span> {children}
      </Link>
    </nav>
  );
}
