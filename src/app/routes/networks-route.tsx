import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { NetworksPage } from '../../features/networks';
import { paths } from '../paths';
import { useProjectName } from './use-project-name';

/** Carried to the detail page so that its "All networks" link returns to the same search. */
export interface FromNetworkListState {
  fromList: string;
}

export function NetworksRoute() {
  const navigate = useNavigate();
  const { search } = useLocation();
  const projectName = useProjectName();
  const onOpenNetwork = useCallback(
    (id: string) => void navigate(paths.network(id), { state: { fromList: `${paths.networks}${search}` } satisfies FromNetworkListState }),
    [navigate, search],
  );
  return <NetworksPage networkHref={paths.network} onOpenNetwork={onOpenNetwork} projectName={projectName} />;
}
