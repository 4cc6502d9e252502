import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { SelectField } from '../../../components/form/select-field';
import { ResourceTable, type ResourceColumn } from '../../../components/resource-table';
import { SearchBox } from '../../../components/search/search-box';
import { useUrlListParams } from '../../../components/search/use-url-list-params';
import { useUrlSearchText } from '../../../components/search/use-url-search-text';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { networkStatuses, type NetworkList, type NetworkSearchInfo, type NetworkSummary } from '../../../domain/api';
import { planNetworkSearch, subnetMatches, type NetworkSearch } from '../../../domain/network/search';
import { isNarrowed, isSortKey, readListParams, toggleSort, writeListParams, type NetworkListParams } from '../api/list-params';
import { networksListQuery } from '../api/network-queries';
import { adminStateWords, Muted, NetworkStatusBadge, networkStatusLook, networkStatusLabel, YesNo } from './network-words';

export interface NetworksPageProps {
  /** The detail page's URL of a network (for the name links). */
  networkHref: (id: string) => string;
  /** Open a network's detail (a row clicked, or Enter on the active row). */
  onOpenNetwork: (id: string) => void;
  /** A project's name when the session knows it (the user's own projects); the id is shown otherwise. */
  projectName?: ((projectId: string) => string | undefined) | undefined;
}

const getItems = (page: NetworkList) => page.items;
const networkId = (network: NetworkSummary) => network.id;

const statusOptions = [{ value: '', label: 'All statuses' }, ...networkStatuses.map((status) => ({ value: status, label: networkStatusLook[status].label }))];
const yesNoOptions = [
  { value: '', label: 'Any' },
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];
const yesNoValue = (value: boolean | undefined) => (value === undefined ? '' : String(value));
const readYesNo = (value: string) => (value === '' ? undefined : value === 'true');

export function NetworksPage({ networkHref, onOpenNetwork, projectName }: NetworksPageProps) {
  const { params, update, updateSearch } = useUrlListParams(readListParams, writeListParams);
  const search = useUrlSearchText(params.q ?? '', updateSearch);

  const listQuery = networksListQuery(params);
  const list = useInfiniteQuery({ ...listQuery, placeholderData: keepPreviousData });

  const plan = useMemo(() => (params.q ? planNetworkSearch(params.q) : undefined), [params.q]);
  const columns = useMemo(() => networkColumns(networkHref, onOpenNetwork, plan, projectName), [networkHref, onOpenNetwork, plan, projectName]);
  const lastPage = list.isPlaceholderData ? undefined : list.data?.pages.at(-1);
  const partial = Boolean(lastPage?.partial && list.hasNextPage);
  const searching = list.isPlaceholderData || !search.settled;

  const clear = () => {
    search.clear();
    update((p) => ({ ...p, q: undefined, shared: undefined, external: undefined, status: undefined }));
  };

  return (
    <>
      <PageHeader title="Networks" description="Networks of the current project, and those shared with it." />
      <div role="search" aria-label="Find networks" className="mt-4 flex flex-wrap items-end gap-4">
        <SearchBox
          label="Search networks"
          placeholder="Name, CIDR, IP address or ID"
          value={search.text}
          onChange={search.setText}
          busy={searching && list.isFetching}
        />
        <div className="w-28">
          <SelectField label="Shared" options={yesNoOptions} value={yesNoValue(params.shared)} onChange={(event) => update((p) => ({ ...p, shared: readYesNo(event.target.value) }))} />
        </div>
        <div className="w-28">
          <SelectField
            label="External"
            options={yesNoOptions}
            value={yesNoValue(params.external)}
            onChange={(event) => update((p) => ({ ...p, external: readYesNo(event.target.value) }))}
          />
        </div>
        <div className="w-44">
          <SelectField
            label="Status"
            options={statusOptions}
            value={params.status ?? ''}
            onChange={(event) => update((p) => ({ ...p, status: (event.target.value || undefined) as NetworkListParams['status'] }))}
          />
        </div>
      </div>
      <ResourceTable
        label="Networks"
        columns={columns}
        query={list}
        queryKey={listQuery.queryKey}
        getRows={getItems}
        rowKey={networkId}
        onOpen={(network) => onOpenNetwork(network.id)}
        sort={{ column: params.sort, direction: params.dir }}
        onSort={(column) => {
          if (isSortKey(column)) update((p) => toggleSort(p, column));
        }}
        noun={{ singular: 'network', plural: 'networks' }}
        resetKey={writeListParams(params).toString()}
        loadMoreLabel={partial ? 'Search further' : 'Load more'}
        notice={params.q && lastPage?.search ? <SearchNotice q={params.q} search={lastPage.search} partial={partial} /> : null}
        empty={
          isNarrowed(params) ? (
            <EmptyState title="No networks match">
              <p>
                {params.q ? <>Nothing matches “{params.q}”</> : 'Nothing matches'}
                {filterWords(params)}
                {list.hasNextPage ? ' in the networks searched so far.' : '.'}
              </p>
              <p className="mt-4">
                <Button onClick={clear}>{params.q ? 'Clear search' : 'Clear filters'}</Button>
              </p>
            </EmptyState>
          ) : (
            <EmptyState title="No networks yet">This project has no networks, and none are shared with it.</EmptyState>
          )
        }
      />
    </>
  );
}

/** " that is shared, not external and down": the filters in words, for the empty state. */
function filterWords({ shared, external, status }: NetworkListParams): string {
  const parts = [
    shared === undefined ? undefined : shared ? 'shared' : 'not shared',
    external === undefined ? undefined : external ? 'external' : 'not external',
    status ? `with the status ${networkStatusLabel(status)}` : undefined,
  ].filter((part): part is string => part !== undefined);
  if (parts.length === 0) return '';
  return ` among the networks ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]}`;
}

/** How the BFF read the search box, and whether its scan has more to go. */
function SearchNotice({ q, search, partial }: { q: string; search: NetworkSearchInfo; partial: boolean }) {
  const reading: Record<NetworkSearchInfo['kind'], string> = {
    id: `Looking up the network with the ID ${q}.`,
    cidr: `Networks with a subnet of exactly ${q}.`,
    ip: `Networks with a subnet that contains ${q}.`,
    name: search.partialName
      ? `Names that contain “${q}”, any case. Neutron matches whole names only, so Stackdeck reads the names and matches them itself.`
      : `Networks named “${q}”.`,
  };
  return (
    <div className="grid gap-2">
      <p className="text-sm text-slate-600 dark:text-slate-400">{reading[search.kind]}</p>
      {partial ? (
        <p className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-2.5 text-sm text-amber-950 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-100">
          Searched part of the networks so far. Keep scrolling to search further.
        </p>
      ) : null}
    </div>
  );
}

function networkColumns(
  networkHref: (id: string) => string,
  onOpenNetwork: (id: string) => void,
  plan: NetworkSearch | undefined,
  projectName: ((projectId: string) => string | undefined) | undefined,
): Array<ResourceColumn<NetworkSummary>> {
  return [
    {
      id: 'name',
      header: 'Name',
      sortable: true,
      width: 'minmax(11rem, 1.6fr)',
      cell: (network) => (
        // Out of the tab order: the grid is one tab stop and Enter opens the active row.
        <Link
          to={networkHref(network.id)}
          tabIndex={-1}
          onClick={(event) => {
            // A plain click opens it as a row does (keeping the way back); modified clicks open a tab.
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
            event.preventDefault();
            onOpenNetwork(network.id);
          }}
          className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
        >
          {network.name || <span className="font-mono text-xs">{network.id}</span>}
        </Link>
      ),
    },
    {
      id: 'subnets',
      header: 'Subnets',
      width: 'minmax(10rem, 1.4fr)',
      cell: (network) => <SubnetsCell subnets={network.subnets} plan={plan} />,
    },
    { id: 'shared', header: 'Shared', width: '5rem', cell: (network) => <YesNo value={network.shared} /> },
    { id: 'external', header: 'External', width: '5.5rem', cell: (network) => <YesNo value={network.external} /> },
    { id: 'status', header: 'Status', sortable: true, width: '7.5rem', cell: (network) => <NetworkStatusBadge status={network.status} /> },
    {
      id: 'admin',
      header: 'Admin state',
      width: '6.5rem',
      cell: (network) => (network.adminStateUp ? adminStateWords(true) : <span className="font-medium text-amber-800 dark:text-amber-200">{adminStateWords(false)}</span>),
    },
    {
      id: 'project',
      header: 'Project',
      width: 'minmax(8rem, 1fr)',
      cell: ({ projectId }) => <ProjectCell projectId={projectId} projectName={projectName} />,
    },
  ];
}

/** The subnets' CIDRs, two shown and the rest counted; the ones a CIDR or address search matched come first. */
function SubnetsCell({ subnets, plan }: { subnets: NetworkSummary['subnets']; plan: NetworkSearch | undefined }) {
  if (subnets.length === 0) return <Muted>No subnets</Muted>;
  const matched = (cidr: string | null) => (plan?.kind === 'cidr' || plan?.kind === 'ip') && cidr !== null && subnetMatches(plan, cidr);
  const ordered = [...subnets].sort((a, b) => Number(matched(b.cidr)) - Number(matched(a.cidr)));
  const shown = ordered.slice(0, 2);
  const more = ordered.length - shown.length;
  return (
    <span className="flex min-w-0 flex-col text-xs leading-5" title={ordered.map((s) => s.cidr ?? `${s.id} (not readable)`).join('\n')}>
      {shown.map((subnet, i) => (
        <span key={subnet.id} className="flex min-w-0 items-center gap-1.5">
          {subnet.cidr === null ? (
            <Muted>Unknown subnet</Muted>
          ) : (
            <span className={matched(subnet.cidr) ? 'truncate font-mono font-semibold' : 'truncate font-mono'}>{subnet.cidr}</span>
          )}
          {i === shown.length - 1 && more > 0 ? <span className="shrink-0 text-slate-500 dark:text-slate-400">+{more} more</span> : null}
        </span>
      ))}
    </span>
  );
}

function ProjectCell({ projectId, projectName }: { projectId: string | null; projectName: ((projectId: string) => string | undefined) | undefined }) {
  if (projectId === null) return <Muted>Not shown</Muted>;
  const name = projectName?.(projectId);
  if (name) return <span title={projectId}>{name}</span>;
  return (
    <span className="font-mono text-xs" title={projectId}>
      {projectId.slice(0, 8)}…
    </span>
  );
}
