import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { SelectField } from '../../../components/form/select-field';
import { ResourceTable, uniqueRows, type ResourceColumn, type RowSelection } from '../../../components/resource-table';
import { SearchBox } from '../../../components/search/search-box';
import { useUrlListParams } from '../../../components/search/use-url-list-params';
import { useUrlSearchText } from '../../../components/search/use-url-search-text';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { serverStatuses, type ServerList, type ServerSummary } from '../../../domain/api';
import { formatDateTime, formatMemory, formatRelativeTime } from '../../../lib/format';
import { isSortKey, readListParams, toggleSort, writeListParams, type ServerListParams } from '../api/list-params';
import { serverChangesQuery, serversListQuery } from '../api/server-queries';
import { ResizeDecision, RowActionsMenu, type StartAction } from './action-controls';
import { BulkBar } from './bulk-bar';
import { AddressesCell } from './server-addresses';
import { ServerStatusBadge, statusLook } from './server-status';
import { useActionFlow } from './use-action-flow';

export interface ServersPageProps {
  /** The detail page's URL of a server (for the name links). */
  serverHref: (id: string) => string;
  /** Open a server's detail (a row clicked, or Enter on the active row). */
  onOpenServer: (id: string) => void;
  /** The tasks page pointing at one task (links in bulk results). */
  taskHref: (id: string) => string;
}

/** The first changes request looks back this far before the list's first page, for clock skew. */
const changesLookBackMs = 60_000;

const getItems = (page: ServerList) => page.items;
const serverId = (server: ServerSummary) => server.id;
const statusOptions = [
  { value: '', label: 'All statuses' },
  ...serverStatuses.map((status) => ({ value: status, label: statusLook[status].label })),
];

const noSelection: ReadonlySet<string> = new Set();

export function ServersPage({ serverHref, onOpenServer, taskHref }: ServersPageProps) {
  const { params, update, updateSearch } = useUrlListParams(readListParams, writeListParams);
  // The box answers every keystroke; the URL (and so the query) follows once typing settles.
  const search = useUrlSearchText(params.q ?? '', updateSearch);

  const listQuery = serversListQuery(params);
  const list = useInfiniteQuery({ ...listQuery, placeholderData: keepPreviousData });

  // Selected rows (UI state): a new search, filter or sort starts with none.
  const viewKey = writeListParams(params).toString();
  const [selected, setSelected] = useState<{ key: string; ids: ReadonlySet<string> }>({ key: viewKey, ids: noSelection });
  const selectedIds = selected.key === viewKey ? selected.ids : noSelection;
  const setSelectedIds = useCallback((ids: ReadonlySet<string>) => setSelected({ key: viewKey, ids }), [viewKey]);
  const clearSelection = useCallback(() => setSelectedIds(noSelection), [setSelectedIds]);
  const pages = list.data?.pages;
  const selectedServers = useMemo(
    () => (selectedIds.size === 0 ? [] : uniqueRows(pages ?? [], getItems, serverId).rows.filter((s) => selectedIds.has(s.id))),
    [pages, selectedIds],
  );
  const selection = useMemo<RowSelection<ServerSummary>>(
    () => ({ selected: selectedIds, onChange: setSelectedIds, rowLabel: (s) => `Select ${s.name || s.id}`, allLabel: 'Select all loaded servers' }),
    [selectedIds, setSelectedIds],
  );

  const flow = useActionFlow({ taskHref, onBulkDone: clearSelection });
  const { start, startBulk } = flow;
  const columns = useMemo(() => serverColumns(serverHref, onOpenServer, params.q, start), [serverHref, onOpenServer, params.q, start]);
  const filtered = Boolean(params.q || params.status);
  const lastPage = list.data?.pages.at(-1);
  const partial = Boolean(lastPage?.partial && list.hasNextPage);
  const searching = list.isPlaceholderData || !search.settled;

  const clear = () => {
    search.clear();
    update((p) => ({ ...p, q: undefined, status: undefined }));
  };

  return (
    <>
      <PageHeader title="Servers" description="Virtual machines in the current project." />
      {list.isSuccess ? <ChangesFeed /> : null}
      <div role="search" aria-label="Find servers" className="mt-4 flex flex-wrap items-end gap-4">
        <SearchBox
          label="Search servers"
          placeholder="Name, IP address, ID or the start of an ID"
          value={search.text}
          onChange={search.setText}
          busy={searching && list.isFetching}
        />
        <div className="w-56">
          <SelectField
            label="Status"
            options={statusOptions}
            value={params.status ?? ''}
            onChange={(event) => update((p) => ({ ...p, status: (event.target.value || undefined) as ServerListParams['status'] }))}
          />
        </div>
      </div>
      {flow.element}
      {selectedServers.length > 0 ? (
        <div className="mt-4">
          <BulkBar servers={selectedServers} onAction={(action, returnFocus) => startBulk(action, selectedServers, returnFocus)} onClear={clearSelection} />
        </div>
      ) : null}
      <ResourceTable
        label="Servers"
        columns={columns}
        selection={selection}
        query={list}
        queryKey={listQuery.queryKey}
        getRows={getItems}
        rowKey={serverId}
        onOpen={(server) => onOpenServer(server.id)}
        sort={{ column: params.sort, direction: params.dir }}
        onSort={(column) => {
          if (isSortKey(column)) update((p) => toggleSort(p, column));
        }}
        noun={{ singular: 'server', plural: 'servers' }}
        resetKey={writeListParams(params).toString()}
        loadMoreLabel={partial ? 'Search further' : 'Load more'}
        notice={
          partial ? (
            <p className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-2.5 text-sm text-amber-950 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-100">
              Searched part of the servers so far. Keep scrolling to search further.
            </p>
          ) : null
        }
        empty={
          filtered ? (
            <EmptyState title="No servers match">
              <p>
                {params.q ? <>Nothing matches “{params.q}”</> : 'Nothing matches'}
                {params.status ? <> with the status {statusLook[params.status].label}</> : null}
                {list.hasNextPage ? ' in the servers searched so far.' : '.'}
              </p>
              <p className="mt-4">
                <Button onClick={clear}>{params.q ? 'Clear search' : 'Clear filter'}</Button>
              </p>
            </EmptyState>
          ) : (
            <EmptyState title="No servers yet">This project has no servers.</EmptyState>
          )
        }
      />
    </>
  );
}

/**
 * Keeps the loaded rows fresh while the list is on screen (see `serverChangesQuery`). Mounted once
 * the list has loaded; its first request looks back from then (later ones go on from the BFF's
 * `asOf`).
 */
function ChangesFeed() {
  const [since] = useState(() => new Date(Date.now() - changesLookBackMs).toISOString());
  useQuery(serverChangesQuery(since));
  return null;
}

function serverColumns(
  serverHref: (id: string) => string,
  onOpenServer: (id: string) => void,
  search: string | undefined,
  onAction: StartAction,
): Array<ResourceColumn<ServerSummary>> {
  return [
    {
      id: 'name',
      header: 'Name',
      sortable: true,
      width: 'minmax(11rem, 1.6fr)',
      cell: (server) => (
        // Out of the tab order: the grid is one tab stop and Enter opens the active row.
        <Link
          to={serverHref(server.id)}
          tabIndex={-1}
          onClick={(event) => {
            // A plain click opens it as a row does (keeping the way back); modified clicks open a tab.
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
            event.preventDefault();
            onOpenServer(server.id);
          }}
          className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
        >
          {server.name || server.id}
        </Link>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      sortable: true,
      width: 'minmax(10rem, 1.2fr)',
      cell: (server) => <ServerStatusBadge server={server} />,
    },
    {
      id: 'addresses',
      header: 'Addresses',
      width: 'minmax(10rem, 1.3fr)',
      cell: (server) => <AddressesCell server={server} search={search} />,
    },
    {
      id: 'flavor',
      header: 'Flavor',
      width: 'minmax(8rem, 1fr)',
      cell: ({ flavor }) =>
        flavor ? (
          <span className="flex min-w-0 flex-col text-xs leading-5">
            <span className="truncate text-sm">{flavor.name}</span>
            {flavor.vcpus !== undefined && flavor.ramMb !== undefined ? (
              <span className="text-slate-600 dark:text-slate-400">
                {flavor.vcpus} vCPU · {formatMemory(flavor.ramMb)}
              </span>
            ) : null}
          </span>
        ) : (
          <span className="text-slate-500">Unknown</span>
        ),
    },
    {
      id: 'image',
      header: 'Image',
      width: 'minmax(8rem, 1fr)',
      cell: ({ image }) =>
        image === null ? (
          <span className="text-slate-600 dark:text-slate-400">Volume</span>
        ) : (
          <span title={image.id}>{image.name ?? 'Unknown image'}</span>
        ),
    },
    {
      id: 'created',
      header: 'Created',
      sortable: true,
      width: '8rem',
      cell: ({ created }) => (
        <time dateTime={created} title={formatDateTime(created)}>
          {formatRelativeTime(created)}
        </time>
      ),
    },
    {
      id: 'actions',
      header: 'Actions',
      width: '11rem',
      className: 'flex items-center justify-end gap-1.5',
      // A resize waiting for its answer gets it right here; every action is in the row's menu.
      cell: (server) => (
        <>
          {server.status === 'VERIFY_RESIZE' ? <ResizeDecision server={server} onAction={onAction} inGrid /> : null}
          <RowActionsMenu server={server} onAction={onAction} />
        </>
      ),
    },
  ];
}
