import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { ResourceTable, type ResourceColumn } from '../../../components/resource-table';
import { EmptyState } from '../../../components/ui/empty-state';
import type { NetworkPort, NetworkPortList } from '../../../domain/api';
import { networkPortsQuery } from '../api/network-queries';
import { Muted, PortStatusBadge } from './network-words';

const getItems = (page: NetworkPortList) => page.items;
const portId = (port: NetworkPort) => port.id;

/**
 * A network's ports through the same virtualized, infinitely loading grid as the lists (only one
 * on this page; the subnets, never more than a few, are a plain table). Opening a row (a click,
 * or Enter on the active row) goes to the port's server when it has one.
 */
export function PortsTable({ networkId, serverHref }: { networkId: string; serverHref: (id: string) => string }) {
  const portsQuery = networkPortsQuery(networkId);
  const ports = useInfiniteQuery(portsQuery);
  const navigate = useNavigate();
  const columns = useMemo(() => portColumns(serverHref), [serverHref]);
  return (
    <ResourceTable
      label="Ports"
      columns={columns}
      query={ports}
      queryKey={portsQuery.queryKey}
      getRows={getItems}
      rowKey={portId}
      onOpen={(port) => {
        if (port.server && !port.server.deleted) void navigate(serverHref(port.server.id));
      }}
      noun={{ singular: 'port', plural: 'ports' }}
      height="min(60vh, 30rem)"
      minWidth="50rem"
      empty={<EmptyState title="No ports">No port of this project is on this network.</EmptyState>}
    />
  );
}

function portColumns(serverHref: (id: string) => string): Array<ResourceColumn<NetworkPort>> {
  return [
    {
      id: 'port',
      header: 'Port',
      width: 'minmax(10rem, 1.3fr)',
      cell: (port) => (
        <span className="flex min-w-0 flex-col text-xs leading-5">
          <span className="truncate text-sm">{port.name || <Muted>Unnamed</Muted>}</span>
          <span className="truncate font-mono text-slate-500 dark:text-slate-400" title={port.id}>
            {port.id}
          </span>
        </span>
      ),
    },
    {
      id: 'owner',
      header: 'Attached to',
      width: 'minmax(10rem, 1.3fr)',
      cell: (port) => (
        <span className="flex min-w-0 flex-col text-xs leading-5" title={port.deviceOwner || undefined}>
          <span className="truncate text-sm">{port.deviceOwnerLabel}</span>
          {port.server ? <PortServer server={port.server} serverHref={serverHref} /> : null}
        </span>
      ),
    },
    {
      id: 'ips',
      header: 'Fixed IPs',
      width: 'minmax(9rem, 1.2fr)',
      cell: ({ fixedIps }) => {
        if (fixedIps.length === 0) return <Muted>None</Muted>;
        const shown = fixedIps.slice(0, 2);
        const more = fixedIps.length - shown.length;
        return (
          <span className="flex min-w-0 flex-col font-mono text-xs leading-5" title={fixedIps.map((ip) => ip.ipAddress).join('\n')}>
            {shown.map((ip, i) => (
              <span key={ip.ipAddress} className="truncate">
                {ip.ipAddress}
                {i === shown.length - 1 && more > 0 ? <span className="font-sans text-slate-500 dark:text-slate-400"> +{more} more</span> : null}
              </span>
            ))}
          </span>
        );
      },
    },
    {
      id: 'mac',
      header: 'MAC address',
      width: '9.5rem',
      cell: ({ macAddress }) => (macAddress ? <span className="font-mono text-xs">{macAddress}</span> : <Muted>Not shown</Muted>),
    },
    {
      id: 'status',
      header: 'Status',
      width: '8rem',
      cell: (port) => <PortStatusBadge status={port.status} adminStateUp={port.adminStateUp} />,
    },
  ];
}

function PortServer({ server, serverHref }: { server: NonNullable<NetworkPort['server']>; serverHref: (id: string) => string }) {
  if (server.deleted) {
    return (
      <span className="truncate text-slate-500 italic dark:text-slate-400" title={server.id}>
        {server.name ?? 'deleted server'}
      </span>
    );
  }
  return (
    // Out of the tab order: the grid is one tab stop, and Enter on the row opens the server.
    <Link to={serverHref(server.id)} tabIndex={-1} className="truncate font-medium text-indigo-700 hover:underline dark:text-indigo-300" title={server.id}>
      {server.name ?? server.id}
    </Link>
  );
}
