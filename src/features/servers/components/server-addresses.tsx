import type { ServerSummary } from '../../../domain/api';

type Address = ServerSummary['addresses'][number]['addresses'][number] & { network: string };

/**
 * Every address of a server, IPv4 first and floating before fixed within a version; an address
 * the search found (it starts with `search`) comes before all, so the row shows why it matched.
 */
export function orderedAddresses(server: Pick<ServerSummary, 'addresses'>, search?: string): Address[] {
  const all = server.addresses.flatMap((group) => group.addresses.map((a) => ({ ...a, network: group.network })));
  const needle = search?.toLowerCase();
  const rank = (a: Address) =>
    (needle && a.addr.toLowerCase().startsWith(needle) ? 0 : 4) + (a.version === 4 ? 0 : 2) + (a.type === 'floating' ? 0 : 1);
  return all.map((a, i) => [a, i] as const).sort(([a, i], [b, j]) => rank(a) - rank(b) || i - j).map(([a]) => a);
}

/** A list cell: the first two addresses, the rest counted. */
export function AddressesCell({ server, search }: { server: Pick<ServerSummary, 'addresses'>; search?: string | undefined }) {
  const addresses = orderedAddresses(server, search);
  if (addresses.length === 0) return <span className="text-slate-500 dark:text-slate-400">None</span>;
  const shown = addresses.slice(0, 2);
  const more = addresses.length - shown.length;
  return (
    <span className="flex min-w-0 flex-col text-xs leading-5" title={addresses.map((a) => `${a.addr} (${a.network}, ${a.type})`).join('\n')}>
      {shown.map((a) => (
        <span key={`${a.network}-${a.addr}`} className="flex min-w-0 items-center gap-1.5">
          <span className="truncate font-mono">{a.addr}</span>
          {a.type === 'floating' ? <FloatingMark /> : null}
          {a === shown.at(-1) && more > 0 ? <span className="shrink-0 text-slate-500 dark:text-slate-400">+{more} more</span> : null}
        </span>
      ))}
    </span>
  );
}

export function FloatingMark() {
  return (
    <span className="shrink-0 rounded bg-violet-100 px-1 text-[0.65rem] font-semibold tracking-wide text-violet-800 uppercase dark:bg-violet-950 dark:text-violet-200">
      floating
    </span>
  );
}
