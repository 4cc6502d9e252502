import { cx } from '../../lib/cx';

export interface ProgressBarProps {
  /** 0–100. */
  value: number;
  /** The bar's accessible name: "Progress of the reboot of web-01". */
  label: string;
  /** What the value means in words, read instead of the bare percentage: "40 % · Migrating disk". */
  valueText?: string;
  tone?: 'progress' | 'success' | 'danger';
  className?: string;
}

const fills = {
  progress: 'bg-sky-500 dark:bg-sky-400',
  success: 'bg-emerald-500 dark:bg-emerald-400',
  danger: 'bg-red-500 dark:bg-red-400',
} as const;

/** A determinate progress bar (`role="progressbar"` with its value). */
export function ProgressBar({ value, label, valueText, tone = 'progress', className }: ProgressBarProps) {
  const now = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={now}
      aria-valuetext={valueText}
      className={cx('h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700', className)}
    >
      <div className={cx('h-full rounded-full transition-[width] duration-500 motion-reduce:transition-none', fills[tone])} style={{ width: `${now}%` }} />
    </div>
  );
}
