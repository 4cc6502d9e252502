import { isRouteErrorResponse, Link, useRevalidator, useRouteError } from 'react-router';
import { Button } from '../../components/ui/button';
import { productName } from '../../components/layout/brand';
import { isApiError } from '../../lib/errors';
import { messageFor } from '../../lib/messages';
import { paths } from '../paths';

/**
 * The one place a failed route shows its error. `standalone` when the shell itself could not
 * render (its loader failed), so this page brings its own landmark.
 */
export function RouteErrorBoundary({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const message =
    isRouteErrorResponse(error) && error.status === 404 ? 'This page does not exist.' : messageFor(error);
  const requestId = isApiError(error) ? error.requestId : undefined;

  const content = (
    <div className="mx-auto max-w-xl py-12 text-center">
      <title>{`Something went wrong · ${productName}`}</title>
      <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">{message}</p>
      {requestId ? (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          Request ID <code className="font-mono select-all">{requestId}</code>
        </p>
      ) : null}
      <div className="mt-6 flex justify-center gap-3">
        <Button variant="primary" pending={revalidator.state === 'loading'} onClick={() => void revalidator.revalidate()}>
          Try again
        </Button>
        <Link
          to={paths.home}
          className="inline-flex h-10 items-center rounded-lg px-4 text-sm font-semibold text-indigo-700 hover:underline dark:text-indigo-300"
        >
          Go to the home page
        </Link>
      </div>
    </div>
  );

  if (!standalone) return content;
  return (
    <main className="min-h-dvh bg-slate-50 px-4 text-slate-900 dark:bg-slate-950 dark:text-slate-100">{content}</main>
  );
}
