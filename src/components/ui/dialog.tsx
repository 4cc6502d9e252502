import * as DialogPrimitive from '@radix-ui/react-dialog';
import { useRef, type ReactNode } from 'react';
import { cx } from '../../lib/cx';
import { CloseIcon } from './close-icon';

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The dialog's title (its accessible name): name what it acts on, e.g. "Stop web-01?". */
  title: ReactNode;
  /** Its accessible description: what will happen. */
  description: ReactNode;
  children: ReactNode;
  /** `sheet`: a side panel over the right edge (the tasks drawer); `center` otherwise. */
  layout?: 'center' | 'sheet';
  size?: 'md' | 'lg';
  /**
   * Where focus goes when the dialog closes: by default the element that had it when the dialog
   * opened; a dialog opened from a menu item (gone by then) names its menu's trigger here.
   */
  returnFocusTo?: HTMLElement | null | undefined;
  /** Keep the dialog open on a click outside or Escape (while a request runs, say). */
  dismissible?: boolean;
}

/**
 * A modal dialog (Radix: focus trapped inside, Escape closes, focus returned on close, the rest
 * of the page inert), with a title, a description and a close button.
 */
export function Dialog({ open, onOpenChange, title, description, children, layout = 'center', size = 'md', returnFocusTo, dismissible = true }: DialogProps) {
  // Without a Radix Trigger, Radix has nowhere to send focus back to: remember the opener.
  const opener = useRef<HTMLElement | null>(null);
  return (
    <DialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-slate-950/50 backdrop-blur-[1px] dark:bg-black/60" />
        <DialogPrimitive.Content
          onOpenAutoFocus={() => {
            opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          }}
          onCloseAutoFocus={(event) => {
            const target = returnFocusTo?.isConnected ? returnFocusTo : opener.current;
            if (target?.isConnected) {
              event.preventDefault();
              target.focus();
            }
          }}
          onEscapeKeyDown={(event) => {
            if (!dismissible) event.preventDefault();
          }}
          onPointerDownOutside={(event) => {
            if (!dismissible) event.preventDefault();
          }}
          className={cx(
            'fixed z-50 flex flex-col bg-white text-slate-900 shadow-2xl outline-none dark:bg-slate-900 dark:text-slate-100',
            layout === 'sheet'
              ? 'inset-y-0 right-0 w-full max-w-xl border-l border-slate-200 dark:border-slate-800'
              : cx(
                  'top-1/2 left-1/2 max-h-[min(90dvh,48rem)] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 rounded-2xl border border-slate-200 dark:border-slate-700',
                  size === 'lg' ? 'max-w-2xl' : 'max-w-lg',
                ),
          )}
        >
          <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-6 py-4 dark:border-slate-800">
            <div className="min-w-0">
              <DialogPrimitive.Title className="text-lg font-semibold break-words">{title}</DialogPrimitive.Title>
              <DialogPrimitive.Description className="mt-1 text-sm text-slate-600 dark:text-slate-400">{description}</DialogPrimitive.Description>
            </div>
            <DialogPrimitive.Close
              aria-label="Close"
              className="-mr-2 inline-flex size-9 shrink-0 items-center justify-center rounded-lg text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-slate-800 dark:hover:text-white"
            >
              <CloseIcon className="size-5" />
            </DialogPrimitive.Close>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto px-6 py-5">{children}</div>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

/** The dialog's row of buttons, the main one last. */
export function DialogFooter({ children }: { children: ReactNode }) {
  return <div className="mt-6 flex flex-wrap justify-end gap-3">{children}</div>;
}

/** A button that closes the dialog ("Cancel", "Done"). */
export function DialogClose({ children }: { children: ReactNode }) {
  return (
    <DialogPrimitive.Close className="inline-flex h-10 items-center justify-center rounded-lg border border-slate-300 bg-white px-4 text-sm font-semibold text-slate-800 shadow-xs hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800">
      {children}
    </DialogPrimitive.Close>
  );
}
