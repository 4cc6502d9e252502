import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { BackLink, DateTimeFact, DetailSection, Fact, Facts } from '../../../components/detail/detail-section';
import { Button } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';
import { Disclosure } from '../../../components/ui/disclosure';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorNotice } from '../../../components/ui/error-notice';
import { PageHeader } from '../../../components/ui/page-header';
import { Tabs } from '../../../components/ui/tabs';
import type { ServerDetail } from '../../../domain/api';
import { cx } from '../../../lib/cx';
import { isApiError } from '../../../lib/errors';
import { useRecovery } from '../../../lib/use-recovery';
import { formatMemory } from '../../../lib/format';
import { consoleLines, serverConsoleQuery, serverQuery } from '../api/server-queries';
import { ResizeDecision } from './action-controls';
import { ServerActionToolbar } from './action-toolbar';
import { ActionLog } from './action-log';
import { NetworkName } from './network-name';
import { FloatingMark } from './server-addresses';
import { LockIcon, ServerStatusBadge, statusWords, taskWords } from './server-status';
import { useActionFlow } from './use-action-flow';

export interface ServerDetailPageProps {
  id: string;
  /** Where "All servers" goes: the list as the user left it. */
  listHref: string;
  /** The tasks page pointing at one task. */
  taskHref: (id: string) => string;
}

type TabId = 'overview' | 'console';

export function ServerDetailPage({ id, listHref, taskHref }: ServerDetailPageProps) {
  const server = useQuery(serverQuery(id));
  const { failure, retryIn, retryNow } = useRecovery(server, serverQuery(id).queryKey);
  const flow = useActionFlow({ taskHref });
  const [search, setSearch] = useSearchParams();
  // The tab answers at once; the URL (for a link or a reload) follows.
  const [tab, setTab] = useState<TabId>(search.get('tab') === 'console' ? 'console' : 'overview');
  const selectTab = (next: TabId) => {
    setTab(next);
    setSearch(
      (current) => {
        const params = new URLSearchParams(current);
        if (next === 'overview') params.delete('tab');
        else params.set('tab', next);
        return params;
      },
      { replace: true },
    );
  };

  // Shown while the tries go on (the query stays pending through them) and once they end; a page
  // already on screen stays while a refetch of it tries again.
  if (failure !== null && (server.isError || server.data === undefined)) {
    if (isApiError(failure) && failure.status === 404) {
      return (
        <>
          <BackLink to={listHref}>All servers</BackLink>
          <PageHeader title="This server no longer exists" />
          <EmptyState title="Nothing to show">
            <p>It may have been deleted, or the link may be wrong.</p>
            <p className="mt-4">
              <Link to={listHref} className="font-semibold text-indigo-700 underline underline-offset-4 dark:text-indigo-300">
                Back to the servers
              </Link>
            </p>
          </EmptyState>
        </>
      );
    }
    return (
      <>
        <BackLink to={listHref}>All servers</BackLink>
        <PageHeader title="Server" />
        <div className="mt-6">
          <ErrorNotice title="The server could not be loaded" error={failure} onRetry={retryNow} retryIn={retryIn} />
        </div>
      </>
    );
  }

  if (server.data === undefined) {
    return (
      <>
        <BackLink to={listHref}>All servers</BackLink>
        <PageHeader title="Server" />
        <p role="status" className="mt-6 text-sm text-slate-600 dark:text-slate-400">
          Loading the server…
        </p>
        <div aria-hidden="true" className="mt-4 grid gap-4 lg:grid-cols-2">
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="h-40 animate-pulse rounded-xl bg-slate-200/70 motion-reduce:animate-none dark:bg-slate-800" />
          ))}
        </div>
      </>
    );
  }

  const s = server.data;
  return (
    <>
      <BackLink to={listHref}>All servers</BackLink>
      <PageHeader
        title={s.name || s.id}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <ServerStatusBadge server={s} />
            <span className="inline-flex items-center gap-1">
              <span className="text-slate-500">ID</span>
              <code className="font-mono text-xs select-all">{s.id}</code>
              <CopyButton value={s.id} label="Copy ID" />
            </span>
          </span>
        }
        actions={<ServerActionToolbar server={s} onAction={flow.start} />}
      />
      {flow.element}
      {s.status === 'VERIFY_RESIZE' ? <ResizeCallout server={s} onAction={flow.start} /> : null}
      {s.fault ? <FaultPanel fault={s.fault} highlighted={s.status === 'ERROR'} /> : null}
      <div className="mt-6">
        <Tabs<TabId>
          label="Server"
          selected={tab}
          onSelect={selectTab}
          tabs={[
            { id: 'overview', label: 'Overview', panel: () => <Overview server={s} /> },
            { id: 'console', label: 'Console log', panel: () => <ConsolePanel id={s.id} /> },
          ]}
        />
      </div>
    </>
  );
}

/** A resize waiting for its answer: keep the new flavor, or go back to the old one. */
function ResizeCallout({ server, onAction }: { server: ServerDetail; onAction: Parameters<typeof ResizeDecision>[0]['onAction'] }) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      className="mt-6 flex flex-wrap items-center justify-between gap-4 rounded-xl border border-amber-300 bg-amber-50 p-5 text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-50"
    >
      <div>
        <h2 id={id} className="text-base font-semibold">
          Needs confirmation
        </h2>
        <p className="mt-1 text-sm">
          The server runs on its new flavor{server.flavor ? ` ${server.flavor.name}` : ''}. Confirm to keep it, or revert to go back to the previous one.
        </p>
      </div>
      <ResizeDecision server={server} onAction={onAction} />
    </section>
  );
}

function Muted({ children }: { children: ReactNode }) {
  return <span className="text-slate-500 dark:text-slate-400">{children}</span>;
}

function FaultPanel({ fault, highlighted }: { fault: NonNullable<ServerDetail['fault']>; highlighted: boolean }) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      className={cx(
        'mt-6 rounded-xl border p-5',
        highlighted
          ? 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950/50 dark:text-red-50'
          : 'border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900',
      )}
    >
      <h2 id={id} className="text-base font-semibold">
        Fault
      </h2>
      <p className="mt-2 font-medium break-words">{fault.message}</p>
      <p className="mt-1 text-sm opacity-80">
        Code {fault.code}
        {fault.created ? (
          <>
            {' · '}
            <DateTimeFact iso={fault.created} />
          </>
        ) : null}
      </p>
      {fault.details ? (
        <Disclosure className="mt-3" summary="Fault details">
          <pre tabIndex={0} role="region" aria-label="Fault details" className="max-h-80 overflow-auto rounded-lg bg-slate-950 p-3 font-mono text-xs leading-5 whitespace-pre-wrap text-slate-100">
            {fault.details}
          </pre>
        </Disclosure>
      ) : null}
    </section>
  );
}

function Overview({ server: s }: { server: ServerDetail }) {
  const status = statusWords(s.status);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <DetailSection title="Summary">
        <Facts>
          <Fact label="Status">
            {status.label}
            {s.taskState ? <Muted> · {taskWords(s.taskState)}{s.progress ? ` (${s.progress}%)` : ''}</Muted> : null}
          </Fact>
          <Fact label="Power">{s.powerState === 'no state' ? <Muted>No state</Muted> : capitalize(s.powerState)}</Fact>
          <Fact label="Locked">
            {s.locked ? (
              <span className="inline-flex items-center gap-1">
                <LockIcon className="size-4 text-amber-700 dark:text-amber-300" />
                Yes{s.lockedReason ? `: ${s.lockedReason}` : ' (no reason given)'}
              </span>
            ) : (
              'No'
            )}
          </Fact>
          <Fact label="Created">
            <DateTimeFact iso={s.created} />
          </Fact>
          <Fact label="Launched">
            <DateTimeFact iso={s.launchedAt} />
          </Fact>
          <Fact label="Updated">
            <DateTimeFact iso={s.updated} />
          </Fact>
          <Fact label="Host ID">{s.hostId ? <code className="font-mono text-xs break-all">{s.hostId}</code> : <Muted>No host</Muted>}</Fact>
          <Fact label="Availability zone">{s.availabilityZone ?? <Muted>None</Muted>}</Fact>
          <Fact label="Key pair">{s.keyName ?? <Muted>None</Muted>}</Fact>
          <Fact label="Project">
            <code className="font-mono text-xs break-all">{s.projectId}</code>
          </Fact>
          <Fact label="Created by">
            <code className="font-mono text-xs break-all">{s.userId}</code>
          </Fact>
          {s.description ? <Fact label="Description">{s.description}</Fact> : null}
        </Facts>
      </DetailSection>

      <DetailSection title="Flavor and image">
        <Facts>
          <Fact label="Flavor">{s.flavor?.name ?? <Muted>Unknown</Muted>}</Fact>
          {s.flavor?.vcpus !== undefined ? <Fact label="vCPUs">{s.flavor.vcpus}</Fact> : null}
          {s.flavor?.ramMb !== undefined ? <Fact label="RAM">{formatMemory(s.flavor.ramMb)}</Fact> : null}
          {s.flavor?.diskGb !== undefined ? <Fact label="Disk">{s.flavor.diskGb} GB</Fact> : null}
          <Fact label="Image">
            {s.image === null ? (
              'Booted from a volume'
            ) : (
              <>
                {s.image.name ?? <Muted>Unknown image</Muted>}{' '}
                <code className="font-mono text-xs break-all text-slate-500">{s.image.id}</code>
              </>
            )}
          </Fact>
        </Facts>
      </DetailSection>

      <DetailSection title="Addresses" className="lg:col-span-2">
        <AddressTables server={s} />
      </DetailSection>

      <DetailSection title="Security groups">
        {s.securityGroups.length > 0 ? (
          <ul className="flex flex-wrap gap-2">
            {s.securityGroups.map((group) => (
              <li key={group} className="rounded-md bg-slate-100 px-2 py-1 text-sm dark:bg-slate-800">
                {group}
              </li>
            ))}
          </ul>
        ) : (
          <Muted>None</Muted>
        )}
      </DetailSection>

      <DetailSection title="Volumes">
        {s.volumes.length > 0 ? (
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-slate-600 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 font-medium">
                  Volume ID
                </th>
                <th scope="col" className="py-1 font-medium">
                  Deleted with the server
                </th>
              </tr>
            </thead>
            <tbody>
              {s.volumes.map((volume) => (
                <tr key={volume.id} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="py-1.5 font-mono text-xs break-all">{volume.id}</td>
                  <td className="py-1.5">{volume.deleteOnTermination === undefined ? <Muted>Not shown</Muted> : volume.deleteOnTermination ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Muted>No volumes attached</Muted>
        )}
      </DetailSection>

      <DetailSection title="Metadata" className="lg:col-span-2">
        {Object.keys(s.metadata).length > 0 ? (
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-slate-600 dark:text-slate-400">
              <tr>
                <th scope="col" className="w-1/3 py-1 font-medium">
                  Key
                </th>
                <th scope="col" className="py-1 font-medium">
                  Value
                </th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(s.metadata)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([key, value]) => (
                  <tr key={key} className="border-t border-slate-100 dark:border-slate-800">
                    <th scope="row" className="py-1.5 pr-4 font-mono text-xs font-normal break-all">
                      {key}
                    </th>
                    <td className="py-1.5 break-all">{value}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        ) : (
          <Muted>No metadata</Muted>
        )}
      </DetailSection>

      <DetailSection title="Action log" className="lg:col-span-2">
        <ActionLog actions={s.actionLog} />
      </DetailSection>
    </div>
  );
}

function AddressTables({ server }: { server: ServerDetail }) {
  if (server.addresses.length === 0) return <Muted>No addresses</Muted>;
  return (
    <div className="grid gap-5">
      {server.addresses.map((group) => {
        const ordered = [...group.addresses].sort((a, b) => a.version - b.version);
        return (
          <table key={group.network} className="w-full text-left text-sm">
            <caption className="mb-1 text-left text-sm font-semibold">
              Network <NetworkName group={group} />
            </caption>
            <thead className="text-xs text-slate-600 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 font-medium">
                  Address
                </th>
                <th scope="col" className="py-1 font-medium">
                  Type
                </th>
                <th scope="col" className="py-1 font-medium">
                  Version
                </th>
                <th scope="col" className="py-1 font-medium">
                  MAC address
                </th>
              </tr>
            </thead>
            <tbody>
              {ordered.map((address) => (
                <tr key={`${address.type}-${address.addr}`} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="py-1">
                    <span className="inline-flex items-center gap-1">
                      <code className="font-mono text-xs break-all select-all">{address.addr}</code>
                      <CopyButton value={address.addr} label={`Copy ${address.addr}`} />
                    </span>
                  </td>
                  <td className="py-1">{address.type === 'floating' ? <FloatingMark /> : 'Fixed'}</td>
                  <td className="py-1">IPv{address.version}</td>
                  <td className="py-1 font-mono text-xs">{address.mac ?? <Muted>Not shown</Muted>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}

function ConsolePanel({ id }: { id: string }) {
  const output = useQuery(serverConsoleQuery(id));
  const pre = useRef<HTMLPreElement>(null);
  useEffect(() => {
    // The newest lines are at the end.
    if (pre.current) pre.current.scrollTop = pre.current.scrollHeight;
  }, [output.data]);

  return (
    <DetailSection
      title="Console log"
      actions={
        <Button pending={output.isFetching} onClick={() => void output.refetch()}>
          Refresh
        </Button>
      }
    >
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">The last {consoleLines} lines the server wrote to its console.</p>
      {output.isPending ? (
        <p role="status" className="text-sm">
          Loading the console log…
        </p>
      ) : output.isError ? (
        <ErrorNotice title="The console log could not be loaded" error={output.error} onRetry={() => void output.refetch()} retrying={output.isFetching} />
      ) : output.data ? (
        <pre
          ref={pre}
          // Focusable so it scrolls by keyboard; a named region so a screen reader can find it.
          tabIndex={0}
          role="region"
          aria-label="Console output"
          className="max-h-[32rem] overflow-auto rounded-lg bg-slate-950 p-4 font-mono text-xs leading-5 whitespace-pre text-slate-100"
        >
          {output.data}
        </pre>
      ) : (
        <Muted>The console log is empty.</Muted>
      )}
    </DetailSection>
  );
}

function capitalize(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
