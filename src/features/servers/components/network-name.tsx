import { createContext, useContext } from 'react';
import { Link } from 'react-router';
import type { ServerSummary } from '../../../domain/api';

/**
 * Where a network's page is, given its id; the app provides it (from its paths table), since
 * features do not import each other. Without it, network names are plain text.
 */
export const NetworkHrefContext = createContext<((networkId: string) => string) | undefined>(undefined);

/** An address group's network: a link to the network when the BFF matched the name to one. */
export function NetworkName({ group }: { group: Pick<ServerSummary['addresses'][number], 'network' | 'networkId'> }) {
  const networkHref = useContext(NetworkHrefContext);
  if (!group.networkId || !networkHref) return <>{group.network}</>;
  return (
    <Link to={networkHref(group.networkId)} className="text-indigo-700 hover:underline dark:text-indigo-300">
      {group.network}
    </Link>
  );
}
