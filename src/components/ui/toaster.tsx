import * as ToastPrimitive from '@radix-ui/react-toast';
import { Link } from 'react-router';
import { cx } from '../../lib/cx';
import { useToasts, type ToastMessage } from '../../lib/toasts';
import { CloseIcon } from './close-icon';

const tones: Record<ToastMessage['tone'], string> = {
  success: 'border-emerald-300 dark:border-emerald-800',
  danger: 'border-red-300 dark:border-red-800',
  info: 'border-slate-200 dark:border-slate-700',
};
const marks: Record<ToastMessage['tone'], string> = {
  success: 'bg-emerald-500',
  danger: 'bg-red-500',
  info: 'bg-sky-500',
};

/**
 * The toasts (Radix Toast: announced politely, or assertively for failures; F8 reaches them;
 * they pause while hovered or focused). Loaded once the first toast is pushed.
 */
export function Toaster() {
  const toasts = useToasts((state) => state.toasts);
  const dismiss = useToasts((state) => state.dismiss);
  return (
    <ToastPrimitive.Provider swipeDirection="right" label="Notification">
      {toasts.map((toast) => (
        <ToastPrimitive.Root
          key={toast.id}
          type={toast.tone === 'danger' ? 'foreground' : 'background'}
          duration={toast.tone === 'danger' ? 15_000 : 6_000}
          onOpenChange={(open) => {
            if (!open) dismiss(toast.id);
          }}
          className={cx(
            'relative grid gap-1 rounded-xl border bg-white py-3 pr-10 pl-5 text-sm text-slate-900 shadow-lg dark:bg-slate-900 dark:text-slate-100',
            'data-[swipe=end]:animate-none data-[swipe=move]:translate-x-[var(--radix-toast-swipe-move-x)]',
            tones[toast.tone],
          )}
        >
          <span aria-hidden="true" className={cx('absolute inset-y-3 left-2 w-1 rounded-full', marks[toast.tone])} />
          <ToastPrimitive.Title className="font-semibold">{toast.title}</ToastPrimitive.Title>
          {toast.description || toast.detail ? (
            <ToastPrimitive.Description className="text-slate-700 dark:text-slate-300">
              {toast.description}
              {toast.detail ? <span className="mt-1 block text-xs text-slate-600 dark:text-slate-400">Nova: {toast.detail}</span> : null}
            </ToastPrimitive.Description>
          ) : null}
          {toast.link ? (
            <ToastPrimitive.Action asChild altText={toast.link.label}>
              <Link to={toast.link.href} className="justify-self-start font-semibold text-indigo-700 underline underline-offset-4 dark:text-indigo-300">
                {toast.link.label}
              </Link>
            </ToastPrimitive.Action>
          ) : null}
          <ToastPrimitive.Close
            aria-label="Dismiss"
            className="absolute top-2 right-2 inline-flex size-7 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-slate-800"
          >
            <CloseIcon className="size-4" />
          </ToastPrimitive.Close>
        </ToastPrimitive.Root>
      ))}
      <ToastPrimitive.Viewport className="fixed right-0 bottom-0 z-[60] m-0 flex w-full max-w-sm list-none flex-col gap-2 p-4 outline-none" />
    </ToastPrimitive.Provider>
  );
}
