import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { sessionQuery } from '../../features/auth';

/**
 * A project's name, for the projects the session knows (the user's own); other projects (a
 * network shared from elsewhere) have only their id. Features take it as a prop: they do not
 * import the auth feature.
 */
export function useProjectName(): (projectId: string) => string | undefined {
  const { data: session } = useQuery(sessionQuery());
  const projects = session?.projects;
  return useCallback((projectId: string) => projects?.find((p) => p.id === projectId)?.name, [projects]);
}
