import { useLocation, useParams } from 'react-router';
import { NetworkHrefContext, ServerDetailPage } from '../../features/servers/detail';
import { paths } from '../paths';

export function ServerDetailRoute() {
  const { id = '' } = useParams();
  const { state } = useLocation();
  // The address groups link to their networks.
  return (
    <NetworkHrefContext value={paths.network}>
      <ServerDetailPage key={id} id={id} listHref={backToList(state)} taskHref={paths.task} />
    </NetworkHrefContext>
  );
}

/** The list as the user left it, when they came from it; history state is anyone's, so checked. */
function backToList(state: unknown): string {
  const from = (state as { fromList?: unknown } | null)?.fromList;
  return typeof from === 'string' && (from === paths.servers || from.startsWith(`${paths.servers}?`)) ? from : paths.servers;
}
