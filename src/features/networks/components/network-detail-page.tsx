import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { BackLink, DateTimeFact, DetailSection, Fact, Facts } from '../../../components/detail/detail-section';
import { CopyButton } from '../../../components/ui/copy-button';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorNotice } from '../../../components/ui/error-notice';
import { PageHeader } from '../../../components/ui/page-header';
import type { NetworkDetail, Subnet } from '../../../domain/api';
import { isApiError } from '../../../lib/errors';
import { useRecovery } from '../../../lib/use-recovery';
import { networkQuery } from '../api/network-queries';
import { adminStateWords, Muted, NetworkStatusBadge, networkStatusLabel, YesNo } from './network-words';
import { PortsTable } from './ports-table';

export interface NetworkDetailPageProps {
  id: string;
  /** Where "All networks" goes: the list as the user left it. */
  listHref: string;
  /** The server detail's URL, for the servers of `compute:*` ports. */
  serverHref: (id: string) => string;
  /** A project's name when the session knows it; the id is shown otherwise. */
  projectName?: ((projectId: string) => string | undefined) | undefined;
}

export function NetworkDetailPage({ id, listHref, serverHref, projectName }: NetworkDetailPageProps) {
  const network = useQuery(networkQuery(id));
  const { failure, retryIn, retryNow } = useRecovery(network, networkQuery(id).queryKey);

  // Shown while the tries go on (the query stays pending through them) and once they end; a page
  // already on screen stays while a refetch of it tries again.
  if (failure !== null && (network.isError || network.data === undefined)) {
    if (isApiError(failure) && failure.status === 404) {
      return (
        <>
          <BackLink to={listHref}>All networks</BackLink>
          <PageHeader title="Network not found" />
          <EmptyState title="Nothing to show">
            <p>This network no longer exists, or it belongs to another project.</p>
            <p className="mt-4">
              <Link to={listHref} className="font-semibold text-indigo-700 underline underline-offset-4 dark:text-indigo-300">
                Back to the networks
              </Link>
            </p>
          </EmptyState>
        </>
      );
    }
    return (
      <>
        <BackLink to={listHref}>All networks</BackLink>
        <PageHeader title="Network" />
        <div className="mt-6">
          <ErrorNotice title="The network could not be loaded" error={failure} onRetry={retryNow} retryIn={retryIn} />
        </div>
      </>
    );
  }

  if (network.data === undefined) {
    return (
      <>
        <BackLink to={listHref}>All networks</BackLink>
        <PageHeader title="Network" />
        <p role="status" className="mt-6 text-sm text-slate-600 dark:text-slate-400">
          Loading the network…
        </p>
        <div aria-hidden="true" className="mt-4 grid gap-4 lg:grid-cols-2">
          {[0, 1, 2].map((i) => (
            <div key={i} className="h-40 animate-pulse rounded-xl bg-slate-200/70 motion-reduce:animate-none dark:bg-slate-800" />
          ))}
        </div>
      </>
    );
  }

  const n = network.data;
  return (
    <>
      <BackLink to={listHref}>All networks</BackLink>
      <PageHeader
        title={n.name || n.id}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <NetworkStatusBadge status={n.status} />
            <span className="inline-flex items-center gap-1">
              <span className="text-slate-500">ID</span>
              <code className="font-mono text-xs select-all">{n.id}</code>
              <CopyButton value={n.id} label="Copy ID" />
            </span>
          </span>
        }
      />
      <div className="mt-6 grid gap-6">
        <Summary network={n} projectName={projectName} />
        <DetailSection title="Subnets">
          <SubnetsTable subnets={n.subnets} />
        </DetailSection>
        <DetailSection title="Ports">
          <PortsTable networkId={n.id} serverHref={serverHref} />
        </DetailSection>
      </div>
    </>
  );
}

function Summary({ network: n, projectName }: { network: NetworkDetail; projectName: NetworkDetailPageProps['projectName'] }) {
  const project = n.projectId === null ? undefined : projectName?.(n.projectId);
  return (
    <DetailSection title="Summary">
      <div className="grid gap-x-8 gap-y-2 lg:grid-cols-2">
        <Facts>
          <Fact label="Status">{networkStatusLabel(n.status)}</Fact>
          <Fact label="Admin state">{adminStateWords(n.adminStateUp)}</Fact>
          <Fact label="Shared">
            <YesNo value={n.shared} />
          </Fact>
          <Fact label="External">
            {n.external ? 'Yes (routers can use it as their gateway; floating IPs come from it)' : <YesNo value={false} />}
          </Fact>
          <Fact label="MTU">{n.mtu === null ? <Muted>Not shown</Muted> : `${n.mtu} bytes`}</Fact>
          <Fact label="Port security">{n.portSecurityEnabled === null ? <Muted>Not shown</Muted> : n.portSecurityEnabled ? 'Enabled' : 'Disabled'}</Fact>
          <Fact label="Availability zones">{n.availabilityZones.length > 0 ? n.availabilityZones.join(', ') : <Muted>None</Muted>}</Fact>
        </Facts>
        <Facts>
          <Fact label="Project">
            {n.projectId === null ? (
              <Muted>Not shown</Muted>
            ) : (
              <>
                {project ? `${project} ` : null}
                <code className="font-mono text-xs break-all text-slate-600 dark:text-slate-400">{n.projectId}</code>
              </>
            )}
          </Fact>
          <Fact label="Created">
            <DateTimeFact iso={n.createdAt} missing="Not shown" />
          </Fact>
          <Fact label="Updated">
            <DateTimeFact iso={n.updatedAt} missing="Not shown" />
          </Fact>
          <Fact label="Tags">
            {n.tags.length > 0 ? (
              <ul className="flex flex-wrap gap-1.5">
                {n.tags.map((tag) => (
                  <li key={tag} className="rounded-md bg-slate-100 px-2 py-0.5 text-xs dark:bg-slate-800">
                    {tag}
                  </li>
                ))}
              </ul>
            ) : (
              <Muted>None</Muted>
            )}
          </Fact>
          {n.description ? <Fact label="Description">{n.description}</Fact> : null}
        </Facts>
      </div>
    </DetailSection>
  );
}

const ipv6Modes: Record<string, string> = { slaac: 'SLAAC', 'dhcpv6-stateful': 'DHCPv6 stateful', 'dhcpv6-stateless': 'DHCPv6 stateless' };

function SubnetsTable({ subnets }: { subnets: Subnet[] }) {
  if (subnets.length === 0) return <Muted>This network has no subnets: ports on it get no addresses.</Muted>;
  const th = 'py-1.5 pr-4 font-medium whitespace-nowrap';
  return (
    <div className="overflow-x-auto">
      <table aria-label="Subnets" className="w-full text-left text-sm">
        <thead className="text-xs text-slate-600 dark:text-slate-400">
          <tr>
            <th scope="col" className={th}>Name</th>
            <th scope="col" className={th}>CIDR</th>
            <th scope="col" className={th}>IP version</th>
            <th scope="col" className={th}>Gateway</th>
            <th scope="col" className={th}>Allocation pools</th>
            <th scope="col" className={th}>DHCP</th>
            <th scope="col" className={th}>DNS servers</th>
            <th scope="col" className={th}>Host routes</th>
          </tr>
        </thead>
        <tbody>
          {subnets.map((s) => (
            <tr key={s.id} className="border-t border-slate-100 align-top dark:border-slate-800">
              <th scope="row" className="py-2 pr-4 font-normal">
                {s.name || <Muted>Unnamed</Muted>}
                <span className="block font-mono text-xs text-slate-500 dark:text-slate-400">{s.id}</span>
              </th>
              <td className="py-2 pr-4">
                <span className="inline-flex items-center gap-1">
                  <code className="font-mono text-xs whitespace-nowrap">{s.cidr}</code>
                  <CopyButton value={s.cidr} label={`Copy ${s.cidr}`} />
                </span>
              </td>
              <td className="py-2 pr-4 whitespace-nowrap">
                IPv{s.ipVersion}
                {s.ipVersion === 6 && s.ipv6AddressMode ? <Muted> · {ipv6Modes[s.ipv6AddressMode] ?? s.ipv6AddressMode}</Muted> : null}
              </td>
              <td className="py-2 pr-4 font-mono text-xs">{s.gatewayIp ?? <Muted>No gateway</Muted>}</td>
              <td className="py-2 pr-4 font-mono text-xs">
                {s.allocationPools.length > 0 ? (
                  <ul>
                    {s.allocationPools.map((pool) => (
                      <li key={`${pool.start}-${pool.end}`} className="whitespace-nowrap">
                        {pool.start} – {pool.end}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Muted>None</Muted>
                )}
              </td>
              <td className="py-2 pr-4">{s.enableDhcp ? 'Enabled' : 'Disabled'}</td>
              <td className="py-2 pr-4 font-mono text-xs">
                {s.dnsNameservers.length > 0 ? s.dnsNameservers.map((dns) => <span key={dns} className="block">{dns}</span>) : <Muted>None set</Muted>}
              </td>
              <td className="py-2 font-mono text-xs">
                {s.hostRoutes.length > 0 ? (
                  <ul>
                    {s.hostRoutes.map((route) => (
                      <li key={`${route.destination}-${route.nexthop}`} className="whitespace-nowrap">
                        {route.destination} via {route.nexthop}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Muted>None</Muted>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
