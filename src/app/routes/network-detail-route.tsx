import { useLocation, useParams } from 'react-router';
import { NetworkDetailPage } from '../../features/networks/detail';
import { paths } from '../paths';
import { useProjectName } from './use-project-name';

export function NetworkDetailRoute() {
  const { id = '' } = useParams();
  const { state } = useLocation();
  const projectName = useProjectName();
  return <NetworkDetailPage key={id} id={id} listHref={backToList(state)} serverHref={paths.server} projectName={projectName} />;
}

/** The list as the user left it, when they came from it; history state is anyone's, so checked. */
function backToList(state: unknown): string {
  const from = (state as { fromList?: unknown } | null)?.fromList;
  return typeof from === 'string' && (from === paths.networks || from.startsWith(`${paths.networks}?`)) ? from : paths.networks;
}
