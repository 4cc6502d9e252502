import type { ButtonHTMLAttributes, Ref } from 'react';
import { cx } from '../../lib/cx';
import { Spinner } from './spinner';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';
type Size = 'sm' | 'md';

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className'> {
  variant?: Variant;
  size?: Size;
  /** Busy but still focusable: a disabled button would drop keyboard focus mid-request. */
  pending?: boolean;
  /**
   * Not possible now, but still focusable so that its reason (`aria-describedby`) can be read:
   * `aria-disabled`, and a click does nothing.
   */
  unavailable?: boolean;
  block?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

const variants: Record<Variant, string> = {
  primary:
    'bg-indigo-600 text-white shadow-sm hover:bg-indigo-700 dark:hover:bg-indigo-500',
  secondary:
    'border border-slate-300 bg-white text-slate-800 shadow-xs hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800',
  danger: 'bg-red-700 text-white shadow-sm hover:bg-red-800 dark:bg-red-600 dark:hover:bg-red-500',
  ghost: 'text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950',
};

const sizes: Record<Size, string> = {
  md: 'h-10 px-4 text-sm',
  sm: 'h-8 px-3 text-xs',
};

export function Button({
  variant = 'secondary',
  size = 'md',
  pending = false,
  unavailable = false,
  block = false,
  type = 'button',
  children,
  onClick,
  ...rest
}: ButtonProps) {
  const inert = pending || unavailable;
  return (
    <button
      type={type}
      aria-disabled={inert || undefined}
      onClick={(event) => {
        if (inert) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
      className={cx(
        'inline-flex items-center justify-center gap-2 rounded-lg font-semibold whitespace-nowrap transition-colors',
        'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-400',
        'disabled:cursor-not-allowed disabled:opacity-60',
        pending && 'cursor-progress',
        unavailable && 'cursor-not-allowed opacity-55',
        sizes[size],
        variants[variant],
        block && 'w-full',
      )}
      {...rest}
    >
      {pending ? <Spinner /> : null}
      {children}
    </button>
  );
}
