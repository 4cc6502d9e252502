import { Spinner } from '../../components/ui/spinner';

/** Shown while the first route's loaders run (the session check). */
export function AppLoading() {
  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-50 text-slate-700 dark:bg-slate-950 dark:text-slate-300">
      <p role="status" className="flex items-center gap-2 text-sm">
        <Spinner />
        Loading Stackdeck…
      </p>
    </main>
  );
}
