import { lazy, Suspense, useEffect, useState } from 'react';
import { useToasts } from '../../lib/toasts';

const Toaster = lazy(async () => ({ default: (await import('./toaster')).Toaster }));

/**
 * Shows the toasts any feature pushes (`showToast`). Radix Toast loads with the first one, so
 * the first paint of a page does not carry it; once loaded it stays, so toasts can leave with
 * their animation. Toasts end with the shell (sign-out).
 */
export function ToastHost() {
  const any = useToasts((state) => state.toasts.length > 0);
  const [loaded, setLoaded] = useState(any);
  if (any && !loaded) setLoaded(true);
  useEffect(() => () => useToasts.getState().clear(), []);
  return loaded ? (
    <Suspense fallback={null}>
      <Toaster />
    </Suspense>
  ) : null;
}
