import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ServersPage } from '../../features/servers';
import { paths } from '../paths';

/** Carried to the detail page so that its "All servers" link returns to the same search. */
export interface FromListState {
  fromList: string;
}

export function ServersRoute() {
  const navigate = useNavigate();
  const { search } = useLocation();
  const onOpenServer = useCallback(
    (id: string) => void navigate(paths.server(id), { state: { fromList: `${paths.servers}${search}` } satisfies FromListState }),
    [navigate, search],
  );
  return <ServersPage serverHref={paths.server} onOpenServer={onOpenServer} taskHref={paths.task} />;
}
