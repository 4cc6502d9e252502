import { useEffect, useId, useRef } from 'react';
import { cx } from '../../lib/cx';
import { fieldClass } from '../form/text-field';
import { CloseIcon } from '../ui/close-icon';
import { Spinner } from '../ui/spinner';

export interface SearchBoxProps {
  label: string;
  /** Say what the box understands: "Name, IP address or ID". */
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  /** A search is under way for what was typed. */
  busy?: boolean;
  /** `/` anywhere on the page (outside a text field) focuses the box. */
  slashShortcut?: boolean;
}

/** The one search box of a list page: labelled, clearable with Escape or its button, and `/` to reach it. */
export function SearchBox({ label, placeholder, value, onChange, busy = false, slashShortcut = true }: SearchBoxProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!slashShortcut) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTypingTarget(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [slashShortcut]);

  return (
    <div className="grid min-w-64 flex-1 content-start gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <div className="relative">
        <SearchIcon />
        <input
          ref={input}
          id={id}
          type="search"
          value={value}
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={slashShortcut ? hintId : undefined}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && value) {
              event.preventDefault();
              onChange('');
            }
          }}
          className={cx(fieldClass, 'pr-16 pl-9 [&::-webkit-search-cancel-button]:hidden')}
        />
        <span className="absolute inset-y-0 right-2 flex items-center gap-1.5">
          {busy ? <Spinner className="text-slate-500" /> : null}
          {value ? (
            <button
              type="button"
              aria-label="Empty the search box"
              onClick={() => {
                onChange('');
                input.current?.focus();
              }}
              className="rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-slate-800 dark:hover:text-white"
            >
              <CloseIcon className="size-4" />
            </button>
          ) : slashShortcut ? (
            <kbd aria-hidden="true" className="rounded border border-slate-300 px-1.5 font-mono text-xs text-slate-500 dark:border-slate-600">
              /
            </kbd>
          ) : null}
        </span>
      </div>
      {slashShortcut ? (
        <p id={hintId} className="sr-only">
          Press slash to come back to this box from anywhere on the page.
        </p>
      ) : null}
    </div>
  );
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function SearchIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-500">
      <path fill="currentColor" d="M8.5 3a5.5 5.5 0 0 1 4.38 8.82l3.65 3.65a.75.75 0 1 1-1.06 1.06l-3.65-3.65A5.5 5.5 0 1 1 8.5 3zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8z" />
    </svg>
  );
}
