import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state';
import { PageHeader } from '../../components/ui/page-header';
import { paths } from '../paths';

export function NotFoundRoute() {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState title="There is nothing at this address">
        <p>The link may be mistyped, or the page may have moved.</p>
        <p className="mt-4">
          <Link
            to={paths.home}
            className="font-semibold text-indigo-700 underline underline-offset-4 hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-100"
          >
            Go to the home page
          </Link>
        </p>
      </EmptyState>
    </>
  );
}
