import type { QueryClient } from '@tanstack/react-query';
import { redirect, type LoaderFunctionArgs } from 'react-router';
import { sessionQuery } from '../../features/auth';
import { loginHref } from '../paths';

// Kept apart from the layout component so that the session check starts while its chunk loads.
export const appLayoutLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const session = await queryClient.ensureQueryData(sessionQuery());
    if (!session) {
      const url = new URL(request.url);
      throw redirect(loginHref(`${url.pathname}${url.search}${url.hash}`));
    }
    return null;
  };
