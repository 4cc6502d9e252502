import { cx } from '../../lib/cx';

export const productName = 'Stackdeck';
export const productTagline = 'A fast, clear and safe control panel for your OpenStack cloud.';

export function BrandMark({ className }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" className={cx('size-8 shrink-0', className)}>
      <rect width="32" height="32" rx="8" className="fill-indigo-600 dark:fill-indigo-500" />
      <path d="M8 20.5 16 24l8-3.5" fill="none" stroke="white" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" opacity="0.6" />
      <path d="M8 15.5 16 19l8-3.5" fill="none" stroke="white" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" opacity="0.8" />
      <path d="M16 8 8 11.5 16 15l8-3.5z" fill="white" />
    </svg>
  );
}
